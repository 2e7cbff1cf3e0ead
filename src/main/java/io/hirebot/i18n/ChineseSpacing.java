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
  /** Markdown's emphasis character: "**" around a value is bold. */
  private static final char EMPHASIS = '*';

  private ChineseSpacing() {}

  /** {@code value} between markers, with any markers it carried itself removed. */
  static String mark(CharSequence value) {
    String text = value.toString();
    if (text.indexOf(OPEN) >= 0 || text.indexOf(CLOSE) >= 0) {
      text = text.replace(String.valueOf(OPEN), "").replace(String.valueOf(CLOSE), "");
    }
    return OPEN + text + CLOSE;
  }

  /**
   * The filled-in text without its markers, a space added at each marked edge where Chinese meets Latin or digits. A
   * value in bold ("当前在**{0}**") is judged by the text outside its {@code **}, and the space goes outside them.
   */
  static String space(String marked) {
    StringBuilder out = new StringBuilder(marked.length() + 4);
    for (int i = 0; i < marked.length(); i++) {
      char c = marked.charAt(i);
      if (c == OPEN) {
        int at = out.length();
        while (at > 0 && out.charAt(at - 1) == EMPHASIS) {
          at--;
        }
        char before = at == 0 ? ' ' : out.charAt(at - 1);
        if (apart(before, next(marked, i + 1), at < out.length())) {
          out.insert(at, ' ');
        }
      } else if (c == CLOSE) {
        char before = out.isEmpty() ? ' ' : out.charAt(out.length() - 1);
        int end = i + 1;
        while (end < marked.length() && marked.charAt(end) == EMPHASIS) {
          end++;
        }
        out.append(marked, i + 1, end);
        if (apart(next(marked, end), before, end > i + 1)) {
          out.append(' ');
        }
        i = end - 1;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Whether a value's edge character {@code inner} and the text's {@code outer} character beside it want a space
   * between them: Chinese beside Latin or digits; and, across emphasis, a letter outside beside punctuation inside,
   * since CommonMark shows a {@code **} squeezed between a letter and punctuation as literal asterisks ("在**（二面）**").
   */
  private static boolean apart(char outer, char inner, boolean emphasis) {
    return han(outer) && latin(inner) || latin(outer) && han(inner)
        || emphasis && (han(outer) || latin(outer)) && punctuation(inner);
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

  /** Unicode punctuation and symbols, as CommonMark's flanking rules count them. */
  private static boolean punctuation(char c) {
    return switch (Character.getType(c)) {
      case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
          Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL,
          Character.OTHER_SYMBOL -> true;
      default -> false;
    };
  }

  private static boolean latin(char c) {
    return c < 0x80 ? Character.isLetterOrDigit(c) : Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN;
  }
}
