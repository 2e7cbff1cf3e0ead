package io.hirebot.command;

import io.hirebot.i18n.Language;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Removes politeness, "show me"-style words and other people's @-mentions from the edges of a message,
 * where they can only be filler, never from its middle, where they could be part of a job name.
 */
final class FillerWords {

  private static final List<String> EN_LEADING =
      List.of("please", "pls", "can you", "could you", "would you", "show me", "show", "list",
          "give me", "get", "me", "the", "all", "what are", "who are", "let me see", "pull up", "bring up");
  private static final List<String> EN_TRAILING = List.of("please", "pls", "thanks", "thank you");
  private static final List<String> ZH_LEADING =
      List.of("请问", "请", "帮我", "麻烦", "给我", "一下", "看看", "看一下", "查看", "查一下", "看下", "列出",
          "显示", "所有", "全部", "我想看", "我要看", "我想查");
  private static final List<String> ZH_TRAILING = List.of("吧", "呢", "吗", "的话", "啊", "呀", "谢谢");

  /** Other people's mentions arrive as "@Name"; a name with spaces keeps all but its first word. */
  private static final char MENTION = '@';

  // Longest first, so "show me" wins over "show" and "请问" over "请".
  private static final List<Filler> LEADING = longestFirst(EN_LEADING, ZH_LEADING);
  private static final List<Filler> TRAILING = longestFirst(EN_TRAILING, ZH_TRAILING);

  /** A filler phrase; English ones must be whole words ("me" must not eat "Meituan"), Chinese has no spaces to check. */
  private record Filler(String phrase, boolean wholeWord) {

    static Filler of(String phrase) {
      return new Filler(phrase, LanguageDetector.detect(phrase) == Language.EN);
    }

    int length() {
      return phrase.length();
    }

    boolean isAt(String text, int index) {
      // Cheap first-character test before the case-insensitive comparison: most positions fail here.
      return index < text.length()
          && Character.toLowerCase(text.charAt(index)) == phrase.charAt(0)
          && text.regionMatches(true, index, phrase, 0, phrase.length());
    }
  }

  private FillerWords() {}

  /** Strips fillers (and punctuation they leave exposed) from both ends; keeps a message that is nothing but filler. */
  static String strip(String text) {
    String current = text;
    while (true) {
      String next = TextNormalizer.trimPunctuation(withoutTrailing(withoutLeading(current)));
      if (next.equals(current) || next.isEmpty()) {
        return current;
      }
      current = next;
    }
  }

  /** Repeated leading fillers ("请请请…") are removed in one pass, so long input costs linear time. */
  private static String withoutLeading(String text) {
    int start = 0;
    int length;
    while ((length = leadingFillerLength(text, start)) > 0) {
      start += length;
    }
    return text.substring(start);
  }

  private static String withoutTrailing(String text) {
    int end = text.length();
    int length;
    while ((length = trailingFillerLength(text, end)) > 0) {
      end -= length;
    }
    return text.substring(0, end);
  }

  private static int leadingFillerLength(String text, int start) {
    if (start < text.length() && text.charAt(start) == MENTION) {
      int space = text.indexOf(' ', start);
      return space < 0 ? text.length() - start : space - start + 1;
    }
    for (Filler filler : LEADING) {
      int after = start + filler.length();
      if (filler.isAt(text, start) && (!filler.wholeWord() || isWordEnd(text, after))) {
        return after < text.length() && text.charAt(after) == ' ' ? filler.length() + 1 : filler.length();
      }
    }
    return 0;
  }

  private static int trailingFillerLength(String text, int end) {
    int lastWord = text.lastIndexOf(' ', end - 1) + 1;
    if (lastWord < end && text.charAt(lastWord) == MENTION) {
      return lastWord > 0 ? end - lastWord + 1 : end;
    }
    for (Filler filler : TRAILING) {
      int from = end - filler.length();
      if (from >= 0 && filler.isAt(text, from) && (!filler.wholeWord() || isWordStart(text, from))) {
        return from > 0 && text.charAt(from - 1) == ' ' ? filler.length() + 1 : filler.length();
      }
    }
    return 0;
  }

  private static boolean isWordEnd(String text, int index) {
    return index == text.length() || text.charAt(index) == ' ';
  }

  private static boolean isWordStart(String text, int index) {
    return index == 0 || text.charAt(index - 1) == ' ';
  }

  @SafeVarargs
  private static List<Filler> longestFirst(List<String>... lists) {
    return Stream.of(lists)
        .flatMap(List::stream)
        .sorted(Comparator.comparingInt(String::length).reversed())
        .map(Filler::of)
        .toList();
  }
}
