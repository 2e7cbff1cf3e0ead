package io.hirebot.e2e;

import static io.hirebot.e2e.BotHarness.TIMEOUT;
import static io.hirebot.e2e.BotHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.cards.CardLimits;
import io.hirebot.sandbox.CardActionSpec;
import io.hirebot.sandbox.EphemeralCard;
import io.hirebot.sandbox.ImState;
import io.hirebot.sandbox.MessageSpec;
import io.hirebot.sandbox.PushResult;
import io.hirebot.sandbox.SentMessage;
import io.hirebot.sandbox.hire.Application;
import io.hirebot.sandbox.hire.DemoTenant;
import io.hirebot.sandbox.hire.Evaluation;
import io.hirebot.sandbox.hire.HireUser;
import io.hirebot.sandbox.hire.IdKinds;
import io.hirebot.sandbox.hire.Interview;
import io.hirebot.sandbox.hire.InterviewFeedback;
import io.hirebot.sandbox.hire.Job;
import io.hirebot.sandbox.hire.JobProcess;
import io.hirebot.sandbox.hire.Note;
import io.hirebot.sandbox.hire.Offer;
import io.hirebot.sandbox.hire.Stage;
import io.hirebot.sandbox.hire.StageTime;
import io.hirebot.sandbox.hire.TerminationReason;
import io.hirebot.sandbox.hire.WrittenTest;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every text Hire supplies at an extreme but plausible length, in Chinese and Latin: job titles (2,000 characters),
 * departments and cities, a process whose every stage name is 1,000 characters, 60 termination reasons of 1,000,
 * evaluation comments and interview feedback of 2,000, 40 notes of 2,000, 25 interviews on one application, one
 * talent with 12 applications, 20 candidates on one job each with an offer, interviews (one interviewer named at
 * 2,000 characters), evaluations and a written test on a paper named at 2,000. Every card
 * that shows them (lists, profile pages, pipeline, jobs, offers, onboarding, interviews, tasks, digest,
 * notifications, typed confirmations, the row forms and the choice cards) still arrives within Feishu's limits, and
 * never as an internal error.
 */
class LongHireTextsTest {
  private static final String TEAM = ImState.DEMO_TEAM_CHAT;
  private static final AtomicInteger SENDERS = new AtomicInteger();
  /** LT-001's hiring managers besides Zhang (2,000-character names), who may change its candidates. */
  private static final String MANAGER = "ou_hm_fuzz_";
  private static final int MANAGER_COUNT = 20;
  private static final AtomicInteger MANAGERS = new AtomicInteger();
  /** An interviewer whose names Hire gives at 2,000 characters, on every interview. */
  private static final String LONG_INTERVIEWER = "ou_interviewer_fuzz";
  private static final int JOBS = 12;
  private static final int ROWS = 20;
  @RegisterExtension
  static final BotHarness h = BotHarness.encrypted();
  private static final List<Application> ROW_APPS = new ArrayList<>();
  private static Job first;
  private static SentMessage candidates;

  /** The name of row {@code r}: "Rowan Aa", "Rowan Ba", … (a typed change takes a name without digits). */
  private static String row(int r) {
    return "Rowan " + (char) ('A' + r) + "a";
  }

  /** {@code n} characters of Chinese text. */
  private static String zh(String head, int n) {
    return (head + " " + "很长的中文文本内容".repeat(n / 9 + 1)).substring(0, n);
  }

  /** {@code n} characters of Latin text. */
  private static String en(String head, int n) {
    return (head + " " + "Extraordinarily ".repeat(n / 16 + 1)).substring(0, n);
  }

  @BeforeAll
  static void start() {
    var hire = h.sandbox.hire();
    long now = System.currentTimeMillis();
    int[] types = {Stage.SCREENING, Stage.EVALUATION, Stage.WRITTEN_TEST, Stage.INTERVIEW, Stage.INTERVIEW,
        Stage.OFFER, Stage.PENDING_ONBOARD, Stage.ONBOARDED, Stage.OTHER};
    JobProcess process = hire.read(d -> {
      List<Stage> stages = new ArrayList<>();
      for (int i = 0; i < types.length; i++) {
        stages.add(new Stage(d.nextId(IdKinds.STAGE), zh("阶段" + i, 1_000), en("Stage " + i, 1_000), types[i]));
      }
      return new JobProcess(d.nextId(IdKinds.PROCESS), zh("流程", 1_000), en("Process", 1_000), 1, stages);
    });
    hire.addProcess(process);
    List<Stage> stages = process.stages();
    hire.write(d -> {
      for (int i = 0; i < 60; i++) {
        String id = d.nextId(IdKinds.REASON);
        d.terminationReasons.put(id, new TerminationReason(id, zh("理由" + i, 1_000), en("Reason " + i, 1_000), 1,
            1));
      }
    });
    hire.write(d -> d.users.put(LONG_INTERVIEWER, new HireUser(LONG_INTERVIEWER, zh("面试官", 2_000),
        en("Interviewer", 2_000))));
    List<Job> jobs = new ArrayList<>();
    for (int j = 0; j < JOBS; j++) {
      String title = j % 2 == 0 ? zh("长标题职位" + j, 2_000) : en("Long Title Job " + j, 2_000);
      Job job = hire.addJob(title, String.format("LT-%03d", j + 1), process.id(), DemoTenant.RECRUITER_LI,
          DemoTenant.HM_ZHANG);
      hire.write(d -> d.jobs.put(job.id(), new Job(job.id(), job.title(), job.code(), job.processId(), "od-long",
          zh("部门", 1_000), en("Department", 1_000), "C9", zh("城市", 500), en("City", 500), 1, job.recruiterId(),
          job.hiringManagerIds(), List.of(DemoTenant.RECRUITER_WANG), 3, en("Description", 2_000), job.createTime(),
          job.updateTime())));
      jobs.add(job);
    }
    first = jobs.get(0);
    hire.write(d -> {
      List<String> managers = new ArrayList<>(List.of(DemoTenant.HM_ZHANG));
      for (int m = 0; m < MANAGER_COUNT; m++) {
        managers.add(MANAGER + m);
        d.users.put(MANAGER + m, new HireUser(MANAGER + m, zh("经理" + m, 2_000), en("Manager " + m, 2_000)));
      }
      Job j = d.jobs.get(first.id());
      d.jobs.put(j.id(), new Job(j.id(), j.title(), j.code(), j.processId(), j.departmentId(), j.departmentZh(),
          j.departmentEn(), j.cityCode(), j.cityZh(), j.cityEn(), 1, j.recruiterId(), managers, j.assistantIds(),
          j.headCount(), j.description(), j.createTime(), j.updateTime()));
      first = j;
    });
    String onboardDate = LocalDate.now().plusDays(2).toString();
    for (int r = 0; r < ROWS; r++) {
      var t = hire.addTalent(row(r), "1330000" + String.format("%04d", r), "row" + r + "@example.com");
      Application a = hire.addApplication(first.id(), t.id(), stages.get(r % 7).id());
      ROW_APPS.add(a);
      Offer o = hire.addOffer(a.id(), new int[] {2, 4, 6, 7, 10}[r % 5]);
      hire.write(d -> d.offers.put(o.id(), new Offer(o.id(), o.applicationId(), o.jobId(), o.talentId(), o.status(),
          o.offerType(), o.createTime(), onboardDate, o.ownerId(), o.leaderId())));
      hire.addInterview(a.id(), now + 3_600_000L * (r + 1), DemoTenant.INTERVIEWER_LIU, LONG_INTERVIEWER);
      hire.addInterview(a.id(), now - 86_400_000L - 3_600_000L * r, DemoTenant.INTERVIEWER_LIU, LONG_INTERVIEWER);
      writtenTest(a, r);
      evaluate(a, stages.get(1).id(), r);
    }
    var lena = hire.addTalent("Lena Long", "13400000001", "lena@example.com");
    List<Application> lenas = new ArrayList<>();
    for (Job job : jobs) {
      lenas.add(hire.addApplication(job.id(), lena.id(), stages.get(3).id()));
    }
    Application lenaFirst = lenas.get(0);
    hire.write(d -> {
      List<StageTime> visits = new ArrayList<>();
      for (int i = 0; i < 7; i++) {
        visits.add(new StageTime(stages.get(i).id(), now - 86_400_000L * (10 - i), i == 6 ? null
            : now - 86_400_000L * (9 - i)));
      }
      Application a = d.applications.get(lenaFirst.id());
      d.applications.put(a.id(), new Application(a.id(), a.jobId(), a.talentId(), stages.get(6).id(), 1,
          a.createTime(), now, visits, null, List.of(), null, 2, 10003, null));
      for (int n = 0; n < 40; n++) {
        String id = d.nextId(IdKinds.NOTE);
        d.notes.put(id, new Note(id, lena.id(), lenaFirst.id(), DemoTenant.RECRUITER_LI,
            n % 2 == 0 ? zh("备注" + n, 2_000) : en("Note " + n, 2_000), 2, now - n * 60_000L));
      }
    });
    for (int i = 0; i < 25; i++) {
      hire.addInterview(lenaFirst.id(), now + (i - 12) * 3_600_000L, DemoTenant.INTERVIEWER_LIU,
          LONG_INTERVIEWER, DemoTenant.INTERVIEWER_BROWN);
    }
    evaluate(lenaFirst, stages.get(1).id(), 0);
    writtenTest(lenaFirst, 1);
    hire.terminateApplication(lenas.get(1).id(), 1, List.of(hire.terminationReasons().get(
        hire.terminationReasons().size() - 1).id()));
    // Two talents of one name, each with long-titled jobs: "which person?" labels them by job and stage.
    for (int twin = 0; twin < 2; twin++) {
      var t = hire.addTalent("Twin Long", "1350000000" + twin, "twin" + twin + "@example.com");
      hire.addApplication(jobs.get(twin).id(), t.id(), stages.get(twin + 4).id());
    }
    // Interview feedback: every past interview's interviewers submitted 2,000 characters, but Liu (a task).
    hire.write(d -> d.interviews.replaceAll((id, i) -> i.beginTime() > now
        || stages.stream().noneMatch(s -> s.id().equals(i.stageId())) ? i
        : new Interview(i.id(), i.applicationId(), i.stageId(), i.round(), i.beginTime(), i.endTime(),
            i.interviewType(), i.feedback().stream().map(f -> f.interviewerId().equals(DemoTenant.INTERVIEWER_LIU) ? f
                : new InterviewFeedback(f.id(), f.interviewerId(), true, 1, zh("面评", 2_000), now - 3_600_000L))
                .toList(), i.creatorId(), i.createTime())));
    // The team chat follows every LT job: LT-001's changes are the notification cards, and settings lists all 12.
    h.enableGroup(TEAM);
    ask(MessageSpec.group(TEAM).from(DemoTenant.ADMIN_ZHOU).mentioningBot().text("subscribe job LT-001"));
    for (int j = 2; j <= JOBS; j++) {
      ask(inTeam(String.format("subscribe job LT-%03d", j)));
    }
    candidates = ask(MessageSpec.group(TEAM).from(DemoTenant.RECRUITER_LI).mentioningBot()
        .text("candidates for job LT-001"));
  }

  /** A submitted evaluation with a 2,000-character comment and a pending one for the hiring manager. */
  private static void evaluate(Application a, String stageId, int r) {
    h.sandbox.hire().write(d -> {
      String done = d.nextId(IdKinds.OTHER);
      d.evaluations.put(done, new Evaluation(done, a.id(), stageId, DemoTenant.HM_CHEN, 1, 1 + r % 2,
          r % 2 == 0 ? zh("评价", 2_000) : en("Evaluation", 2_000), System.currentTimeMillis() - 3 * 86_400_000L));
      String pending = d.nextId(IdKinds.OTHER);
      d.evaluations.put(pending, new Evaluation(pending, a.id(), stageId, DemoTenant.HM_ZHANG, 2, 0, null,
          System.currentTimeMillis() - 2 * 86_400_000L));
    });
  }

  /** A written test on a paper named at 2,000 characters, answered and marked by Liu (or awaiting Liu's marking). */
  private static void writtenTest(Application a, int r) {
    h.sandbox.hire().write(d -> {
      String id = d.nextId(IdKinds.OTHER);
      boolean marked = r % 2 == 0;
      d.tests.put(id, new WrittenTest(id, a.id(), a.talentId(), a.jobId(), d.nextId(IdKinds.OTHER),
          r % 3 == 0 ? en("Paper", 2_000) : zh("试卷", 2_000), 1, marked ? WrittenTest.PASSED
          : WrittenTest.AWAITING_MARKING, System.currentTimeMillis() - 5 * 86_400_000L,
          System.currentTimeMillis() - 4 * 86_400_000L, marked ? "82" : "", DemoTenant.INTERVIEWER_LIU,
          System.currentTimeMillis() - 5 * 86_400_000L));
    });
  }

  private static SentMessage ask(MessageSpec spec) {
    PushResult push = await(h.sandbox.events().message(spec));
    assertEquals(200, push.status(), push.body());
    SentMessage reply = await(h.sandbox.im().awaitMessage(m -> push.messageId().equals(m.parentId()), TIMEOUT));
    check(reply.currentContent(), reply.msgType());
    return reply;
  }

  /** The card (or text) is no internal error, shows no exception or "null", and keeps within Feishu's limits. */
  private static void check(JsonNode content, String msgType) {
    // A JSON null in a button's callback value is no text anyone reads.
    String text = content.toString().replace(":null", ":");
    String head = text.length() > 3000 ? text.substring(0, 3000) : text;
    assertFalse(text.contains("Exception"), head);
    assertFalse(text.contains("\\tat ") || text.contains("\tat "), head);
    assertFalse(text.contains("null"), head);
    assertFalse(text.contains("Something went wrong") || text.contains("出错了"), head);
    if ("interactive".equals(msgType)) {
      assertEquals(List.of(), CardLimits.violations((ObjectNode) content, text), head);
    }
  }

  private static MessageSpec inTeam(String text) {
    return MessageSpec.group(TEAM).from(DemoTenant.ADMIN_ZHOU + "_" + SENDERS.incrementAndGet()).mentioningBot()
        .text(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"candidates for job LT-001", "LT-001 的候选人", "candidates for job LT-002",
      "pipeline for job LT-001", "LT-002 的招聘漏斗", "jobs", "职位", "offers", "offers for job LT-001",
      "pending offers", "onboarding", "本周入职", "interviews", "面试", "interviews this week",
      "candidate Lena Long", "候选人 Lena Long", "candidate Rowan Da", "candidate Twin Long", "digest now",
      "subscriptions", "设置", "next page", "candidates for job 长标题职位",
      "candidates for job Long Title Job"})
  @DisplayName("every command in a group answers the long texts with a card within limits")
  void groupCommands(String text) {
    ask(inTeam(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"advance Rowan Ba", "reject Rowan Ca", "推进 Rowan Ia", "淘汰 Rowan Ja",
      "note on Rowan Da: fine",
      "reject Lena Long", "move Rowan Ea to offer", "把 Rowan Ka 推进到 offer"})
  @DisplayName("a typed change's confirmation (or its which-application choice) names long jobs and stages within "
      + "limits")
  void typedChanges(String text) {
    String card = ask(asManager(text)).currentContent().toString();
    assertTrue(card.contains("\"schema\":\"2.0\""), card.substring(0, Math.min(card.length(), 3000)));
  }

  /** From one of LT-001's hiring managers, each asking once (the per-user rate limit). */
  private static MessageSpec asManager(String text) {
    return MessageSpec.group(TEAM).from(MANAGER + MANAGERS.getAndIncrement()).mentioningBot().text(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"my interviews", "我的面试", "my tasks", "candidate Lena Long"})
  @DisplayName("an interviewer asking privately gets an answer within limits")
  void interviewerPrivately(String text) {
    ask(MessageSpec.p2p(DemoTenant.INTERVIEWER_LIU).text(text));
  }

  @Test
  @DisplayName("the hiring manager's tasks (20 evaluations pending on long-titled jobs) arrive within limits")
  void managerTasks() {
    SentMessage asked = ask(MessageSpec.p2p(DemoTenant.HM_ZHANG).text("my tasks"));
    assertTrue(asked.currentContent().toString().contains("Rowan"), asked.currentContent().toString());
  }

  @Test
  @DisplayName("every page of the profile of a talent with 12 long-titled applications arrives within limits")
  void profilePages() {
    ask(MessageSpec.p2p(DemoTenant.ADMIN_ZHOU).text("candidate Lena Long"));
    ask(MessageSpec.p2p(DemoTenant.ADMIN_ZHOU).text("page 2"));
    SentMessage last = ask(MessageSpec.p2p(DemoTenant.ADMIN_ZHOU).text("page 3"));
    assertTrue(last.currentContent().toString().contains("Lena Long"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"reject", "move", "note"})
  @DisplayName("the Reject, Move and Note forms of a row (60 long reasons, 9 long stage names) arrive within limits")
  void forms(String action) {
    Application a = ROW_APPS.get(1);
    JsonObject value = new JsonObject().put("action", "reject".equals(action) ? "reject" : "more")
        .put("application_id", a.id()).put("job_id", first.id()).put("talent_id", a.talentId())
        .put("stage_id", a.stageId()).put("page", 0).put("lang", "en_us");
    String clicker = DemoTenant.RECRUITER_LI;
    int before = formsFor(clicker).size();
    CardActionSpec click = CardActionSpec.on(candidates.messageId()).by(clicker).value(value);
    PushResult r = await(h.sandbox.events().cardAction("reject".equals(action) ? click.tag("button")
        : click.tag("overflow").option(action)));
    assertEquals(200, r.status(), r.body());
    assertNotEquals("error", r.jsonBody().getJsonObject("toast", new JsonObject()).getString("type", ""), r.body());
    List<EphemeralCard> forms = formsFor(clicker);
    assertEquals(before + 1, forms.size(), r.body());
    check(forms.get(forms.size() - 1).card(), "interactive");
  }

  private static List<EphemeralCard> formsFor(String who) {
    return h.sandbox.im().ephemeralCards().stream().filter(e -> e.openId().equals(who)).toList();
  }

  @Test
  @DisplayName("a stage change into a long-named stage and an offer's status reach the following chat within limits")
  void notifications() {
    Application moved = ROW_APPS.get(5);
    var hire = h.sandbox.hire();
    // From the offer stage (row 5 is in stage 5) to the second interview.
    hire.moveApplication(moved.id(), hire.stagesOf(first.id()).get(4).id());
    SentMessage stage = await(h.sandbox.im().awaitMessage(m -> TEAM.equals(m.chatId()) && m.parentId() == null
        && m.currentContent().toString().contains("Rowan Fa"), TIMEOUT));
    check(stage.currentContent(), stage.msgType());
    Offer offer = hire.offers().stream().filter(o -> o.applicationId().equals(ROW_APPS.get(6).id())).findFirst()
        .orElseThrow();
    hire.setOfferStatus(offer.id(), 7);
    SentMessage status = await(h.sandbox.im().awaitMessage(m -> TEAM.equals(m.chatId()) && m.parentId() == null
        && m.currentContent().toString().contains("Rowan Ga"), TIMEOUT));
    check(status.currentContent(), status.msgType());
  }

  @Test
  @DisplayName("the typed reject's confirmation carries the long reasons as options within limits, and its job")
  void typedRejectOffersReasons() {
    String card = ask(asManager("reject Rowan Ha")).currentContent().toString();
    assertTrue(card.contains("select_static") && card.contains("Reason 1 Extraordinarily"), card.substring(0,
        Math.min(card.length(), 3000)));
  }
}
