package io.hirebot.sandbox.hire;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Adds one demo application with its stage history, interviews, evaluation and offer, spread by its index k, on the
 * {@link DemoCalendar}'s week: interviews in office hours of working days, a hire's history ending the day they joined.
 */
final class DemoApplications {

  private static final long DAY = Duration.ofDays(1).toMillis();
  private static final long HOUR = Duration.ofHours(1).toMillis();
  private static final int[] OFFER_STATUSES = {10, 2, 4, 6, 9};
  private static final int[] TERMINATION_TYPES = {1, 22, 27};

  private final HireData d;
  private final DemoCalendar calendar;
  private final long now;
  private final LocalDate today;

  DemoApplications(HireData d, DemoCalendar calendar) {
    this.d = d;
    this.calendar = calendar;
    this.now = calendar.now;
    this.today = calendar.today;
  }

  void add(Job job, String talentId, int k, boolean closedJob) {
    JobProcess p = d.processOf(job);
    int idx = k % p.stages().size();
    Stage stage = p.stages().get(idx);
    boolean terminated = closedJob || (k % 7 == 5 && stage.type() != Stage.ONBOARDED);
    // A hire's history ends the moment they joined (the team records it then); anyone else's some days ago.
    long created = stage.type() == Stage.ONBOARDED && !terminated ? calendar.joined(hires()) - idx * 3L * DAY
        : now - ((idx * 3L) + 2 + k % 5) * DAY - (k % 7) * HOUR;
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
      LocalDate dayAfter = Instant.ofEpochMilli(stageEnter).atZone(calendar.zone).toLocalDate().plusDays(1);
      boolean current = s == idx;
      // Numbered across the tenant, not the job (k repeats in every job), and kept off the moments already taken.
      int slot = d.interviews.size();
      Set<Long> taken = d.interviews.values().stream().map(Interview::beginTime).collect(Collectors.toSet());
      long begin;
      List<InterviewFeedback> fb;
      if (!current || terminated) {
        begin = calendar.slotBefore(now, dayAfter, slot, taken);
        fb = feedback(k, round, true, terminated && current ? 2 : 1);
      } else {
        int variant = k % 5;
        // The working day of "today's" interviews (Monday's, at a weekend), then the days after it.
        LocalDate next = DemoCalendar.workdayFrom(today);
        begin = switch (variant) {
          case 0 -> calendar.slot(DemoCalendar.workdayBefore(today), slot, taken);
          case 1 -> calendar.slot(next, slot, taken);
          case 2 -> calendar.slot(DemoCalendar.workdaysAfter(next, 1), slot, taken);
          case 3 -> calendar.slot(DemoCalendar.workdaysAfter(next, 2 + slot % 3), slot, taken);
          default -> calendar.slotBefore(now, dayAfter, slot, taken);
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
    // A hire joined on the day planned (the day their history ends); DemoFlow plans the others' starts.
    String onboard = (stage.type() == Stage.ONBOARDED
        ? Instant.ofEpochMilli(app.modifyTime()).atZone(calendar.zone).toLocalDate() : today.plusDays(21)).toString();
    d.offers.put(id, new Offer(id, app.id(), job.id(), app.talentId(), status, 1, app.modifyTime(), onboard,
        job.recruiterId(), job.hiringManagerIds().get(0)));
  }

  /** How many hires the tenant has so far: the next one's number, which spreads the join days. */
  private int hires() {
    return (int) d.applications.values().stream().filter(a -> a.active() && d.processOf(d.jobs.get(a.jobId()))
        .stage(a.stageId()).map(st -> st.type() == Stage.ONBOARDED).orElse(false)).count();
  }
}
