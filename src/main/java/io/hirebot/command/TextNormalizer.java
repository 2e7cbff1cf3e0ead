package io.hirebot.command;

import io.hirebot.i18n.ChineseScript;
import java.text.Normalizer;
import java.util.regex.Pattern;

/** Puts chat text into one canonical shape so the grammar only has to know one spelling of each thing. */
final class TextNormalizer {

  /** Sentence punctuation and quotes that may surround a command or an argument but are never part of it. */
  static final String SURROUNDING_PUNCTUATION = ".,!?;:。，、！？；：~…\"'“”‘’「」『』《》〈〉【】";

  // Zero-width and other format characters are invisible in the chat client but break matching. Except a zero-width
  // (non-)joiner inside an Arabic, Persian or Indic word ("می‌خواهم"), where it is spelling: kept, so the name searched
  // is the name Hire holds.
  private static final String JOINED = "[\\p{L}\\p{M}&&[^\\p{IsLatin}\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]]";
  private static final Pattern FORMAT_CHARACTERS = Pattern.compile(
      "(?:(?!(?<=" + JOINED + ")[\\x{200C}\\x{200D}](?=\\p{L}))\\p{Cf})+");
  // A zero-width space or joiner that Feishu clients paste between two words of a name ("Carol" U+200B "Davis") stands
  // where the space was. Only between letters of scripts written with spaces: Chinese and Japanese have none to
  // stand for, so inside "陈" U+200B "思远" it is dropped like any format character. A zero-width (non-)joiner is a
  // space only between Latin letters, where it means nothing.
  private static final String SPACED_LETTER = "[\\p{L}&&[^\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]]";
  private static final Pattern ZERO_WIDTH_BETWEEN_WORDS = Pattern.compile("(?<=" + SPACED_LETTER
      + ")[\\x{200B}\\x{2060}\\x{FEFF}]+(?=" + SPACED_LETTER + ")|(?<=\\p{IsLatin})[\\x{200B}-\\x{200D}\\x{2060}"
      + "\\x{FEFF}]+(?=\\p{IsLatin})");
  // "jobs: backend", "职位：后端" → a space; a colon between digits stays (times such as 09:00).
  private static final Pattern SEPARATOR_COLON = Pattern.compile("(?<!\\d):|:(?!\\d)");
  // Emoji, other pictographs and their variation selectors and skin tones decorate a message but never name anything.
  private static final Pattern PICTOGRAPHS = Pattern.compile("[\\p{So}\\x{FE0E}\\x{FE0F}\\x{1F3FB}-\\x{1F3FF}]+");
  private static final Pattern QUOTED_LINE = Pattern.compile("(?m)^[ \t]*[>＞][^\n]*(?:\n|$)");
  // "don’t", "Carol’s": phones and Macs type the typographic apostrophe by default; the grammar knows the plain one.
  private static final Pattern CONTRACTION_APOSTROPHE = Pattern.compile("(?<=\\p{IsLatin})’(?=(?:t|s|re|ll|d|ve|m)\\b)",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern WHITESPACE_RUN = Pattern.compile("[\\s\\p{Z}]+");
  // "candidates for for Backend", "后端的的候选人": a connective the grammar reads typed twice is a typo; read once. Not
  // when every one is capitalized ("To To", "In In": a name), nor where one 的 belongs to a word beside it: the first
  // ends 目的 ("purpose") or 标的 ("target"), the last starts 的确 ("truly"), 的士 ("taxi": 深圳的的士司机) or 的哥.
  private static final Pattern DOUBLED_CONNECTIVE = Pattern.compile(
      "\\b(for|of|in|to|at)(?: \\1\\b)+|(?<![目标])的(?: ?的)+(?![确士哥])", Pattern.CASE_INSENSITIVE);
  private static final Pattern CAPITALIZED_WORDS = Pattern.compile("\\p{Lu}\\p{Ll}*(?: \\p{Lu}\\p{Ll}*)+");

  private TextNormalizer() {}

  /**
   * Applies NFKC (full-width to half-width, ideographic space to space), reads Traditional Chinese as Simplified,
   * reads a zero-width space or joiner between two words as a space, removes format characters, turns emoji into
   * spaces, writes a contraction's typographic apostrophe plainly, turns separator colons into spaces, collapses
   * whitespace, reads a doubled connective ("for for", "的的") once and trims surrounding punctuation; case is kept so
   * arguments keep it.
   */
  static String normalize(String text) {
    return normalize(text, false);
  }

  /**
   * The same, but a colon stays: in a typed action it separates the person from what follows ("note on 李洋: strong
   * system design"), where the grammar's commands read it as a space. A doubled word stays too: a note keeps what was
   * typed.
   */
  static String normalizeKeepingColons(String text) {
    return normalize(text, true);
  }

  private static String normalize(String text, boolean keepColons) {
    String folded = Normalizer.normalize(withoutQuotedLines(text), Normalizer.Form.NFKC);
    String spaced = ZERO_WIDTH_BETWEEN_WORDS.matcher(ChineseScript.toSimplified(folded)).replaceAll(" ");
    String visible = CONTRACTION_APOSTROPHE.matcher(PICTOGRAPHS.matcher(FORMAT_CHARACTERS.matcher(spaced)
        .replaceAll("")).replaceAll(" ")).replaceAll("'");
    String separated = keepColons ? visible : SEPARATOR_COLON.matcher(visible).replaceAll(" ");
    String collapsed = WHITESPACE_RUN.matcher(separated).replaceAll(" ").strip();
    String read = keepColons ? collapsed
        : DOUBLED_CONNECTIVE.matcher(collapsed).replaceAll(m -> m.group(1) == null ? "的"
            : CAPITALIZED_WORDS.matcher(m.group()).matches() ? m.group() : m.group(1));
    String trimmed = trimPunctuation(read);
    // "?" on its own means "help": keep punctuation-only text rather than reduce it to nothing.
    return trimmed.isEmpty() ? read : trimmed;
  }

  /** Lines quoting another message ("> …") around the command, when the message has a line of its own too. */
  static String withoutQuotedLines(String text) {
    if (text.indexOf('\n') < 0) {
      return text;
    }
    String own = QUOTED_LINE.matcher(text).replaceAll("").strip();
    return own.isEmpty() ? text : own;
  }

  /** Removes {@link #SURROUNDING_PUNCTUATION} and spaces from both ends. */
  static String trimPunctuation(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && isTrimmable(text.charAt(start))) {
      start++;
    }
    while (end > start && isTrimmable(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(start, end);
  }

  private static boolean isTrimmable(char c) {
    return c == ' ' || SURROUNDING_PUNCTUATION.indexOf(c) >= 0;
  }
}
