package io.hirebot.e2e;

import io.hirebot.sandbox.hire.Application;
import io.hirebot.sandbox.hire.DemoTenant;
import io.hirebot.sandbox.hire.Evaluation;
import io.hirebot.sandbox.hire.HireUser;
import io.hirebot.sandbox.hire.IdKinds;
import io.hirebot.sandbox.hire.Job;
import io.hirebot.sandbox.hire.JobProcess;
import io.hirebot.sandbox.hire.Note;
import io.hirebot.sandbox.hire.Offer;
import io.hirebot.sandbox.hire.Stage;
import io.hirebot.sandbox.hire.StageTime;
import io.hirebot.sandbox.hire.TerminationReason;
import java.util.ArrayList;
import java.util.List;

/**
 * Many rows of ordinary length, where Hire or the bot's own records decide how many a card lists (the opposite of
 * {@link LongHireTexts}, whose texts are long and rows few): a process of {@value #STAGES} stages ({@value #ROUNDS}
 * interview rounds, {@value #POOLS} talent pools), {@value #JOBS} jobs on it, {@value #ROWS} candidates on MR-001 (every
 * stage has someone, every one in an offer stage has an offer) with {@value #INTERVIEWS} interviews in the coming week
 * of {@value #PANEL} interviewers each, one talent (Mona Many) on every job whose applications each carry
 * {@value #EVALUATIONS} evaluations, {@value #HISTORY} stage visits, {@value #INTERVIEWS_EACH} interviews and
 * {@value #NOTES} notes, {@value #REASONS} termination reasons, and {@value #PARKED} parked events each with a long
 * last error; a chat following every job. Names are ordinary: 20 to 40 characters.
 */
final class ManyHireRows {
  static final int STAGES = 104;
  static final int ROUNDS = 94;
  static final int POOLS = 4;
  static final int JOBS = 40;
  static final int ROWS = 200;
  static final int INTERVIEWS = 200;
  static final int PANEL = 30;
  static final int EVALUATIONS = 100;
  static final int HISTORY = 100;
  static final int INTERVIEWS_EACH = 30;
  static final int NOTES = 200;
  static final int REASONS = 300;
  static final int PARKED = 20;
  /** The interviewers of every interview, {@link DemoTenant#INTERVIEWER_LIU} first. */
  static final String PANELIST = "ou_mr_panel_";
  /** MR-001's hiring managers besides Zhang, who may change its candidates (each asks once: the rate limit). */
  static final String MANAGER = "ou_mr_hm_";
  static final int MANAGERS = 20;
  /** Mona Many's evaluators. */
  static final String EVALUATOR = "ou_mr_eval_";

  /** What was seeded: the process, the jobs (MR-001 first), MR-001's rows and Mona Many's applications. */
  record Seeded(JobProcess process, List<Job> jobs, List<Application> rows, List<Application> mona) {
    Job first() {
      return jobs.get(0);
    }
  }

  private ManyHireRows() {}

  /** The name of row {@code r}: "Mara Aa", "Mara Ab", … (letters only: a typed change takes a name without digits). */
  static String row(int r) {
    return "Mara " + (char) ('A' + r / 26) + (char) ('a' + r % 26);
  }

  static Seeded seed(BotHarness h) {
    var hire = h.sandbox.hire();
    long now = h.clock.millis();
    JobProcess process = process(h, STAGES, ROUNDS);
    List<Stage> stages = process.stages();
    hire.write(d -> {
      for (int i = 0; i < REASONS; i++) {
        String id = d.nextId(IdKinds.REASON);
        d.terminationReasons.put(id, new TerminationReason(id, "淘汰原因" + i, "Termination reason " + i, 1, 1));
      }
      for (int p = 0; p < PANEL; p++) {
        // Names at the 100 characters cards show: a row names five of a panel, so its length is in the names.
        d.users.put(PANELIST + p, new HireUser(PANELIST + p, ("面试官" + p + "号王小明").repeat(15).substring(0, 100),
            ("Interviewer " + p + " Walker ").repeat(6).substring(0, 100)));
      }
      for (int e = 0; e < EVALUATIONS; e++) {
        d.users.put(EVALUATOR + e, new HireUser(EVALUATOR + e, "评估人" + e + "号李雷", "Evaluator " + e + " Evans"));
      }
    });
    List<Job> jobs = new ArrayList<>();
    for (int j = 0; j < JOBS; j++) {
      String title = j % 2 == 0 ? "多行职位第" + (j + 1) + "号后端开发工程师" : "Many Rows Backend Engineer " + (j + 1);
      jobs.add(hire.addJob(title, String.format("MR-%03d", j + 1), process.id(), DemoTenant.RECRUITER_LI,
          DemoTenant.HM_ZHANG));
    }
    Job first = withManagers(h, jobs.get(0));
    jobs.set(0, first);
    List<Application> rows = new ArrayList<>();
    for (int r = 0; r < ROWS; r++) {
      var t = hire.addTalent(row(r), "1380000" + String.format("%04d", r), "mara" + r + "@example.com");
      Stage stage = stages.get(r % STAGES);
      Application a = hire.addApplication(first.id(), t.id(), stage.id());
      rows.add(a);
      if (stage.type() == Stage.OFFER || stage.type() == Stage.PENDING_ONBOARD) {
        hire.addOffer(a.id(), 2);
      }
    }
    String[] panel = new String[PANEL];
    panel[0] = DemoTenant.INTERVIEWER_LIU;
    for (int p = 1; p < PANEL; p++) {
      panel[p] = PANELIST + p;
    }
    for (int i = 0; i < INTERVIEWS; i++) {
      // The coming week, every 45 minutes from an hour from now.
      hire.addInterview(rows.get(i % ROWS).id(), now + 3_600_000L + 45 * 60_000L * i, panel);
    }
    var mona = hire.addTalent("Mona Many", "13500000009", "mona@example.com");
    List<Application> monas = new ArrayList<>();
    for (Job job : jobs) {
      monas.add(hire.addApplication(job.id(), mona.id(), stages.get(10).id()));
    }
    for (Application a : monas.subList(0, 8)) {
      heavy(h, a, stages, now);
    }
    hire.write(d -> {
      for (int n = 0; n < NOTES; n++) {
        String id = d.nextId(IdKinds.NOTE);
        d.notes.put(id, new Note(id, mona.id(), monas.get(0).id(), DemoTenant.RECRUITER_LI,
            "Note " + n + ": solid basics, asked about the team", 2, now - n * 60_000L));
      }
    });
    return new Seeded(process, List.copyOf(jobs), List.copyOf(rows), List.copyOf(monas));
  }

  /**
   * A process of {@code stages} stages, added to the sandbox: screening, evaluation, a written test, {@code rounds}
   * interview rounds, talent pools up to three before the end, then offer, pending onboarding and onboarded.
   */
  static JobProcess process(BotHarness h, int stages, int rounds) {
    JobProcess process = h.sandbox.hire().read(d -> {
      List<Stage> list = new ArrayList<>();
      list.add(new Stage(d.nextId(IdKinds.STAGE), "简历初筛", "Resume screening", Stage.SCREENING));
      list.add(new Stage(d.nextId(IdKinds.STAGE), "用人经理评估", "Hiring manager review", Stage.EVALUATION));
      list.add(new Stage(d.nextId(IdKinds.STAGE), "笔试", "Written test", Stage.WRITTEN_TEST));
      for (int i = 1; i <= rounds; i++) {
        list.add(new Stage(d.nextId(IdKinds.STAGE), "第" + i + "轮技术面试", "Technical interview round " + i,
            Stage.INTERVIEW));
      }
      int pools = 0;
      while (list.size() < stages - 3) {
        pools++;
        list.add(new Stage(d.nextId(IdKinds.STAGE), "人才储备池" + pools, "Talent reserve pool " + pools, Stage.OTHER));
      }
      list.add(new Stage(d.nextId(IdKinds.STAGE), "Offer 沟通", "Offer discussion", Stage.OFFER));
      list.add(new Stage(d.nextId(IdKinds.STAGE), "待入职", "Pending onboarding", Stage.PENDING_ONBOARD));
      list.add(new Stage(d.nextId(IdKinds.STAGE), "已入职", "Onboarded", Stage.ONBOARDED));
      return new JobProcess(d.nextId(IdKinds.PROCESS), "多阶段流程", "Many-stage process", 1, list);
    });
    return h.sandbox.hire().addProcess(process);
  }

  /** {@code job} with {@value #MANAGERS} more hiring managers ({@link #MANAGER}). */
  private static Job withManagers(BotHarness h, Job job) {
    var hire = h.sandbox.hire();
    hire.write(d -> {
      List<String> managers = new ArrayList<>(job.hiringManagerIds());
      for (int m = 0; m < MANAGERS; m++) {
        managers.add(MANAGER + m);
        d.users.put(MANAGER + m, new HireUser(MANAGER + m, "经理" + m + "号张伟", "Manager " + m + " Moss"));
      }
      Job j = d.jobs.get(job.id());
      d.jobs.put(j.id(), new Job(j.id(), j.title(), j.code(), j.processId(), j.departmentId(), j.departmentZh(),
          j.departmentEn(), j.cityCode(), j.cityZh(), j.cityEn(), 1, j.recruiterId(), managers, j.assistantIds(),
          j.headCount(), j.description(), j.createTime(), j.updateTime()));
    });
    return hire.read(d -> d.jobs.get(job.id()));
  }

  /** {@code a} with a long stage history, many evaluations and many past interviews of a full panel. */
  private static void heavy(BotHarness h, Application a, List<Stage> stages, long now) {
    var hire = h.sandbox.hire();
    hire.write(d -> {
      List<StageTime> visits = new ArrayList<>();
      for (int i = 0; i < HISTORY; i++) {
        visits.add(new StageTime(stages.get(i % 63).id(), now - 3_600_000L * (HISTORY - i + 1),
            now - 3_600_000L * (HISTORY - i)));
      }
      visits.add(new StageTime(stages.get(10).id(), now - 3_600_000L, null));
      Application old = d.applications.get(a.id());
      d.applications.put(a.id(), new Application(old.id(), old.jobId(), old.talentId(), old.stageId(),
          old.activeStatus(), old.createTime(), now, visits, null, List.of(), null, 2, 10003, null));
      for (int e = 0; e < EVALUATIONS; e++) {
        String id = d.nextId(IdKinds.OTHER);
        d.evaluations.put(id, new Evaluation(id, a.id(), stages.get(1).id(), EVALUATOR + e, e % 3 == 0 ? 2 : 1,
            e % 3 == 0 ? 0 : 1 + e % 2, e % 3 == 0 ? null : "Clear communicator, good fundamentals", now - e * 60_000L));
      }
    });
    String[] panel = new String[PANEL];
    for (int p = 0; p < PANEL; p++) {
      panel[p] = PANELIST + p;
    }
    for (int i = 0; i < INTERVIEWS_EACH; i++) {
      hire.addInterview(a.id(), now - 86_400_000L * (i + 1), panel);
    }
  }

  /** {@value #PARKED} events parked in the bot's database, each with a last error of 2,000 characters. */
  static void parkEvents(BotHarness h, long now) {
    h.inDatabase(c -> {
      for (int i = 0; i < PARKED; i++) {
        try (var s = c.prepareStatement("INSERT INTO failed_events (event_key, envelope, attempts, last_error, "
            + "received_at, failed_at) VALUES (?, '{}', 4, ?, ?, ?)")) {
          s.setString(1, "event:ev_many_rows_" + i);
          s.setString(2, ("Feishu Hire answered 1002001 internal error, log id "
              + "20261204" + i + " ").repeat(40).substring(0, 2_000));
          s.setLong(3, now - 3_600_000L);
          s.setLong(4, now - 60_000L);
          s.executeUpdate();
        }
      }
      return null;
    });
  }
}
