package io.hirebot.feature.pipeline;

import io.hirebot.cards.StageDays;
import io.hirebot.hire.Application;
import io.hirebot.hire.PipelinePage;
import io.hirebot.hire.Stage;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A job's funnel: per stage the active count, how many dropped out there (terminated at it), the pass-through rate
 * (of those who reached the stage, the share now past it) and the median days spent so far in the stage. Pure.
 *
 * @param steps the steps of the flow, in process order; pool stages ({@link Stage#inFunnel}) are not among them
 * @param apart the active applications in pool stages or in stages outside the job's process, shown apart: neither a
 *     step nor in any rate
 * @param total the active applications (in process, in a pool or hired), what the sample is out of
 * @param hired how many of {@code total} are hires ({@link Stage#hired}), not active candidates
 */
record Funnel(List<Step> steps, List<PipelinePage.StageCount> apart, int total, int hired) {

  /** The active candidates: still in process, not hired. */
  int inProcess() {
    return total - hired;
  }

  /**
   * One stage of the funnel.
   *
   * @param droppedOut applications terminated at this stage (rejected, declined, withdrawn)
   * @param reached applications that got to this stage: active at it or later, or terminated at it or later
   * @param passed those of {@code reached} past this stage: active or terminated at a later stage
   * @param conversion {@code passed} of {@code reached} in percent; -1 for the last stage or when none reached it
   * @param medianDays median days in the stage of its candidates (of those read); -1 when none
   */
  record Step(Stage stage, int count, int droppedOut, int reached, int passed, int conversion, long medianDays) {}

  /**
   * @param active active applications per stage, in process order; then those in stages outside the process, if any
   * @param droppedOut terminated applications per stage of the process (the stage each was terminated at), in its order
   */
  static Funnel of(List<PipelinePage.StageCount> active, List<PipelinePage.StageCount> droppedOut,
      List<Application> sample, Instant now, ZoneId zone) {
    List<Step> steps = new ArrayList<>();
    // A stage outside the job's process (one of its former process: an interview, even the onboarded) is no step of
    // this flow whatever its type: apart, like a pool.
    Set<Stage> process = droppedOut.stream().map(PipelinePage.StageCount::stage).collect(Collectors.toSet());
    List<PipelinePage.StageCount> apart = active.stream()
        .filter(c -> !c.stage().inFunnel() || !process.contains(c.stage())).toList();
    List<PipelinePage.StageCount> flowActive = inFunnel(active.stream().filter(c -> process.contains(c.stage()))
        .toList());
    List<PipelinePage.StageCount> flowDropped = inFunnel(droppedOut);
    // Whoever is past a stage, still in process, hired or dropped out later, passed through it; only those who
    // dropped out at a stage stopped there. Leaving the dropped-out aside made every stage look like 100% kept.
    // Those in a pool stage (Talent reserve) are in no step: counted, they had passed every step, Onboarded included.
    int reached = sum(flowActive) + sum(flowDropped);
    for (int i = 0; i < flowActive.size(); i++) {
      PipelinePage.StageCount c = flowActive.get(i);
      int dropped = flowDropped.get(i).count();
      int passed = reached - c.count() - dropped;
      boolean last = i == flowActive.size() - 1;
      int conversion = last || reached == 0 ? -1 : percent(passed, reached);
      steps.add(new Step(c.stage(), c.count(), dropped, reached, passed, conversion,
          medianDays(c.stage(), sample, now, zone)));
      reached = passed;
    }
    return new Funnel(steps, apart, sum(active), PipelinePage.hired(active));
  }

  private static List<PipelinePage.StageCount> inFunnel(List<PipelinePage.StageCount> counts) {
    return counts.stream().filter(c -> c.stage().inFunnel()).toList();
  }

  private static int sum(List<PipelinePage.StageCount> counts) {
    return counts.stream().mapToInt(PipelinePage.StageCount::count).sum();
  }

  /** Rounded, except that 100% is only shown when nobody stopped and 0% only when nobody passed (199 of 200 is 99%). */
  private static int percent(int part, int whole) {
    int p = Math.round(100f * part / whole);
    return part < whole ? Math.max(part > 0 ? 1 : 0, Math.min(99, p)) : 100;
  }

  /** Days counted as the candidate rows count them ({@link StageDays}), so a list and its funnel agree. */
  private static long medianDays(Stage stage, List<Application> sample, Instant now, ZoneId zone) {
    List<Long> days = sample.stream().filter(a -> a.stage().id().equals(stage.id()))
        .map(a -> StageDays.of(a, now, zone))
        .filter(d -> d >= 0)
        .sorted()
        .toList();
    if (days.isEmpty()) {
      return -1;
    }
    int mid = days.size() / 2;
    return days.size() % 2 == 1 ? days.get(mid) : (days.get(mid - 1) + days.get(mid)) / 2;
  }
}
