package io.logconv.lint.fix;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Applies fixes to a text. Fixes are taken in order; one whose replacements overlap a replacement
 * of a fix already taken is left for a later pass (the two touch the same code, and the second
 * must be recomputed on the result of the first). A replacement equal to one already taken (the
 * same import added by two fixes) is applied once.
 *
 * <pre>{@code
 * FixApplier.Result r = FixApplier.apply(text, fixes);
 * Files.writeString(file, r.text());
 * }</pre>
 */
public final class FixApplier {
  private FixApplier() {}

  /**
   * The outcome of {@link #apply}.
   *
   * @param text the text with the applied fixes
   * @param applied the fixes applied, in the order given
   * @param skipped the fixes left out because they overlap an applied one or do not fit the text
   */
  public record Result(String text, List<Fix> applied, List<Fix> skipped) {}

  private record Edit(int start, int end, String text) {}

  /** Applies every fix of {@code fixes} that does not overlap an earlier one. */
  public static Result apply(String text, List<Fix> fixes) {
    SourceText source = new SourceText(text);
    List<Edit> taken = new ArrayList<>();
    List<Fix> applied = new ArrayList<>();
    List<Fix> skipped = new ArrayList<>();
    for (Fix fix : fixes) {
      List<Edit> edits = edits(source, fix);
      if (edits == null || conflicts(edits, taken)) {
        skipped.add(fix);
        continue;
      }
      for (Edit e : edits) {
        if (!taken.contains(e)) {
          taken.add(e);
        }
      }
      applied.add(fix);
    }
    taken.sort(Comparator.comparingInt(Edit::start).thenComparingInt(Edit::end));
    StringBuilder sb = new StringBuilder(text.length() + 64);
    int at = 0;
    for (Edit e : taken) {
      sb.append(text, at, e.start()).append(e.text());
      at = e.end();
    }
    sb.append(text, at, text.length());
    return new Result(sb.toString(), List.copyOf(applied), List.copyOf(skipped));
  }

  private static List<Edit> edits(SourceText source, Fix fix) {
    List<Edit> out = new ArrayList<>();
    for (Replacement r : fix.replacements()) {
      int start = source.offset(r.startLine(), r.startColumn());
      int end = source.offset(r.endLine(), r.endColumn());
      if (start < 0 || end < start) {
        return null;
      }
      Edit e = new Edit(start, end, r.text());
      if (conflicts(List.of(e), out)) {
        return null;
      }
      out.add(e);
    }
    return out;
  }

  private static boolean conflicts(List<Edit> edits, List<Edit> taken) {
    for (Edit a : edits) {
      for (Edit b : taken) {
        if (a.equals(b)) {
          continue;
        }
        boolean overlap = a.start() < b.end() && b.start() < a.end();
        // two insertions, or an insertion and a range, at one point: their order is undefined
        boolean samePoint = a.start() == b.start() && (a.start() == a.end() || b.start() == b.end());
        boolean inside = (a.start() == a.end() && a.start() > b.start() && a.start() < b.end())
            || (b.start() == b.end() && b.start() > a.start() && b.start() < a.end());
        if (overlap || samePoint || inside) {
          return true;
        }
      }
    }
    return false;
  }
}
