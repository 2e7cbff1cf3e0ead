package io.hirebot.command;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Removes politeness and "show me"-style words from the edges of a message, where they can only be
 * filler, never from its middle, where they could be part of a job name.
 */
final class FillerWords {

  static final List<String> EN_LEADING =
      List.of("please", "pls", "can you", "could you", "would you", "show me", "show", "list",
          "give me", "get", "me", "the", "all", "what are", "who are", "let me see");
  static final List<String> EN_TRAILING = List.of("please", "pls", "thanks", "thank you");
  static final List<String> ZH_LEADING =
      List.of("请问", "请", "帮我", "麻烦", "给我", "一下", "看看", "看一下", "查看", "查一下", "看下", "列出",
          "显示", "所有", "全部", "我想看", "我要看", "我想查");
  static final List<String> ZH_TRAILING = List.of("吧", "呢", "吗", "的话", "啊", "呀", "谢谢");

  // English fillers must end at a word boundary ("me" must not eat "Meituan"); Chinese has no spaces.
  private static final Pattern LEADING = Pattern.compile(
      "^(?:(?:" + alternation(EN_LEADING) + ")(?: |$)|(?:" + alternation(ZH_LEADING) + ") ?)",
      Grammar.FLAGS);
  private static final Pattern TRAILING = Pattern.compile(
      "(?:(?:^| )(?:" + alternation(EN_TRAILING) + ")| ?(?:" + alternation(ZH_TRAILING) + "))$",
      Grammar.FLAGS);

  private FillerWords() {}

  /** Strips fillers (and punctuation they leave exposed) from both ends; keeps a message that is nothing but filler. */
  static String strip(String text) {
    String current = text;
    while (true) {
      String next = stripOnce(current);
      if (next.equals(current) || next.isEmpty()) {
        return current;
      }
      current = next;
    }
  }

  private static String stripOnce(String text) {
    String withoutLeading = LEADING.matcher(text).replaceFirst("");
    String withoutTrailing = TRAILING.matcher(withoutLeading).replaceFirst("");
    return TextNormalizer.trimPunctuation(withoutTrailing);
  }

  /** A regex alternation of literal phrases, longest first so "show me" wins over "show". */
  static String alternation(List<String> phrases) {
    return phrases.stream()
        .sorted(Comparator.comparingInt(String::length).reversed())
        .map(Pattern::quote)
        .collect(Collectors.joining("|"));
  }
}
