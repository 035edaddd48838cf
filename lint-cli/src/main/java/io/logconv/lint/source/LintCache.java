package io.logconv.lint.source;

import io.logconv.lint.Severity;
import io.logconv.lint.fix.Fix;
import io.logconv.lint.fix.Replacement;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-file results keyed by a hash of the file's content and the rule set, so a re-run over
 * unchanged files parses nothing. The file holds nothing but rule ids, positions, messages, fixes
 * (replacement ranges and text from the file itself) and line hashes. A cache written by another rule set or format version is ignored as a whole; a
 * cache that cannot be read is treated as empty (it is only a cache).
 */
final class LintCache {
  private static final int MAGIC = 0x4c434333; // "LCC3": hits carry fixes, files their index
  /** Entries kept from earlier runs beyond those used by this one, so the file stays bounded. */
  private static final int MAX_STALE = 50_000;

  private final Path file;
  private final String fingerprint;
  private final Map<String, FileResult> previous = new ConcurrentHashMap<>();
  private final Map<String, FileResult> current = new ConcurrentHashMap<>();

  /** What linting one file produced. */
  record FileResult(
      List<Hit> hits,
      List<String> lineHashes,
      int suppressed,
      boolean parseFailure,
      List<ProjectIndex.TypeSummary> types,
      List<ProjectIndex.Question> questions,
      boolean prefiltered) {

    FileResult(List<Hit> hits, List<String> lineHashes, int suppressed, boolean parseFailure) {
      this(hits, lineHashes, suppressed, parseFailure, List.of(), List.of(), false);
    }
  }

  LintCache(Path file, String fingerprint) {
    this.file = file;
    this.fingerprint = fingerprint;
  }

  void load() {
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      if (in.readInt() != MAGIC || !in.readUTF().equals(fingerprint)) {
        return;
      }
      int n = in.readInt();
      for (int i = 0; i < n; i++) {
        String key = in.readUTF();
        int suppressed = in.readInt();
        boolean failure = in.readBoolean();
        int hits = in.readInt();
        List<Hit> hs = new ArrayList<>(hits);
        List<String> hashes = new ArrayList<>(hits);
        for (int j = 0; j < hits; j++) {
          hs.add(new Hit(in.readUTF(), Severity.valueOf(in.readUTF()), in.readInt(), in.readInt(),
              in.readUTF(), readFix(in)));
          hashes.add(in.readUTF());
        }
        int nt = in.readInt();
        List<ProjectIndex.TypeSummary> types = new ArrayList<>(nt);
        for (int j = 0; j < nt; j++) {
          types.add(ProjectIndex.TypeSummary.read(in));
        }
        int nq = in.readInt();
        List<ProjectIndex.Question> questions = new ArrayList<>(nq);
        for (int j = 0; j < nq; j++) {
          questions.add(ProjectIndex.Question.read(in));
        }
        boolean prefiltered = in.readBoolean();
        previous.put(key, new FileResult(List.copyOf(hs), List.copyOf(hashes), suppressed, failure,
            List.copyOf(types), List.copyOf(questions), prefiltered));
      }
    } catch (NoSuchFileException e) {
      // first run
    } catch (IOException | RuntimeException e) {
      previous.clear(); // unreadable or truncated: start over
    }
  }

  FileResult get(String key) {
    FileResult r = previous.get(key);
    if (r != null) {
      current.put(key, r);
    }
    return r;
  }

  void put(String key, FileResult result) {
    current.put(key, result);
  }

  private static Fix readFix(DataInputStream in) throws IOException {
    if (!in.readBoolean()) {
      return null;
    }
    String description = readText(in);
    int n = in.readInt();
    List<Replacement> rs = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      rs.add(new Replacement(in.readInt(), in.readInt(), in.readInt(), in.readInt(), readText(in)));
    }
    return new Fix(description, rs);
  }

  private static void writeFix(DataOutputStream out, Fix fix) throws IOException {
    out.writeBoolean(fix != null);
    if (fix == null) {
      return;
    }
    writeText(out, fix.description());
    out.writeInt(fix.replacements().size());
    for (Replacement r : fix.replacements()) {
      out.writeInt(r.startLine());
      out.writeInt(r.startColumn());
      out.writeInt(r.endLine());
      out.writeInt(r.endColumn());
      writeText(out, r.text());
    }
  }

  /** Text of any length (writeUTF stops at 64 KiB, and replacement text is the user's code). */
  private static void writeText(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String readText(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > (1 << 24)) {
      throw new IOException("corrupt cache entry");
    }
    return new String(in.readNBytes(n), java.nio.charset.StandardCharsets.UTF_8);
  }

  void save() throws IOException {
    Path abs = file.toAbsolutePath();
    if (abs.getParent() != null) {
      Files.createDirectories(abs.getParent());
    }
    Path tmp = Files.createTempFile(abs.getParent(), ".logconv-cache", ".tmp");
    try {
      try (DataOutputStream out =
          new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
        int stale = 0;
        List<Map.Entry<String, FileResult>> entries = new ArrayList<>(current.entrySet());
        for (Map.Entry<String, FileResult> e : previous.entrySet()) {
          if (stale < MAX_STALE && !current.containsKey(e.getKey())) {
            entries.add(e);
            stale++;
          }
        }
        out.writeInt(MAGIC);
        out.writeUTF(fingerprint);
        out.writeInt(entries.size());
        for (Map.Entry<String, FileResult> e : entries) {
          FileResult r = e.getValue();
          out.writeUTF(e.getKey());
          out.writeInt(r.suppressed());
          out.writeBoolean(r.parseFailure());
          out.writeInt(r.hits().size());
          for (int j = 0; j < r.hits().size(); j++) {
            Hit h = r.hits().get(j);
            out.writeUTF(h.ruleId());
            out.writeUTF(h.severity().name());
            out.writeInt(h.line());
            out.writeInt(h.column());
            out.writeUTF(h.message());
            writeFix(out, h.fix());
            out.writeUTF(r.lineHashes().get(j));
          }
          out.writeInt(r.types().size());
          for (ProjectIndex.TypeSummary t : r.types()) {
            t.write(out);
          }
          out.writeInt(r.questions().size());
          for (ProjectIndex.Question q : r.questions()) {
            q.write(out);
          }
          out.writeBoolean(r.prefiltered());
        }
      }
      Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
