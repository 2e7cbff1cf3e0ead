package io.hirebot.hire;

import io.hirebot.util.EditDistance;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves a stage as typed ("screening", "初筛", "First Interview", "interview") against a job's real
 * process stages, in both languages: exact name, then part of a name, then a nameless stage as cards number it
 * ("interview 2"), then a kind of stage ("interview" keeps every interview stage), then close spelling. Several
 * results are all kept. Pure.
 */
public final class StageMatcher {
  /** Words for a kind of stage, so "interview" or "面试" means every interview stage of the job. */
  static final Map<String, StageType> TYPE_WORDS = Map.ofEntries(
      Map.entry("screening", StageType.SCREENING), Map.entry("筛选", StageType.SCREENING),
      Map.entry("初筛", StageType.SCREENING), Map.entry("evaluation", StageType.EVALUATION),
      Map.entry("评估", StageType.EVALUATION), Map.entry("test", StageType.WRITTEN_TEST),
      Map.entry("writtentest", StageType.WRITTEN_TEST), Map.entry("笔试", StageType.WRITTEN_TEST),
      Map.entry("interview", StageType.INTERVIEW), Map.entry("interviews", StageType.INTERVIEW),
      Map.entry("面试", StageType.INTERVIEW), Map.entry("offer", StageType.OFFER),
      Map.entry("onboarding", StageType.PENDING_ONBOARDING), Map.entry("待入职", StageType.PENDING_ONBOARDING),
      Map.entry("onboarded", StageType.ONBOARDED), Map.entry("已入职", StageType.ONBOARDED));

  /**
   * Words for an interview round by its place, as hiring teams say them ("初试", "复试", "终面", "final round"): the
   * job's first, second or last interview stage. Without them "final interview" was close enough in spelling to
   * "First Interview" to mean it. Index -1 is the last.
   */
  static final Map<String, Integer> ROUND_WORDS = Map.ofEntries(
      Map.entry("初试", 0), Map.entry("初面", 0), Map.entry("firstround", 0),
      Map.entry("复试", 1), Map.entry("复面", 1), Map.entry("secondround", 1),
      Map.entry("终面", -1), Map.entry("终试", -1), Map.entry("finalinterview", -1), Map.entry("finalround", -1),
      Map.entry("lastinterview", -1), Map.entry("lastround", -1));

  public List<Stage> match(String query, JobProcess process) {
    String q = JobMatcher.normalize(query);
    if (q.isEmpty()) {
      return List.of();
    }
    List<Stage> stages = process.stages();
    List<Stage> exact = stages.stream().filter(s -> names(s).stream().anyMatch(q::equals)).toList();
    if (!exact.isEmpty()) {
      return exact;
    }
    List<Stage> partial = stages.stream().filter(s -> names(s).stream().anyMatch(n -> n.contains(q))).toList();
    if (!partial.isEmpty()) {
      return partial;
    }
    List<Stage> numbered = numbered(q, stages);
    if (!numbered.isEmpty()) {
      return numbered;
    }
    StageType type = TYPE_WORDS.get(q);
    if (type != null) {
      return stages.stream().filter(s -> s.type() == type).toList();
    }
    Integer round = ROUND_WORDS.get(q);
    if (round != null) {
      List<Stage> interviews = stages.stream().filter(s -> s.type() == StageType.INTERVIEW).toList();
      int at = round < 0 ? interviews.size() + round : round;
      return at >= 0 && at < interviews.size() ? List.of(interviews.get(at)) : List.of();
    }
    return stages.stream().filter(s -> names(s).stream().anyMatch(n -> closeEnough(q, n))).toList();
  }

  /** A kind's word and a number ("interview2", "面试2"): a nameless stage as cards number it ({@link Stage#ordinal}). */
  private static final Pattern NUMBERED = Pattern.compile("(\\D+)(\\d{1,3})");

  private static List<Stage> numbered(String q, List<Stage> stages) {
    Matcher m = NUMBERED.matcher(q);
    StageType type = m.matches() ? TYPE_WORDS.get(m.group(1)) : null;
    if (type == null) {
      return List.of();
    }
    int n = Integer.parseInt(m.group(2));
    return stages.stream().filter(s -> s.type() == type && s.ordinal() == n).toList();
  }

  private static List<String> names(Stage s) {
    return List.of(JobMatcher.normalize(s.zhName()), JobMatcher.normalize(s.enName()));
  }

  private static boolean closeEnough(String q, String name) {
    int max = Math.max(q.length(), name.length());
    return max > 0 && (double) EditDistance.withoutSwaps(q, name) / max <= JobMatcher.MAX_TYPO_RATIO;
  }
}
