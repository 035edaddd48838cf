package io.logconv.cli;

import io.logconv.schema.LogSchemas;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code logconv opensearch}: what an OpenSearch cluster needs for logconv's lines. {@code logconv
 * opensearch template} prints the composable index template ({@link
 * LogSchemas#OPENSEARCH_TEMPLATE_RESOURCE}), to be put with {@code PUT _index_template/logs}.
 *
 * <pre>{@code
 * logconv opensearch template | curl -XPUT -H 'Content-Type: application/json' \
 *     --data-binary @- http://localhost:9200/_index_template/logs
 * }</pre>
 */
@Command(
    name = "opensearch",
    mixinStandardHelpOptions = true,
    description = "What an OpenSearch cluster needs for logconv's lines.",
    subcommands = {OpenSearchCommand.Template.class})
public final class OpenSearchCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    // "logconv opensearch" alone: show its subcommands, and fail like any other usage error.
    spec.commandLine().usage(spec.commandLine().getErr());
    throw new LogconvCommand.UsageError();
  }

  /** {@code logconv opensearch template}: prints the index template. */
  @Command(
      name = "template",
      mixinStandardHelpOptions = true,
      description = {
        "Print the composable index template for logconv's fields and the logconv ingest"
            + " processor's verdict (PUT _index_template/<name>).",
        "Audit payloads (requestObject, responseObject) are kept in _source and never mapped."
      })
  public static final class Template implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      String template;
      try (InputStream in = LogSchemas.open(LogSchemas.OPENSEARCH_TEMPLATE_RESOURCE)) {
        template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      PrintWriter out = spec.commandLine().getOut();
      out.print(template);
      out.flush();
      return LogconvCommand.OK;
    }
  }
}
