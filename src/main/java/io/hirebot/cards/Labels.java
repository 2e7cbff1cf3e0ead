package io.hirebot.cards;

import io.hirebot.i18n.Names;

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
    return Names.cut(text, max);
  }
}
