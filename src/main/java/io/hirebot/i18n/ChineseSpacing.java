package io.hirebot.i18n;

/**
 * Spaces Chinese texts where a filled-in value meets the sentence around it, as Chinese typography does: a space
 * between Chinese and Latin letters or digits, none between Chinese and Chinese. A Chinese pattern then writes a value
 * flush against its Chinese words ("推送{1}", "已等{3}"), and reads well whether the value is "Offer 动态" or "新投递",
 * "3 天" or "不到 1 小时"; a fixed space in the pattern would stand before Chinese values too ("已等 不到一小时").
 */
final class ChineseSpacing {
  /** Marks where a value begins and ends while the pattern is filled: noncharacters, which no text should carry. */
  static final char OPEN = '\uFDD0';
  static final char CLOSE = '\uFDD1';

  private ChineseSpacing() {}

  /** {@code value} between markers, with any markers it carried itself removed. */
  static String mark(CharSequence value) {
    String text = value.toString();
    if (text.indexOf(OPEN) >= 0 || text.indexOf(CLOSE) >= 0) {
      text = text.replace(String.valueOf(OPEN), "").replace(String.valueOf(CLOSE), "");
    }
    return OPEN + text + CLOSE;
  }

  /** The filled-in text without its markers, a space added at each marked edge where Chinese meets Latin or digits. */
  static String space(String marked) {
    StringBuilder out = new StringBuilder(marked.length() + 4);
    for (int i = 0; i < marked.length(); i++) {
      char c = marked.charAt(i);
      if (c != OPEN && c != CLOSE) {
        out.append(c);
        continue;
      }
      char before = out.isEmpty() ? ' ' : out.charAt(out.length() - 1);
      char after = next(marked, i + 1);
      if (han(before) && latin(after) || latin(before) && han(after)) {
        out.append(' ');
      }
    }
    return out.toString();
  }

  /** The first character from {@code from} that is not a marker, or a space at the end. */
  private static char next(String s, int from) {
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != OPEN && c != CLOSE) {
        return c;
      }
    }
    return ' ';
  }

  private static boolean han(char c) {
    return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
  }

  private static boolean latin(char c) {
    return c < 0x80 ? Character.isLetterOrDigit(c) : Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN;
  }
}
