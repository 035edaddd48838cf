package io.logconv.core;

import io.logconv.core.StackFrames.FrameSink;
import io.logconv.core.StackFrames.Piece;
import java.util.Arrays;
import java.util.Objects;

/**
 * The escaped form of the frame writer's output, straight into the line: names come from the
 * name cache, and a frame's whole line from the frame cache when the same code location was
 * written before (the same errors recur, and their frames with them).
 */
final class JsonFrames extends FrameSink {
  private static final int NAME_CACHE = 512;
  private static final int MAX_CACHED_NAME = 256;

  /** Frame lines cached, the bytes each slot starts with, and the longest line cached. */
  private static final int FRAME_CACHE = 256;

  private static final int FRAME_BYTES = 128;
  private static final int MAX_CACHED_FRAME = 512;

  /**
   * Class, method and file names and their escaped bytes, in a direct-mapped cache (at most 512
   * names of up to 256 chars, filled once): the JVM hands out the same (interned) strings for
   * them in every stack trace, so a frame is mostly copied bytes.
   */
  private final String[] names = new String[NAME_CACHE];

  private final byte[][] encodedNames = new byte[NAME_CACHE][];

  /**
   * Frame lines as {@link StackTraceRenderer.Renderer#renderJson} writes them, in a direct-mapped cache keyed by code
   * location (class, method, file and line; names only, so that no class is kept from unloading):
   * at most 256 lines, each slot's array 128 bytes or the longest line it held, up to 512.
   */
  private final String[] frameClasses = new String[FRAME_CACHE];

  private final String[] frameMethods = new String[FRAME_CACHE];
  private final String[] frameFiles = new String[FRAME_CACHE];
  private final int[] frameLines = new int[FRAME_CACHE];
  private final byte[][] frameBytes = new byte[FRAME_CACHE][];
  private final int[] frameLengths = new int[FRAME_CACHE];


    private JsonBuffer buf;

    JsonFrames into(JsonBuffer buf) {
      this.buf = buf;
      return this;
    }

    @Override
    void piece(Piece p) {
      buf.appendRaw(p.json);
    }

    @Override
    void indent(String indent) {
      JsonEscaper.appendEscaped(buf, indent, 0, indent.length());
    }

    @Override
    void name(String name) {
      appendName(buf, name);
    }

    @Override
    void name(String name, int from, int to) {
      JsonEscaper.appendEscaped(buf, name, from, to);
    }

    @Override
    void number(int n) {
      buf.appendLong(n);
    }

    @Override
    void punctuation(char c) {
      buf.append(c);
    }

    @Override
    void frameLine(String indent, StackTraceElement f) {
      if (!indent.isEmpty()) {
        super.frameLine(indent, f);
        return;
      }
      String cn = f.getClassName();
      String mn = f.getMethodName();
      String fn = f.getFileName();
      int line = f.getLineNumber();
      int h = (cn.hashCode() * 31 + mn.hashCode()) * 31 + line;
      int slot = (h ^ (h >>> 16)) & (FRAME_CACHE - 1);
      if (line == frameLines[slot]
          && cn.equals(frameClasses[slot])
          && mn.equals(frameMethods[slot])
          && Objects.equals(fn, frameFiles[slot])) {
        buf.appendRaw(frameBytes[slot], 0, frameLengths[slot]);
        return;
      }
      int mark = buf.size();
      super.frameLine(indent, f);
      int len = buf.size() - mark;
      if (len > MAX_CACHED_FRAME) {
        return;
      }
      // The slot takes the newer frame; its array is reused, so that two frames taking turns in
      // one slot allocate nothing once it has grown to the longer one.
      byte[] b = frameBytes[slot];
      if (b == null || b.length < len) {
        b = new byte[Math.max(len, FRAME_BYTES)];
        frameBytes[slot] = b;
      }
      System.arraycopy(buf.array(), mark, b, 0, len);
      frameLengths[slot] = len;
      frameLines[slot] = line;
      frameClasses[slot] = cn;
      frameMethods[slot] = mn;
      frameFiles[slot] = fn;
    }

  /** Writes a class, method or file name escaped, from the name cache when it was written before. */
  void appendName(JsonBuffer buf, String name) {
    int h = name.hashCode();
    int slot = (h ^ (h >>> 16)) & (NAME_CACHE - 1);
    if (name.equals(names[slot])) {
      buf.appendRaw(encodedNames[slot]);
      return;
    }
    int mark = buf.size();
    JsonEscaper.appendEscaped(buf, name, 0, name.length());
    // A slot is filled once and kept: two hot names sharing one slot must not evict each other on
    // every trace (each eviction would allocate); the second is escaped each time instead.
    if (names[slot] == null && name.length() <= MAX_CACHED_NAME) {
      names[slot] = name;
      encodedNames[slot] = Arrays.copyOfRange(buf.array(), mark, buf.size());
    }
  }
}
