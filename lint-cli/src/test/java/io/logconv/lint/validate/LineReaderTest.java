package io.logconv.lint.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A reader that pauses at its limit hands the rest of a long line over as a stream. */
class LineReaderTest {
  private static LineReader pausing(String text, int maxKept) {
    // Small reads, so that lines and the limit fall across chunk boundaries.
    InputStream in = new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, 7));
      }
    };
    return new LineReader(in, maxKept, true);
  }

  @Test
  void theRestOfALongLineIsReadAsAStream() throws IOException {
    String longLine = "x".repeat(95) + "END";
    LineReader r = pausing(longLine + "\nshort\n", 10);
    assertThat(r.next()).isTrue();
    assertThat(r.truncated()).isTrue();
    assertThat(new String(r.buffer(), 0, r.length(), StandardCharsets.US_ASCII)).isEqualTo("x".repeat(10));
    String rest = new String(r.restOfLine().readAllBytes(), StandardCharsets.US_ASCII);
    assertThat(rest).isEqualTo(longLine.substring(10));
    assertThat(r.fullLength()).isEqualTo(longLine.length());
    assertThat(r.endedWithNewline()).isTrue();
    assertThat(r.next()).isTrue();
    assertThat(r.truncated()).isFalse();
    assertThat(new String(r.buffer(), 0, r.length(), StandardCharsets.US_ASCII)).isEqualTo("short");
    assertThat(r.lineNumber()).isEqualTo(2);
    assertThat(r.next()).isFalse();
  }

  @Test
  void anUnreadRestIsSkippedByTheNextLine() throws IOException {
    LineReader r = pausing("a".repeat(50) + "\n" + "b".repeat(50) + "\nc", 10);
    assertThat(r.next()).isTrue();
    assertThat(r.next()).isTrue();
    assertThat(r.buffer()[0]).isEqualTo((byte) 'b');
    assertThat(r.restOfLine().readAllBytes()).hasSize(40);
    assertThat(r.next()).isTrue();
    assertThat(new String(r.buffer(), 0, r.length(), StandardCharsets.US_ASCII)).isEqualTo("c");
    assertThat(r.endedWithNewline()).isFalse();
    assertThat(r.lineNumber()).isEqualTo(3);
  }

  @Test
  void aLineOfExactlyTheLimitIsWhole() throws IOException {
    LineReader r = pausing("0123456789\nnext", 10);
    assertThat(r.next()).isTrue();
    assertThat(r.truncated()).isFalse();
    assertThat(r.length()).isEqualTo(10);
    assertThat(r.next()).isTrue();
    assertThat(r.length()).isEqualTo(4);
  }

  @Test
  void pausingOrNotGivesTheSameLines() throws IOException {
    Random rnd = new Random(22);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      sb.append("y".repeat(rnd.nextInt(40))).append('\n');
    }
    String text = sb.toString();
    LineReader plain = new LineReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)), 1 << 20);
    LineReader paused = pausing(text, 16);
    while (plain.next()) {
      assertThat(paused.next()).isTrue();
      int whole = paused.length() + paused.restOfLine().readAllBytes().length;
      assertThat(whole).as("line " + plain.lineNumber()).isEqualTo(plain.length());
      assertThat(paused.lineNumber()).isEqualTo(plain.lineNumber());
    }
    assertThat(paused.next()).isFalse();
  }
}
