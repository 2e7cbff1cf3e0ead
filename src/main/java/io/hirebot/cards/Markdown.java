package io.hirebot.cards;

import io.hirebot.i18n.Language;
import io.hirebot.i18n.Messages;

/**
 * The one way text from Hire or from a user enters a card's {@code markdown} content: as data, never as
 * markup. Pure.
 *
 * <p>Feishu's card markdown renders {@code <at id=all></at>}, {@code <font>}, {@code [text](url)},
 * {@code **}, {@code ~~}, backticks and {@code #} headings live, and its rich-text documentation
 * (card JSON 2.0, "特殊字符转义") says to write such characters as HTML entities ({@code &#60;},
 * {@code &#42;}, …) to show them literally. So every character that can open markup becomes its numeric
 * entity: Feishu shows the original character and the reader sees exactly what was typed, with no
 * backslash noise. Line breaks become a space so a value cannot start a heading, a list or a quote on a
 * line of its own; a value is capped at {@link #MAX_VALUE} characters so one long note cannot push a card
 * past Feishu's 30 KB.
 */
public final class Markdown {
  /** The longest piece of Hire or user text one card shows; longer values end with "…". */
  public static final int MAX_VALUE = 1_000;
  static final String ELLIPSIS = "…";

  private Markdown() {}

  /** Markdown our own code composed (its data already escaped): passed to {@link #message} as it is. */
  public record Own(String markdown) {
    @Override
    public String toString() {
      return markdown;
    }
  }

  /**
   * A live mention of {@code openId} ({@code <at id=…></at>}) when it has the shape of a Feishu id; anything
   * else shows as escaped text, so an id can never close the tag and mention someone else.
   */
  public static Own mention(String openId) {
    return new Own(openId != null && openId.matches("[A-Za-z0-9_-]{1,100}") ? "<at id=" + openId + "></at>"
        : escape(openId));
  }

  /**
   * The i18n pattern {@code key} (our markdown) filled with {@code args} as data: every text argument is
   * escaped, numbers and dates are formatted by the pattern, {@link Own} arguments go in as they are.
   */
  public static String message(Messages messages, Language lang, String key, Object... args) {
    Object[] escaped = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      escaped[i] = args[i] instanceof CharSequence text ? escape(text.toString())
          : args[i] instanceof Own own ? own.markdown() : args[i];
    }
    return messages.get(lang, key, escaped);
  }

  /** {@code text} as literal markdown text: markup characters as entities, line breaks as spaces; null → "". */
  public static String escape(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    String value = Labels.cut(text, MAX_VALUE);
    StringBuilder out = new StringBuilder(value.length() + 16);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\r' -> {
          if (i + 1 < value.length() && value.charAt(i + 1) == '\n') {
            i++;
          }
          out.append(' ');
        }
        case '\n', '\u2028', '\u2029', '\u0085' -> out.append(' ');
        case '&', '<', '>', '*', '_', '~', '`', '[', ']', '#', '\\', '|', '$' -> out.append("&#").append((int) c).append(';');
        // List and quote markers only act at the start of a line; the value may be put at one.
        case '-', '+' -> {
          if (out.isEmpty()) {
            out.append("&#").append((int) c).append(';');
          } else {
            out.append(c);
          }
        }
        // "1. text" at the start of a line is an ordered list.
        case '.' -> {
          if (!out.isEmpty() && out.chars().allMatch(Character::isDigit)) {
            out.append("&#46;");
          } else {
            out.append(c);
          }
        }
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
