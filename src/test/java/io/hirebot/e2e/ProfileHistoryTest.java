package io.hirebot.e2e;

import static io.hirebot.e2e.BotHarness.TIMEOUT;
import static io.hirebot.e2e.BotHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.i18n.DateTexts;
import io.hirebot.i18n.Language;
import io.hirebot.sandbox.CardActionSpec;
import io.hirebot.sandbox.ImState;
import io.hirebot.sandbox.MessageSpec;
import io.hirebot.sandbox.PushResult;
import io.hirebot.sandbox.SentMessage;
import io.hirebot.sandbox.hire.Application;
import io.hirebot.sandbox.hire.DemoTenant;
import io.hirebot.sandbox.hire.Job;
import io.hirebot.sandbox.hire.Stage;
import io.hirebot.sandbox.hire.StageTime;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A profile's stage history after changes made through the bot, end to end against the emulator, whose application
 * history is Hire's ({@code stage_time_list}: one entry per stage, with the latest time the application entered it).
 */
class ProfileHistoryTest {
  private static final String RECRUITER = DemoTenant.RECRUITER_LI;
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  @RegisterExtension
  final BotHarness h = BotHarness.encrypted();

  @Test
  @DisplayName("Advance then Undo: the profile's history keeps every move in order, who made it, and that the move "
      + "back was an Undo (Hire keeps only each stage's latest entry: the first entry into the stage moved back to was "
      + "lost, and no one's name)")
  void advanceThenUndo() {
    // GIVEN an application in the job's second stage, which Hire says it entered on some day
    Job job = h.sandbox.hire().jobByCode("BE-001").orElseThrow();
    List<Stage> stages = h.sandbox.hire().stagesOf(job.id());
    Application a = h.sandbox.hire().applicationsOfJob(job.id()).stream().filter(Application::active)
        .filter(x -> x.stageId().equals(stages.get(1).id())).findFirst().orElseThrow();
    String name = h.sandbox.hire().talent(a.talentId()).orElseThrow().name();
    Instant applied = entered(a, stages.get(0));
    Instant reached = entered(a, stages.get(1));

    // WHEN the recruiter advances it from the candidates card, then clicks Undo
    SentMessage list = ask("candidates for job BE-001");
    PushResult advanced = click(list, new JsonObject().put("action", "advance").put("application_id", a.id())
        .put("job_id", job.id()).put("talent_id", a.talentId()).put("stage_id", a.stageId()).put("page", 0)
        .put("lang", "en_us"));
    assertEquals("success", advanced.jsonBody().getJsonObject("toast").getString("type"), advanced.body());
    PushResult undone = click(list, undo(advanced.jsonBody()).orElseThrow(() -> new AssertionError(advanced.body())));
    assertEquals("success", undone.jsonBody().getJsonObject("toast").getString("type"), undone.body());
    Instant moved = h.clock.instant();
    assertEquals(stages.get(1).id(), h.sandbox.hire().application(a.id()).orElseThrow().stageId());

    // THEN the profile's history reads as it happened: applied, reached the second stage, moved on by the recruiter,
    // moved back by the recruiter with Undo
    JsonObject history = history(ask("candidate " + name));
    DateTexts dates = new DateTexts(ZONE, h.clock);
    String by = "<person id=" + RECRUITER + " show_name=true show_avatar=false style=normal></person>";
    assertEquals(List.of(
        stages.get(0).enName() + " " + dates.date(applied, Language.EN),
        stages.get(1).enName() + " " + dates.date(reached, Language.EN),
        stages.get(2).enName() + " " + dates.date(moved, Language.EN) + " (by " + by + ")",
        stages.get(1).enName() + " " + dates.date(moved, Language.EN) + " (moved back by " + by + " with Undo)"),
        List.of(history.getJsonObject("i18n_content").getString("en_us").split(" → ")), history.encode());
    String zh = history.getJsonObject("i18n_content").getString("zh_cn");
    assertEquals(4, zh.split(" → ").length, zh);
    assertTrue(zh.endsWith(stages.get(1).zhName() + " " + dates.date(moved, Language.ZH) + "（由 " + by + " 撤销移回）"),
        zh);
  }

  @Test
  @DisplayName("Reject then Undo from the candidates card: the profile's history says when the candidate was rejected, "
      + "by whom and why, and that they were restored, by whom (Hire keeps neither in its history)")
  void rejectThenUndo() {
    // GIVEN a new candidate of the job in its first stage
    Job job = h.sandbox.hire().jobByCode("BE-001").orElseThrow();
    List<Stage> stages = h.sandbox.hire().stagesOf(job.id());
    Application a = h.sandbox.hire().addApplication(job.id(),
        h.sandbox.hire().addTalent("Hilda Historyreject", null, null).id(), stages.get(0).id());
    Instant applied = entered(a, stages.get(0));

    // WHEN the recruiter rejects them from the candidates card, then clicks Undo
    SentMessage list = ask("candidates for job BE-001");
    PushResult rejected = Rejections.fromRow(h, list, a.id(), RECRUITER);
    assertEquals("success", rejected.jsonBody().getJsonObject("toast").getString("type"), rejected.body());
    String shown = h.sandbox.im().message(list.messageId()).orElseThrow().currentContent().toString();
    PushResult undone = click(list, ButtonValues.only(shown, "undo", a.id()));
    assertEquals("success", undone.jsonBody().getJsonObject("toast").getString("type"), undone.body());
    Instant at = h.clock.instant();

    // THEN the history reads: entered the first stage, rejected (by whom, why), restored (by whom)
    JsonObject history = history(ask("candidate Hilda Historyreject"));
    DateTexts dates = new DateTexts(ZONE, h.clock);
    String by = "<person id=" + RECRUITER + " show_name=true show_avatar=false style=normal></person>";
    io.hirebot.sandbox.hire.TerminationReason reason = Rejections.reason(h);
    assertEquals(List.of(stages.get(0).enName() + " " + dates.date(applied, Language.EN),
        "Rejected " + dates.date(at, Language.EN) + " by " + by + " · " + reason.enName(),
        "Restored " + dates.date(at, Language.EN) + " by " + by),
        List.of(history.getJsonObject("i18n_content").getString("en_us").split(" → ")), history.encode());
    String zh = history.getJsonObject("i18n_content").getString("zh_cn");
    assertTrue(zh.contains(dates.date(at, Language.ZH) + " 由 " + by + " 淘汰 · " + reason.zhName())
        && zh.endsWith(dates.date(at, Language.ZH) + " 由 " + by + " 恢复"), zh);
  }

  private SentMessage ask(String text) {
    PushResult ask = await(h.sandbox.events().message(MessageSpec.group(ImState.DEMO_TEAM_CHAT).from(RECRUITER)
        .mentioningBot().text(text)));
    return await(h.sandbox.im().awaitMessage(m -> ask.messageId().equals(m.parentId()), TIMEOUT));
  }

  private PushResult click(SentMessage card, JsonObject value) {
    return await(h.sandbox.events().cardAction(CardActionSpec.on(card.messageId()).by(RECRUITER).tag("button")
        .value(value)));
  }

  private static Instant entered(Application a, Stage s) {
    return a.stageTimes().stream().filter(t -> t.stageId().equals(s.id())).map(StageTime::enterTime)
        .map(Instant::ofEpochMilli).findFirst().orElseThrow();
  }

  /** The profile's history line: the notation-size markdown that chains the stages. */
  private static JsonObject history(SentMessage profile) {
    JsonArray elements = new JsonObject(profile.currentContent().toString()).getJsonObject("body")
        .getJsonArray("elements");
    return elements.stream().map(JsonObject.class::cast)
        .filter(e -> "notation".equals(e.getString("text_size")) && e.getString("content", "").contains(" → "))
        .findFirst().orElseThrow(() -> new AssertionError("no history: " + elements.encode()));
  }

  /** The Undo button's value on a click's answer. */
  private static Optional<JsonObject> undo(Object node) {
    if (node instanceof JsonObject o) {
      if ("undo".equals(o.getString("action"))) {
        return Optional.of(o);
      }
      return o.fieldNames().stream().map(k -> undo(o.getValue(k))).flatMap(Optional::stream).findFirst();
    }
    if (node instanceof JsonArray arr) {
      return arr.stream().map(ProfileHistoryTest::undo).flatMap(Optional::stream).findFirst();
    }
    return Optional.empty();
  }
}
