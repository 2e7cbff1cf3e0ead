package io.hirebot.cards;

import io.hirebot.i18n.Language;
import io.hirebot.i18n.Messages;
import java.util.BitSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 *
 * <p>A text message has markup of its own ("发送消息内容", text): {@code <at user_id="…">} mentions someone,
 * {@code <at user_id="all">} everyone, {@code <b> <i> <u> <s>} style and {@code [text](url)} links, and it has no
 * documented escape. {@link #textMessage} keeps data out of that markup by changing the one character each construct
 * needs; the same rule holds for both forms: data is shown, never obeyed.
 */
public final class Markdown {
  /** The longest piece of Hire or user text one card shows; longer values end with "…". */
  public static final int MAX_VALUE = 1_000;

  private Markdown() {}

  /** Markdown our own code composed (its data already escaped): passed to {@link #message} as it is. */
  public record Own(String markdown) {
    @Override
    public String toString() {
      return markdown;
    }
  }

  /**
   * {@code openId} named on a card without notifying them: Feishu's markdown {@code <person id=…>} shows the person's
   * name (a card's {@code <at id=…>} is a mention, and in a group it pings: a profile read by the team must not
   * ping each evaluator, nor a "by whom" line its clicker). An id without the shape of a Feishu id shows as escaped
   * text, so it can never close the tag and name or mention someone else.
   */
  public static Own person(String openId) {
    return new Own(openId != null && openId.matches("[A-Za-z0-9_-]{1,100}")
        ? "<person id=" + openId + " show_name=true show_avatar=false style=normal></person>" : escape(openId));
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

  /** Fullwidth "<": looks like the typed character and opens no tag. */
  static final char TAG_OPEN = '\uFF1C';
  /** Fullwidth "]": a "[text]" before "(" is no longer a link. */
  static final char LINK_CLOSE = '\uFF3D';

  /**
   * {@code text} as data inside a Feishu text message: a "<" that would open a tag ({@code <at …>}, {@code <b>},
   * {@code </s>}) becomes a fullwidth "＜" and a "]" right before "(" a fullwidth "］", so nothing the data holds
   * can mention anyone, style or link; every other character (a "<" in "salary < 30k" too) stays as typed. null → "".
   */
  public static String textMessage(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      char next = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
      if (c == '<' && (Character.isLetter(next) || next == '/')) {
        out.append(TAG_OPEN);
      } else if (c == ']' && next == '(') {
        out.append(LINK_CLOSE);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Our markdown cut to at most {@code max} characters (and "…"), never inside what the bot wrote as markup: not in a
   * tag ({@code <person id=…>}), an entity ({@code &#42;}) or a surrogate pair, and with a bold it opened closed again.
   * A cut by plain length split such a tag, and Feishu showed the rest of the summary as raw text.
   */
  public static String cut(String markdown, int max) {
    if (markdown == null || markdown.length() <= max) {
      return markdown == null ? "" : markdown;
    }
    String kept = markdown.substring(0, Character.isHighSurrogate(markdown.charAt(max - 1)) ? max - 1 : max);
    int tag = kept.lastIndexOf('<');
    if (tag > kept.lastIndexOf('>')) {
      kept = kept.substring(0, tag);
    }
    int entity = kept.lastIndexOf('&');
    if (entity > kept.lastIndexOf(';')) {
      kept = kept.substring(0, entity);
    }
    boolean boldOpen = (kept.length() - kept.replace("**", "").length()) / 2 % 2 == 1;
    return kept + "…" + (boldOpen ? "**" : "");
  }

  /** The tag {@link #person} writes. */
  private static final Pattern PERSON_TAG = Pattern.compile("<person id=[^<>]*></person>");
  /** An entity {@link #escape} writes. */
  private static final Pattern ENTITY = Pattern.compile("&#(\\d{1,7});");

  /**
   * Our markdown (data escaped by {@link #escape}) as the text of a Feishu text message, for words a card could not
   * carry: each entity back to the character it stands for, which stays data there as {@link #textMessage} keeps it
   * (it opens no tag and no link); each {@link #person} tag as {@code person}, as a text message has no way to name
   * someone without mentioning, and so notifying, them; our {@code **bold**} and line breaks as they are
   * ({@code Reply.Text} makes the bold the text message's). null → "".
   */
  public static String asText(String markdown, String person) {
    if (markdown == null || markdown.isEmpty()) {
      return "";
    }
    String named = PERSON_TAG.matcher(markdown).replaceAll(Matcher.quoteReplacement(escape(person)));
    StringBuilder decoded = new StringBuilder(named.length());
    BitSet data = new BitSet();
    Matcher entity = ENTITY.matcher(named);
    int last = 0;
    while (entity.find()) {
      int codePoint = Integer.parseInt(entity.group(1));
      decoded.append(named, last, entity.start());
      if (Character.isValidCodePoint(codePoint)) {
        data.set(decoded.length());
        decoded.appendCodePoint(codePoint);
      } else {
        decoded.append(entity.group());
      }
      last = entity.end();
    }
    decoded.append(named, last, named.length());
    for (int i = data.nextSetBit(0); i >= 0; i = data.nextSetBit(i + 1)) {
      char next = i + 1 < decoded.length() ? decoded.charAt(i + 1) : ' ';
      if (decoded.charAt(i) == '<' && (Character.isLetter(next) || next == '/')) {
        decoded.setCharAt(i, TAG_OPEN);
      } else if (decoded.charAt(i) == ']' && next == '(') {
        decoded.setCharAt(i, LINK_CLOSE);
      }
    }
    return decoded.toString();
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
