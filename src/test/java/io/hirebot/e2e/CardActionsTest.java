package io.hirebot.e2e;

import static io.hirebot.e2e.BotHarness.TIMEOUT;
import static io.hirebot.e2e.BotHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.sandbox.CardActionSpec;
import io.hirebot.sandbox.EphemeralCard;
import io.hirebot.sandbox.ImState;
import io.hirebot.sandbox.MessageSpec;
import io.hirebot.sandbox.PushResult;
import io.hirebot.sandbox.SentMessage;
import io.hirebot.sandbox.hire.Application;
import io.hirebot.sandbox.hire.DemoTenant;
import io.hirebot.sandbox.hire.Job;
import io.hirebot.sandbox.hire.Stage;
import io.hirebot.testing.ClickAnswer;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue 5 end to end: each button does what it says, once, for allowed people only, within 3 s. */
class CardActionsTest {
  private static final String RECRUITER = DemoTenant.RECRUITER_LI;
  @RegisterExtension
  final BotHarness h = BotHarness.encrypted();
  private Job job;
  private SentMessage card;

  @BeforeEach
  void start() {
    job = h.sandbox.hire().jobByCode("BE-001").orElseThrow();
    assertEquals(RECRUITER, job.recruiterId());
    PushResult ask = await(h.sandbox.events().message(MessageSpec.group(ImState.DEMO_TEAM_CHAT)
        .from(RECRUITER).mentioningBot().text("candidates for job BE-001")));
    card = await(h.sandbox.im().awaitMessage(m -> ask.messageId().equals(m.parentId()), TIMEOUT));
  }

  /** An active application of the job whose stage has a next stage the bot may move into. */
  private Application movable() {
    List<Stage> stages = h.sandbox.hire().stagesOf(job.id());
    return h.sandbox.hire().applicationsOfJob(job.id()).stream().filter(Application::active)
        .filter(a -> {
          int i = indexOf(stages, a.stageId());
          return i >= 0 && i + 1 < stages.size() && stages.get(i + 1).type() != 7 && stages.get(i).type() < 5;
        })
        .findFirst().orElseThrow();
  }

  private static int indexOf(List<Stage> stages, String id) {
    for (int i = 0; i < stages.size(); i++) {
      if (stages.get(i).id().equals(id)) {
        return i;
      }
    }
    return -1;
  }

  private Stage nextStage(Application a) {
    List<Stage> stages = h.sandbox.hire().stagesOf(job.id());
    return stages.get(indexOf(stages, a.stageId()) + 1);
  }

  private JsonObject value(String action, Application a) {
    return new JsonObject().put("action", action).put("application_id", a.id()).put("job_id", job.id())
        .put("talent_id", a.talentId()).put("stage_id", a.stageId()).put("page", 0).put("lang", "en_us");
  }

  private PushResult click(String who, JsonObject value) {
    return await(h.sandbox.events().cardAction(CardActionSpec.on(card.messageId()).by(who).tag("button").value(value)));
  }

  private long transfers(Application a) {
    return h.sandbox.requests().count("POST", "/open-apis/hire/v1/applications/" + a.id() + "/transfer_stage");
  }

  private long hireCalls() {
    return h.sandbox.requests().all().stream().filter(r -> r.path().startsWith("/open-apis/hire/")).count();
  }

  private static String toastType(PushResult r) {
    return r.jsonBody().getJsonObject("toast", new JsonObject()).getString("type", "");
  }

  private static String cardOf(PushResult r) {
    return r.jsonBody().getJsonObject("card", new JsonObject()).encode();
  }

  @Test
  @DisplayName("advance moves the application to the next stage, and the card says who moved whom, with Undo")
  void advance() {
    Application a = movable();
    Stage next = nextStage(a);
    PushResult r = click(RECRUITER, value("advance", a));
    assertEquals(200, r.status(), r.body());
    assertEquals(List.of(), r.violations());
    assertEquals("success", toastType(r));
    assertEquals(next.id(), h.sandbox.hire().application(a.id()).orElseThrow().stageId());
    String updated = cardOf(r);
    assertTrue(updated.contains(next.enName()) && updated.contains("<person id=" + RECRUITER + " "), updated);
    assertTrue(updated.contains("\"action\":\"undo\""), "undo offered");
  }

  @Test
  @DisplayName("a toast speaks both languages: content in the clicked card's language, i18n in en_us and zh_cn, each "
      + "naming the stage as that language names it")
  void bilingualToast() {
    // GIVEN a Chinese card's Advance button
    Application a = movable();
    Stage next = nextStage(a);
    String name = h.sandbox.hire().talent(a.talentId()).orElseThrow().name();
    // WHEN the recruiter clicks it
    PushResult r = click(RECRUITER, value("advance", a).put("lang", "zh_cn"));
    // THEN the emulator accepts the answer and the toast carries both languages, the card's in content
    assertEquals(List.of(), r.violations());
    JsonObject toast = r.jsonBody().getJsonObject("toast");
    assertEquals(name + " → " + next.zhName(), toast.getString("content"), toast.encode());
    assertEquals(new JsonObject().put("en_us", name + " → " + next.enName()).put("zh_cn", name + " → " + next.zhName()),
        toast.getJsonObject("i18n"));
  }

  @Test
  @DisplayName("a double click (two callbacks at once) makes one transfer call, and both see the result")
  void doubleClick() {
    Application a = movable();
    var first = h.sandbox.events().cardAction(CardActionSpec.on(card.messageId()).by(RECRUITER).value(value("advance", a)));
    var second = h.sandbox.events().cardAction(CardActionSpec.on(card.messageId()).by(RECRUITER).value(value("advance", a)));
    await(Future.all(first, second));
    assertEquals(1, transfers(a));
    assertEquals("success", toastType(first.result()));
    assertEquals("success", toastType(second.result()));
  }

  @Test
  @DisplayName("a user hammering buttons is asked to slow down, and those clicks reach neither Hire nor a handler")
  void hammering() {
    // GIVEN the recruiter already spent part of the per-user budget (the command) and pages on
    JsonObject page = new JsonObject().put("action", "candidates.page").put("job_id", job.id()).put("page", 1)
        .put("lang", "en_us");
    List<PushResult> answers = new java.util.ArrayList<>();
    for (int i = 0; i < 12; i++) {
      answers.add(click(RECRUITER, page));
    }
    // WHEN they keep clicking past the budget
    long hireBefore = hireCalls();
    Application a = movable();
    PushResult over = click(RECRUITER, value("advance", a));

    // THEN the extra clicks get a "slow down" toast and nothing is read or written in Hire
    assertEquals("warning", toastType(over), over.body());
    assertTrue(over.jsonBody().getJsonObject("toast").encode().contains("too fast"), over.body());
    assertEquals(hireBefore, hireCalls());
    assertEquals(0, transfers(a));
    assertTrue(answers.stream().anyMatch(r -> "warning".equals(toastType(r))), "the burst ran out while paging");
    assertTrue(answers.stream().limit(5).noneMatch(r -> "warning".equals(toastType(r))), "the first clicks act");
  }

  @Test
  @DisplayName("someone who is not on the job's team gets a refusal and Hire is not written to")
  void unauthorized() {
    Application a = movable();
    PushResult r = click(DemoTenant.GUEST_SUN, value("advance", a));
    assertEquals("error", toastType(r));
    assertEquals(0, transfers(a));
    assertEquals(a.stageId(), h.sandbox.hire().application(a.id()).orElseThrow().stageId());
  }

  @Test
  @DisplayName("a stale card (the candidate moved since) is refreshed with a notice, not acted on")
  void stale() {
    Application a = movable();
    h.sandbox.hire().moveApplication(a.id(), nextStage(a).id());
    PushResult r = click(RECRUITER, value("advance", a));
    assertEquals("warning", toastType(r));
    assertEquals(0, transfers(a));
    assertTrue(cardOf(r).contains("out of date"), cardOf(r));
  }

  @Test
  @DisplayName("the card an Advance returns counts the moved candidate's days in the new stage from the move ('in "
      + "stage since today'), not from the application's date")
  void movedRowCountsFromTheMove() {
    Application a = movable();
    PushResult r = click(RECRUITER, value("advance", a));
    assertEquals("success", toastType(r));
    String card = cardOf(r);
    String name = h.sandbox.hire().talent(a.talentId()).orElseThrow().name();
    java.util.regex.Matcher row = java.util.regex.Pattern.compile("\\*\\*" + java.util.regex.Pattern.quote(name)
        + "\\*\\* · applied [^·]+ · ([^\"·]+)").matcher(card);
    assertTrue(row.find(), card);
    assertEquals("in stage since today", row.group(1).strip(), row.group());
  }

  @Test
  @DisplayName("a card whose candidate was rejected since (in Hire, no event) says so in words, not \"is now in "
      + "terminated\", and the list it refreshes no longer shows them")
  void staleAfterRejection() {
    Application a = movable();
    h.sandbox.hire().terminateApplication(a.id(), 1, List.of());
    PushResult r = click(RECRUITER, value("advance", a));
    assertEquals(0, transfers(a));
    String card = cardOf(r);
    assertTrue(card.contains("application has ended"), card);
    assertFalse(card.contains("is now in **terminated**"), card);
    assertFalse(card.contains("\"application_id\":\"" + a.id() + "\""), "no row of theirs: " + card);
  }

  @Test
  @DisplayName("a Hire refusal shows a clear toast with the call's log id")
  void hireRefusal() {
    Application a = movable();
    h.sandbox.faults().failNext("POST", "/open-apis/hire/v1/applications/[^/]+/transfer_stage", 400, 1002205,
        "transfer stage failed");
    PushResult r = click(RECRUITER, value("advance", a));
    String logId = h.sandbox.requests().matching("POST", "/open-apis/hire/v1/applications/[^/]+/transfer_stage")
        .get(0).logId();
    assertEquals("error", toastType(r));
    String toast = r.jsonBody().getJsonObject("toast").getString("content");
    assertTrue(toast.contains(logId) && toast.contains("locked"), toast);
  }

  @Test
  @DisplayName("with a slow Hire (2.5 s per call) the click is answered in time and the card completed later")
  void slowHire() {
    Application a = movable();
    h.sandbox.faults().latency(Duration.ofMillis(2500));
    PushResult r = click(RECRUITER, value("advance", a));
    assertTrue(r.delivered(), "answered within Feishu's 3 s: " + r.status());
    assertEquals("info", toastType(r));
    // The advance takes two sequential 2.5 s calls: past the command deadline the card says Hire has not answered
    // yet, and the token's second use brings the moved card once Hire has.
    Duration slowWork = Duration.ofSeconds(60);
    await(h.sandbox.requests().await(q -> q.path().endsWith("/applications/" + a.id() + "/transfer_stage")
        && q.status() == 200, slowWork), slowWork);
    // Hire has made the move; the card's re-render need not wait 2.5 s per read as well.
    h.sandbox.faults().clear();
    var update = await(h.sandbox.requests().await(q -> q.path().equals(ClickAnswer.CARD_UPDATE)
        && q.body().contains(nextStage(a).enName()), slowWork), slowWork);
    assertEquals(200, update.status(), update.responseBody());
    assertEquals(nextStage(a).id(), h.sandbox.hire().application(a.id()).orElseThrow().stageId());
  }

  @Test
  @DisplayName("reject opens a reason form; confirming terminates with that reason; Undo recovers it")
  void rejectAndUndo() {
    Application a = movable();
    click(RECRUITER, value("reject", a));
    // In a group the form is a card only the clicker sees.
    EphemeralCard form = formFor(RECRUITER);
    assertTrue(form.card().toString().contains("select_static"), form.card().toString());
    String reasonId = h.sandbox.hire().terminationReasons().stream().filter(x -> x.type() == 1 && x.activeStatus() == 1)
        .findFirst().orElseThrow().id();
    PushResult done = await(h.sandbox.events().cardAction(CardActionSpec.on(form.messageId()).by(RECRUITER)
        .tag("button").value(submitValue(form)).formValue(new JsonObject().put("reason", reasonId)
            .put("note", "not enough Go experience"))));
    assertEquals("success", toastType(done), done.body());
    Application rejected = h.sandbox.hire().application(a.id()).orElseThrow();
    assertFalse(rejected.active());
    assertEquals(List.of(reasonId), rejected.terminationReasonIds());

    // The outcome, with its Undo, is on the group's card.
    JsonObject undo = find(new JsonObject(h.sandbox.im().message(card.messageId()).orElseThrow().currentContent()
        .toString()));
    PushResult undone = click(RECRUITER, undo);
    assertEquals("success", toastType(undone), undone.body());
    assertTrue(h.sandbox.hire().application(a.id()).orElseThrow().active());
  }

  @Test
  @DisplayName("Hire refusing a rejection (1002205): the toast names the rejection the user asked for, not a move")
  void refusedRejectionNamesTheRejection() {
    Application a = movable();
    click(RECRUITER, value("reject", a));
    EphemeralCard form = formFor(RECRUITER);
    String reasonId = h.sandbox.hire().terminationReasons().stream().filter(x -> x.type() == 1 && x.activeStatus() == 1)
        .findFirst().orElseThrow().id();
    h.sandbox.faults().failNext("POST", "/open-apis/hire/v1/applications/[^/]+/terminate", 400, 1002205,
        "transfer stage failed");
    PushResult done = await(h.sandbox.events().cardAction(CardActionSpec.on(form.messageId()).by(RECRUITER)
        .tag("button").value(submitValue(form)).formValue(new JsonObject().put("reason", reasonId))));
    assertEquals("error", toastType(done), done.body());
    String toast = done.jsonBody().getJsonObject("toast").getString("content");
    assertTrue(toast.contains("1002205") && toast.contains("Reject"), toast);
    assertFalse(toast.contains("move"), toast);
    assertTrue(h.sandbox.hire().application(a.id()).orElseThrow().active(), "Hire refused it");
  }

  @Test
  @DisplayName("BE-001's onboarded rows offer no Reject, Advance or Move (Hire refuses each); its pending onboarding "
      + "rows Reject and Move but no Advance, saying the join is done in Feishu Hire")
  void rowsOfferWhatHireTakes() {
    // WHEN the recruiter lists BE-001's onboarded and its pending onboarding candidates
    String onboarded = ask("candidates for BE-001 in stage Onboarded");
    String pending = ask("candidates for BE-001 in stage Pending Onboarding");

    // THEN the onboarded rows have the profile and a note only (on main: Reject, which Hire refuses with 1002205)
    assertFalse(values(onboarded, "more").isEmpty(), "onboarded rows listed: " + onboarded);
    assertEquals(List.of(), values(onboarded, "reject"), onboarded);
    assertEquals(List.of(), values(onboarded, "advance"), onboarded);
    assertFalse(onboarded.contains("\"value\":\"move\""), onboarded);
    // AND each pending onboarding row has Reject and Move, no Advance (its next stage is Onboarded: Hire's onboarding)
    int rows = values(pending, "more").size();
    assertTrue(rows > 0, "pending onboarding rows listed: " + pending);
    assertEquals(rows, values(pending, "reject").size(), pending);
    assertEquals(List.of(), values(pending, "advance"), pending);
    assertTrue(pending.contains("\"value\":\"move\"") && pending.contains("onboarding is done in Feishu Hire"),
        pending);
  }

  @Test
  @DisplayName("Reject clicked on an onboarded person (a card from before they joined): answered at once that Hire "
      + "takes no rejection of a hire; no form, no terminate call")
  void rejectOfAHireAnsweredAtOnce() {
    List<Stage> stages = h.sandbox.hire().stagesOf(job.id());
    Application onboarded = h.sandbox.hire().applicationsOfJob(job.id()).stream().filter(Application::active)
        .filter(x -> stages.stream().anyMatch(st -> st.id().equals(x.stageId()) && st.type() == Stage.ONBOARDED))
        .findFirst().orElseThrow();
    String name = h.sandbox.hire().talent(onboarded.talentId()).orElseThrow().name();
    int forms = h.sandbox.im().ephemeralCards().size();

    PushResult r = click(RECRUITER, value("reject", onboarded));

    assertEquals("warning", toastType(r), r.body());
    assertTrue(r.jsonBody().getJsonObject("toast").getString("content").contains(name + " has already joined"), r.body());
    assertEquals(forms, h.sandbox.im().ephemeralCards().size(), "no reason form");
    assertEquals(0, h.sandbox.requests().count("POST", "/open-apis/hire/v1/applications/" + onboarded.id()
        + "/terminate"));
  }

  /** The card the bot answered {@code text} with, as JSON. */
  private String ask(String text) {
    PushResult asked = await(h.sandbox.events().message(MessageSpec.group(ImState.DEMO_TEAM_CHAT)
        .from(RECRUITER).mentioningBot().text(text)));
    return await(h.sandbox.im().awaitMessage(m -> asked.messageId().equals(m.parentId()), TIMEOUT)).currentContent()
        .toString();
  }

  /** The callback values on {@code card} whose action is {@code action}. */
  private static List<JsonObject> values(String card, String action) {
    List<JsonObject> found = new java.util.ArrayList<>();
    collect(new JsonObject(card), action, found);
    return found;
  }

  private static void collect(Object node, String action, List<JsonObject> found) {
    if (node instanceof JsonObject o) {
      if (action.equals(o.getString("action"))) {
        found.add(o);
      }
      o.fieldNames().forEach(k -> collect(o.getValue(k), action, found));
    } else if (node instanceof io.vertx.core.json.JsonArray arr) {
      arr.forEach(e -> collect(e, action, found));
    }
  }

  @Test
  @DisplayName("add note writes the note to Hire as the clicking user")
  void addNote() {
    Application a = movable();
    await(h.sandbox.events().cardAction(CardActionSpec.on(card.messageId()).by(RECRUITER)
        .tag("overflow").option("note").value(value("more", a))));
    EphemeralCard form = formFor(RECRUITER);
    assertTrue(form.card().toString().contains("\"tag\":\"input\""), form.card().toString());
    PushResult saved = await(h.sandbox.events().cardAction(CardActionSpec.on(form.messageId()).by(RECRUITER)
        .tag("button").value(submitValue(form)).formValue(new JsonObject().put("note", "Strong system design"))));
    assertEquals("success", toastType(saved), saved.body());
    assertTrue(h.sandbox.hire().notes().stream().anyMatch(n -> n.applicationId().equals(a.id())
        && n.content().equals("Strong system design") && n.creatorId().equals(RECRUITER)));
  }

  /** The form the bot showed only to {@code who} in the group. */
  private EphemeralCard formFor(String who) {
    return h.sandbox.im().ephemeralCards().stream().filter(e -> e.openId().equals(who)).reduce((x, y) -> y)
        .orElseThrow(() -> new AssertionError("no form for " + who));
  }

  /** The submit button's callback value of a form. */
  private static JsonObject submitValue(EphemeralCard form) {
    JsonObject button = new JsonObject(form.card().toString()).getJsonObject("body").getJsonArray("elements")
        .getJsonObject(1).getJsonArray("elements").stream().map(JsonObject.class::cast)
        .filter(e -> "submit".equals(e.getString("name"))).findFirst().orElseThrow();
    return button.getJsonArray("behaviors").getJsonObject(0).getJsonObject("value");
  }

  private static JsonObject find(Object node) {
    if (node instanceof JsonObject o) {
      if ("undo".equals(o.getString("action"))) {
        return o;
      }
      for (String k : o.fieldNames()) {
        JsonObject f = find(o.getValue(k));
        if (f != null) {
          return f;
        }
      }
    } else if (node instanceof io.vertx.core.json.JsonArray arr) {
      for (Object e : arr) {
        JsonObject f = find(e);
        if (f != null) {
          return f;
        }
      }
    }
    return null;
  }
}
