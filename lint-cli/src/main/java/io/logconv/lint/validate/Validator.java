package io.logconv.lint.validate;

import io.logconv.core.redact.SecretRedactor;
import io.logconv.lint.Finding;
import io.logconv.lint.RuleDescriptor;
import io.logconv.schema.Conventions;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Validates log files line by line on all cores with constant memory. The calling thread reads and
 * unwraps the file ({@link LineSource}) into batches of lines; a pool of workers checks the
 * batches ({@link LineValidator}); the calling thread hands the findings to a {@link Listener} in
 * file order. At most a few batches are in flight, so memory does not grow with the file.
 *
 * <pre>{@code
 * try (Validator v = new Validator(Validator.Options.defaults())) {
 *   v.validate("app.log", Files.newInputStream(path), listener);
 * }
 * }</pre>
 */
public final class Validator implements AutoCloseable {
  /**
   * How to validate.
   *
   * @param format the input format, or null to detect it per file
   * @param schema a custom schema's check, or null for the contract's strict checks
   * @param scanner the secret and PII detectors
   * @param maxLineBytes longest conforming line in bytes, newline included
   * @param threads worker threads
   * @param maxKept longest line kept in memory; longer lines are only measured
   */
  public record Options(
      InputFormat format,
      SchemaCheck schema,
      SecretScanner scanner,
      int maxLineBytes,
      int threads,
      int maxKept) {
    /** Detected formats, strict checks, sdk-core's detectors, one worker per core. */
    public static Options defaults() {
      return new Options(
          null,
          null,
          SecretScanner.of(SecretRedactor.defaults()),
          Conventions.DEFAULT_MAX_LINE_BYTES,
          Runtime.getRuntime().availableProcessors(),
          1 << 20);
    }

    public Options withFormat(InputFormat f) {
      return new Options(f, schema, scanner, maxLineBytes, threads, maxKept);
    }

    public Options withSchema(SchemaCheck s) {
      return new Options(format, s, scanner, maxLineBytes, threads, maxKept);
    }

    public Options withScanner(SecretScanner s) {
      return new Options(format, schema, s, maxLineBytes, threads, maxKept);
    }

    public Options withThreads(int n) {
      return new Options(format, schema, scanner, maxLineBytes, n, maxKept);
    }

    public Options withMaxKept(int n) {
      return new Options(format, schema, scanner, maxLineBytes, threads, n);
    }
  }

  /** Receives results in file order, on the thread that called {@link #validate}. */
  public interface Listener {
    /** One finding, with the {@code logger} of its line (or null). */
    void finding(Finding finding, String logger) throws IOException;

    /** One application line was checked. */
    void line(boolean conforming);

    /** {@code bytes} of the file (as stored, before decompression) have been read. */
    default void progress(String file, long bytes) {}

    /** One line ended in CR LF (accepted: the CR is not part of the line). */
    default void crlfLine() {}

    /**
     * One line was longer than the validator keeps in memory ({@link Options#maxKept}): it was
     * measured and reported, but its content was not checked.
     */
    default void uncheckedLine() {}
  }

  private static final int BATCH_LINES = 2048;
  private static final int BATCH_BYTES = 1 << 20;

  private final Options options;
  private final ExecutorService pool;
  private final ConcurrentLinkedQueue<LineValidator> validators = new ConcurrentLinkedQueue<>();

  public Validator(Options options) {
    this.options = options;
    int threads = Math.max(1, options.threads());
    AtomicInteger n = new AtomicInteger();
    ThreadFactory tf =
        r -> {
          Thread t = new Thread(r, "logconv-validate-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        };
    this.pool = Executors.newFixedThreadPool(threads, tf);
  }

  /**
   * Validates one file or stream to its end and returns the format it was read as.
   *
   * @param file the name findings carry
   * @throws IOException if reading fails; findings up to that point have been delivered
   */
  public InputFormat validate(String file, InputStream raw, Listener listener) throws IOException {
    Counting counting = new Counting(raw);
    FormatDetector.Opened opened = FormatDetector.open(counting, options.format());
    if (opened.binary()) {
      // One finding for the file: its "lines" are arbitrary cuts of machine code or pixels, and
      // the secret detectors would only find patterns by chance.
      listener.finding(
          new Finding(ValidatorRules.NOT_JSON.id(), ValidatorRules.NOT_JSON.defaultSeverity(), file, 1, 0,
              "binary file, not text: not read as a log (no line of it was checked)"),
          null);
      return opened.format();
    }
    Pipeline pipeline = new Pipeline(file, listener, counting);
    try {
      try {
        LineSource.forFormat(opened.format(), options.maxKept()).read(opened.stream(), pipeline);
      } catch (IOException e) {
        // A truncated .gz or a read error: what was read before it is reported, then the error.
        pipeline.finish();
        throw e;
      }
      pipeline.finish();
    } finally {
      pipeline.abandon();
    }
    return opened.format();
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }

  /** Lines of one file waiting to be checked: one byte array, offsets into it. */
  private static final class Batch {
    byte[] data = new byte[64 * 1024];
    int used;
    int count;
    long[] lineNo = new long[BATCH_LINES];
    int[] off = new int[BATCH_LINES];
    int[] len = new int[BATCH_LINES];
    long[] oversize = new long[BATCH_LINES];
    RuleDescriptor[] problemRule = new RuleDescriptor[BATCH_LINES];
    String[] problemMessage = new String[BATCH_LINES];

    boolean full() {
      return count == BATCH_LINES || used >= BATCH_BYTES;
    }

    void reset() {
      used = 0;
      Arrays.fill(problemRule, 0, count, null);
      Arrays.fill(problemMessage, 0, count, null);
      count = 0;
    }
  }

  /** What the workers found in one batch; conforming[i] for each of its first {@code lines} lines. */
  private static final class Result {
    final Batch batch;
    final List<Finding> findings;
    final List<String> loggers;
    final boolean[] conforming;
    final int lines;
    final int unchecked;

    Result(Batch batch, List<Finding> findings, List<String> loggers, boolean[] conforming, int lines,
        int unchecked) {
      this.batch = batch;
      this.findings = findings;
      this.loggers = loggers;
      this.conforming = conforming;
      this.lines = lines;
      this.unchecked = unchecked;
    }
  }

  /** Reader side: fills batches, keeps a bounded queue of batches in flight, delivers in order. */
  private final class Pipeline implements RecordSink {
    private final String file;
    private final Listener listener;
    private final Counting counting;
    private final ArrayDeque<Future<Result>> inflight = new ArrayDeque<>();
    private final ArrayDeque<Batch> free = new ArrayDeque<>();
    private final int maxInflight = Math.max(2, options.threads() * 2 + 1);
    private Batch current;

    Pipeline(String file, Listener listener, Counting counting) {
      this.file = file;
      this.listener = listener;
      this.counting = counting;
    }

    private Batch batch() {
      if (current == null) {
        current = free.isEmpty() ? new Batch() : free.pop();
      }
      return current;
    }

    @Override
    public void line(long lineNo, byte[] buf, int off, int len) {
      Batch b = batch();
      if (b.used + len > b.data.length) {
        b.data = Arrays.copyOf(b.data, Math.max(b.data.length * 2, b.used + len));
      }
      System.arraycopy(buf, off, b.data, b.used, len);
      int i = b.count++;
      b.lineNo[i] = lineNo;
      b.off[i] = b.used;
      b.len[i] = len;
      b.oversize[i] = -1;
      b.used += len;
      afterAdd(b);
    }

    @Override
    public void crlf() {
      listener.crlfLine();
    }

    @Override
    public void oversized(long lineNo, long bytes) {
      Batch b = batch();
      int i = b.count++;
      b.lineNo[i] = lineNo;
      b.len[i] = 0;
      b.oversize[i] = bytes;
      afterAdd(b);
    }

    @Override
    public void problem(long lineNo, RuleDescriptor rule, String message) {
      Batch b = batch();
      int i = b.count++;
      b.lineNo[i] = lineNo;
      b.len[i] = 0;
      b.oversize[i] = -1;
      b.problemRule[i] = rule;
      b.problemMessage[i] = message;
      afterAdd(b);
    }

    private void afterAdd(Batch b) {
      if (b.full()) {
        submit();
      }
    }

    private void submit() {
      Batch b = current;
      current = null;
      if (b == null || b.count == 0) {
        if (b != null) {
          free.push(b);
        }
        return;
      }
      inflight.add(pool.submit(() -> check(file, b)));
      listener.progress(file, counting.count);
      while (inflight.size() >= maxInflight) {
        deliverOldest();
      }
    }

    void finish() throws IOException {
      submit();
      while (!inflight.isEmpty()) {
        deliverOldest();
      }
      if (failure != null) {
        throw failure;
      }
      listener.progress(file, counting.count);
    }

    private IOException failure;

    private void deliverOldest() {
      Future<Result> f = inflight.poll();
      Result r;
      try {
        r = f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failure = new InterruptedIOException("interrupted");
        return;
      } catch (ExecutionException e) {
        throw new IllegalStateException("validator worker failed", e.getCause());
      }
      if (failure == null) {
        try {
          for (int i = 0; i < r.findings.size(); i++) {
            listener.finding(r.findings.get(i), r.loggers.get(i));
          }
          for (int i = 0; i < r.lines; i++) {
            listener.line(r.conforming[i]);
          }
          for (int i = 0; i < r.unchecked; i++) {
            listener.uncheckedLine();
          }
        } catch (IOException e) {
          failure = e; // the output is gone: stop reporting, let the reader end
        }
      }
      r.batch.reset();
      free.push(r.batch);
    }

    /** Cancels what is still in flight after an I/O error. */
    void abandon() {
      for (Future<Result> f : inflight) {
        f.cancel(true);
      }
      inflight.clear();
    }
  }

  private Result check(String file, Batch b) {
    LineValidator v = validators.poll();
    if (v == null) {
      v = new LineValidator(options.scanner(), options.schema(), options.maxLineBytes());
    }
    List<Finding> findings = new ArrayList<>();
    List<String> loggers = new ArrayList<>();
    boolean[] conforming = new boolean[b.count];
    int lines = 0;
    int unchecked = 0;
    long prevLine = -1;
    try {
      for (int i = 0; i < b.count; i++) {
        long lineNo = b.lineNo[i];
        int before = findings.size();
        String logger = null;
        if (b.problemRule[i] != null) {
          RuleDescriptor rule = b.problemRule[i];
          findings.add(new Finding(rule.id(), rule.defaultSeverity(), file, (int) lineNo, 0, b.problemMessage[i]));
        } else if (b.oversize[i] >= 0) {
          unchecked++;
          findings.add(
              new Finding(
                  ValidatorRules.LINE_TOO_LONG.id(),
                  ValidatorRules.LINE_TOO_LONG.defaultSeverity(),
                  file,
                  (int) lineNo,
                  0,
                  "line is " + (b.oversize[i] + 1) + " bytes with its newline, over the "
                      + options.maxLineBytes() + "-byte limit; longer than the "
                      + options.maxKept() + " bytes the validator reads, so not checked further"));
        } else {
          // A check that fails on the line is reported by the line validator as that check's
          // internal error; the file goes on.
          v.check(
              b.data,
              b.off[i],
              b.len[i],
              (rule, message) ->
                  findings.add(new Finding(rule.id(), rule.defaultSeverity(), file, (int) lineNo, 0, message)));
          if (findings.size() > before) {
            logger = v.logger();
          }
        }
        for (int k = before; k < findings.size(); k++) {
          loggers.add(logger);
        }
        boolean ok = findings.size() == before;
        if (lineNo == prevLine && lines > 0) {
          // A note about a record and the record itself: one line.
          conforming[lines - 1] &= ok;
        } else {
          conforming[lines++] = ok;
        }
        prevLine = lineNo;
      }
    } finally {
      validators.offer(v);
    }
    return new Result(b, findings, loggers, conforming, lines, unchecked);
  }

  /** Counts the bytes read from the stream as stored, for progress. */
  private static final class Counting extends FilterInputStream {
    long count;

    Counting(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int c = super.read();
      if (c >= 0) {
        count++;
      }
      return c;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }
}
