package io.hirebot.sandbox.hire;

import java.time.Duration;
import java.util.ArrayList;

/**
 * Issue 16's flow data on top of the demo applications: a second resume evaluator (some pass, some fail, some
 * still pending), written tests with papers, scores and reviewers (a test in marking is its reviewer's task to mark,
 * a scored one a task done: {@link WrittenTest#markingStatus}), onboarding dates spread over this week, next week and
 * later for the accepted offers awaiting onboarding ({@link DemoCalendar#start}), and employee records for those who
 * joined, at the moment their history ends. Deterministic for a given clock; every date relative to it. Kept apart from {@link DemoApplications} so that other flow data
 * (tasks) can grow beside it.
 */
final class DemoFlow {
  private static final long HOUR = Duration.ofHours(1).toMillis();
  private static final long DAY = Duration.ofDays(1).toMillis();
  private static final int COMMITTED = 1;
  private static final int NOT_COMMITTED = 2;
  /**
   * Statuses of the tests of active applications still in the written-test stage, in turn: awaiting marking, passed
   * with a score, awaiting marking, unanswered, answered.
   */
  private static final int[] CURRENT_TEST_STATUSES = {4, 5, 4, 2, 3};
  private static final String[] PAPERS = {
      "后端工程师笔试 A / Backend coding test A", "通用能力测评 / General aptitude", "数据分析笔试 / Data analysis"};

  /** Who marks tests in the demo: the interviewers and the hiring managers who also interview, in turn. */
  private static final String[] REVIEWERS = {DemoTenant.INTERVIEWER_ZHAO, DemoTenant.INTERVIEWER_LIU,
      DemoTenant.HM_ZHANG, DemoTenant.INTERVIEWER_BROWN};

  private final HireData d;
  private final DemoCalendar calendar;
  private int evaluations;
  private int tests;
  private int current;
  private int toMark;
  private int marked;
  private int starts;

  private DemoFlow(HireData d, DemoCalendar calendar) {
    this.d = d;
    this.calendar = calendar;
  }

  static void add(HireData d, DemoCalendar calendar) {
    DemoFlow flow = new DemoFlow(d, calendar);
    for (Application a : new ArrayList<>(d.applications.values())) {
      JobProcess p = d.processOf(d.jobs.get(a.jobId()));
      int at = indexOf(p, a.stageId());
      flow.evaluation(a, p, at);
      flow.writtenTest(a, p, at);
      flow.onboarding(a, p.stages().get(at));
    }
  }

  private static int indexOf(JobProcess p, String stageId) {
    for (int i = 0; i < p.stages().size(); i++) {
      if (p.stages().get(i).id().equals(stageId)) {
        return i;
      }
    }
    return 0;
  }

  /** Indexes of the stages of {@code type} the application has reached (its current one at {@code at} included). */
  private static java.util.List<Integer> reached(JobProcess p, int at, int type) {
    return java.util.stream.IntStream.rangeClosed(0, at).filter(s -> p.stages().get(s).type() == type).boxed().toList();
  }

  /** The job's recruiter evaluates too: past the stage always (every third fails), in it every other one so far. */
  private void evaluation(Application a, JobProcess p, int at) {
    for (int s : reached(p, at, Stage.EVALUATION)) {
      Stage st = p.stages().get(s);
      int n = evaluations++;
      boolean past = s < at;
      boolean submitted = past || n % 2 == 0;
      int conclusion = !submitted ? 0 : n % 3 == 2 ? 2 : 1;
      String comment = !submitted ? null : conclusion == 1 ? "经验对口，建议笔试。Relevant experience."
          : "项目经历偏少。Too little project work.";
      String id = d.nextId(IdKinds.OTHER);
      d.evaluations.put(id, new Evaluation(id, a.id(), st.id(), d.jobs.get(a.jobId()).recruiterId(),
          submitted ? COMMITTED : NOT_COMMITTED, conclusion, comment, a.stageTimes().get(s).enterTime() + HOUR));
    }
  }

  private void writtenTest(Application a, JobProcess p, int at) {
    for (int s : reached(p, at, Stage.WRITTEN_TEST)) {
      int n = tests++;
      boolean past = s < at;
      int status = past ? 5 : !a.active() ? 6 : CURRENT_TEST_STATUSES[current++ % CURRENT_TEST_STATUSES.length];
      String score = switch (status) {
        case 5 -> String.valueOf(past ? 70 + (n * 7) % 26 : 82 + (n / 4) % 3 * 5);
        case 6 -> "45";
        default -> "";
      };
      long start = a.stageTimes().get(s).enterTime() + DAY;
      String paper = PAPERS[n % PAPERS.length];
      String id = d.nextId(IdKinds.OTHER);
      // A test reaches a reviewer once it is in marking (待阅卷) or marked; each such test is its reviewer's task.
      // Those still to mark go round the reviewers on their own, so each reviewer has some.
      String reviewer = status == WrittenTest.AWAITING_MARKING ? REVIEWERS[toMark++ % REVIEWERS.length]
          : status > WrittenTest.AWAITING_MARKING ? REVIEWERS[marked++ % REVIEWERS.length] : null;
      d.tests.put(id, new WrittenTest(id, a.id(), a.talentId(), a.jobId(), HireJson.derivedId(id, 5), paper,
          status == 2 ? 3 : 1, status, start, start + 2 * HOUR, score, reviewer, start - HOUR));
    }
  }

  /**
   * Accepted offers awaiting onboarding start this week, next week or in three weeks, in turn; those who joined get an
   * employee record of the moment they entered the onboarded stage (the team recorded the join as it happened).
   */
  private void onboarding(Application a, Stage stage) {
    if (stage.type() != Stage.PENDING_ONBOARD && stage.type() != Stage.ONBOARDED) {
      return;
    }
    Offer offer = d.offers.values().stream().filter(o -> o.applicationId().equals(a.id())).findFirst().orElse(null);
    if (offer == null) {
      return;
    }
    if (stage.type() == Stage.ONBOARDED) {
      d.recordOnboarding(a.id(), a.stageTimes().get(a.stageTimes().size() - 1).enterTime());
      return;
    }
    var start = calendar.start(starts++);
    d.offers.put(offer.id(), new Offer(offer.id(), offer.applicationId(), offer.jobId(), offer.talentId(), offer.status(),
        offer.offerType(), offer.createTime(), start.toString(), offer.ownerId(), offer.leaderId()));
  }
}
