package io.logconv.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.logconv.core.Jdks;
import io.logconv.lint.Finding;
import io.logconv.lint.validate.InputFormat;
import io.logconv.lint.validate.Validator;
import io.logconv.spring.boot.app.DemoApplication;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The {@link DemoApplication} in a JVM of its own, so that every byte it writes to stdout and
 * stderr, from the first, is captured in a file. Runs on the test's class path (the Boot version of
 * the module under test) and binds to the loopback address on a random port.
 */
final class ChildApplication implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

  final Path stdout;
  final Path stderr;
  private final Path portFile;
  private final Process process;

  private ChildApplication(Path dir, Path java, List<Path> extraClasspath, List<String> args) throws IOException {
    stdout = dir.resolve("stdout.log");
    stderr = dir.resolve("stderr.log");
    portFile = dir.resolve("port");
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-Xshare:auto");
    command.add("-Ddemo.port-file=" + portFile);
    command.add("-cp");
    List<String> cp = new ArrayList<>();
    extraClasspath.forEach(p -> cp.add(p.toString()));
    cp.add(Jdks.testClasspath());
    command.add(String.join(File.pathSeparator, cp));
    command.add(DemoApplication.class.getName());
    command.add("--server.port=0");
    command.add("--server.address=127.0.0.1");
    command.add("--spring.application.name=demo");
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
    pb.environment().remove("LOGCONV_REDACT_HASH_KEY");
    process = pb.start();
  }

  /** Starts the application with {@code args} and, if it is a web application, waits for its port. */
  static ChildApplication start(Path dir, Path java, List<Path> extraClasspath, String... args) throws IOException {
    return new ChildApplication(dir, java, extraClasspath, List.of(args));
  }

  /** The port of the started web server. */
  int awaitPort() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(portFile) && Files.size(portFile) > 0) {
        return Integer.parseInt(Files.readString(portFile).strip());
      }
      if (!process.isAlive()) {
        throw new AssertionError("the application exited with " + process.exitValue() + ":\n" + output());
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the application did not start within " + START_TIMEOUT + ":\n" + output());
  }

  /** GET {@code path} on the application; returns the status code. */
  static int get(int port, String path) throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build();
    return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /** Asks the application to stop as Kubernetes does (SIGTERM) and waits for its JVM to exit. */
  void terminate() throws InterruptedException {
    process.destroy();
    awaitExit();
  }

  /** Waits for the JVM to exit on its own. */
  int awaitExit() throws InterruptedException {
    if (!process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the application did not exit");
    }
    return process.exitValue();
  }

  List<String> stdoutLines() throws IOException {
    return Files.readAllLines(stdout, StandardCharsets.UTF_8);
  }

  String output() throws IOException {
    return Files.readString(stdout, StandardCharsets.UTF_8) + Files.readString(stderr, StandardCharsets.UTF_8);
  }

  /** What {@code logconv validate} reports for {@code file}, read as JSON lines. */
  static List<Finding> validate(Path file) throws IOException {
    List<Finding> findings = new ArrayList<>();
    try (Validator v = new Validator(Validator.Options.defaults().withFormat(InputFormat.JSON_LINES).withThreads(1));
        InputStream in = Files.newInputStream(file)) {
      v.validate(
          file.getFileName().toString(),
          in,
          new Validator.Listener() {
            @Override
            public void finding(Finding finding, String logger) {
              findings.add(finding);
            }

            @Override
            public void line(boolean conforming) {}
          });
    }
    return findings;
  }

  /** Asserts that both streams pass the validator with zero findings and hold no planted secret. */
  void assertConformantAndSecretFree() throws IOException {
    for (Path f : List.of(stdout, stderr)) {
      assertThat(validate(f)).as("findings in " + f.getFileName() + ":\n" + output()).isEmpty();
    }
    assertSecretFree();
  }

  void assertSecretFree() throws IOException {
    assertThat(output())
        .doesNotContain(DemoApplication.PASSWORD)
        .doesNotContain(DemoApplication.JWT)
        .doesNotContain(DemoApplication.JWT.substring(DemoApplication.JWT.lastIndexOf('.') + 1));
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
