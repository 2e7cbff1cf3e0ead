package io.hirebot.feature.pipeline;

import io.hirebot.hire.Application;
import io.hirebot.hire.PipelinePage;
import io.hirebot.hire.Stage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A job's funnel from its active pipeline: per stage the count, the share of candidates who got that far
 * and went further (conversion to the next stage), and the median days spent so far in the stage. Pure.
 */
record Funnel(List<Step> steps, int total) {

  /**
   * One stage of the funnel.
   *
   * @param conversion percent of the active candidates at or beyond this stage who are beyond it; -1 for the last
   * @param medianDays median days in the stage of its candidates (of those read); -1 when none
   */
  record Step(Stage stage, int count, int conversion, long medianDays) {}

  static Funnel of(List<PipelinePage.StageCount> counts, List<Application> sample, Instant now) {
    List<Step> steps = new ArrayList<>();
    int total = counts.stream().mapToInt(PipelinePage.StageCount::count).sum();
    int atOrBeyond = total;
    for (int i = 0; i < counts.size(); i++) {
      PipelinePage.StageCount c = counts.get(i);
      int beyond = atOrBeyond - c.count();
      int conversion = i == counts.size() - 1 || atOrBeyond == 0 ? -1 : Math.round(100f * beyond / atOrBeyond);
      steps.add(new Step(c.stage(), c.count(), conversion, medianDays(c.stage(), sample, now)));
      atOrBeyond = beyond;
    }
    return new Funnel(steps, total);
  }

  private static long medianDays(Stage stage, List<Application> sample, Instant now) {
    List<Long> days = sample.stream().filter(a -> a.stage().id().equals(stage.id()))
        .map(a -> a.stageEnteredAt() != null ? a.stageEnteredAt() : a.appliedAt())
        .filter(t -> t != null)
        .map(t -> Math.max(0, Duration.between(t, now).toDays()))
        .sorted()
        .toList();
    if (days.isEmpty()) {
      return -1;
    }
    int mid = days.size() / 2;
    return days.size() % 2 == 1 ? days.get(mid) : (days.get(mid - 1) + days.get(mid)) / 2;
  }
}
