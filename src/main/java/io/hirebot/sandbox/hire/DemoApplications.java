package io.hirebot.sandbox.hire;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Adds one demo application with its stage history, interviews, evaluation and offer, spread by its index k. */
final class DemoApplications {

  /** "Today" of the demo data: the default zone of the bot (Asia/Shanghai). */
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final long DAY = Duration.ofDays(1).toMillis();
  private static final long HOUR = Duration.ofHours(1).toMillis();
  private static final int[] OFFER_STATUSES = {10, 2, 4, 6, 9};
  private static final int[] TERMINATION_TYPES = {1, 22, 27};

  private final HireData d;
  private final long now;
  private final LocalDate today;

  DemoApplications(HireData d, Clock clock) {
    this.d = d;
    this.now = clock.millis();
    this.today = clock.instant().atZone(ZONE).toLocalDate();
  }

  void add(Job job, String talentId, int k, boolean closedJob) {
    JobProcess p = d.processOf(job);
    int idx = k % p.stages().size();
    Stage stage = p.stages().get(idx);
    boolean terminated = closedJob || (k % 7 == 5 && stage.type() != Stage.ONBOARDED);
    long created = now - ((idx * 3L) + 2 + k % 5) * DAY - (k % 7) * HOUR;
    List<StageTime> times = new ArrayList<>();
    for (int s = 0; s <= idx; s++) {
      long enter = created + s * 3L * DAY;
      times.add(new StageTime(p.stages().get(s).id(), enter, s < idx ? enter + 3 * DAY : null));
    }
    String id = d.nextId(IdKinds.APPLICATION);
    long modified = times.get(times.size() - 1).enterTime();
    Application app = new Application(id, job.id(), talentId, stage.id(), Application.ACTIVE, created, modified, times,
        null, List.of(), null, 1 + k % 2, 10000 + k % 7, null);
    if (terminated) {
      int type = TERMINATION_TYPES[k % TERMINATION_TYPES.length];
      String reason = d.terminationReasons.values().stream().filter(r -> r.type() == type).findFirst().orElseThrow().id();
      app = app.terminated(type, List.of(reason), closedJob ? "职位已关闭" : "Demo: terminated", modified + HOUR);
    }
    d.applications.put(id, app);
    addInterviews(p, app, idx, k, terminated);
    addEvaluation(job, p, app, idx);
    addOffer(job, app, stage, k, terminated);
  }

  private void addInterviews(JobProcess p, Application app, int idx, int k, boolean terminated) {
    int round = 0;
    for (int s = 0; s <= idx; s++) {
      Stage st = p.stages().get(s);
      if (st.type() != Stage.INTERVIEW) {
        continue;
      }
      long stageEnter = app.stageTimes().get(s).enterTime();
      boolean current = s == idx;
      long begin;
      List<InterviewFeedback> fb;
      if (!current || terminated) {
        begin = stageEnter + DAY;
        fb = feedback(k, round, true, terminated && current ? 2 : 1);
      } else {
        int variant = k % 5;
        begin = switch (variant) {
          case 0 -> at(today.minusDays(1), 15);
          case 1 -> at(today, 10 + (k % 3) * 3);
          case 2 -> at(today.plusDays(1), 10 + k % 6);
          case 3 -> at(today.plusDays(3), 11);
          default -> stageEnter + HOUR * 20;
        };
        fb = variant == 4 ? mixed(k, round) : feedback(k, round, false, 4);
      }
      String id = d.nextId(IdKinds.INTERVIEW);
      d.interviews.put(id, new Interview(id, app.id(), st.id(), round, begin, begin + HOUR, 1 + (k + round) % 3, fb,
          DemoTenant.RECRUITER_LI, stageEnter));
      round++;
    }
  }

  private List<InterviewFeedback> feedback(int k, int round, boolean submitted, int conclusion) {
    List<InterviewFeedback> list = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      String content = !submitted ? null
          : conclusion == 1 ? "基础扎实，沟通清晰。Solid fundamentals." : "项目深度不足。Not enough depth.";
      list.add(new InterviewFeedback(d.nextId(IdKinds.OTHER), DemoTenant.interviewer(k + round + i), submitted,
          submitted ? conclusion : 4, content, submitted ? now - 2 * DAY : null));
    }
    return list;
  }

  private List<InterviewFeedback> mixed(int k, int round) {
    return List.of(
        new InterviewFeedback(d.nextId(IdKinds.OTHER), DemoTenant.interviewer(k + round), true, 1,
            "Good coding, clear communication.", now - DAY),
        new InterviewFeedback(d.nextId(IdKinds.OTHER), DemoTenant.interviewer(k + round + 1), false, 4, null, null));
  }

  private void addEvaluation(Job job, JobProcess p, Application app, int idx) {
    for (int s = 0; s <= idx; s++) {
      Stage st = p.stages().get(s);
      if (st.type() == Stage.EVALUATION) {
        boolean done = s < idx;
        String id = d.nextId(IdKinds.OTHER);
        d.evaluations.put(id, new Evaluation(id, app.id(), st.id(), job.hiringManagerIds().get(0), done ? 1 : 2,
            done ? 1 : 0, done ? "简历匹配度高 / Good match" : null, app.stageTimes().get(s).enterTime()));
      }
    }
  }

  private void addOffer(Job job, Application app, Stage stage, int k, boolean terminated) {
    int status = switch (stage.type()) {
      case Stage.OFFER -> terminated ? 8 : OFFER_STATUSES[d.offers.size() % OFFER_STATUSES.length];
      case Stage.PENDING_ONBOARD, Stage.ONBOARDED -> 7;
      default -> 0;
    };
    if (status == 0) {
      return;
    }
    String id = d.nextId(IdKinds.OFFER);
    String onboard = today.plusDays(stage.type() == Stage.ONBOARDED ? -7 : 21).toString();
    d.offers.put(id, new Offer(id, app.id(), job.id(), app.talentId(), status, 1, app.modifyTime(), onboard,
        job.recruiterId(), job.hiringManagerIds().get(0)));
  }

  private long at(LocalDate day, int hour) {
    return day.atTime(hour, 0).atZone(ZONE).toInstant().toEpochMilli();
  }
}
