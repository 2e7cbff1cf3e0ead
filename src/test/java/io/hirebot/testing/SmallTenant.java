package io.hirebot.testing;

import io.hirebot.hire.Interview;
import io.hirebot.hire.Job;
import io.hirebot.hire.JobProcess;
import io.hirebot.hire.JobTeam;
import io.hirebot.hire.Offer;
import io.hirebot.hire.Person;
import io.hirebot.hire.Stage;
import io.hirebot.hire.StageType;
import io.hirebot.hire.Talent;
import io.hirebot.hire.TerminationReason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The tenant {@link FakeHireDirectory} starts with, small enough to keep in mind while reading a test: one hiring
 * process of four stages, two open jobs and a closed one, five candidates, one interview and one offer.
 *
 * <pre>
 * BE-001 Backend Engineer (open; recruiter Li, manager Zhang)
 *   Screening  Alice Chen (applied 2 days ago), Bob Zhou (applied 10 days ago)
 *   Interview  Carol Wu (applied 20 days ago; interview tomorrow 10:00 Asia/Shanghai with Liu, no feedback yet)
 * DS-001 Data Scientist (open; recruiter Wang)
 *   Screening  Dan Ma (applied 1 day ago)
 *   Offer      张伟 (applied 30 days ago; offer sent)
 * FE-009 Frontend Engineer (closed)
 * </pre>
 */
public final class SmallTenant {
  public static final String RECRUITER_LI = "ou_recruiter_li";
  public static final String MANAGER_ZHANG = "ou_manager_zhang";
  public static final String RECRUITER_WANG = "ou_recruiter_wang";
  public static final String INTERVIEWER_LIU = "ou_interviewer_liu";

  public static final Stage SCREENING = new Stage("stage_screening", "简历筛选", "Screening", StageType.SCREENING);
  public static final Stage INTERVIEW = new Stage("stage_interview", "面试", "Interview", StageType.INTERVIEW);
  public static final Stage OFFER = new Stage("stage_offer", "Offer 沟通", "Offer", StageType.OFFER);
  public static final Stage ONBOARDING = new Stage("stage_onboarding", "待入职", "To onboard",
      StageType.PENDING_ONBOARDING);
  public static final JobProcess PROCESS = new JobProcess("process_standard", "社招流程", "Experienced hiring",
      List.of(SCREENING, INTERVIEW, OFFER, ONBOARDING));

  public static final Job BACKEND = new Job("job_backend", "BE-001", "Backend Engineer", PROCESS.id(), true);
  public static final Job DATA = new Job("job_data", "DS-001", "Data Scientist", PROCESS.id(), true);
  public static final Job FRONTEND_CLOSED = new Job("job_frontend", "FE-009", "Frontend Engineer", PROCESS.id(),
      false);

  /** The app's default time zone, in which "today" and "tomorrow" are meant. */
  public static final java.time.ZoneId ZONE = java.time.ZoneId.of(io.hirebot.config.ConfigLoader.DEFAULT_TIMEZONE);

  /** Offer status "sent" in Hire's codes (reference/feishu-hire-api.md). */
  public static final int OFFER_SENT = 6;

  private SmallTenant() {}

  /** Fills {@code hire} with the tenant above, its dates relative to {@code clock}. */
  public static FakeHireDirectory seed(FakeHireDirectory hire, Clock clock) {
    Instant now = clock.instant();
    hire.addProcess(PROCESS);
    hire.addJob(BACKEND, new JobTeam(BACKEND.id(), RECRUITER_LI, List.of(MANAGER_ZHANG), List.of()));
    hire.addJob(DATA, new JobTeam(DATA.id(), RECRUITER_WANG, List.of(), List.of()));
    hire.addJob(FRONTEND_CLOSED, new JobTeam(FRONTEND_CLOSED.id(), RECRUITER_WANG, List.of(), List.of()));
    hire.addReason(new TerminationReason("reason_skills", "技能不匹配", "Skills do not match",
        TerminationReason.WE_REJECTED, true));

    hire.addApplication(BACKEND, talent(hire, "Alice Chen", 1), SCREENING, now.minus(Duration.ofDays(2)));
    hire.addApplication(BACKEND, talent(hire, "Bob Zhou", 2), SCREENING, now.minus(Duration.ofDays(10)));
    var carol = hire.addApplication(BACKEND, talent(hire, "Carol Wu", 3), INTERVIEW, now.minus(Duration.ofDays(20)));
    hire.addApplication(DATA, talent(hire, "Dan Ma", 4), SCREENING, now.minus(Duration.ofDays(1)));
    var zhang = hire.addApplication(DATA, talent(hire, "张伟", 5), OFFER, now.minus(Duration.ofDays(30)));

    Instant tomorrow = clock.instant().atZone(ZONE).toLocalDate().plusDays(1).atTime(10, 0).atZone(ZONE).toInstant();
    hire.addInterview(new Interview("interview_carol", carol.id(), INTERVIEW.id(), tomorrow,
        tomorrow.plus(Duration.ofHours(1)),
        List.of(new Interview.Feedback(new Person(INTERVIEWER_LIU, "刘洋", "Liu Yang"), false)), 0));
    hire.addOffer(new Offer("offer_zhang", zhang.id(), OFFER_SENT, "", now.minus(Duration.ofDays(3))));
    return hire;
  }

  /** Hire's last stage, which only Hire itself moves an application into: a hire. */
  public static final Stage ONBOARDED = new Stage("stage_onboarded", "已入职", "Onboarded", StageType.ONBOARDED);
  public static final JobProcess PROCESS_TO_ONBOARDED = new JobProcess("process_to_onboarded", "社招流程（含入职）",
      "Hiring to onboarding", List.of(SCREENING, INTERVIEW, ONBOARDED));
  public static final Job OPS = new Job("job_ops", "OPS-001", "Ops Engineer", PROCESS_TO_ONBOARDED.id(), true);

  /**
   * Adds OPS-001 Ops Engineer (recruiter Li), whose process ends in an onboarded stage: two candidates in screening
   * and one person already onboarded (a hire Hire still lists as active).
   */
  public static void addOpsWithHire(FakeHireDirectory hire, Clock clock) {
    Instant now = clock.instant();
    hire.addProcess(PROCESS_TO_ONBOARDED);
    hire.addJob(OPS, new JobTeam(OPS.id(), RECRUITER_LI, List.of(), List.of()));
    hire.addApplication(OPS, talent(hire, "Olga Fan", 6), SCREENING, now.minus(Duration.ofDays(3)));
    hire.addApplication(OPS, talent(hire, "Oscar Lu", 7), SCREENING, now.minus(Duration.ofDays(4)));
    hire.addApplication(OPS, talent(hire, "Owen Hu", 8), ONBOARDED, now.minus(Duration.ofDays(40)));
  }

  /** People in Backend Engineer's interview stage beyond the seed: "Later Person 0" … (8 make the card two pages). */
  public static final int LATER_PEOPLE = 8;

  /**
   * Adds {@link #LATER_PEOPLE} people, "Later Person 0" to "… 7", in Backend Engineer's interview stage (applied 5 days
   * ago), so its candidates card has two pages.
   */
  public static void addLaterPeople(FakeHireDirectory hire, Clock clock) {
    for (int i = 0; i < LATER_PEOPLE; i++) {
      hire.addApplication(BACKEND, hire.addTalent("Later Person " + i, "1370000000" + i, "later" + i + "@example.com"),
          INTERVIEW, clock.instant().minus(Duration.ofDays(5)));
    }
  }

  /**
   * Adds {@code n} more reasons to reject with after the seed's one, in Hire's order: {@link #manyReasonId}(0) … named
   * in about 40 characters each ("Unsuitable for the role, reason code R007" / "不适合该岗位的淘汰原因编号R007号"), as a
   * tenant that kept every reason it ever used has them.
   */
  public static void addManyReasons(FakeHireDirectory hire, int n) {
    for (int i = 0; i < n; i++) {
      hire.addReason(new TerminationReason(manyReasonId(i), String.format("不适合该岗位的淘汰原因编号R%03d号", i),
          manyReasonName(i), TerminationReason.WE_REJECTED, true));
    }
  }

  /** The id of the {@code i}th reason {@link #addManyReasons} adds. */
  public static String manyReasonId(int i) {
    return String.format("reason_many_%03d", i);
  }

  /** Its English name. */
  public static String manyReasonName(int i) {
    return String.format("Unsuitable for the role, reason code R%03d", i);
  }

  private static Talent talent(FakeHireDirectory hire, String name, int n) {
    return hire.addTalent(name, "1380000000" + n, "candidate" + n + "@example.com");
  }
}
