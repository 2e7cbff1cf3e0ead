package io.hirebot.e2e;

import static io.hirebot.e2e.BotHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.sandbox.CardActionSpec;
import io.hirebot.sandbox.ImState;
import io.hirebot.sandbox.MessageSpec;
import io.hirebot.sandbox.PushResult;
import io.hirebot.sandbox.SentMessage;
import io.hirebot.sandbox.hire.Application;
import io.hirebot.sandbox.hire.DemoTenant;
import io.hirebot.sandbox.hire.Job;
import io.hirebot.sandbox.hire.Stage;
import io.hirebot.schedule.MutableClock;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A candidates row, the pipeline card's medians and the digest's stuck list count the days in the stage from when the
 * candidate entered it, and an Undo does not start them again: Hire writes the move back as a new entry into the stage
 * (its {@code stage_time_list} keeps the latest), so the bot counts from the entry its record of the undone move kept.
 */
class StageDaysAfterUndoTest {
  private static final String RECRUITER = DemoTenant.RECRUITER_LI;
  private static final String NAME = "Ursula Undodays";
  private final MutableClock clock = MutableClock.atNow();
  @RegisterExtension
  final BotHarness h = BotHarness.start(Map.of("HIREBOT_PORT", "0"), clock);

  @Test
  @DisplayName("Advance then Undo on a candidate 5 days in their stage: the row reads '5 d in stage' again, on the "
      + "Undo's answer and on the list asked for afterwards, not 'in stage since today'")
  void undoKeepsTheDaysInStage() {
    // GIVEN a candidate who entered the job's second stage 5 days ago
    Job job = h.sandbox.hire().jobByCode("BE-001").orElseThrow();
    List<Stage> stages = h.sandbox.hire().stagesOf(job.id());
    Application a = h.sandbox.hire().addApplication(job.id(),
        h.sandbox.hire().addTalent(NAME, null, null).id(), stages.get(1).id());
    clock.advance(Duration.ofDays(5));
    String ask = "candidates for job BE-001 in stage " + stages.get(1).enName();
    SentMessage list = ask(ask);
    assertEquals("5 d in stage", daysInStage(list.currentContent().toString(), "en_us"));

    // WHEN the recruiter advances them from the list, then clicks Undo
    assertEquals("success", toast(click(list, "advance", a)));
    assertEquals("success", toast(click(list, "undo", a)));

    // THEN the list the Undo answers with, and a list asked for afterwards, count the 5 days, in either language
    String answered = h.sandbox.im().message(list.messageId()).orElseThrow().currentContent().toString();
    assertEquals("5 d in stage", daysInStage(answered, "en_us"), answered);
    assertEquals("本阶段 5 天", daysInStage(answered, "zh_cn"), answered);
    String again = ask(ask).currentContent().toString();
    assertEquals("5 d in stage", daysInStage(again, "en_us"), again);
  }

  @Test
  @DisplayName("Advance then Undo on a candidate 15 days in their stage: the pipeline card's median reads 15 days and "
      + "the digest lists them as stuck, as the candidates row counts them, not as in the stage since the Undo")
  void undoKeepsTheDaysOnPipelineAndDigest() {
    // GIVEN a job of its own, followed by the chat, whose one candidate entered its second stage 15 days ago: past
    // the digest's 14 days for "stuck", and alone in the stage, so the stage's median is theirs
    Job backend = h.sandbox.hire().jobByCode("BE-001").orElseThrow();
    Job job = h.sandbox.hire().addJob("Undo Days Engineer", "UD-001", backend.processId(), RECRUITER,
        backend.hiringManagerIds().get(0));
    List<Stage> stages = h.sandbox.hire().stagesOf(job.id());
    Stage stage = stages.get(1);
    Application a = h.sandbox.hire().addApplication(job.id(),
        h.sandbox.hire().addTalent(NAME, null, null).id(), stage.id());
    clock.advance(Duration.ofDays(15));
    // and a new applicant today, in the first stage, so that the digest has news and shows its lists
    h.sandbox.hire().addApplication(job.id(), h.sandbox.hire().addTalent("Nina Newcomer", null, null).id(),
        stages.get(0).id());
    ask("subscribe job UD-001");

    // WHEN the recruiter advances them from the list, then clicks Undo
    SentMessage list = ask("candidates for job UD-001");
    assertEquals("success", toast(click(list, "advance", a)));
    assertEquals("success", toast(click(list, "undo", a)));

    // THEN the pipeline card's median for the stage counts the 15 days, in either language
    String pipeline = ask("pipeline for job UD-001").currentContent().toString();
    assertTrue(pipeline.contains("median 15 d in stage") && pipeline.contains("阶段停留中位数 15 天"), pipeline);
    // AND the digest lists them as stuck in that stage
    String digest = ask("digest now").currentContent().toString();
    assertTrue(digest.contains("⏳ Stuck (1): " + NAME + " (" + stage.enName() + ")"), digest);
    // back where they were, they did not move either
    assertFalse(digest.contains("Moved (1): " + NAME), digest);
  }

  private SentMessage ask(String text) {
    return h.ask(MessageSpec.group(ImState.DEMO_TEAM_CHAT).from(RECRUITER).mentioningBot().text(text));
  }

  private PushResult click(SentMessage card, String action, Application a) {
    String shown = h.sandbox.im().message(card.messageId()).orElseThrow().currentContent().toString();
    return await(h.sandbox.events().cardAction(CardActionSpec.on(card.messageId()).by(RECRUITER).tag("button")
        .value(ButtonValues.only(shown, action, a.id()))));
  }

  private static String toast(PushResult r) {
    return r.jsonBody().getJsonObject("toast", new JsonObject()).getString("type", "");
  }

  /** The days-in-stage words of the candidate's row, in one language of the card. */
  private static String daysInStage(String card, String locale) {
    String rows = new JsonObject(card).encode();
    Pattern row = Pattern.compile("\"" + locale + "\":\"[^\"]*?\\*\\*" + NAME + "\\*\\* · [^·\"]+ · ([^·\"\\\\]+)");
    Matcher m = row.matcher(rows);
    if (!m.find()) {
      throw new AssertionError("no row of " + NAME + " in " + locale + ": " + card);
    }
    return m.group(1).strip();
  }
}
