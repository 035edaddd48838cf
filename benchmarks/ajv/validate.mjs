// Peer benchmark for `logconv validate`: reads a log file line by line and validates each line
// against logconv's strict JSON Schema with ajv 8 (draft-04 through ajv-draft-04), schema only,
// on one thread, as a Node.js service would. Prints lines/s for each run.
//
//   node validate.mjs <strict.schema.json> <file.log> [runs]
import Ajv from "ajv-draft-04";
import { readFileSync, createReadStream } from "node:fs";
import { createInterface } from "node:readline";

const [schemaPath, file, runsArg] = process.argv.slice(2);
if (!schemaPath || !file) {
  console.error("usage: node validate.mjs <strict.schema.json> <file.log> [runs]");
  process.exit(2);
}
const runs = Number(runsArg ?? 5);
const ajv = new Ajv({ allErrors: false, strict: false });
// draft-04 has no date-time format of its own in ajv without ajv-formats; the strict schema's
// "pattern" on ts enforces the same shape, so formats are ignored rather than failing the compile.
ajv.addFormat("date-time", true);
const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, "utf8")));

async function once() {
  let lines = 0;
  let invalid = 0;
  const rl = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  const t0 = process.hrtime.bigint();
  for await (const line of rl) {
    lines++;
    let doc;
    try {
      doc = JSON.parse(line);
    } catch {
      invalid++;
      continue;
    }
    if (!validate(doc)) invalid++;
  }
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  return { lines, invalid, rate: lines / secs };
}

const rates = [];
let last;
for (let i = -1; i < runs; i++) {
  last = await once();
  if (i >= 0) rates.push(last.rate);
}
rates.sort((a, b) => a - b);
const fmt = (n) => Math.round(n).toLocaleString("en-US");
console.log(
  `${file.split("/").pop().padEnd(24)} median ${fmt(rates[rates.length >> 1]).padStart(10)} lines/s  ` +
    `best ${fmt(rates[rates.length - 1]).padStart(10)} lines/s  (${runs} runs; ${last.invalid.toLocaleString("en-US")} invalid lines; ajv 8, node ${process.version})`,
);
