package io.logconv.lint.validate;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads one file of a given {@link InputFormat} and hands the application lines inside it to a
 * {@link RecordSink}, unwrapping the container runtime's or Loki's framing and rejoining lines the
 * runtime split. Implementations keep memory bounded whatever the input size.
 *
 * <pre>{@code
 * LineSource.forFormat(InputFormat.CRI, 1 << 20).read(in, sink);
 * }</pre>
 */
public interface LineSource {
  /** Reads {@code in} to its end. I/O errors propagate; malformed records go to the sink. */
  void read(InputStream in, RecordSink sink) throws IOException;

  /** The source for {@code format}, keeping at most {@code maxKept} bytes of one line. */
  static LineSource forFormat(InputFormat format, int maxKept) {
    return switch (format) {
      case CRI -> new CriSource(maxKept, false);
      case KUBECTL -> new CriSource(maxKept, true);
      case DOCKER -> new DockerSource(maxKept);
      case LOKI -> new LokiSource(maxKept);
      case JSON_DOCUMENT -> new JsonDocumentSource(maxKept);
      case JSON_LINES -> new JsonLinesSource(maxKept);
    };
  }
}
