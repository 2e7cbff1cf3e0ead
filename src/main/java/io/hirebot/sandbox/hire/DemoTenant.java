package io.hirebot.sandbox.hire;

import static io.hirebot.sandbox.hire.Stage.EVALUATION;
import static io.hirebot.sandbox.hire.Stage.INTERVIEW;
import static io.hirebot.sandbox.hire.Stage.OFFER;
import static io.hirebot.sandbox.hire.Stage.ONBOARDED;
import static io.hirebot.sandbox.hire.Stage.PENDING_ONBOARD;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the deterministic demo tenant: 2 processes covering every stage type, 8 jobs (one with 0 and one with 28
 * applications), 78 talents, 72 applications, interviews, offers, evaluations, notes and termination reasons,
 * with every time relative to the given clock. Table-like on purpose.
 */
public final class DemoTenant {

  /** Open ids of the demo tenant's people. */
  public static final String RECRUITER_LI = "ou_recruiter_li";
  public static final String RECRUITER_WANG = "ou_recruiter_wang";
  public static final String HM_ZHANG = "ou_hm_zhang";
  public static final String HM_CHEN = "ou_hm_chen";
  public static final String HM_SMITH = "ou_hm_smith";
  public static final String INTERVIEWER_LIU = "ou_interviewer_liu";
  public static final String INTERVIEWER_ZHAO = "ou_interviewer_zhao";
  public static final String INTERVIEWER_BROWN = "ou_interviewer_brown";
  public static final String ADMIN_ZHOU = "ou_admin_zhou";
  public static final String GUEST_SUN = "ou_user_sun";

  /** The bot's default zone (HIREBOT_TIMEZONE unset), for a demo seeded without one. */
  public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");
  private static final long DAY = Duration.ofDays(1).toMillis();
  private static final String[] INTERVIEWERS = {INTERVIEWER_LIU, INTERVIEWER_ZHAO, INTERVIEWER_BROWN, HM_ZHANG, HM_SMITH};

  private DemoTenant() {}

  /** A tenant with no data but the demo users and termination reasons (for tests that build their own). */
  public static HireData empty() {
    HireData d = new HireData();
    users(d);
    reasons(d);
    return d;
  }

  /** The demo tenant's week in the bot's default zone. */
  public static HireData seed(Clock clock) {
    return seed(clock, DEFAULT_ZONE);
  }

  /** The demo tenant, its days and office hours those of {@code zone} (the bot's configured zone). */
  public static HireData seed(Clock clock, ZoneId zone) {
    DemoCalendar calendar = new DemoCalendar(clock, zone);
    HireData d = empty();
    long now = clock.millis();
    JobProcess experienced = experienced(d);
    JobProcess campus = campus(d);
    List<Job> jobs = jobs(d, experienced, campus, now);
    int talents = 78;
    for (int i = 0; i < talents; i++) {
      String id = d.nextId(IdKinds.TALENT);
      d.talents.put(id, DemoPeople.talent(i, id, now - (60 + i) * DAY));
    }
    List<String> talentIds = new ArrayList<>(d.talents.keySet());
    int[] perJob = {28, 8, 8, 8, 8, 10, 0, 2};
    int next = 0;
    for (int j = 0; j < jobs.size(); j++) {
      for (int k = 0; k < perJob[j]; k++) {
        new DemoApplications(d, calendar).add(jobs.get(j), talentIds.get(next++), k, j == 7);
      }
    }
    new DemoApplications(d, calendar).add(jobs.get(4), talentIds.get(0), 3, false);
    new DemoApplications(d, calendar).add(jobs.get(2), talentIds.get(30), 4, false);
    notes(d, now);
    DemoFlow.add(d, calendar);
    return d;
  }

  static String interviewer(int k) {
    return INTERVIEWERS[k % INTERVIEWERS.length];
  }

  private static void users(HireData d) {
    user(d, RECRUITER_LI, "李娜", "Li Na");
    user(d, RECRUITER_WANG, "王强", "Wang Qiang");
    user(d, HM_ZHANG, "张建国", "Zhang Jianguo");
    user(d, HM_CHEN, "陈静", "Chen Jing");
    user(d, HM_SMITH, "John Smith", "John Smith");
    user(d, INTERVIEWER_LIU, "刘洋", "Liu Yang");
    user(d, INTERVIEWER_ZHAO, "赵敏", "Zhao Min");
    user(d, INTERVIEWER_BROWN, "Emily Brown", "Emily Brown");
    user(d, ADMIN_ZHOU, "周杰", "Zhou Jie");
    user(d, GUEST_SUN, "孙丽", "Sun Li");
  }

  private static void user(HireData d, String openId, String name, String enName) {
    d.users.put(openId, new HireUser(openId, name, enName));
  }

  private static void reasons(HireData d) {
    reason(d, "能力不匹配", "Skills mismatch", 1, 1);
    reason(d, "经验不足", "Not enough experience", 1, 1);
    reason(d, "面试未通过", "Did not pass the interview", 1, 1);
    reason(d, "接受了其他 Offer", "Accepted another offer", 22, 1);
    reason(d, "薪资期望不符", "Salary expectations not met", 22, 1);
    reason(d, "候选人主动放弃", "Candidate withdrew", 22, 1);
    reason(d, "职位已关闭", "Position closed", 27, 1);
    reason(d, "重复投递", "Duplicate application", 27, 1);
    reason(d, "旧原因（已停用）", "Old reason (disabled)", 1, 2);
  }

  private static void reason(HireData d, String zh, String en, int type, int active) {
    String id = d.nextId(IdKinds.REASON);
    d.terminationReasons.put(id, new TerminationReason(id, zh, en, type, active));
  }

  private static JobProcess experienced(HireData d) {
    return process(d, "社招流程", "Experienced hiring", 1, new Object[][] {
        {"简历筛选", "Resume Screening", 1}, {"用人经理评估", "Hiring Manager Review", EVALUATION},
        {"笔试", "Written Test", 3}, {"一面", "First Interview", INTERVIEW}, {"二面", "Second Interview", INTERVIEW},
        {"Offer 沟通", "Offer", OFFER}, {"待入职", "Pending Onboarding", PENDING_ONBOARD}, {"已入职", "Onboarded", ONBOARDED}});
  }

  private static JobProcess campus(HireData d) {
    return process(d, "校招流程", "Campus hiring", 2, new Object[][] {
        {"简历初筛", "Screening", 1}, {"在线笔试", "Online Test", 3}, {"技术面试", "Technical Interview", INTERVIEW},
        {"HR 面试", "HR Interview", INTERVIEW}, {"Offer 审批", "Offer Approval", OFFER},
        {"待入职", "Pending Onboarding", PENDING_ONBOARD}, {"已入职", "Onboarded", ONBOARDED},
        {"人才储备", "Talent Reserve", Stage.OTHER}});
  }

  private static JobProcess process(HireData d, String zh, String en, int type, Object[][] stages) {
    String id = d.nextId(IdKinds.PROCESS);
    List<Stage> list = new ArrayList<>();
    for (Object[] s : stages) {
      list.add(new Stage(d.nextId(IdKinds.STAGE), (String) s[0], (String) s[1], (Integer) s[2]));
    }
    JobProcess p = new JobProcess(id, zh, en, type, list);
    d.processes.put(id, p);
    return p;
  }

  private static List<Job> jobs(HireData d, JobProcess exp, JobProcess campus, long now) {
    String[] eng = {"od-engineering", "研发部", "Engineering"};
    String[] product = {"od-product", "产品部", "Product"};
    String[] data = {"od-data", "数据部", "Data"};
    String[] design = {"od-design", "设计部", "Design"};
    String[] sales = {"od-sales", "销售部", "Sales"};
    return List.of(
        job(d, "Backend Engineer", "BE-001", exp, eng, "C1", "北京", "Beijing", 1, RECRUITER_LI, List.of(HM_ZHANG), List.of(RECRUITER_WANG), now),
        job(d, "后端开发工程师", "BE-002", exp, eng, "C2", "上海", "Shanghai", 1, RECRUITER_WANG, List.of(HM_CHEN), List.of(), now),
        job(d, "Frontend Engineer", "FE-001", exp, eng, "C3", "深圳", "Shenzhen", 1, RECRUITER_LI, List.of(HM_SMITH), List.of(), now),
        job(d, "产品经理", "PM-001", exp, product, "C1", "北京", "Beijing", 1, RECRUITER_WANG, List.of(HM_CHEN), List.of(), now),
        job(d, "Data Scientist", "DS-001", exp, data, "C4", "杭州", "Hangzhou", 1, RECRUITER_LI, List.of(HM_SMITH, HM_ZHANG), List.of(RECRUITER_WANG), now),
        job(d, "2026 校招软件工程师", "CS-001", campus, eng, "C1", "北京", "Beijing", 1, RECRUITER_WANG, List.of(HM_ZHANG), List.of(), now),
        job(d, "UX Designer", "UX-001", exp, design, "C2", "上海", "Shanghai", 1, RECRUITER_LI, List.of(HM_CHEN), List.of(), now),
        job(d, "销售经理", "SM-001", exp, sales, "C5", "成都", "Chengdu", 2, RECRUITER_WANG, List.of(HM_CHEN), List.of(), now));
  }

  private static Job job(HireData d, String title, String code, JobProcess p, String[] dept, String cityCode, String cityZh,
      String cityEn, int active, String recruiter, List<String> hms, List<String> assistants, long now) {
    String id = d.nextId(IdKinds.JOB);
    Job job = new Job(id, title, code, p.id(), dept[0], dept[1], dept[2], cityCode, cityZh, cityEn, active, recruiter,
        hms, assistants, 3, title + " — " + dept[2] + " team, " + cityEn, now - 90 * DAY, now - 10 * DAY);
    d.jobs.put(id, job);
    return job;
  }

  private static void notes(HireData d, long now) {
    String[][] texts = {{"电话沟通过，期望薪资 35k，可一个月内到岗。", RECRUITER_LI},
        {"Strong system design answers; prefers hybrid work.", HM_SMITH},
        {"二面表现不错，建议推进。", HM_ZHANG}};
    int i = 0;
    for (Application a : new ArrayList<>(d.applications.values()).subList(0, 6)) {
      String[] t = texts[i % texts.length];
      String id = d.nextId(IdKinds.NOTE);
      d.notes.put(id, new Note(id, a.talentId(), a.id(), t[1], t[0], 2, now - (5 - i) * DAY));
      i++;
    }
  }
}
