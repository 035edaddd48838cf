package io.logconv.core.redact;

import io.logconv.core.redact.DetectorRule.Family;
import io.logconv.core.redact.TokenDetector.Alphabet;
import io.logconv.core.redact.TokenDetector.Validator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The detector table: every built-in rule of the default redactor, one entry each, in the order
 * the scanner tries them at one position. A vendor's token is one {@link TokenDetector} entry
 * (its literal, its documented shape, a validator where the format has a checksum) and its true
 * and false examples in {@code src/test/resources/redact/examples.txt}, which
 * {@code DetectorTableTest} runs. {@code sdk-core/README.md}'s detector table is generated from
 * here ({@code DetectorDocsTest} fails on drift).
 *
 * <pre>{@code
 * for (DetectorRule r : DetectorTable.RULES) {
 *   System.out.println(r.id() + " -> [REDACTED:" + r.type() + "]");
 * }
 * }</pre>
 */
public final class DetectorTable {
  private DetectorTable() {}

  private static final List<DetectorRule> ROWS = new ArrayList<>();

  static {
    rule(
        "private-key",
        "private_key",
        Family.KEYS_AND_AUTH,
        PrivateKeyDetector.INSTANCE,
        "PEM blocks `-----BEGIN … PRIVATE KEY-----` … `-----END … -----` (RSA, EC, DSA, OpenSSH, PKCS#8, encrypted, PGP `PRIVATE KEY BLOCK`); a block cut off is hidden to the end of the text or string",
        "`-----BEGIN ` at a word start",
        "certificates, public keys, CSRs, `-----` rules",
        "the whole block");
    rule(
        "url-password",
        "url_password",
        Family.KEYS_AND_AUTH,
        UrlPasswordDetector.INSTANCE,
        "the password of a URL's userinfo, any scheme: `postgres://app:hunter2@db`, `redis://:pw@cache`, the last `@` ends it; a password with the chars a URL reserves written unescaped (`postgres://app:Zq8#rT2/x@db/orders`) runs to the last `@` before the path; Oracle thin `jdbc:oracle:thin:app/pw@//db:1521/x`",
        "`://`, `thin:`",
        "URLs without userinfo, a user without password (`ssh://git@host`), placeholders",
        "the password only: `postgres://app:[REDACTED:url_password]@db`");
    rule(
        "jwt",
        "jwt",
        Family.KEYS_AND_AUTH,
        JwtDetector.INSTANCE,
        "three to five base64url segments joined by dots, the first starting `eyJ`",
        "`eyJ` at a word start",
        "base64 JSON without dots, `eyJ` inside a word",
        "the token");
    rule(
        "bearer-token",
        "bearer_token",
        Family.KEYS_AND_AUTH,
        BearerTokenDetector.INSTANCE,
        "the credential after `Bearer` (any case): RFC 6750 token68, 8+ chars, with a digit or both cases",
        "`Be` in any case, at a word start",
        "prose (\"Bearer authentication failed\", `Bearer realm=\"x\"`), placeholders",
        "the credential: `Bearer [REDACTED:bearer_token]`");
    rule(
        "basic-auth",
        "basic_auth",
        Family.KEYS_AND_AUTH,
        BasicCredentialsDetector.INSTANCE,
        "the credentials after `Basic` (any case): base64 that decodes to something with `:`",
        "`Ba` in any case, at a word start",
        "prose (\"Basic auth disabled\"), `Basic realm=\"x\"`",
        "the credentials");
    token("docker-config-base64", Family.KEYS_AND_AUTH,
        "a Docker config (`.dockerconfigjson`, `~/.docker/config.json`) in base64, whose `auths` hold registry credentials",
        "base64 of other JSON", TokenDetector.builder("docker_config")
            .prefixes("eyJhdXRocyI6", "ewogICJhdXRocyI6", "ewoJImF1dGhzIjog")
            .run(Alphabet.BASE64, 20, TokenDetector.UNBOUNDED).run(Alphabet.PAD, 0, 2));
    token("private-key-base64", Family.KEYS_AND_AUTH,
        "a PEM private key in base64, as kubeconfig `client-key-data` and Secrets carry it",
        "certificates and public keys in base64 (`certificate-authority-data`)", TokenDetector.builder("private_key")
            .prefixes("LS0tLS1CRUdJTi").run(Alphabet.BASE64, 40, TokenDetector.UNBOUNDED)
            .run(Alphabet.PAD, 0, 2).validator(Validator.BASE64_PEM_PRIVATE_KEY));
    // ---- CLOUD
    token("aws-access-key-id", Family.CLOUD,
        "AWS access key ids (long-term, temporary, and the other documented id prefixes)",
        null, TokenDetector.builder("aws_access_key_id").prefixes("AKIA", "ASIA", "ABIA", "ACCA")
            .run(Alphabet.UPPER_DIGIT, 16, 16));
    token("aws-access-key-id-a3t", Family.CLOUD, "AWS access key ids of the older `A3T` form",
        null, TokenDetector.builder("aws_access_key_id").prefixes("A3T")
            .run(Alphabet.UPPER_DIGIT, 17, 17));
    token("google-api-key", Family.CLOUD, "Google API keys",
        null, TokenDetector.builder("google_api_key").prefixes("AIza")
            .run(Alphabet.BASE64URL, 35, 35));
    token("google-oauth-client-secret", Family.CLOUD, "Google OAuth client secrets",
        null, TokenDetector.builder("google_oauth_client_secret").prefixes("GOCSPX-")
            .run(Alphabet.BASE64URL, 28, 28));
    token("google-oauth-access-token", Family.CLOUD, "Google OAuth access tokens",
        null, TokenDetector.builder("google_oauth_token").prefixes("ya29.")
            .run(Alphabet.BASE64URL, 30, TokenDetector.UNBOUNDED));
    token("azure-ad-client-secret", Family.CLOUD, "Azure AD (Entra ID) client secrets",
        null, TokenDetector.builder("azure_client_secret").before(Alphabet.AZURE_SECRET, 3, 3)
            .before(Alphabet.DIGITS, 1, 1).infix("Q~").run(Alphabet.AZURE_SECRET, 31, 34));
    token("azure-storage-account-key", Family.CLOUD,
        "Azure Storage account keys in connection strings",
        "keys of other lengths", TokenDetector.builder("azure_storage_key").prefixes("AccountKey=")
            .run(Alphabet.BASE64, 86, 86).then("==").keepLiteral());
    token("azure-sas-signature", Family.CLOUD,
        "the signature of an Azure shared access signature (SAS) URL",
        "short `sig=` values", TokenDetector.builder("azure_sas_signature").prefixes("sig=")
            .run(Alphabet.URL_BASE64, 40, 200).keepLiteral());
    token("alibaba-access-key-id", Family.CLOUD, "Alibaba Cloud AccessKey ids",
        null, TokenDetector.builder("alibaba_access_key_id").prefixes("LTAI")
            .run(Alphabet.ALNUM, 12, 20));
    token("tencent-secret-id", Family.CLOUD, "Tencent Cloud SecretIds",
        null, TokenDetector.builder("tencent_secret_id").prefixes("AKID")
            .run(Alphabet.ALNUM, 32, 32));
    token("digitalocean-token", Family.CLOUD, "DigitalOcean personal, OAuth and refresh tokens",
        null, TokenDetector.builder("digitalocean_token").prefixes("dop_v1_", "doo_v1_", "dor_v1_")
            .run(Alphabet.HEX_LOWER, 64, 64));
    token("heroku-api-key", Family.CLOUD, "Heroku API keys",
        null, TokenDetector.builder("heroku_api_key").prefixes("HRKU-AA")
            .run(Alphabet.BASE64URL, 58, 58));
    token("flyio-token", Family.CLOUD, "Fly.io access tokens",
        null, TokenDetector.builder("flyio_token").prefixes("fo1_").run(Alphabet.BASE64URL, 43, 43));
    token("flyio-macaroon", Family.CLOUD, "Fly.io macaroon tokens",
        null, TokenDetector.builder("flyio_token").prefixes("fm1a_", "fm1r_", "fm2_")
            .run(Alphabet.BASE64, 100, TokenDetector.UNBOUNDED).run(Alphabet.PAD, 0, 3));
    token("cloudflare-origin-ca-key", Family.CLOUD, "Cloudflare Origin CA keys",
        null, TokenDetector.builder("cloudflare_origin_ca_key").prefixes("v1.0-")
            .run(Alphabet.HEX_LOWER, 24, 24).then("-").run(Alphabet.HEX_LOWER, 146, 146));
    token("databricks-token", Family.CLOUD, "Databricks personal access tokens",
        null, TokenDetector.builder("databricks_token").prefixes("dapi")
            .run(Alphabet.HEX_LOWER, 32, 32));
    token("openshift-token", Family.CLOUD, "OpenShift OAuth access tokens",
        null, TokenDetector.builder("openshift_token").prefixes("sha256~")
            .run(Alphabet.BASE64URL, 43, 43));
    token("vault-token", Family.CLOUD, "HashiCorp Vault service, batch and recovery tokens",
        null, TokenDetector.builder("vault_token").prefixes("hvs.", "hvb.", "hvr.")
            .run(Alphabet.BASE64URL, 24, TokenDetector.UNBOUNDED));
    token("doppler-token", Family.CLOUD,
        "Doppler personal, service, CLI, service-account, SCIM and audit tokens",
        null, TokenDetector.builder("doppler_token")
            .prefixes("dp.pt.", "dp.st.", "dp.ct.", "dp.sa.", "dp.scim.", "dp.audit.")
            .run(Alphabet.ALNUM, 40, 44));
    token("pulumi-token", Family.CLOUD, "Pulumi access tokens",
        null, TokenDetector.builder("pulumi_token").prefixes("pul-").run(Alphabet.HEX_LOWER, 40, 40));
    token("terraform-cloud-token", Family.CLOUD, "Terraform Cloud / Enterprise API tokens",
        null, TokenDetector.builder("terraform_token").before(Alphabet.LOWER_DIGIT, 14, 14)
            .infix(".atlasv1.").run(Alphabet.BASE64URL_EQ, 60, 70));
    token("age-secret-key", Family.CLOUD, "age encryption secret keys",
        null, TokenDetector.builder("age_secret_key").prefixes("AGE-SECRET-KEY-1")
            .run(Alphabet.BECH32_UPPER, 58, 58));
    token("cloudflare-api-token", Family.CLOUD,
        "Cloudflare API tokens, by the variable that holds them",
        "other lengths", TokenDetector.builder("cloudflare_api_token")
            .prefixes("CLOUDFLARE_API_TOKEN", "CF_API_TOKEN", "cloudflare_api_token", "cf_api_token")
            .assign().run(Alphabet.BASE64URL, 40, 40));
    token("cloudflare-global-api-key", Family.CLOUD,
        "Cloudflare global API keys, by their header or variable",
        "other lengths", TokenDetector.builder("cloudflare_api_key")
            .prefixes("X-Auth-Key", "x-auth-key", "CLOUDFLARE_API_KEY", "CF_API_KEY", "cloudflare_api_key", "cf_api_key")
            .assign().run(Alphabet.HEX_LOWER, 37, 37));
    token("fastly-api-token", Family.CLOUD, "Fastly API tokens, by their header or variable",
        "other lengths", TokenDetector.builder("fastly_api_token")
            .prefixes("Fastly-Key", "fastly-key", "FASTLY_API_TOKEN", "FASTLY_API_KEY", "fastly_api_token")
            .assign().run(Alphabet.BASE64URL, 32, 32));
    token("tailscale-key", Family.CLOUD, "Tailscale auth, API, OAuth client, SCIM and webhook keys",
        null, TokenDetector.builder("tailscale_key")
            .prefixes("tskey-auth-", "tskey-api-", "tskey-client-", "tskey-scim-", "tskey-webhook-")
            .run(Alphabet.ALNUM, 8, 24).then("-").run(Alphabet.ALNUM, 24, 64));
    token("firebase-server-key", Family.CLOUD, "Firebase Cloud Messaging legacy server keys",
        null, TokenDetector.builder("firebase_server_key").prefixes("AAAA")
            .run(Alphabet.BASE64URL, 7, 7).then(":APA91b").run(Alphabet.BASE64URL, 120, 160));
    token("yandex-api-key", Family.CLOUD, "Yandex Cloud API keys",
        null, TokenDetector.builder("yandex_api_key").prefixes("AQVN")
            .run(Alphabet.BASE64URL, 35, 38));
    token("scalingo-api-token", Family.CLOUD, "Scalingo API tokens",
        null, TokenDetector.builder("scalingo_token").prefixes("tk-us-")
            .run(Alphabet.BASE64URL, 48, 48));
    token("bitwarden-access-token", Family.CLOUD,
        "Bitwarden Secrets Manager machine-account access tokens: version, account id, secret, key",
        "version strings, other shapes", TokenDetector.builder("bitwarden_token").prefixes("0.")
            .uuid().then(".").run(Alphabet.ALNUM, 30, 30).then(":").run(Alphabet.BASE64, 22, 22)
            .run(Alphabet.PAD, 2, 2));
    // ---- VCS_AND_REGISTRIES
    token("github-classic-token", Family.VCS_AND_REGISTRIES,
        "GitHub personal access tokens (classic)",
        "a checksum that does not match, other lengths", TokenDetector.builder("github_token")
            .prefixes("ghp_").run(Alphabet.ALNUM, 36, 36).validator(Validator.CRC32_BASE62));
    token("github-token", Family.VCS_AND_REGISTRIES,
        "GitHub OAuth, user-to-server, server-to-server and refresh tokens",
        null, TokenDetector.builder("github_token").prefixes("gho_", "ghu_", "ghs_", "ghr_")
            .run(Alphabet.ALNUM, 36, 255));
    token("github-fine-grained-token", Family.VCS_AND_REGISTRIES,
        "GitHub fine-grained personal access tokens",
        null, TokenDetector.builder("github_token").prefixes("github_pat_")
            .run(Alphabet.ALNUM_UNDERSCORE, 22, 255));
    token("gitlab-token", Family.VCS_AND_REGISTRIES,
        "GitLab personal, deploy, runner, CI job, trigger, feed, incoming-mail, agent, OAuth, SCIM and feature-flag tokens, and runner registration tokens",
        null, TokenDetector.builder("gitlab_token")
            .prefixes("glpat-", "gldt-", "glrt-", "glcbt-", "glptt-", "glft-", "glimt-", "glagent-", "gloas-", "glsoat-", "glffct-", "GR1348941")
            .run(Alphabet.BASE64URL_DOTTED, 20, TokenDetector.UNBOUNDED));
    token("npm-token", Family.VCS_AND_REGISTRIES, "npm access tokens",
        "a checksum that does not match, `npm_install_…`", TokenDetector.builder("npm_token")
            .prefixes("npm_").run(Alphabet.ALNUM, 36, 36).validator(Validator.CRC32_BASE62));
    token("pypi-token", Family.VCS_AND_REGISTRIES, "PyPI API tokens (a macaroon for pypi.org)",
        null, TokenDetector.builder("pypi_token").prefixes("pypi-AgEIcHlwaS5vcmc")
            .run(Alphabet.BASE64URL, 50, TokenDetector.UNBOUNDED));
    token("rubygems-api-key", Family.VCS_AND_REGISTRIES, "RubyGems API keys",
        null, TokenDetector.builder("rubygems_api_key").prefixes("rubygems_")
            .run(Alphabet.HEX_LOWER, 48, 48));
    token("nuget-api-key", Family.VCS_AND_REGISTRIES, "NuGet API keys",
        null, TokenDetector.builder("nuget_api_key").prefixes("oy2")
            .run(Alphabet.LOWER_DIGIT, 43, 43));
    token("crates-io-token", Family.VCS_AND_REGISTRIES, "crates.io API tokens",
        null, TokenDetector.builder("crates_io_token").prefixes("cio").run(Alphabet.ALNUM, 32, 32));
    token("clojars-token", Family.VCS_AND_REGISTRIES, "Clojars deploy tokens",
        null, TokenDetector.builder("clojars_token").prefixes("CLOJARS_")
            .run(Alphabet.LOWER_DIGIT, 60, 60));
    token("docker-hub-token", Family.VCS_AND_REGISTRIES,
        "Docker Hub personal and organisation access tokens",
        null, TokenDetector.builder("docker_token").prefixes("dckr_pat_", "dckr_oat_")
            .run(Alphabet.BASE64URL, 27, 64));
    token("artifactory-api-key", Family.VCS_AND_REGISTRIES, "JFrog Artifactory API keys",
        null, TokenDetector.builder("artifactory_token").prefixes("AKCp")
            .run(Alphabet.ALNUM, 69, 69));
    token("artifactory-reference-token", Family.VCS_AND_REGISTRIES,
        "JFrog Artifactory reference tokens",
        null, TokenDetector.builder("artifactory_token").prefixes("cmVmdGtu")
            .run(Alphabet.ALNUM, 56, 56));
    token("atlassian-api-token", Family.VCS_AND_REGISTRIES,
        "Atlassian (Jira, Confluence) API tokens",
        null, TokenDetector.builder("atlassian_token").prefixes("ATATT3", "ATCTT3")
            .run(Alphabet.BASE64URL_EQ, 150, 250));
    token("bitbucket-app-password", Family.VCS_AND_REGISTRIES, "Bitbucket app passwords",
        null, TokenDetector.builder("atlassian_token").prefixes("ATBB").run(Alphabet.ALNUM, 32, 32));
    token("sonarqube-token", Family.VCS_AND_REGISTRIES,
        "SonarQube user, project and analysis tokens",
        null, TokenDetector.builder("sonarqube_token").prefixes("squ_", "sqp_", "sqa_")
            .run(Alphabet.HEX_LOWER, 40, 40));
    token("buildkite-token", Family.VCS_AND_REGISTRIES, "Buildkite user access tokens",
        null, TokenDetector.builder("buildkite_token").prefixes("bkua_")
            .run(Alphabet.HEX_LOWER, 40, 40));
    token("octopus-api-key", Family.VCS_AND_REGISTRIES, "Octopus Deploy API keys",
        null, TokenDetector.builder("octopus_api_key").prefixes("API-")
            .run(Alphabet.UPPER_DIGIT, 26, 26));
    token("harness-token", Family.VCS_AND_REGISTRIES, "Harness personal and service-account tokens",
        null, TokenDetector.builder("harness_token").prefixes("pat.", "sat.")
            .run(Alphabet.BASE64URL, 22, 22).then(".").run(Alphabet.HEX_LOWER, 24, 24).then(".")
            .run(Alphabet.ALNUM, 20, 20));
    token("infracost-api-key", Family.VCS_AND_REGISTRIES, "Infracost API keys",
        null, TokenDetector.builder("infracost_api_key").prefixes("ico-")
            .run(Alphabet.ALNUM, 32, 32));
    token("postman-api-key", Family.VCS_AND_REGISTRIES, "Postman API keys",
        null, TokenDetector.builder("postman_api_key").prefixes("PMAK-")
            .run(Alphabet.HEX_LOWER, 24, 24).then("-").run(Alphabet.HEX_LOWER, 34, 34));
    token("azure-devops-pat", Family.VCS_AND_REGISTRIES,
        "Azure DevOps personal access tokens of the 84-char identifiable form",
        "other lengths, a signature elsewhere", TokenDetector.builder("azure_devops_pat")
            .before(Alphabet.ALNUM, 52, 52).infix("JQQJ").run(Alphabet.ALNUM, 20, 20).then("AZDO")
            .run(Alphabet.ALNUM, 4, 4));
    token("azure-devops-pat-legacy", Family.VCS_AND_REGISTRIES,
        "Azure DevOps personal access tokens of the first, 52-char base32 form, by the variable that holds them",
        "other lengths, upper case", TokenDetector.builder("azure_devops_pat")
            .prefixes("AZURE_DEVOPS_EXT_PAT", "AZURE_DEVOPS_PAT", "AZDO_PAT", "ADO_PAT", "azure_devops_pat")
            .assign().run(Alphabet.BASE32_LOWER, 52, 52));
    token("circleci-token", Family.VCS_AND_REGISTRIES, "CircleCI personal and project API tokens",
        null, TokenDetector.builder("circleci_token").prefixes("CCIPAT_", "CCIPRJ_")
            .run(Alphabet.ALNUM, 22, 22).then("_").run(Alphabet.HEX_LOWER, 40, 40));
    token("netlify-token", Family.VCS_AND_REGISTRIES, "Netlify personal access tokens",
        null, TokenDetector.builder("netlify_token").prefixes("nfp_").run(Alphabet.ALNUM, 36, 44));
    token("vercel-token", Family.VCS_AND_REGISTRIES,
        "Vercel personal, integration, app access and refresh tokens and API keys",
        null, TokenDetector.builder("vercel_token")
            .prefixes("vcp_", "vci_", "vca_", "vcr_", "vck_").run(Alphabet.ALNUM, 24, 64));
    token("snyk-token", Family.VCS_AND_REGISTRIES, "Snyk API tokens, by the variable that holds them",
        "other UUIDs", TokenDetector.builder("snyk_token").prefixes("SNYK_TOKEN", "snyk_token")
            .assign().uuid());
    token("codecov-token", Family.VCS_AND_REGISTRIES,
        "Codecov upload tokens, by the variable that holds them",
        "other UUIDs", TokenDetector.builder("codecov_token").prefixes("CODECOV_TOKEN", "codecov_token")
            .assign().uuid());
    token("ngrok-authtoken", Family.VCS_AND_REGISTRIES,
        "ngrok authtokens and API keys, by the variable that holds them",
        "other shapes", TokenDetector.builder("ngrok_token")
            .prefixes("NGROK_AUTHTOKEN", "NGROK_API_KEY", "ngrok_authtoken")
            .assign().run(Alphabet.ALNUM, 25, 30).then("_").run(Alphabet.ALNUM, 20, 25));
    // ---- SAAS_AND_AI
    token("openai-api-key", Family.SAAS_AND_AI, "OpenAI project, service-account and admin keys",
        null, TokenDetector.builder("openai_api_key")
            .prefixes("sk-proj-", "sk-svcacct-", "sk-admin-", "sk-None-")
            .run(Alphabet.BASE64URL, 40, TokenDetector.UNBOUNDED));
    token("openai-legacy-key", Family.SAAS_AND_AI, "OpenAI user keys of the first form",
        null, TokenDetector.builder("openai_api_key").prefixes("sk-").run(Alphabet.ALNUM, 20, 20)
            .then("T3BlbkFJ").run(Alphabet.ALNUM, 20, 20));
    token("anthropic-api-key", Family.SAAS_AND_AI, "Anthropic API and admin keys",
        null, TokenDetector.builder("anthropic_api_key")
            .prefixes("sk-ant-api03-", "sk-ant-admin01-")
            .run(Alphabet.BASE64URL, 80, TokenDetector.UNBOUNDED));
    token("huggingface-token", Family.SAAS_AND_AI, "Hugging Face user and organisation tokens",
        null, TokenDetector.builder("huggingface_token").prefixes("hf_", "api_org_")
            .run(Alphabet.LETTERS, 34, 34));
    token("groq-api-key", Family.SAAS_AND_AI, "Groq API keys",
        null, TokenDetector.builder("groq_api_key").prefixes("gsk_").run(Alphabet.ALNUM, 52, 52));
    token("xai-api-key", Family.SAAS_AND_AI, "xAI API keys",
        null, TokenDetector.builder("xai_api_key").prefixes("xai-").run(Alphabet.ALNUM, 80, 80));
    token("perplexity-api-key", Family.SAAS_AND_AI, "Perplexity API keys",
        null, TokenDetector.builder("perplexity_api_key").prefixes("pplx-")
            .run(Alphabet.ALNUM, 48, 48));
    token("replicate-token", Family.SAAS_AND_AI, "Replicate API tokens",
        null, TokenDetector.builder("replicate_token").prefixes("r8_").run(Alphabet.ALNUM, 37, 37));
    token("notion-token", Family.SAAS_AND_AI, "Notion integration tokens",
        null, TokenDetector.builder("notion_token").prefixes("ntn_").run(Alphabet.ALNUM, 46, 46));
    token("notion-legacy-token", Family.SAAS_AND_AI, "Notion integration tokens of the first form",
        null, TokenDetector.builder("notion_token").prefixes("secret_").run(Alphabet.ALNUM, 43, 43));
    token("linear-api-key", Family.SAAS_AND_AI, "Linear API keys",
        null, TokenDetector.builder("linear_api_key").prefixes("lin_api_")
            .run(Alphabet.ALNUM, 40, 40));
    token("shopify-token", Family.SAAS_AND_AI,
        "Shopify access, custom-app, private-app and shared-secret tokens",
        null, TokenDetector.builder("shopify_token")
            .prefixes("shpat_", "shpca_", "shppa_", "shpss_").run(Alphabet.HEX, 32, 32));
    token("contentful-token", Family.SAAS_AND_AI, "Contentful personal access tokens",
        null, TokenDetector.builder("contentful_token").prefixes("CFPAT-")
            .run(Alphabet.BASE64URL, 43, 43));
    token("figma-token", Family.SAAS_AND_AI, "Figma personal access tokens",
        null, TokenDetector.builder("figma_token").prefixes("figd_").run(Alphabet.BASE64URL, 30, 80));
    token("airtable-token", Family.SAAS_AND_AI, "Airtable personal access tokens",
        null, TokenDetector.builder("airtable_token").prefixes("pat").run(Alphabet.ALNUM, 14, 14)
            .then(".").run(Alphabet.HEX_LOWER, 64, 64));
    token("onepassword-service-token", Family.SAAS_AND_AI, "1Password service-account tokens",
        null, TokenDetector.builder("onepassword_token").prefixes("ops_eyJ")
            .run(Alphabet.BASE64URL_EQ, 100, TokenDetector.UNBOUNDED));
    token("planetscale-token", Family.SAAS_AND_AI,
        "PlanetScale service tokens, passwords and OAuth tokens",
        null, TokenDetector.builder("planetscale_token")
            .prefixes("pscale_tkn_", "pscale_pw_", "pscale_oauth_").run(Alphabet.BASE64URL, 32, 64));
    token("supabase-token", Family.SAAS_AND_AI, "Supabase personal access tokens",
        null, TokenDetector.builder("supabase_token").prefixes("sbp_")
            .run(Alphabet.HEX_LOWER, 40, 40));
    token("supabase-secret-key", Family.SAAS_AND_AI, "Supabase secret API keys",
        null, TokenDetector.builder("supabase_token").prefixes("sb_secret_")
            .run(Alphabet.BASE64URL, 20, TokenDetector.UNBOUNDED));
    token("neon-api-key", Family.SAAS_AND_AI, "Neon API keys",
        null, TokenDetector.builder("neon_api_key").prefixes("napi_")
            .run(Alphabet.LOWER_DIGIT, 64, 64));
    token("render-api-key", Family.SAAS_AND_AI, "Render API keys",
        null, TokenDetector.builder("render_api_key").prefixes("rnd_").run(Alphabet.ALNUM, 32, 32));
    token("readme-api-key", Family.SAAS_AND_AI, "ReadMe API keys",
        null, TokenDetector.builder("readme_api_key").prefixes("rdme_")
            .run(Alphabet.LOWER_DIGIT, 70, 70));
    token("prefect-api-key", Family.SAAS_AND_AI, "Prefect API keys",
        null, TokenDetector.builder("prefect_api_key").prefixes("pnu_").run(Alphabet.ALNUM, 36, 36));
    token("typeform-token", Family.SAAS_AND_AI, "Typeform personal access tokens",
        null, TokenDetector.builder("typeform_token").prefixes("tfp_")
            .run(Alphabet.BASE64URL, 40, 80));
    token("frameio-token", Family.SAAS_AND_AI, "Frame.io developer tokens",
        null, TokenDetector.builder("frameio_token").prefixes("fio-u-")
            .run(Alphabet.BASE64URL_EQ, 64, 64));
    token("adafruit-io-key", Family.SAAS_AND_AI, "Adafruit IO keys",
        null, TokenDetector.builder("adafruit_key").prefixes("aio_").run(Alphabet.ALNUM, 28, 28));
    token("dropbox-token", Family.SAAS_AND_AI, "Dropbox short-lived access tokens",
        null, TokenDetector.builder("dropbox_token").prefixes("sl.")
            .run(Alphabet.BASE64URL_DOTTED, 130, TokenDetector.UNBOUNDED));
    token("mapbox-secret-token", Family.SAAS_AND_AI,
        "Mapbox secret tokens (public `pk.` tokens are kept)",
        null, TokenDetector.builder("mapbox_token").prefixes("sk.eyJ")
            .run(Alphabet.BASE64URL, 20, TokenDetector.UNBOUNDED).then(".")
            .run(Alphabet.BASE64URL, 20, 30));
    token("okta-api-token", Family.SAAS_AND_AI, "Okta API tokens after the `SSWS` scheme",
        "other lengths", TokenDetector.builder("okta_api_token").prefixes("SSWS ").then("00")
            .run(Alphabet.BASE64URL, 40, 40).keepLiteral());
    token("twitch-oauth-token", Family.SAAS_AND_AI, "Twitch OAuth tokens as chat passwords",
        "other lengths, upper case", TokenDetector.builder("twitch_token").prefixes("oauth:")
            .run(Alphabet.LOWER_DIGIT, 30, 30).keepLiteral());
    token("facebook-access-token", Family.SAAS_AND_AI, "Facebook (Meta) Graph API access tokens",
        null, TokenDetector.builder("facebook_token").prefixes("EAA")
            .run(Alphabet.ALNUM, 100, TokenDetector.UNBOUNDED));
    token("asana-pat", Family.SAAS_AND_AI, "Asana personal access tokens",
        "fractions, paths", TokenDetector.builder("asana_token").prefixes("2/")
            .run(Alphabet.DIGITS, 10, 20).then("/").run(Alphabet.DIGITS, 10, 20).then(":")
            .run(Alphabet.HEX_LOWER, 32, 32));
    token("asana-legacy-pat", Family.SAAS_AND_AI, "Asana personal access tokens of the first form",
        "fractions, paths", TokenDetector.builder("asana_token").prefixes("1/")
            .run(Alphabet.DIGITS, 10, 20).then(":").run(Alphabet.HEX_LOWER, 32, 32));
    token("clickup-api-token", Family.SAAS_AND_AI, "ClickUp personal API tokens",
        null, TokenDetector.builder("clickup_token").prefixes("pk_").run(Alphabet.DIGITS, 6, 12)
            .then("_").run(Alphabet.UPPER_DIGIT, 32, 32));
    token("zendesk-api-token", Family.SAAS_AND_AI,
        "Zendesk API tokens in their `user@host/token:` credentials",
        "other lengths", TokenDetector.builder("zendesk_token").infix("/token:")
            .run(Alphabet.ALNUM, 40, 40).keepLiteral());
    token("hubspot-private-app-token", Family.SAAS_AND_AI, "HubSpot private app access tokens",
        null, TokenDetector.builder("hubspot_token").prefixes("pat-na1-", "pat-na2-", "pat-eu1-", "pat-ap1-")
            .uuid());
    token("salesforce-access-token", Family.SAAS_AND_AI, "Salesforce session and access tokens",
        null, TokenDetector.builder("salesforce_token").prefixes("00D")
            .run(Alphabet.ALNUM, 12, 15).then("!").run(Alphabet.BASE64URL_DOTTED, 90, 200));
    token("twitter-bearer-token", Family.SAAS_AND_AI, "X (Twitter) app-only bearer tokens",
        null, TokenDetector.builder("twitter_token").prefixes("AAAAAAAAAAAAAAAAAAAAA")
            .run(Alphabet.URL_BASE64, 60, 200));
    token("langsmith-api-key", Family.SAAS_AND_AI, "LangSmith personal access tokens and service keys",
        null, TokenDetector.builder("langsmith_api_key").prefixes("lsv2_pt_", "lsv2_sk_")
            .run(Alphabet.LOWER_DIGIT, 32, 32).then("_").run(Alphabet.LOWER_DIGIT, 10, 10));
    token("pinecone-api-key", Family.SAAS_AND_AI, "Pinecone API keys",
        null, TokenDetector.builder("pinecone_api_key").prefixes("pcsk_")
            .run(Alphabet.ALNUM, 5, 6).then("_").run(Alphabet.ALNUM, 63, 63));
    token("zapier-webhook", Family.SAAS_AND_AI, "the secret path of a Zapier catch hook URL",
        "the host and path prefix alone", TokenDetector.builder("zapier_webhook")
            .prefixes("hooks.zapier.com/hooks/catch/").run(Alphabet.PATH, 10, 100).keepLiteral());
    // ---- OBSERVABILITY
    token("grafana-cloud-token", Family.OBSERVABILITY, "Grafana Cloud API tokens",
        null, TokenDetector.builder("grafana_token").prefixes("glc_").run(Alphabet.BASE64, 32, 400)
            .run(Alphabet.PAD, 0, 2));
    token("grafana-service-account-token", Family.OBSERVABILITY, "Grafana service-account tokens",
        null, TokenDetector.builder("grafana_token").prefixes("glsa_").run(Alphabet.ALNUM, 32, 32)
            .then("_").run(Alphabet.HEX_LOWER, 8, 8));
    token("sentry-user-token", Family.OBSERVABILITY, "Sentry user auth tokens",
        null, TokenDetector.builder("sentry_token").prefixes("sntryu_")
            .run(Alphabet.HEX_LOWER, 64, 64));
    token("sentry-org-token", Family.OBSERVABILITY, "Sentry organisation auth tokens",
        null, TokenDetector.builder("sentry_token").prefixes("sntrys_")
            .run(Alphabet.BASE64_MIXED, 60, TokenDetector.UNBOUNDED));
    token("newrelic-user-key", Family.OBSERVABILITY, "New Relic user API keys",
        null, TokenDetector.builder("newrelic_key").prefixes("NRAK-")
            .run(Alphabet.UPPER_DIGIT, 27, 27));
    token("newrelic-insert-key", Family.OBSERVABILITY, "New Relic insert keys",
        null, TokenDetector.builder("newrelic_key").prefixes("NRII-")
            .run(Alphabet.ALNUM_DASH, 32, 32));
    token("newrelic-browser-key", Family.OBSERVABILITY, "New Relic browser API keys",
        null, TokenDetector.builder("newrelic_key").prefixes("NRJS-")
            .run(Alphabet.HEX_LOWER, 19, 19));
    token("dynatrace-token", Family.OBSERVABILITY, "Dynatrace API tokens",
        null, TokenDetector.builder("dynatrace_token").prefixes("dt0c01.")
            .run(Alphabet.UPPER_DIGIT, 24, 24).then(".").run(Alphabet.UPPER_DIGIT, 64, 64));
    token("newrelic-license-key", Family.OBSERVABILITY, "New Relic license (ingest) keys",
        "other lengths", TokenDetector.builder("newrelic_key").before(Alphabet.LOWER_DIGIT, 36, 36)
            .infix("NRAL"));
    token("datadog-api-key", Family.OBSERVABILITY,
        "Datadog API keys, by the variable or header that holds them",
        "other lengths", TokenDetector.builder("datadog_api_key")
            .prefixes("DD_API_KEY", "DATADOG_API_KEY", "dd_api_key", "datadog_api_key", "DD-API-KEY", "dd-api-key")
            .assign().run(Alphabet.HEX_LOWER, 32, 32));
    token("datadog-app-key", Family.OBSERVABILITY,
        "Datadog application keys, by the variable or header that holds them",
        "other lengths", TokenDetector.builder("datadog_app_key")
            .prefixes("DD_APP_KEY", "DD_APPLICATION_KEY", "DATADOG_APP_KEY", "DATADOG_APPLICATION_KEY", "dd_app_key", "dd_application_key", "DD-APPLICATION-KEY", "dd-application-key")
            .assign().run(Alphabet.HEX_LOWER, 40, 40));
    token("honeycomb-api-key", Family.OBSERVABILITY,
        "Honeycomb API, configuration and ingest keys, by the header or variable that holds them",
        "other lengths", TokenDetector.builder("honeycomb_api_key")
            .prefixes("X-Honeycomb-Team", "x-honeycomb-team", "HONEYCOMB_API_KEY", "HONEYCOMB_WRITEKEY", "honeycomb_api_key")
            .assign().run(Alphabet.ALNUM_UNDERSCORE, 22, 64));
    token("pagerduty-api-token", Family.OBSERVABILITY,
        "PagerDuty REST API keys after `Token token=`",
        "other lengths", TokenDetector.builder("pagerduty_token").prefixes("Token token=")
            .run(Alphabet.BASE64_MIXED, 20, 20).keepLiteral());
    // ---- PAYMENT
    token("stripe-key", Family.PAYMENT,
        "Stripe secret and restricted keys, live and test mode (publishable `pk_` keys are public)",
        null, TokenDetector.builder("stripe_key")
            .prefixes("sk_live_", "rk_live_", "sk_test_", "rk_test_").run(Alphabet.ALNUM, 16, 255));
    token("stripe-webhook-secret", Family.PAYMENT, "Stripe webhook signing secrets",
        null, TokenDetector.builder("stripe_key").prefixes("whsec_")
            .run(Alphabet.ALNUM, 32, TokenDetector.UNBOUNDED));
    token("square-access-token", Family.PAYMENT, "Square access tokens",
        null, TokenDetector.builder("square_token").prefixes("EAAA").run(Alphabet.BASE64URL, 60, 60));
    token("square-oauth-token", Family.PAYMENT, "Square OAuth tokens of the first form",
        null, TokenDetector.builder("square_token").prefixes("sq0atp-")
            .run(Alphabet.BASE64URL, 22, 22));
    token("square-oauth-secret", Family.PAYMENT, "Square OAuth application secrets",
        null, TokenDetector.builder("square_token").prefixes("sq0csp-")
            .run(Alphabet.BASE64URL, 43, 43));
    token("braintree-access-token", Family.PAYMENT, "Braintree (PayPal) access tokens",
        null, TokenDetector.builder("braintree_token")
            .prefixes("access_token$production$", "access_token$sandbox$")
            .run(Alphabet.LOWER_DIGIT, 16, 16).then("$").run(Alphabet.HEX_LOWER, 32, 32));
    token("flutterwave-secret-key", Family.PAYMENT, "Flutterwave secret keys",
        null, TokenDetector.builder("flutterwave_key").prefixes("FLWSECK_TEST-", "FLWSECK-")
            .run(Alphabet.HEX_LOWER, 32, 32).then("-X"));
    token("shippo-token", Family.PAYMENT, "Shippo API tokens",
        null, TokenDetector.builder("shippo_token").prefixes("shippo_live_", "shippo_test_")
            .run(Alphabet.HEX_LOWER, 40, 40));
    token("easypost-api-key", Family.PAYMENT, "EasyPost production and test API keys",
        null, TokenDetector.builder("easypost_api_key").prefixes("EZAK", "EZTK")
            .run(Alphabet.ALNUM, 54, 54));
    token("duffel-token", Family.PAYMENT, "Duffel API tokens",
        null, TokenDetector.builder("duffel_token").prefixes("duffel_test_", "duffel_live_")
            .run(Alphabet.BASE64URL, 43, 43));
    token("plaid-access-token", Family.PAYMENT, "Plaid access tokens of every environment",
        null, TokenDetector.builder("plaid_token")
            .prefixes("access-sandbox-", "access-development-", "access-production-").uuid());
    token("razorpay-key-id", Family.PAYMENT, "Razorpay live and test key ids",
        null, TokenDetector.builder("razorpay_key").prefixes("rzp_live_", "rzp_test_")
            .run(Alphabet.ALNUM, 14, 14));
    token("flutterwave-encryption-key", Family.PAYMENT, "Flutterwave encryption keys",
        null, TokenDetector.builder("flutterwave_key")
            .prefixes("FLWSECK_TEST", "FLWSECK_TEST-").run(Alphabet.HEX_LOWER, 12, 12));
    token("lob-api-key", Family.PAYMENT, "Lob live and test API keys",
        "other lengths, test names", TokenDetector.builder("lob_api_key").prefixes("live_", "test_")
            .run(Alphabet.HEX_LOWER, 35, 35));
    // ---- MESSAGING
    token("slack-token", Family.MESSAGING,
        "Slack bot, user, app-level, refresh and legacy tokens (`xox` and one letter)",
        null, TokenDetector.builder("slack_token").prefixes("xox?-")
            .run(Alphabet.ALNUM_DASH, 20, 255));
    token("slack-app-token", Family.MESSAGING, "Slack app-level tokens",
        null, TokenDetector.builder("slack_token").prefixes("xapp-")
            .run(Alphabet.ALNUM_DASH, 20, TokenDetector.UNBOUNDED));
    token("slack-config-token", Family.MESSAGING, "Slack configuration tokens",
        null, TokenDetector.builder("slack_token").prefixes("xoxe.xox?-")
            .run(Alphabet.ALNUM_DASH, 20, TokenDetector.UNBOUNDED));
    token("slack-webhook", Family.MESSAGING,
        "the secret path of a Slack incoming webhook, workflow or trigger URL",
        "the host and path prefix alone", TokenDetector.builder("slack_webhook")
            .prefixes("hooks.slack.com/services/", "hooks.slack.com/workflows/", "hooks.slack.com/triggers/")
            .run(Alphabet.PATH, 20, 200).keepLiteral());
    token("teams-webhook", Family.MESSAGING,
        "the secret path of a Microsoft Teams incoming webhook URL",
        "the host alone", TokenDetector.builder("teams_webhook")
            .infix(".webhook.office.com/webhookb2/").infix("outlook.office.com/webhook/")
            .run(Alphabet.WEBHOOK_PATH, 40, 400).keepLiteral());
    token("discord-webhook", Family.MESSAGING, "the id and token of a Discord webhook URL",
        "the host and path prefix alone", TokenDetector.builder("discord_webhook")
            .prefixes("discord.com/api/webhooks/", "discordapp.com/api/webhooks/")
            .run(Alphabet.DIGITS, 17, 20).then("/").run(Alphabet.BASE64URL, 60, 70).keepLiteral());
    token("telegram-bot-token", Family.MESSAGING,
        "Telegram bot tokens: the bot's id, then its secret",
        "`host:port` pairs, times, other lengths", TokenDetector.builder("telegram_bot_token")
            .before(Alphabet.DIGITS, 5, 16).infix(":A").run(Alphabet.BASE64URL, 34, 34));
    token("twilio-api-key", Family.MESSAGING, "Twilio API key SIDs",
        null, TokenDetector.builder("twilio_api_key").prefixes("SK").run(Alphabet.HEX_LOWER, 32, 32));
    token("sendgrid-api-key", Family.MESSAGING, "SendGrid API keys",
        null, TokenDetector.builder("sendgrid_api_key").prefixes("SG.")
            .run(Alphabet.BASE64URL, 22, 22).then(".").run(Alphabet.BASE64URL, 43, 43));
    token("mailgun-api-key", Family.MESSAGING, "Mailgun private API keys",
        null, TokenDetector.builder("mailgun_api_key").prefixes("key-")
            .run(Alphabet.HEX_LOWER, 32, 32));
    token("mailchimp-api-key", Family.MESSAGING, "Mailchimp API keys and their data centre",
        null, TokenDetector.builder("mailchimp_api_key").before(Alphabet.HEX_LOWER, 32, 32)
            .infix("-us").run(Alphabet.DIGITS, 1, 2));
    token("brevo-api-key", Family.MESSAGING, "Brevo (Sendinblue) API keys",
        null, TokenDetector.builder("brevo_api_key").prefixes("xkeysib-")
            .run(Alphabet.HEX_LOWER, 64, 64).then("-").run(Alphabet.ALNUM, 16, 16));
    token("discord-bot-token", Family.MESSAGING,
        "Discord bot tokens: the bot's id in base64, a timestamp, an HMAC",
        "dotted names, ids that do not decode to digits", TokenDetector.builder("discord_bot_token")
            .prefixes("MT", "Mj", "Mz", "ND", "NT", "Nj", "Nz", "OD", "OT")
            .run(Alphabet.ALNUM, 21, 24).then(".").run(Alphabet.BASE64URL, 6, 6).then(".")
            .run(Alphabet.BASE64URL, 27, 38).validator(Validator.BASE64_SNOWFLAKE));
    token("twilio-credentials", Family.MESSAGING,
        "a Twilio account SID and its auth token joined by `:` (basic authentication)",
        null, TokenDetector.builder("twilio_auth_token").prefixes("AC")
            .run(Alphabet.HEX_LOWER, 32, 32).then(":").run(Alphabet.HEX_LOWER, 32, 32));
    token("twilio-account-sid", Family.MESSAGING, "Twilio account SIDs",
        null, TokenDetector.builder("twilio_account_sid").prefixes("AC")
            .run(Alphabet.HEX_LOWER, 32, 32));
    token("twilio-auth-token", Family.MESSAGING,
        "Twilio auth tokens, by the variable that holds them",
        "other lengths", TokenDetector.builder("twilio_auth_token")
            .prefixes("TWILIO_AUTH_TOKEN", "twilio_auth_token").assign()
            .run(Alphabet.HEX_LOWER, 32, 32));
    token("messagebird-access-key", Family.MESSAGING,
        "MessageBird (Bird) access keys after the `AccessKey` scheme",
        "other lengths", TokenDetector.builder("messagebird_key").prefixes("AccessKey ")
            .run(Alphabet.ALNUM, 25, 25).keepLiteral());
    token("brevo-smtp-key", Family.MESSAGING, "Brevo (Sendinblue) SMTP keys",
        null, TokenDetector.builder("brevo_api_key").prefixes("xsmtpsib-")
            .run(Alphabet.HEX_LOWER, 64, 64).then("-").run(Alphabet.ALNUM, 16, 16));
    // ---- PERSONAL_DATA
    rule(
        "card",
        "card",
        Family.PERSONAL_DATA,
        CardNumberDetector.INSTANCE,
        "13–19 digits, plain or grouped as printed (4, then groups of 3–6, one kind of separator, space or dash), Luhn-valid **and** with an issuer prefix whose length fits (Visa, Mastercard, Amex, Discover, JCB, Diners, UnionPay, Maestro, Mir)",
        "a digit at a word start starting a run of 13+ digits",
        "Luhn-invalid runs, epoch ms/µs/ns timestamps (start with 1: no issuer), 20+ digits, decimals, digits glued to letters, UUID shapes",
        "the number; `MASK` keeps the last 4: `**** **** **** 1111`");
    rule(
        "ssn",
        "ssn",
        Family.PERSONAL_DATA,
        UsSsnDetector.INSTANCE,
        "US SSN `AAA-GG-SSSS` without never-issued numbers (area 000, 666, 9xx; group 00; serial 0000)",
        "a digit at a word start starting a run of 9+ digits",
        "dates, other groupings, undashed nine digits, parts of dashed ids",
        "the number");
    rule(
        "phone",
        "phone",
        Family.PERSONAL_DATA,
        PhoneNumberDetector.INSTANCE,
        "E.164 `+` and 8–15 digits, optionally grouped (`+44 (0)20 7946 0958`); NANP `(212) 555-0123`, `212-555-0123`, `212.555.0123`; national with trunk 0, 10–11 digits in groups (`020 7946 0958`)",
        "`+`, `(`, or a digit at a word start starting a run of 8+ digits",
        "time zone offsets, IPs, versions, dates, durations, plain digit runs, NANP numbers with an area code or exchange starting 0/1",
        "the number");
    rule(
        "iban",
        "iban",
        Family.PERSONAL_DATA,
        IbanDetector.INSTANCE,
        "a known country code, 2 check digits, the country's length, electronic or in groups of four, mod-97 valid",
        "a known country code at a word start",
        "mod-97-invalid, lower case, wrong length, unknown country",
        "the IBAN");
    rule(
        "email",
        "email",
        Family.PERSONAL_DATA,
        EmailDetector.INSTANCE,
        "`local@domain.tld` and percent-encoded `local%40domain.tld`; domain of 2+ labels, last one 2+ letters",
        "`@`, `%40`",
        "`Object@1b6d3586`, `nginx@sha256:…`, `lodash@4.17.21`, `@Override`, `user@localhost`, the user of `ssh://git@host`",
        "the address");
    // ---- NETWORK (opt-in)
    rule(
        "ipv4",
        "ipv4",
        Family.NETWORK,
        Ipv4AddressDetector.INSTANCE,
        "dotted quads of four octets 0–255 without leading zeros (RFC 791, the strict form `inet_pton` reads), with a port or prefix length after them kept",
        "a digit at a word start starting a run of 4+ digits",
        "`127.0.0.0/8`, `0.0.0.0/8`, `240.0.0.0/4` (netmasks, broadcast); versions (`v1.2.3.4`, `app-1.2.3.4`, `1.2.3.4-SNAPSHOT`, `1.2.3.4+build`, `1.2.3.4.jar`), OIDs and other 5+-part numbers, octets over 255 or zero-padded (`010.0.0.1`)",
        "the address: `[REDACTED:ipv4]:8443`");
    rule(
        "ipv6",
        "ipv6",
        Family.NETWORK,
        Ipv6AddressDetector.INSTANCE,
        "RFC 4291 text forms: 8 groups, one `::`, a dotted-quad tail (`::ffff:192.0.2.33`, `64:ff9b::192.0.2.33`); zone ids (`%eth0`), brackets and port (`[…]:8443`) and prefix lengths kept",
        "`:` followed by a hex digit or `:` (the match looks back up to 4 hex digits)",
        "`::`, `::1`, IPv4-mapped kept addresses; times (`12:34:56`), port pairs, 9+ groups, `::` inside a word (`Foo::bar`, `std::vector`) or twice, compressed forms without a digit (`a::b`, `dead::beef`), mixed case, groups of 5+ hex digits (digests, trace ids)",
        "the address: `[[REDACTED:ipv6]]:8443`");
    rule(
        "mac-address",
        "mac_address",
        Family.NETWORK,
        MacAddressDetector.INSTANCE,
        "EUI-48 as six 2-hex groups with `:` or `-`, or Cisco's three 4-hex groups with `.` (`001a.2b3c.4d5e`); one separator per address",
        "`:` `-` `.` followed by a hex digit (the match looks back one group)",
        "`00:00:00:00:00:00`, `ff:ff:ff:ff:ff:ff`; other group counts and sizes (UUIDs, dates, trace parents), mixed separators or case, dotted groups without both a digit and a letter (`2024.1105.0001`, `dead.beef.cafe`)",
        "the address");
    // ---- KEY_RULES
    rule(
        "command-line-password",
        CommandLineDetector.TYPE,
        Family.KEY_RULES,
        CommandLineDetector.INSTANCE,
        "passwords on logged command lines: `mysql -pV` and `-p V` (mysql, mysqldump, mysqladmin,"
            + " mariadb), `sshpass -p V`, `curl -u user:V` and `--user user:V`, keytool's"
            + " `-storepass V` `-keypass V` (and `-src…`/`-dest…`), redis' `requirepass V`"
            + " `masterauth V`",
        "`-p` `-u` `--user` after the tool's name on the line; the keytool and redis words; at a"
            + " word start",
        "`-p` of other tools (`docker run -p 8080:80`, `ssh -p 22`), a curl user without a"
            + " password, placeholders (`-p$MYSQL_PWD`, `-storepass:env VAR`)",
        "the password (curl's `user:password` whole)");
    rule(
        "generic-secret",
        GenericSecretDetector.TYPE,
        Family.KEY_RULES,
        GenericSecretDetector.INSTANCE,
        "a random-looking value under a key no key rule covers whose last word holds a secret"
            + " (`key`, `keys`, `value`, `pass`, `creds`, `auth`) and that names one (`secret`,"
            + " `token`, `auth`, `api`, `access`, `private`, `signing`, `master`, `app`, `client`,"
            + " `service`, …): `serviceAuthKey = \"…\"`, `clientSecretValue=…`, `db_pass: …`;"
            + " 16–256 chars of `A-Za-z0-9+/=_.~-` with a letter and a digit and a Shannon entropy"
            + " of at least 3.5 bits per char (3.0 for hex digits alone)",
        "`=` or `:`",
        "keys the key rules cover (left to the pair detector), keys without such words"
            + " (`cacheKey`, `partitionKey`, `publicKey`), placeholders (`$VAR`, `${VAR}`, `$(…)`,"
            + " `<…>`, `{{ … }}`, runs of `x` or `*`, `…EXAMPLE`), words, names and repetitive values,"
            + " paths and URLs, values under 16 chars",
        "the value");
    // (the two below are built by SecretRedactor from its key rules)
    rule(
        "key-value-pair",
        "the key rule's type (`password`, `secret`, `token`, `user`, …); off with `disable(\"pairs\")`",
        Family.KEY_RULES,
        null,
        "`key=value`, `key: value`, `\"key\":\"value\"`, `\\\"key\\\":\\\"value\\\"` in text whose key a key rule covers (as above: suffix match); connection strings (`;Password=x;`), query strings (`&access_token=x`), `jdbc:…password=x`, CLI flags (`--client-secret=x`, `-D…keyStorePassword=x`), config dumps (`aws_secret_access_key = x`), the assignments `token := x`, `password => x`, `PASSWORD ?= x`; XML elements (`<password>x</password>`); name/value pairs, where a `name` or `key` field names the secret and the `value` after it holds it (Go `{Name:DB_PASSWORD Value:x}`, a Kubernetes env list `- name: DB_PASSWORD` `value: x` or its JSON, .NET `<add key=\"ApiSecret\" value=\"x\"/>`); values of `authorization`/`cookie` and values starting with an auth scheme run to the end of the line",
        "`=`, `:` or `>`",
        "keys that merely contain a word, placeholders, `null`, empty values, `==`/`!=`, `::`, a PEM block (left to `private_key`), Java frames (`Foo.java:42`), a YAML key where a value would be (`user: token: x` is two keys)",
        "the value only; PII rules hash it");
    rule(
        "named-secret",
        "the key rule's type (`password`, `secret`, `token`, `credentials`); off with `disable(\"named_secret\")`",
        Family.KEY_RULES,
        null,
        "in text without a template (a message formatted elsewhere, exception messages, values, log files): the value after `password` `passwd` `passphrase` `secret` `token` `credential(s)` (any of lower, capitalised, upper case), past `is`/`was`/`are`/`were`, when it looks like a credential: quoted, or letters with a digit, a symbol, an inner capital, all digits (6+), or 20+ letters: `password hunter2`, `the secret is s3cr3t!`, `…, password Zq8#rT2!vLp0`",
        "the words' first letters at a word start",
        "prose (`password reset email sent`, `token expired at …`, `the secret is mounted read-only`), values under 6 chars, `Secret <name>` (the Kubernetes kind), placeholders (`$DB_PASSWORD`, `${…}`, `<hidden>`, `****`, `null`), paths and URLs, a word inside a path (`/oauth/token`), pairs (left to the key/value detector)",
        "the value");
  }

  /** Every rule, in the scanner's order. */
  public static final List<DetectorRule> RULES = List.copyOf(ROWS);

  /** The rule with this id, or null. */
  public static DetectorRule rule(String id) {
    for (DetectorRule r : RULES) {
      if (r.id().equals(id)) {
        return r;
      }
    }
    return null;
  }

  /** The detectors on by default, in the scanner's order (without the key-rule driven two). */
  static List<ValueDetector> defaultDetectors() {
    List<ValueDetector> list = new ArrayList<>();
    for (DetectorRule r : RULES) {
      if (r.detector() != null && !r.optIn()) {
        list.add(r.detector());
      }
    }
    return Collections.unmodifiableList(list);
  }

  /** The opt-in network address detectors, in the scanner's order. */
  static List<ValueDetector> networkAddressDetectors() {
    List<ValueDetector> list = new ArrayList<>();
    for (DetectorRule r : RULES) {
      if (r.detector() != null && r.optIn()) {
        list.add(r.detector());
      }
    }
    return Collections.unmodifiableList(list);
  }

  /**
   * What every token rule keeps, which the README says once above the tables: the literal alone
   * or with a body too short or too long, masks, documented examples, the literal inside a word.
   */
  static final String TOKEN_KEPT = "the common look-alikes";

  private static void rule(
      String id,
      String type,
      Family family,
      ValueDetector detector,
      String matches,
      String prefilter,
      String kept,
      String replacement) {
    ROWS.add(new DetectorRule(id, type, family, detector, matches, prefilter, kept, replacement));
  }

  /** A vendor's token: {@code what} it is, {@code kept} look-alikes beyond the common ones. */
  private static void token(
      String id, Family family, String what, String kept, TokenDetector.Builder builder) {
    TokenDetector detector = builder.build();
    StringBuilder prefilter = new StringBuilder();
    for (String t : detector.triggers()) {
      prefilter.append(prefilter.length() == 0 ? "" : " ").append('`').append(t).append('`');
    }
    prefilter.append(detector.wordStartOnly() ? " at a word start" : " anywhere");
    String replacement = detector.keepsLiteral() ? "what follows the literal" : "the token";
    rule(
        id,
        detector.type(),
        family,
        detector,
        what + ": " + detector.shapeShown(),
        prefilter.toString(),
        kept == null ? TOKEN_KEPT : TOKEN_KEPT + "; " + kept,
        replacement);
  }
}
