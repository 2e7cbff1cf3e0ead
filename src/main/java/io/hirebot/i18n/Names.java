package io.hirebot.i18n;

/**
 * How much of a name Hire supplies (a job's title, a stage, a termination reason, a person) a card shows: Hire sets no
 * documented limit on them, and a page names them once per row, in two languages, so a 2,000-character title would
 * push a card past Feishu's 30 KB. A name is a label, so it is cut where a button's label is ({@link #MAX}), the same
 * way, and ends with "…". {@link #cut} is the one way any text the bot shows is shortened (an echo of what someone
 * typed, a note, Hire's error message): by code points, so an emoji is never split into half a surrogate pair, which
 * Feishu may refuse or show as garbage. Pure.
 */
public final class Names {
  /** The longest name a card shows: Feishu's limit on a button's text, where names are labels too. */
  public static final int MAX = 100;
  static final String ELLIPSIS = "…";

  private Names() {}

  /** {@code name} as a card shows it: at most {@link #MAX} characters; null → "". */
  public static String of(String name) {
    return cut(name, MAX);
  }

  /**
   * {@code text} cut to at most {@code max} characters (Unicode code points, so an emoji is never split),
   * ending with "…" when it was cut; null → "".
   */
  public static String cut(String text, int max) {
    if (text == null) {
      return "";
    }
    if (text.codePointCount(0, text.length()) <= max) {
      return text;
    }
    int end = text.offsetByCodePoints(0, Math.max(0, max - 1));
    return text.substring(0, end).stripTrailing() + ELLIPSIS;
  }
}
