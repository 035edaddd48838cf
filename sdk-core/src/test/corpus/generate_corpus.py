#!/usr/bin/env python3
"""Writes sdk-core/src/test/resources/redact/corpus.txt, the labelled redaction corpus.

Deterministic (fixed seed): run it again and the file comes out byte for byte the same, so a
change to the generator shows up as a reviewable diff of the corpus.

    python3 sdk-core/src/test/corpus/generate_corpus.py

Each line is `rule-id <TAB> +|- <TAB> message [<TAB> type]`, as in examples.txt: in a + line the
text between the brackets is the secret the rule must replace (and only it). The token bodies are
drawn at random in the shape each vendor documents, written here independently of the detector
table; the messages are templates of the logs those tokens leak into. Every secret is made up.
"""
import base64
import json
import random
import re
import string
import zlib
from pathlib import Path

OPEN, CLOSE = "\u27e6", "\u27e7"
R = random.Random(20261204)

UP = string.ascii_uppercase
LO = string.ascii_lowercase
DI = string.digits
AN = UP + LO + DI
HX = "0123456789abcdef"
B64U = AN + "-_"
B64 = AN + "+/"
B62 = DI + UP + LO


def rs(alphabet, n):
    return "".join(R.choice(alphabet) for _ in range(n))


def rn(alphabet, lo, hi):
    return rs(alphabet, R.randint(lo, hi))


def uuid():
    return "-".join(rs(HX, k) for k in (8, 4, 4, 4, 12))


def b64(data):
    return base64.b64encode(data).decode()


def b64url(data):
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def crc_token(prefix):
    body = rs(AN, 30)
    crc = zlib.crc32(body.encode()) & 0xFFFFFFFF
    digits = ""
    for _ in range(6):
        digits = B62[crc % 62] + digits
        crc //= 62
    return prefix + body + digits


def luhn_complete(digits):
    total = 0
    for i, d in enumerate(reversed(digits)):
        v = int(d)
        if i % 2 == 0:
            v *= 2
            if v > 9:
                v -= 9
        total += v
    return digits + str((10 - total % 10) % 10)


def iban(country, bban):
    rearranged = bban + country + "00"
    num = "".join(str(int(c, 36)) for c in rearranged)
    check = 98 - int(num) % 97
    return f"{country}{check:02d}{bban}"


def words():
    """A service name for a message."""
    pool = ["orders", "billing", "ledger", "catalog", "search", "gateway", "payments", "inventory",
            "notifier", "shipping", "auth", "profile", "checkout", "reports", "audit", "ingest"]
    return R.choice(pool)


# ---- token samples: (kept text before, secret, kept text after)
def t(secret, before="", after=""):
    return (before, secret, after)


def discord():
    snowflake = str(R.randint(10**17, 2 * 10**18))
    first = b64(snowflake.encode()).rstrip("=")
    return t(first + "." + rs(B64U, 6) + "." + rn(B64U, 27, 38))


def ado_new():
    return t(rs(AN, 52) + "JQQJ" + rs(DI, 2) + rs(UP, 4) + rs(AN, 14) + "AZDO" + rs(AN, 4))


def twitter():
    return t("A" * 22 + rs(AN, 10) + "%2B" + rs(AN, 20) + "%3D" + rs(AN, 50))


def pem_base64():
    key = "-----BEGIN RSA PRIVATE KEY-----\n".encode() + bytes(R.randrange(256) for _ in range(96))
    return t(b64(key))


def docker_config():
    auth = b64((words() + ":" + rs(AN, 14)).encode())
    cfg = json.dumps({"auths": {"registry.example.com": {"auth": auth}}}, separators=(",", ":"))
    return t(b64(cfg.encode()))


def jwt():
    header = b64url(json.dumps({"alg": R.choice(["HS256", "RS256"]), "typ": "JWT"}).encode())
    payload = b64url(json.dumps({"sub": str(R.randint(1, 99999)), "exp": R.randint(1.7e9, 1.9e9)}).encode())
    return t(header + "." + payload + "." + rs(B64U, 43))


TOKENS = {
    # keys and auth
    "jwt": jwt,
    "docker-config-base64": docker_config,
    "private-key-base64": pem_base64,
    # cloud
    "aws-access-key-id": lambda: t(R.choice(["AKIA", "ASIA"]) + rs(UP + DI, 16)),
    "aws-access-key-id-a3t": lambda: t("A3T" + rs(UP + DI, 17)),
    "google-api-key": lambda: t("AIza" + rs(B64U, 35)),
    "google-oauth-client-secret": lambda: t("GOCSPX-" + rs(B64U, 28)),
    "google-oauth-access-token": lambda: t("ya29." + rn(B64U, 60, 120)),
    "azure-ad-client-secret": lambda: t(rs(AN, 3) + rs(DI, 1) + "Q~" + rs(AN + "_~.", 34)),
    "azure-storage-account-key": lambda: t(rs(B64, 86) + "==", "AccountKey="),
    "azure-sas-signature": lambda: t(rs(AN, 40) + "%2B" + rs(AN, 6) + "%3D", "sig="),
    "alibaba-access-key-id": lambda: t("LTAI" + rs(AN, 20)),
    "tencent-secret-id": lambda: t("AKID" + rs(AN, 32)),
    "digitalocean-token": lambda: t(R.choice(["dop_v1_", "doo_v1_", "dor_v1_"]) + rs(HX, 64)),
    "heroku-api-key": lambda: t("HRKU-AA" + rs(B64U, 58)),
    "flyio-token": lambda: t("fo1_" + rs(B64U, 43)),
    "flyio-macaroon": lambda: t("fm2_" + rs(B64, 160) + "=="),
    "cloudflare-origin-ca-key": lambda: t("v1.0-" + rs(HX, 24) + "-" + rs(HX, 146)),
    "databricks-token": lambda: t("dapi" + rs(HX, 32)),
    "openshift-token": lambda: t("sha256~" + rs(B64U, 43)),
    "vault-token": lambda: t(R.choice(["hvs.", "hvb."]) + rn(B64U, 24, 90)),
    "doppler-token": lambda: t(R.choice(["dp.pt.", "dp.st.", "dp.sa."]) + rs(AN, 43)),
    "pulumi-token": lambda: t("pul-" + rs(HX, 40)),
    "terraform-cloud-token": lambda: t(rs(LO + DI, 14) + ".atlasv1." + rs(B64U, 67)),
    "age-secret-key": lambda: t("AGE-SECRET-KEY-1" + rs("QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L", 58)),
    "tailscale-key": lambda: t(R.choice(["tskey-auth-", "tskey-api-", "tskey-client-"]) + "k" + rs(AN, 11) + "CNTRL-" + rs(AN, 32)),
    "firebase-server-key": lambda: t("AAAA" + rs(B64U, 7) + ":APA91b" + rs(B64U, 134)),
    "yandex-api-key": lambda: t("AQVN" + rn(B64U, 35, 38)),
    "scalingo-api-token": lambda: t("tk-us-" + rs(B64U, 48)),
    "bitwarden-access-token": lambda: t("0." + uuid() + "." + rs(AN, 30) + ":" + rs(B64, 22) + "=="),
    # vcs, ci, registries
    "github-classic-token": lambda: t(crc_token("ghp_")),
    "github-token": lambda: t(R.choice(["gho_", "ghu_", "ghs_", "ghr_"]) + rs(AN, 36)),
    "github-fine-grained-token": lambda: t("github_pat_" + rs(AN, 22) + "_" + rs(AN, 59)),
    "gitlab-token": lambda: t(R.choice(["glpat-", "gldt-", "glrt-", "glcbt-"]) + rs(B64U, 20)),
    "npm-token": lambda: t(crc_token("npm_")),
    "pypi-token": lambda: t("pypi-AgEIcHlwaS5vcmc" + rs(B64U, 70)),
    "rubygems-api-key": lambda: t("rubygems_" + rs(HX, 48)),
    "nuget-api-key": lambda: t("oy2" + rs(LO + DI, 43)),
    "crates-io-token": lambda: t("cio" + rs(AN, 32)),
    "clojars-token": lambda: t("CLOJARS_" + rs(LO + DI, 60)),
    "docker-hub-token": lambda: t(R.choice(["dckr_pat_", "dckr_oat_"]) + rs(B64U, 27)),
    "artifactory-api-key": lambda: t("AKCp" + rs(AN, 69)),
    "artifactory-reference-token": lambda: t("cmVmdGtu" + rs(AN, 56)),
    "atlassian-api-token": lambda: t("ATATT3" + rs(B64U, 180) + "=" + rs(HX.upper(), 8)),
    "bitbucket-app-password": lambda: t("ATBB" + rs(AN, 32)),
    "sonarqube-token": lambda: t(R.choice(["squ_", "sqp_", "sqa_"]) + rs(HX, 40)),
    "buildkite-token": lambda: t("bkua_" + rs(HX, 40)),
    "octopus-api-key": lambda: t("API-" + rs(UP + DI, 26)),
    "harness-token": lambda: t(R.choice(["pat.", "sat."]) + rs(B64U, 22) + "." + rs(HX, 24) + "." + rs(AN, 20)),
    "infracost-api-key": lambda: t("ico-" + rs(AN, 32)),
    "postman-api-key": lambda: t("PMAK-" + rs(HX, 24) + "-" + rs(HX, 34)),
    "azure-devops-pat": ado_new,
    "circleci-token": lambda: t(R.choice(["CCIPAT_", "CCIPRJ_"]) + rs(AN, 22) + "_" + rs(HX, 40)),
    "netlify-token": lambda: t("nfp_" + rs(AN, 40)),
    "vercel-token": lambda: t(R.choice(["vcp_", "vci_", "vca_", "vck_"]) + rs(AN, 56)),
    # saas and ai
    "openai-api-key": lambda: t(R.choice(["sk-proj-", "sk-svcacct-"]) + rs(B64U, 156)),
    "openai-legacy-key": lambda: t("sk-" + rs(AN, 20) + "T3BlbkFJ" + rs(AN, 20)),
    "anthropic-api-key": lambda: t("sk-ant-api03-" + rs(B64U, 93) + "AA"),
    "huggingface-token": lambda: t("hf_" + rs(UP + LO, 34)),
    "groq-api-key": lambda: t("gsk_" + rs(AN, 52)),
    "xai-api-key": lambda: t("xai-" + rs(AN, 80)),
    "perplexity-api-key": lambda: t("pplx-" + rs(AN, 48)),
    "replicate-token": lambda: t("r8_" + rs(AN, 37)),
    "notion-token": lambda: t("ntn_" + rs(AN, 46)),
    "notion-legacy-token": lambda: t("secret_" + rs(AN, 43)),
    "linear-api-key": lambda: t("lin_api_" + rs(AN, 40)),
    "shopify-token": lambda: t(R.choice(["shpat_", "shpca_", "shppa_", "shpss_"]) + rs(HX, 32)),
    "contentful-token": lambda: t("CFPAT-" + rs(B64U, 43)),
    "figma-token": lambda: t("figd_" + rs(B64U, 40)),
    "airtable-token": lambda: t("pat" + rs(AN, 14) + "." + rs(HX, 64)),
    "onepassword-service-token": lambda: t("ops_eyJ" + rs(B64U, 300)),
    "planetscale-token": lambda: t(R.choice(["pscale_tkn_", "pscale_pw_"]) + rs(B64U, 43)),
    "supabase-token": lambda: t("sbp_" + rs(HX, 40)),
    "supabase-secret-key": lambda: t("sb_secret_" + rs(B64U, 31)),
    "neon-api-key": lambda: t("napi_" + rs(LO + DI, 64)),
    "render-api-key": lambda: t("rnd_" + rs(AN, 32)),
    "readme-api-key": lambda: t("rdme_" + rs(LO + DI, 70)),
    "prefect-api-key": lambda: t("pnu_" + rs(AN, 36)),
    "typeform-token": lambda: t("tfp_" + rs(B64U, 44)),
    "frameio-token": lambda: t("fio-u-" + rs(B64U, 64)),
    "adafruit-io-key": lambda: t("aio_" + rs(AN, 28)),
    "dropbox-token": lambda: t("sl." + rs(B64U, 140)),
    "mapbox-secret-token": lambda: t("sk.eyJ" + rs(B64U, 60) + "." + rs(B64U, 22)),
    "okta-api-token": lambda: t("00" + rs(B64U, 40), "SSWS "),
    "twitch-oauth-token": lambda: t(rs(LO + DI, 30), "oauth:"),
    "facebook-access-token": lambda: t("EAA" + R.choice("BGIJ") + rs(AN, 180)),
    "asana-pat": lambda: t("2/" + rs(DI, 16) + "/" + rs(DI, 16) + ":" + rs(HX, 32)),
    "asana-legacy-pat": lambda: t("1/" + rs(DI, 16) + ":" + rs(HX, 32)),
    "clickup-api-token": lambda: t("pk_" + rs(DI, 8) + "_" + rs(UP + DI, 32)),
    "zendesk-api-token": lambda: t(rs(AN, 40), R.choice(["ops", "agent", "support"]) + "/token:"),
    "hubspot-private-app-token": lambda: t(R.choice(["pat-na1-", "pat-eu1-"]) + uuid()),
    "salesforce-access-token": lambda: t("00D" + rs(AN, 15) + "!" + rs(AN, 20) + "." + rs(AN + "_", 90)),
    "twitter-bearer-token": twitter,
    "langsmith-api-key": lambda: t(R.choice(["lsv2_pt_", "lsv2_sk_"]) + rs(HX, 32) + "_" + rs(HX, 10)),
    "pinecone-api-key": lambda: t("pcsk_" + rs(AN, 6) + "_" + rs(AN, 63)),
    "zapier-webhook": lambda: t(rs(DI, 7) + "/" + rs(LO + DI, 6) + "/", "https://hooks.zapier.com/hooks/catch/"),
    # observability
    "grafana-cloud-token": lambda: t("glc_" + rs(B64, 120) + "=="),
    "grafana-service-account-token": lambda: t("glsa_" + rs(AN, 32) + "_" + rs(HX, 8)),
    "sentry-user-token": lambda: t("sntryu_" + rs(HX, 64)),
    "sentry-org-token": lambda: t("sntrys_eyJ" + rs(B64U, 120) + "_" + rs(B64U, 43)),
    "newrelic-user-key": lambda: t("NRAK-" + rs(UP + DI, 27)),
    "newrelic-insert-key": lambda: t("NRII-" + rs(AN + "-", 32)),
    "newrelic-browser-key": lambda: t("NRJS-" + rs(HX, 19)),
    "newrelic-license-key": lambda: t(rs(HX, 36) + "NRAL"),
    "dynatrace-token": lambda: t("dt0c01." + rs(UP + DI, 24) + "." + rs(UP + DI, 64)),
    "pagerduty-api-token": lambda: t(rs(AN + "+_-", 20), "Token token="),
    # payment
    "stripe-key": lambda: t(R.choice(["sk_live_", "rk_live_", "sk_test_"]) + rs(AN, 99)),
    "stripe-webhook-secret": lambda: t("whsec_" + rs(AN, 32)),
    "square-access-token": lambda: t("EAAA" + rs(B64U, 60)),
    "square-oauth-token": lambda: t("sq0atp-" + rs(B64U, 22)),
    "square-oauth-secret": lambda: t("sq0csp-" + rs(B64U, 43)),
    "braintree-access-token": lambda: t("access_token$" + R.choice(["production", "sandbox"]) + "$" + rs(LO + DI, 16) + "$" + rs(HX, 32)),
    "flutterwave-secret-key": lambda: t(R.choice(["FLWSECK_TEST-", "FLWSECK-"]) + rs(HX, 32) + "-X"),
    "flutterwave-encryption-key": lambda: t(R.choice(["FLWSECK_TEST", "FLWSECK_TEST-"]) + rs(HX, 12)),
    "shippo-token": lambda: t(R.choice(["shippo_live_", "shippo_test_"]) + rs(HX, 40)),
    "easypost-api-key": lambda: t(R.choice(["EZAK", "EZTK"]) + rs(AN, 54)),
    "duffel-token": lambda: t(R.choice(["duffel_test_", "duffel_live_"]) + rs(B64U, 43)),
    "plaid-access-token": lambda: t(R.choice(["access-sandbox-", "access-production-"]) + uuid()),
    "razorpay-key-id": lambda: t(R.choice(["rzp_live_", "rzp_test_"]) + rs(AN, 14)),
    "lob-api-key": lambda: t(R.choice(["live_", "test_"]) + rs(HX, 35)),
    # messaging
    "slack-token": lambda: t(R.choice(["xoxb-", "xoxp-"]) + rs(DI, 12) + "-" + rs(DI, 13) + "-" + rs(AN, 24)),
    "slack-app-token": lambda: t("xapp-1-A" + rs(UP + DI, 10) + "-" + rs(DI, 13) + "-" + rs(HX, 64)),
    "slack-config-token": lambda: t("xoxe.xoxp-1-" + rs(AN, 140)),
    "slack-webhook": lambda: t("T" + rs(UP + DI, 8) + "/B" + rs(UP + DI, 10) + "/" + rs(AN, 24), "https://hooks.slack.com/services/"),
    "teams-webhook": lambda: t(uuid() + "@" + uuid() + "/IncomingWebhook/" + rs(HX, 32) + "/" + uuid(), "https://acme.webhook.office.com/webhookb2/"),
    "discord-webhook": lambda: t(rs(DI, 19) + "/" + rs(B64U, 68), "https://discord.com/api/webhooks/"),
    "telegram-bot-token": lambda: t(rs(DI, 10) + ":AA" + rs(B64U, 33)),
    "twilio-api-key": lambda: t("SK" + rs(HX, 32)),
    "sendgrid-api-key": lambda: t("SG." + rs(B64U, 22) + "." + rs(B64U, 43)),
    "mailgun-api-key": lambda: t("key-" + rs(HX, 32)),
    "mailchimp-api-key": lambda: t(rs(HX, 32) + "-us" + str(R.randint(1, 21))),
    "brevo-api-key": lambda: t("xkeysib-" + rs(HX, 64) + "-" + rs(AN, 16)),
    "brevo-smtp-key": lambda: t("xsmtpsib-" + rs(HX, 64) + "-" + rs(AN, 16)),
    "discord-bot-token": discord,
    "twilio-credentials": lambda: t("AC" + rs(HX, 32) + ":" + rs(HX, 32)),
    "twilio-account-sid": lambda: t("AC" + rs(HX, 32)),
    "messagebird-access-key": lambda: t(rs(AN, 25), "AccessKey "),
}

# Rules found by the variable or header that holds the value: (keys, value generator).
KEYED = {
    "cloudflare-api-token": (["CLOUDFLARE_API_TOKEN", "CF_API_TOKEN"], lambda: rs(B64U, 40)),
    "cloudflare-global-api-key": (["X-Auth-Key", "CLOUDFLARE_API_KEY", "CF_API_KEY"], lambda: rs(HX, 37)),
    "fastly-api-token": (["Fastly-Key", "FASTLY_API_TOKEN"], lambda: rs(B64U, 32)),
    "azure-devops-pat-legacy": (["AZURE_DEVOPS_EXT_PAT", "AZURE_DEVOPS_PAT"], lambda: rs(LO + "234567", 52)),
    "snyk-token": (["SNYK_TOKEN"], uuid),
    "codecov-token": (["CODECOV_TOKEN"], uuid),
    "ngrok-authtoken": (["NGROK_AUTHTOKEN"], lambda: "2" + rs(AN, 26) + "_" + rs(AN, 21)),
    "datadog-api-key": (["DD_API_KEY", "DATADOG_API_KEY", "DD-API-KEY"], lambda: rs(HX, 32)),
    "datadog-app-key": (["DD_APP_KEY", "DD_APPLICATION_KEY", "DD-APPLICATION-KEY"], lambda: rs(HX, 40)),
    "honeycomb-api-key": (["X-Honeycomb-Team", "HONEYCOMB_API_KEY", "HONEYCOMB_WRITEKEY"], lambda: rs(AN, 22)),
    "twilio-auth-token": (["TWILIO_AUTH_TOKEN"], lambda: rs(HX, 32)),
}

# ---- message templates a token is written into (the token stands for {t})
TOKEN_TEMPLATES = [
    "worker-{n} started with {t} in its environment",
    "upstream call failed: 401 for client {t} (attempt {d} of 5)",
    "{{\"level\":\"WARN\",\"logger\":\"io.acme.{w}.Client\",\"msg\":\"upstream refused {t} with 401\",\"status\":401}}",
    "controller.go:{n}] reconciling {w}/sync-{d}: using {t} from the mounted env",
    "2026-03-0{d}T10:1{d}:07Z INFO  [{w}] c.a.{w}.ApiClient : calling upstream with {t}",
    "+ curl -sS -X POST https://api.{w}.example/v1/events -d '{{\"key\":\"{t}\"}}'",
    "kubectl create configmap {w}-env --from-literal=VENDOR={t} -n {w}",
    "config dump: &client.Options{{Endpoint:\"https://api.example\", Extra:\"{t}\", Retries:3}}",
    "<entry><name>{w}</name><note>{t}</note></entry>",
    "  args: [\"--vendor\", \"{t}\"]",
    "##[group]Run deploy\\n  deploying {w} with {t}\\n##[endgroup]",
    "psql -h db.internal -U {w} -c \"insert into vendors values ('{t}')\"",
    "docker run -e VENDOR={t} ghcr.io/acme/{w}:1.{d}.0",
    "caught exception while loading {t}: vendor not configured",
]

KEYED_TEMPLATES = [
    "export {k}={v}",
    "{{\"env\":{{\"{k}\":\"{v}\"}},\"service\":\"{w}\"}}",
    "    {k}: {v}",
    "docker run -e {k}={v} ghcr.io/acme/{w}:1.{d}.0",
    "+ curl -sS -H '{k}: {v}' https://api.example/v1/{w}",
    "job env: {k}=\"{v}\" LOG_LEVEL=info",
]


def fill(template, text):
    return template.format(t=text, n=R.randint(1, 99), d=R.randint(1, 9), w=words())


def token_sample(rule):
    before, secret, after = TOKENS[rule]()
    marked = before + OPEN + secret + CLOSE + after
    return fill(R.choice(TOKEN_TEMPLATES), marked)


def keyed_sample(rule):
    keys, gen = KEYED[rule]
    k = R.choice(keys)
    template = R.choice(KEYED_TEMPLATES)
    if "-" in k and "curl" not in template:
        template = "+ curl -sS -H '{k}: {v}' https://api.example/v1/{w}"
    return template.format(k=k, v=OPEN + gen() + CLOSE, w=words(), d=R.randint(1, 9))


# ---- the rules that are not token shapes
def pw():
    return rs(UP, 1) + rs(LO, 5) + rs(DI, 3) + R.choice("!#%-_") + rs(AN, 4)


def private_key():
    body = "\\n".join(rs(B64, 64) for _ in range(3))
    kind = R.choice(["RSA PRIVATE KEY", "PRIVATE KEY", "EC PRIVATE KEY", "OPENSSH PRIVATE KEY"])
    pem = f"-----BEGIN {kind}-----\\n{body}\\n-----END {kind}-----"
    return R.choice([
        "loaded signing key {s} from the mounted volume",
        "{{\"msg\":\"tls material\",\"key\":\"{s}\"}}",
    ]).format(s=OPEN + pem + CLOSE)


def url_password():
    scheme = R.choice(["postgres", "mysql", "redis", "amqp", "mongodb+srv"])
    url = f"{scheme}://{words()}:{OPEN}{pw()}{CLOSE}@db-{R.randint(1, 9)}.internal:5432/{words()}"
    return R.choice([
        "connecting to {u}",
        "HikariPool-1 - jdbcUrl {u} is unreachable",
        "{{\"msg\":\"dial failed\",\"target\":\"{u}\"}}",
        "  url: {u}",
    ]).format(u=url)


def bearer():
    tok = rs(AN, 24) + "." + rs(B64U, 12)
    return R.choice([
        "retrying upstream with Bearer {s} after a 401",
        "proxy forwarded 'Bearer {s}' to the backend",
        "--> GET /v1/orders HTTP/1.1 with Bearer {s}",
    ]).format(s=OPEN + tok + CLOSE)


def basic():
    cred = b64((words() + ":" + pw()).encode())
    return R.choice([
        "registry login with Basic {s} rejected",
        "upstream sent 'Basic {s}' to the wrong realm",
    ]).format(s=OPEN + cred + CLOSE)


def card():
    prefix = R.choice(["4", "51", "52", "53", "54", "55"])
    digits = luhn_complete(prefix + rs(DI, 15 - len(prefix)))
    spaced = " ".join(digits[i:i + 4] for i in range(0, 16, 4)) if R.random() < 0.5 else digits
    return R.choice([
        "charged card {s} for order {n}",
        "{{\"event\":\"payment\",\"pan\":\"{s}\",\"amount\":42.5}}",
        "declined {s}: insufficient funds",
    ]).format(s=OPEN + spaced + CLOSE, n=R.randint(1000, 9999))


def ssn():
    area = R.choice([x for x in range(1, 900) if x != 666])
    num = f"{area:03d}-{R.randint(1, 99):02d}-{R.randint(1, 9999):04d}"
    return R.choice(["verified applicant {s} against the registry", "kyc check: ssn {s} matched"]).format(s=OPEN + num + CLOSE)


def phone():
    num = R.choice([
        f"+44 20 7946 0{R.randint(100, 999)}",
        f"+1 {R.randint(2, 9)}{R.randint(10, 99)} {R.randint(2, 9)}{R.randint(10, 99)} {R.randint(1000, 9999)}",
        f"+49 30 {R.randint(1000000, 9999999)}",
    ])
    return R.choice(["sms receipt sent to {s}", "call back {s} about ticket {n}"]).format(s=OPEN + num + CLOSE, n=R.randint(100, 999))


def iban_sample():
    value = R.choice([iban("GB", "WEST" + rs(DI, 14)), iban("DE", rs(DI, 18)), iban("FR", rs(DI, 23))])
    return R.choice(["payout to {s} queued for the next batch", "{{\"beneficiary\":{{\"account\":\"{s}\"}}}}"]).format(s=OPEN + value + CLOSE)


def email():
    addr = R.choice(["jane", "li.wei", "o.brien", "m.garcia", "sam"]) + str(R.randint(1, 99)) + "@" + R.choice(["example.com", "example.org", "mail.example.net"])
    return R.choice(["invitation sent to {s} for workspace acme", "{{\"event\":\"signup\",\"contact\":\"{s}\"}}", "bounce from {s}: mailbox full"]).format(s=OPEN + addr + CLOSE)


def ipv4():
    ip = f"{R.choice([10, 172, 192, 203, 198])}.{R.randint(0, 255)}.{R.randint(0, 255)}.{R.randint(1, 254)}"
    return R.choice(["client {s} opened a connection on port 8443", "peer {s}:5432 reset the connection"]).format(s=OPEN + ip + CLOSE)


def ipv6():
    ip = "2001:db8:" + ":".join(format(R.randint(1, 0xffff), "x") for _ in range(3)) + "::" + format(R.randint(1, 0xffff), "x")
    return R.choice(["peer {s} closed the stream", "listening on [{s}]:8443"]).format(s=OPEN + ip + CLOSE)


def mac():
    m = ":".join(format(R.randint(0, 255), "02x") for _ in range(6))
    if m in ("00:00:00:00:00:00", "ff:ff:ff:ff:ff:ff"):
        m = "02:1a:2b:3c:4d:5e"
    return R.choice(["device {s} joined the fleet", "dhcp lease for {s} renewed"]).format(s=OPEN + m + CLOSE)


def cmdline():
    p = pw().replace("#", "x")  # a shell would start a comment at #
    return R.choice([
        "+ mysql -h db -u {w} -p{s} -e 'show tables'",
        "+ sshpass -p {s} ssh deploy@10.0.0.{n}",
        "+ curl -sS -u {w}:{s} https://nexus.example/repository/",
        "keytool -importkeystore -srckeystore in.p12 -storepass {s}",
    ]).format(s=OPEN + p + CLOSE, w=words(), n=R.randint(2, 250))


def cmdline_sample():
    s = cmdline()
    if "curl" in s:  # curl's user:password is hidden whole
        before, rest = s.split(" -u ", 1)
        user, tail = rest.split(":", 1)
        tail = tail.replace(OPEN, "", 1)
        s = before + " -u " + OPEN + user + ":" + tail
    return s


KV_KEYS = [("password", "password"), ("db_password", "password"), ("client_secret", "client_secret"),
           ("api_key", "api_key"), ("access_token", "token"), ("aws_secret_access_key", "aws_secret_access_key")]


def kv():
    key, typ = R.choice(KV_KEYS)
    v = OPEN + pw() + CLOSE
    text = R.choice([
        "datasource settings: url=jdbc:postgresql://db/orders {k}={v} pool=10",
        "{{\"{k}\":\"{v}\",\"region\":\"eu-west-1\"}}",
        "  {k}: {v}",
        "<config><{k}>{v}</{k}></config>",
    ]).format(k=key, v=v)
    return text, typ


def named():
    word, typ = R.choice([("password", "password"), ("secret", "secret"), ("token", "token")])
    text = R.choice([
        "user logged in with {k} {v} from the mobile app",
        "the {k} is {v}, do not share it",
    ]).format(k=word, v=OPEN + pw() + CLOSE)
    return text, typ


GENERIC_KEYS = ["serviceAuthKey", "clientSecretValue", "db_pass", "masterKey", "app_key", "ingest_key",
                "signingKeys", "hmacKey", "licenseKey", "x-write-key", "admin_creds", "sessionKey"]


def generic():
    key = R.choice(GENERIC_KEYS)
    value = rs(AN, R.randint(24, 40)) if R.random() < 0.7 else rs(HX, R.choice([32, 40, 64]))
    return R.choice([
        "{k} = \"{v}\"",
        "{{\"{k}\":\"{v}\",\"ttl\":3600}}",
        "  {k}: {v}",
        "starting with --{k}={v}",
    ]).format(k=key, v=OPEN + value + CLOSE)


SPECIAL = {
    "private-key": private_key, "url-password": url_password, "bearer-token": bearer,
    "basic-auth": basic, "card": card, "ssn": ssn, "phone": phone, "iban": iban_sample,
    "email": email, "ipv4": ipv4, "ipv6": ipv6, "mac-address": mac,
    "command-line-password": cmdline_sample, "generic-secret": generic,
}
TYPED = {"key-value-pair": kv, "named-secret": named}


# ---- look-alikes: what the rules must keep, with the rule each resembles
def lookalikes():
    out = []

    def add(rule, text):
        out.append((rule, text))

    for _ in range(12):
        add("jwt", f"decoded header {b64url(json.dumps({'alg': 'none', 'n': R.randint(1, 999)}).encode())} without a signature")
        add("url-password", f"cloning ssh://git@github.com/acme/{words()}-{R.randint(1, 99)}.git into /workspace")
        add("url-password", f"connecting to postgres://{words()}:${{DB_PASSWORD}}@db:5432/{words()}")
        add("bearer-token", f"Bearer authentication failed for realm {words()}-api (attempt {R.randint(1, 5)})")
        add("basic-auth", f"Basic auth disabled for /healthz on {words()}-{R.randint(1, 9)}")
        add("private-key-base64", f"ca bundle LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t{rs(B64, 40)} loaded")
        add("docker-config-base64", "pull secret payload " + b64(json.dumps({"kind": "Config", "n": R.randint(1, 99)}).encode()))
    for _ in range(10):
        acct = rs(DI, 12)
        add("aws-access-key-id", f"assumed arn:aws:iam::{acct}:role/{words()}-deployer for session {uuid()}")
        add("aws-access-key-id", f"uploaded s3://acme-{words()}/{rs(LO, 6)}.tar.gz etag \"{rs(HX, 32)}\"")
        add("aws-access-key-id", "example credentials AKIAIOSFODNN7EXAMPLE from the docs")
        add("google-api-key", f"projects/acme-{words()}/locations/europe-west1/services/{words()} ready")
        add("bitwarden-access-token", f"upgraded chart from 0.{R.randint(1, 40)}.{R.randint(0, 9)} to 0.{R.randint(1, 40)}.{R.randint(0, 9)}")
        add("tailscale-key", f"tskey-auth-{rs(AN, 6)} is too short to be a key")
        add("cloudflare-api-token", "export CLOUDFLARE_API_TOKEN=${CF_TOKEN}")
        add("cloudflare-global-api-key", f"X-Auth-Key: {'*' * 37}")
        add("vault-token", f"mounted secret-volume at /var/run/secrets/{words()} (token-reviewer bound)")
        add("firebase-server-key", f"AAAA{rs(B64U, 7)} record for {words()}.example resolved")
        add("azure-sas-signature", f"sig={rs(AN, 12)} is too short")
        add("fastly-api-token", f"Fastly-Key: {'x' * 32}")
        add("yandex-api-key", f"AQVN{rs(B64U, 12)} is a truncated key")
        add("scalingo-api-token", f"region tk-us-{R.randint(1, 9)} selected for {words()}")
    for _ in range(10):
        add("github-classic-token", f"checked out {rs(HX, 40)} ({words()}@{rs(HX, 7)})")
        add("github-classic-token", f"ghp_{rs(AN, 36)} with a checksum that does not match")
        add("gitlab-token", f"pipeline {R.randint(10000, 99999)} for glpat-short finished")
        add("azure-devops-pat", f"build {rs(AN, 52)} JQQJ marker in a line")
        add("azure-devops-pat-legacy", f"AZURE_DEVOPS_EXT_PAT={rs(LO + '234567', 40)}")
        add("circleci-token", f"CCIPAT_{rs(AN, 10)} is a truncated id")
        add("netlify-token", f"nfp_{rs(AN, 12)} looks like a prefix only")
        add("vercel-token", f"vcp_{rs(AN, 8)} was shown masked as vcp_****")
        add("snyk-token", f"SNYK_TOKEN={'*' * 36}")
        add("codecov-token", f"uploading coverage for commit {rs(HX, 40)} run {uuid()}")
        add("ngrok-authtoken", "NGROK_AUTHTOKEN=${NGROK_TOKEN}")
        add("docker-hub-token", f"pulled ghcr.io/acme/{words()}@sha256:{rs(HX, 64)}")
    for _ in range(10):
        add("okta-api-token", f"SSWS {rs(AN, 12)} header too short")
        add("twitch-oauth-token", f"oauth:{rs(LO + DI, 12)} is truncated")
        add("facebook-access-token", f"EAA{rs(AN, 30)} truncated page token")
        add("asana-pat", f"processed 2/{R.randint(3, 9)} batches in {R.randint(10, 99)} ms")
        add("asana-legacy-pat", f"retry 1/{R.randint(3, 9)} for {words()}")
        add("clickup-api-token", f"pk_{rs(DI, 8)} primary key collision on {words()}")
        add("zendesk-api-token", f"ticket {R.randint(1000, 9999)} moved to the agent/tokenless queue")
        add("hubspot-private-app-token", f"pat-na1-{rs(HX, 8)} truncated")
        add("salesforce-access-token", f"org id 00D{rs(AN, 15)} synced")
        add("twitter-bearer-token", "AAAAAAAAAAAAAAAAAAAAA padding in a buffer dump")
        add("langsmith-api-key", f"lsv2_pt_{rs(HX, 12)} truncated")
        add("pinecone-api-key", f"pcsk_{rs(AN, 5)} index {words()}")
        add("openai-api-key", "sk-proj-" + "x" * 48 + " in the docs")
        add("stripe-key", "publishable key pk_live_" + rs(AN, 24) + " sent to the browser")
    for _ in range(12):
        add("datadog-api-key", f"dd.trace_id={R.randint(10**18, 10**19)} dd.span_id={R.randint(10**18, 10**19)}")
        add("datadog-api-key", "export DD_API_KEY=${DD_API_KEY}")
        add("datadog-api-key", f"DD_SITE=datadoghq.eu DD_ENV=prod DD_VERSION=1.{R.randint(0, 20)}.{R.randint(0, 9)}")
        add("datadog-app-key", "DD_APP_KEY=${DD_APP_KEY}")
        add("newrelic-license-key", f"NRAL{rs(HX, 36)} marker first")
        add("honeycomb-api-key", "X-Honeycomb-Team: <your-api-key>")
        add("pagerduty-api-token", f"Token token rotation scheduled for 0{R.randint(1, 5)}:00 UTC")
        add("dynatrace-token", f"traceparent: 00-{rs(HX, 32)}-{rs(HX, 16)}-01")
        add("sentry-user-token", f"span {rs(HX, 16)} of trace {rs(HX, 32)} took {R.randint(1, 900)} ms")
    for _ in range(10):
        add("plaid-access-token", f"access-sandbox-{rs(HX, 8)} truncated")
        add("razorpay-key-id", f"rzp_test_{rs(AN, 6)} is too short")
        add("lob-api-key", f"test_{rs(LO, 10)}_{rs(LO, 6)} passed in {R.randint(1, 99)} ms")
        add("lob-api-key", f"live_{rs(LO, 8)} stream started")
        add("flutterwave-encryption-key", "FLWSECK_TEST is the sandbox marker")
        add("stripe-key", "charged sk_live_" + "x" * 24 + " (masked)")
        add("square-access-token", f"EAAA{rs(B64U, 20)} too short")
        add("card", f"request {R.randint(1600000000000, 1799999999999)} finished in {R.randint(1, 99)} ms")
    for _ in range(10):
        add("twilio-account-sid", f"AC{rs(HX, 31)} is one short")
        add("twilio-account-sid", f"SKU-{R.randint(10000, 99999)} restocked")
        add("discord-bot-token", f"MTU {R.randint(1200, 1500)} on eth0, NT AUTHORITY\\\\SYSTEM ran the job")
        add("discord-bot-token", f"MT{rs(AN, 22)}.{rs(B64U, 6)}.{rs(B64U, 30)} does not decode to an id")
        add("twilio-auth-token", f"TWILIO_AUTH_TOKEN={'x' * 32}")
        add("twilio-credentials", f"AC{rs(HX, 31)}:{rs(HX, 32)} has a SID one short")
        add("zapier-webhook", "posting to https://hooks.zapier.com/hooks/catch/ failed: missing path")
        add("messagebird-access-key", f"AccessKey {rs(AN, 10)} is too short")
        add("slack-token", f"xoxb-{'x' * 24}")
        add("brevo-smtp-key", f"xsmtpsib-{rs(HX, 12)} truncated")
        add("telegram-bot-token", f"listening on 0.0.0.0:{R.randint(1024, 65535)} at 12:{R.randint(10, 59)}:{R.randint(10, 59)}")
    for _ in range(12):
        add("generic-secret", f"cacheKey=orders-{R.randint(1, 9999)}-profile-{rs(HX, 8)}")
        add("generic-secret", f"partitionKey={uuid()}")
        add("generic-secret", f"publicKey: {rs(B64, 44)}")
        add("generic-secret", "serviceAuthKey=${SERVICE_AUTH_KEY}")
        add("generic-secret", "clientSecretValue=<redacted>")
        add("generic-secret", "masterKey: {{ .Values.masterKey }}")
        add("generic-secret", "appKey=" + "x" * 32)
        add("generic-secret", f"authorKey={rs(AN, 24)}")
        add("generic-secret", "licenseKey = \"PerpetualEnterpriseLicense\"")
        add("generic-secret", f"db_pass=$(cat /run/secrets/db)")
        add("generic-secret", f"sessionKey={rs(HX, 8)}")
        add("key-value-pair", f"token_type=Bearer expires_in={R.randint(300, 3600)} key_id={uuid()}")
        add("key-value-pair", f"password_policy=strict max_tokens={R.randint(100, 4000)}")
        add("named-secret", "password reset email sent to the support queue")
        add("named-secret", f"PagerDuty client sends Token token=${{PD_TOKEN_{R.randint(1, 9)}}}")
        add("email", f"{{\"user\":{{\"id\":{R.randint(1, 99999)},\"plan\":\"pro\"}},\"ok\":true}}")
        add("named-secret", f"the secret is mounted read-only at /etc/{words()}")
        add("command-line-password", f"docker run -p {R.randint(1000, 9000)}:80 nginx:1.{R.randint(20, 27)}")
    for _ in range(10):
        add("phone", f"scaled from {R.randint(1, 9)} to {R.randint(10, 40)} replicas in {R.randint(10, 90)} seconds")
        add("ssn", f"release 2026-0{R.randint(1, 9)}-1{R.randint(0, 9)} rolled out")
        add("email", f"java.lang.Object@{rs(HX, 8)} is not serializable")
        add("email", f"installed lodash@4.17.{R.randint(1, 21)} and nginx@sha256:{rs(HX, 64)}")
        add("iban", f"order GB{R.randint(10, 99)}{rs(UP, 4)} shipped")
        add("card", f"span id {R.randint(10**15, 10**16 - 1)}{rs(LO, 2)} closed")
    for _ in range(8):
        add("ipv4", f"built app-1.{R.randint(0, 9)}.{R.randint(0, 9)}.{R.randint(0, 9)} from tag v1.2.3.4")
        add("ipv6", f"std::vector<{words()}> resized at 12:{R.randint(10, 59)}:{R.randint(10, 59)}")
        add("mac-address", f"request {uuid()} took {R.randint(1, 999)} ms")
    return out


def main():
    root = Path(__file__).resolve().parents[2].parent
    table = (root / "src/main/java/io/logconv/core/redact/DetectorTable.java").read_text()
    lines = [
        "# The labelled redaction corpus, written by src/test/corpus/generate_corpus.py (do not edit by",
        "# hand: change the generator and run it again). Columns as in examples.txt: rule id, + (redacted)",
        "# or - (kept), a log message, and for the rules driven by key rules the type. CorpusTest computes",
        "# recall and false-positive rate per family over this file and examples.txt.",
    ]
    rules = []
    for m in re.finditer(r'(?:token|rule)\(\s*"([a-z0-9-]+)"', table):
        rules.append(m.group(1))
    per_rule = 8
    for rule in rules:
        for _ in range(per_rule):
            if rule in TOKENS:
                lines.append(f"{rule}\t+\t{token_sample(rule)}")
            elif rule in KEYED:
                lines.append(f"{rule}\t+\t{keyed_sample(rule)}")
            elif rule in SPECIAL:
                lines.append(f"{rule}\t+\t{SPECIAL[rule]()}")
            elif rule in TYPED:
                text, typ = TYPED[rule]()
                lines.append(f"{rule}\t+\t{text}\t{typ}")
            else:
                raise SystemExit("no generator for " + rule)
    for rule, text in lookalikes():
        if rule not in rules:
            raise SystemExit("look-alike for an unknown rule " + rule)
        lines.append(f"{rule}\t-\t{text}")
    out = root / "src/test/resources/redact/corpus.txt"
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{out}: {sum(1 for l in lines if chr(9) + '+' + chr(9) in l)} true, {sum(1 for l in lines if chr(9) + '-' + chr(9) in l)} false")


if __name__ == "__main__":
    main()
