package io.hirebot.e2e;

import static io.hirebot.e2e.BotHarness.TIMEOUT;
import static io.hirebot.e2e.BotHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.cards.CardLimits;
import io.hirebot.sandbox.CardActionSpec;
import io.hirebot.sandbox.EphemeralCard;
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
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every text Hire supplies at an extreme but plausible length, in Chinese and Latin, seeded into a bot's sandbox:
 * job titles (2,000 characters), departments and cities, a process whose every stage name is 1,000 characters, 60
 * termination reasons of 1,000, evaluation comments and interview feedback of 2,000, 40 notes of 2,000, 25 interviews
 * on one application, one talent with 12 applications, 20 candidates on one job each with an offer, interviews (one
 * interviewer named at 2,000 characters), evaluations and a written test on a paper named at 2,000; and the check
 * every card showing them must pass. Shared by the tests of the cards answered ({@link LongHireTextsTest}) and of the
 * cards the bot sends on its own ({@link LongPushedCardsTest}).
 */
final class LongHireTexts {
  /** LT-001's hiring managers besides Zhang (2,000-character names), who may change its candidates. */
  static final String MANAGER = "ou_hm_fuzz_";
  static final int MANAGER_COUNT = 20;
  /** An interviewer whose names Hire gives at 2,000 characters, on every interview. */
  static final String LONG_INTERVIEWER = "ou_interviewer_fuzz";
  static final int JOBS = 12;
  static final int ROWS = 20;
  /** Senders asking once each: the bot answers one person 10 requests at once and 30 a minute. */
  private static final AtomicInteger SENDERS = new AtomicInteger();

  /**
   * What was seeded: the process of long stage names, the 12 long-titled jobs (LT-001 … LT-012, the first with 21
   * hiring managers), the 20 rows of LT-001 ({@link #row}) and Lena Long's application to LT-001.
   */
  record Seeded(JobProcess process, List<Job> jobs, Job first, List<Application> rows, Application lenaFirst) {
    List<Stage> stages() {
      return process.stages();
    }
  }

  private LongHireTexts() {}

  /** The name of row {@code r}: "Rowan Aa", "Rowan Ba", … (a typed change takes a name without digits). */
  static String row(int r) {
    return "Rowan " + (char) ('A' + r) + "a";
  }

  /** {@code n} characters of Chinese text. */
  static String zh(String head, int n) {
    return (head + " " + "很长的中文文本内容".repeat(n / 9 + 1)).substring(0, n);
  }

  /** {@code n} characters of Latin text. */
  static String en(String head, int n) {
    return (head + " " + "Extraordinarily ".repeat(n / 16 + 1)).substring(0, n);
  }

  /** Seeds the long texts into {@code h}'s Hire, at the time of {@code h}'s clock. */
  static Seeded seed(BotHarness h) {
    var hire = h.sandbox.hire();
    long now = h.clock.millis();
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
    hire.write(d -> {
      List<String> managers = new ArrayList<>(List.of(DemoTenant.HM_ZHANG));
      for (int m = 0; m < MANAGER_COUNT; m++) {
        managers.add(MANAGER + m);
        d.users.put(MANAGER + m, new HireUser(MANAGER + m, zh("经理" + m, 2_000), en("Manager " + m, 2_000)));
      }
      Job j = d.jobs.get(jobs.get(0).id());
      d.jobs.put(j.id(), new Job(j.id(), j.title(), j.code(), j.processId(), j.departmentId(), j.departmentZh(),
          j.departmentEn(), j.cityCode(), j.cityZh(), j.cityEn(), 1, j.recruiterId(), managers, j.assistantIds(),
          j.headCount(), j.description(), j.createTime(), j.updateTime()));
    });
    Job first = hire.read(d -> d.jobs.get(jobs.get(0).id()));
    String onboardDate = Instant.ofEpochMilli(now).atOffset(ZoneOffset.UTC).toLocalDate().plusDays(2).toString();
    List<Application> rows = new ArrayList<>();
    for (int r = 0; r < ROWS; r++) {
      var t = hire.addTalent(row(r), "1330000" + String.format("%04d", r), "row" + r + "@example.com");
      Application a = hire.addApplication(first.id(), t.id(), stages.get(r % 7).id());
      rows.add(a);
      Offer o = hire.addOffer(a.id(), new int[] {2, 4, 6, 7, 10}[r % 5]);
      hire.write(d -> d.offers.put(o.id(), new Offer(o.id(), o.applicationId(), o.jobId(), o.talentId(), o.status(),
          o.offerType(), o.createTime(), onboardDate, o.ownerId(), o.leaderId())));
      hire.addInterview(a.id(), now + 3_600_000L * (r + 1), DemoTenant.INTERVIEWER_LIU, LONG_INTERVIEWER);
      hire.addInterview(a.id(), now - 86_400_000L - 3_600_000L * r, DemoTenant.INTERVIEWER_LIU, LONG_INTERVIEWER);
      writtenTest(h, a, r, now);
      evaluate(h, a, stages.get(1).id(), r, now);
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
    evaluate(h, lenaFirst, stages.get(1).id(), 0, now);
    writtenTest(h, lenaFirst, 1, now);
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
    return new Seeded(process, List.copyOf(jobs), first, List.copyOf(rows), lenaFirst);
  }

  /** A submitted evaluation with a 2,000-character comment and a pending one for the hiring manager. */
  private static void evaluate(BotHarness h, Application a, String stageId, int r, long now) {
    h.sandbox.hire().write(d -> {
      String done = d.nextId(IdKinds.OTHER);
      d.evaluations.put(done, new Evaluation(done, a.id(), stageId, DemoTenant.HM_CHEN, 1, 1 + r % 2,
          r % 2 == 0 ? zh("评价", 2_000) : en("Evaluation", 2_000), now - 3 * 86_400_000L));
      String pending = d.nextId(IdKinds.OTHER);
      d.evaluations.put(pending, new Evaluation(pending, a.id(), stageId, DemoTenant.HM_ZHANG, 2, 0, null,
          now - 2 * 86_400_000L));
    });
  }

  /** A written test on a paper named at 2,000 characters, answered and marked by Liu (or awaiting Liu's marking). */
  private static void writtenTest(BotHarness h, Application a, int r, long now) {
    h.sandbox.hire().write(d -> {
      String id = d.nextId(IdKinds.OTHER);
      boolean marked = r % 2 == 0;
      d.tests.put(id, new WrittenTest(id, a.id(), a.talentId(), a.jobId(), d.nextId(IdKinds.OTHER),
          r % 3 == 0 ? en("Paper", 2_000) : zh("试卷", 2_000), 1, marked ? WrittenTest.PASSED
          : WrittenTest.AWAITING_MARKING, now - 5 * 86_400_000L, now - 4 * 86_400_000L, marked ? "82" : "",
          DemoTenant.INTERVIEWER_LIU, now - 5 * 86_400_000L));
    });
  }

  /**
   * Enables {@code chat} and has it follow every LT job (all kinds of news), asked with {@code command} (a format
   * given the job's code, such as "subscribe job %s" or "订阅 %s": the language of the chat's notifications): LT-001
   * by the admin, the others each by a sender of its own.
   */
  static void followAll(BotHarness h, String chat, String command) {
    followAll(h, chat, command, "LT-%03d", JOBS);
  }

  /** As {@link #followAll(BotHarness, String, String)}, the jobs coded {@code code} (a format given 1 … {@code jobs}). */
  static void followAll(BotHarness h, String chat, String command, String code, int jobs) {
    h.enableGroup(chat);
    ask(h, MessageSpec.group(chat).from(DemoTenant.ADMIN_ZHOU).mentioningBot().text(String.format(command,
        String.format(code, 1))));
    for (int j = 2; j <= jobs; j++) {
      ask(h, inChat(chat, String.format(command, String.format(code, j))));
    }
  }

  /** {@code text} said to the bot in group {@code chat} by an admin's sender who has not asked before. */
  static MessageSpec inChat(String chat, String text) {
    return MessageSpec.group(chat).from(DemoTenant.ADMIN_ZHOU + "_" + SENDERS.incrementAndGet()).mentioningBot()
        .text(text);
  }

  /**
   * Clicks {@code action} (reject, move or note) on row {@code a} of the candidates list {@code listMessageId}, as
   * {@link DemoTenant#RECRUITER_LI}, and returns the form card the bot opened for her alone, {@link #check}ed.
   */
  static JsonNode openForm(BotHarness h, String listMessageId, Application a, String action) {
    JsonObject value = new JsonObject().put("action", "reject".equals(action) ? "reject" : "more")
        .put("application_id", a.id()).put("job_id", a.jobId()).put("talent_id", a.talentId())
        .put("stage_id", a.stageId()).put("page", 0).put("lang", "en_us");
    String clicker = DemoTenant.RECRUITER_LI;
    int before = formsFor(h, clicker).size();
    CardActionSpec click = CardActionSpec.on(listMessageId).by(clicker).value(value);
    PushResult r = await(h.sandbox.events().cardAction("reject".equals(action) ? click.tag("button")
        : click.tag("overflow").option(action)));
    assertEquals(200, r.status(), r.body());
    assertNotEquals("error", r.jsonBody().getJsonObject("toast", new JsonObject()).getString("type", ""), r.body());
    List<EphemeralCard> forms = formsFor(h, clicker);
    assertEquals(before + 1, forms.size(), r.body());
    JsonNode form = forms.get(forms.size() - 1).card();
    check(form, "interactive");
    return form;
  }

  private static List<EphemeralCard> formsFor(BotHarness h, String who) {
    return h.sandbox.im().ephemeralCards().stream().filter(e -> e.openId().equals(who)).toList();
  }

  /** Pushes a message, waits for the bot's reply to it and {@link #check}s it. */
  static SentMessage ask(BotHarness h, MessageSpec spec) {
    PushResult push = await(h.sandbox.events().message(spec));
    assertEquals(200, push.status(), push.body());
    SentMessage reply = await(h.sandbox.im().awaitMessage(m -> push.messageId().equals(m.parentId()), TIMEOUT));
    check(reply.currentContent(), reply.msgType());
    return reply;
  }

  /** The card (or text) is no internal error, shows no exception or "null", and keeps within Feishu's limits. */
  static void check(JsonNode content, String msgType) {
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

  /** The card's (or text's) JSON as it is now. */
  static String text(SentMessage m) {
    return m.currentContent().toString();
  }

  /** The first message the bot sent to {@code chat} that {@code which} accepts. */
  static SentMessage awaitIn(BotHarness h, String chat, java.util.function.Predicate<SentMessage> which) {
    return await(h.sandbox.im().awaitMessage(m -> chat.equals(m.chatId()) && which.test(m), TIMEOUT));
  }

  /** The first private message to {@code openId} containing every one of {@code texts}. */
  static SentMessage awaitTo(BotHarness h, String openId, String... texts) {
    return awaitIn(h, io.hirebot.sandbox.ImState.p2pChatId(openId),
        m -> List.of(texts).stream().allMatch(text(m)::contains));
  }

  /** What a reader sees of the card: its JSON without the buttons' callback values. */
  static String shown(JsonNode content) {
    JsonNode copy = content.deepCopy();
    dropValues(copy);
    return copy.toString();
  }

  private static void dropValues(JsonNode node) {
    if (node instanceof ObjectNode o) {
      for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getKey().equals("value") && e.getValue().isObject()) {
          it.remove();
        } else {
          dropValues(e.getValue());
        }
      }
    } else if (node != null && node.isArray()) {
      node.forEach(LongHireTexts::dropValues);
    }
  }
}
