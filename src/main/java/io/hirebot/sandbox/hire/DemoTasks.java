package io.hirebot.sandbox.hire;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;

/**
 * The demo tenant's written tests to mark, one per application that reached a written-test stage: marked once the
 * application moved past it, waiting while it is there (so some reviewers have overdue marking). Evaluation and
 * interview tasks need no data of their own: Hire derives them from the evaluations and the interviewers' records.
 */
final class DemoTasks {
  private static final long HOUR = Duration.ofHours(1).toMillis();
  /** Who marks tests in the demo: the interviewers and the hiring managers who also interview. */
  private static final String[] REVIEWERS = {DemoTenant.INTERVIEWER_ZHAO, DemoTenant.INTERVIEWER_LIU, DemoTenant.HM_ZHANG,
      DemoTenant.INTERVIEWER_BROWN};

  private DemoTasks() {}

  static void seed(HireData d, Clock clock) {
    long now = clock.millis();
    int n = 0;
    for (Application a : new ArrayList<>(d.applications.values())) {
      Job job = d.jobs.get(a.jobId());
      JobProcess process = d.processOf(job);
      for (StageTime t : a.stageTimes()) {
        Stage stage = process.stages().stream().filter(s -> s.id().equals(t.stageId())).findFirst().orElseThrow();
        if (stage.type() != Stage.WRITTEN_TEST) {
          continue;
        }
        boolean current = t.exitTime() == null;
        // Candidates finish the test some hours after entering the stage; a test still open is not marked yet.
        long completed = Math.min(now - HOUR, t.enterTime() + (6 + n % 5 * 6) * HOUR);
        String id = d.nextId(IdKinds.OTHER);
        // A terminated application's test needs no marking: the demo shows it as marked.
        d.examMarkings.put(id, new ExamMarking(id, a.id(), REVIEWERS[n % REVIEWERS.length], !current || !a.active(),
            completed));
        n++;
      }
    }
  }
}
