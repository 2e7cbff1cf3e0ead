package io.hirebot.command;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The words for each {@link Period} in English and Chinese, as one regex alternation and a lookup. */
final class PeriodWords {

  private static final Map<String, Period> BY_WORD = new LinkedHashMap<>();

  static {
    put(Period.TODAY, "today", "今天", "今日");
    put(Period.TOMORROW, "tomorrow", "明天", "明日");
    put(Period.YESTERDAY, "yesterday", "昨天", "昨日");
    put(Period.THIS_WEEK, "this week", "本周", "这周", "这个星期", "本星期", "这一周");
    put(Period.NEXT_WEEK, "next week", "下周", "下个星期", "下星期");
    put(Period.LAST_WEEK, "last week", "上周", "上个星期", "上星期");
    put(Period.THIS_MONTH, "this month", "本月", "这个月");
    put(Period.LAST_MONTH, "last month", "上个月", "上月");
    put(Period.PAST_WEEK, "past week", "past 7 days", "last 7 days", "最近一周", "近一周", "最近7天", "近7天");
    put(Period.PAST_MONTH, "past month", "最近一个月", "近一个月");
  }

  /** Every period word, longest first, for use inside a regex. */
  static final String ALTERNATION = PatternRule.alternation(BY_WORD.keySet().stream().toList());

  /** Every period word. */
  static final java.util.Set<String> WORDS = java.util.Collections.unmodifiableSet(BY_WORD.keySet());

  private PeriodWords() {}

  private static void put(Period period, String... words) {
    for (String w : words) {
      BY_WORD.put(w, period);
    }
  }

  /** The period a matched word names; spaces inside English words are normalized already. */
  static Optional<Period> of(String word) {
    return word == null ? Optional.empty() : Optional.ofNullable(BY_WORD.get(word.toLowerCase(Locale.ROOT)));
  }
}
