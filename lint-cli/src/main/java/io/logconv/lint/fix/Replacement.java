package io.logconv.lint.fix;

/**
 * One range of a file's original text and what replaces it. Lines and columns are 1-based and
 * count chars (a tab is one column), as SARIF regions do; the end is exclusive, so an insertion
 * is a range whose end equals its start.
 *
 * <pre>{@code
 * new Replacement(12, 20, 12, 31, "\"app_pod_name\""); // replaces columns 20..30 of line 12
 * }</pre>
 *
 * @param startLine first line of the replaced range
 * @param startColumn column of the first replaced char
 * @param endLine line of the end of the range
 * @param endColumn column just after the last replaced char
 * @param text the text put in its place (may be empty: a deletion)
 */
public record Replacement(int startLine, int startColumn, int endLine, int endColumn, String text) {
  /** Checks the range is well-formed. */
  public Replacement {
    if (startLine < 1 || startColumn < 1 || endLine < startLine
        || (endLine == startLine && endColumn < startColumn) || endColumn < 1) {
      throw new IllegalArgumentException("bad range " + startLine + ":" + startColumn + "-"
          + endLine + ":" + endColumn);
    }
    if (text == null) {
      throw new IllegalArgumentException("replacement text is null");
    }
  }

  /** True if nothing is deleted: the text is inserted at the start position. */
  public boolean isInsertion() {
    return startLine == endLine && startColumn == endColumn;
  }
}
