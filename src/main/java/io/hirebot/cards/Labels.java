package io.hirebot.cards;

/**
 * Feishu's length limits on card texts, applied in one place: button and option texts hold at most 100
 * characters (reference/feishu-bot-protocol.md, addendum), longer ones are cut and end with "…". Pure.
 */
public final class Labels {
  /** Feishu's limit on the text of a button and of a select or overflow option. */
  public static final int MAX_LABEL = 100;

  private Labels() {}

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
    return text.substring(0, end).stripTrailing() + Markdown.ELLIPSIS;
  }
}
