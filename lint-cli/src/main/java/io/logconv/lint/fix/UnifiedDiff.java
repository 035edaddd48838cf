package io.logconv.lint.fix;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff ({@code diff -u}, three lines of context) of two texts, for {@code logconv lint
 * --fix --dry-run}. Lines are compared whole; the common head and tail are cut first, and what is
 * left is compared line by line when it is small enough (else it is one hunk).
 *
 * <pre>{@code
 * String patch = UnifiedDiff.of("src/A.java", before, after); // "--- a/src/A.java\n+++ b/..."
 * }</pre>
 */
public final class UnifiedDiff {
  private static final int CONTEXT = 3;
  private static final long MAX_CELLS = 4_000_000L;

  private UnifiedDiff() {}

  /** The diff of {@code before} and {@code after} of the file named {@code name}; "" if equal. */
  public static String of(String name, String before, String after) {
    if (before.equals(after)) {
      return "";
    }
    List<String> a = before.lines().toList();
    List<String> b = after.lines().toList();
    List<int[]> ops = ops(a, b); // {kind: 0 same, 1 delete, 2 insert, index a, index b}
    StringBuilder out = new StringBuilder();
    out.append("--- a/").append(name).append('\n').append("+++ b/").append(name).append('\n');
    int i = 0;
    while (i < ops.size()) {
      if (ops.get(i)[0] == 0) {
        i++;
        continue;
      }
      int start = Math.max(0, i - CONTEXT);
      int end = i;
      int lastChange = i;
      while (end < ops.size() && (ops.get(end)[0] != 0 || end - lastChange <= 2 * CONTEXT)) {
        if (ops.get(end)[0] != 0) {
          lastChange = end;
        }
        end++;
      }
      end = Math.min(ops.size(), lastChange + CONTEXT + 1);
      int aStart = -1;
      int bStart = -1;
      int aCount = 0;
      int bCount = 0;
      StringBuilder body = new StringBuilder();
      for (int k = start; k < end; k++) {
        int[] op = ops.get(k);
        if (aStart < 0) {
          aStart = op[1];
          bStart = op[2];
        }
        switch (op[0]) {
          case 0 -> {
            body.append(' ').append(a.get(op[1])).append('\n');
            aCount++;
            bCount++;
          }
          case 1 -> {
            body.append('-').append(a.get(op[1])).append('\n');
            aCount++;
          }
          default -> {
            body.append('+').append(b.get(op[2])).append('\n');
            bCount++;
          }
        }
      }
      out.append("@@ -").append(aCount == 0 ? aStart : aStart + 1).append(',').append(aCount)
          .append(" +").append(bCount == 0 ? bStart : bStart + 1).append(',').append(bCount)
          .append(" @@\n").append(body);
      i = end;
    }
    return out.toString();
  }

  private static List<int[]> ops(List<String> a, List<String> b) {
    int head = 0;
    while (head < a.size() && head < b.size() && a.get(head).equals(b.get(head))) {
      head++;
    }
    int tail = 0;
    while (tail < a.size() - head && tail < b.size() - head
        && a.get(a.size() - 1 - tail).equals(b.get(b.size() - 1 - tail))) {
      tail++;
    }
    List<int[]> ops = new ArrayList<>();
    for (int k = 0; k < head; k++) {
      ops.add(new int[] {0, k, k});
    }
    int n = a.size() - head - tail;
    int m = b.size() - head - tail;
    if ((long) n * m <= MAX_CELLS) {
      int[][] lcs = new int[n + 1][m + 1];
      for (int x = n - 1; x >= 0; x--) {
        for (int y = m - 1; y >= 0; y--) {
          lcs[x][y] = a.get(head + x).equals(b.get(head + y))
              ? lcs[x + 1][y + 1] + 1 : Math.max(lcs[x + 1][y], lcs[x][y + 1]);
        }
      }
      int x = 0;
      int y = 0;
      while (x < n || y < m) {
        if (x < n && y < m && a.get(head + x).equals(b.get(head + y))) {
          ops.add(new int[] {0, head + x++, head + y++});
        } else if (x < n && (y == m || lcs[x + 1][y] >= lcs[x][y + 1])) {
          ops.add(new int[] {1, head + x++, head + y});
        } else {
          ops.add(new int[] {2, head + x, head + y++});
        }
      }
    } else {
      for (int x = 0; x < n; x++) {
        ops.add(new int[] {1, head + x, head});
      }
      for (int y = 0; y < m; y++) {
        ops.add(new int[] {2, head + n, head + y});
      }
    }
    for (int k = 0; k < tail; k++) {
      ops.add(new int[] {0, a.size() - tail + k, b.size() - tail + k});
    }
    return ops;
  }
}
