package io.hirebot.feature.actions;

import io.hirebot.hire.JobProcess;
import io.hirebot.hire.Stage;
import io.hirebot.hire.StageMatcher;
import io.hirebot.hire.StageType;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stage a typed move names, among the stages of the application's own process that Hire lets the API move
 * to: by name or kind ({@link StageMatcher}: "Second Interview", "笔试", "offer"), or by the interview's rank
 * ("second interview", "2nd round", "final interview", "终面"), which recruiters say though no stage is named so.
 */
final class StageTargets {
  private static final StageMatcher MATCHER = new StageMatcher();
  private static final Pattern RANKED = Pattern.compile(
      "^(?:the )?(first|1st|second|2nd|third|3rd|fourth|4th|final|last) ?(?:interview|round|interview round)?$"
          + "|^(?:round|interview) ?([1-4])$|^第?([一二三四1-4])(?:面|轮面试|轮|轮面)$|^(终)(?:面|面试)$",
      Pattern.CASE_INSENSITIVE);
  private static final Map<String, Integer> RANKS = Map.ofEntries(Map.entry("first", 1), Map.entry("1st", 1),
      Map.entry("second", 2), Map.entry("2nd", 2), Map.entry("third", 3), Map.entry("3rd", 3), Map.entry("fourth", 4),
      Map.entry("4th", 4), Map.entry("一", 1), Map.entry("二", 2), Map.entry("三", 3), Map.entry("四", 4),
      Map.entry("1", 1), Map.entry("2", 2), Map.entry("3", 3), Map.entry("4", 4));

  private StageTargets() {}

  /** Every stage the query may mean (several: ask), excluding none: the caller says when it is the current one. */
  static List<Stage> match(String query, JobProcess process) {
    List<Stage> movable = process.movableFrom("");
    List<Stage> named = MATCHER.match(query, process).stream().filter(movable::contains).toList();
    if (named.size() == 1) {
      return named;
    }
    List<Stage> ranked = ranked(query.strip(), movable);
    return ranked.isEmpty() ? named : ranked;
  }

  private static List<Stage> ranked(String query, List<Stage> movable) {
    Matcher m = RANKED.matcher(query);
    if (!m.matches()) {
      return List.of();
    }
    List<Stage> interviews = movable.stream().filter(s -> s.type() == StageType.INTERVIEW).toList();
    if (interviews.isEmpty()) {
      return List.of();
    }
    String word = m.group(1) != null ? m.group(1).toLowerCase(java.util.Locale.ROOT)
        : m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
    if (word.equals("final") || word.equals("last") || word.equals("终")) {
      return List.of(interviews.get(interviews.size() - 1));
    }
    int rank = RANKS.getOrDefault(word, 0);
    return rank >= 1 && rank <= interviews.size() ? List.of(interviews.get(rank - 1)) : List.of();
  }
}
