package io.hirebot.store;

/**
 * How a text too long for its {@code VARCHAR(n)} column is cut to fit it: the one way the store shortens what it
 * writes. The limit is in UTF-16 units, because H2 counts a VARCHAR's length in Java chars (an emoji is two) and
 * PostgreSQL in code points (an emoji is one): a text of at most {@code n} units fits both. The cut never ends on the
 * first half of a surrogate pair, which read back is no character at all (PostgreSQL's driver even stores it as "?"),
 * and which a card, a toast or a notice would hand to Feishu. Shown text is cut by {@code i18n.Names#cut} instead, by
 * code points, which is what a reader counts. Pure.
 */
final class Columns {
  static final String ELLIPSIS = "…";

  private Columns() {}

  /** {@code text} as a column of {@code max} characters keeps it: its first whole characters that fit. */
  static String fit(String text, int max) {
    return text.length() <= max ? text : text.substring(0, end(text, max));
  }

  /** As {@link #fit}, ending with "…" when cut, so a reader sees there was more; the "…" fits the column too. */
  static String fitMarked(String text, int max) {
    return text.length() <= max ? text : text.substring(0, end(text, max - ELLIPSIS.length())) + ELLIPSIS;
  }

  /** Where a cut to at most {@code max} units ends: one unit sooner when it would keep half a surrogate pair. */
  private static int end(String text, int max) {
    int end = Math.max(0, max);
    return end > 0 && Character.isHighSurrogate(text.charAt(end - 1)) ? end - 1 : end;
  }
}
