package io.logconv.core.redact;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * HMAC-SHA256 (RFC 2104) over the UTF-8 bytes of a char range, built on {@link MessageDigest} with
 * buffers reused, so that hashing allocates nothing once the buffer has grown to the longest input.
 * {@code javax.crypto.Mac} allocates on every {@code doFinal}. Not thread-safe: one per thread.
 */
final class HmacSha256 {
  private static final int BLOCK = 64;

  private final MessageDigest digest;
  private final byte[] innerPad = new byte[BLOCK];
  private final byte[] outerPad = new byte[BLOCK];
  private final byte[] inner = new byte[32];
  private byte[] message = new byte[256];

  HmacSha256(byte[] key) {
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      // Every Java SE platform must provide SHA-256.
      throw new IllegalStateException(e);
    }
    byte[] k = key.length > BLOCK ? digest.digest(key) : key;
    byte[] padded = Arrays.copyOf(k, BLOCK);
    for (int i = 0; i < BLOCK; i++) {
      innerPad[i] = (byte) (padded[i] ^ 0x36);
      outerPad[i] = (byte) (padded[i] ^ 0x5c);
    }
    Arrays.fill(padded, (byte) 0);
  }

  /** Writes the MAC of {@code text[start, end)} into {@code out[0, 32)}. */
  void mac(CharSequence text, int start, int end, byte[] out) {
    int n = encodeUtf8(text, start, end);
    try {
      digest.update(innerPad);
      digest.update(message, 0, n);
      digest.digest(inner, 0, inner.length);
      digest.update(outerPad);
      digest.update(inner);
      digest.digest(out, 0, 32);
    } catch (java.security.DigestException e) {
      // Only thrown when the output buffer is too small, which 32 bytes never is.
      throw new IllegalStateException(e);
    }
  }

  /**
   * UTF-8 of the range into {@link #message}; a lone surrogate becomes U+FFFD, as the writer does.
   */
  private int encodeUtf8(CharSequence text, int start, int end) {
    int need = (end - start) * 3;
    if (message.length < need) {
      message = new byte[Math.max(need, message.length * 2)];
    }
    byte[] b = message;
    int p = 0;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        b[p++] = (byte) c;
      } else if (c < 0x800) {
        b[p++] = (byte) (0xC0 | (c >> 6));
        b[p++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isHighSurrogate(c)
          && i + 1 < end
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, text.charAt(++i));
        b[p++] = (byte) (0xF0 | (cp >> 18));
        b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
        b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        b[p++] = (byte) (0x80 | (cp & 0x3F));
      } else {
        char u = Character.isSurrogate(c) ? '\uFFFD' : c;
        b[p++] = (byte) (0xE0 | (u >> 12));
        b[p++] = (byte) (0x80 | ((u >> 6) & 0x3F));
        b[p++] = (byte) (0x80 | (u & 0x3F));
      }
    }
    return p;
  }
}
