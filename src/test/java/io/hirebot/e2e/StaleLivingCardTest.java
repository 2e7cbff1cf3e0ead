package io.hirebot.e2e;

import static io.hirebot.e2e.BotHarness.TIMEOUT;
import static io.hirebot.e2e.BotHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.app.RunningBot;
import io.hirebot.sandbox.ImState;
import io.hirebot.sandbox.MessageSpec;
import io.hirebot.sandbox.PushResult;
import io.hirebot.sandbox.SentMessage;
import io.hirebot.sandbox.hire.Application;
import io.hirebot.sandbox.hire.DemoTenant;
import io.hirebot.sandbox.hire.Job;
import io.hirebot.sandbox.hire.Stage;
import io.hirebot.sandbox.hire.Talent;
import io.hirebot.schedule.MutableClock;
import io.hirebot.testing.Eventually;
import io.hirebot.testing.Shown;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A living card never stays stale: a refresh Feishu refuses (its edit limit of one message, 230020, past the bot's
 * own retries) is not dropped but lands later, showing the latest state, with no further change in Hire.
 */
class StaleLivingCardTest {
  private static final String TEAM = ImState.DEMO_TEAM_CHAT;
  private static final String RECRUITER = DemoTenant.RECRUITER_LI;
  /** The sandbox's per-message edit budget (Feishu: 5 QPS per message), as Faults names it. */
  private static final String EDIT_LIMIT = "im-patch";
  /** How many times the bot sends one PATCH Feishu refuses with its frequency limit (FeishuCalls.MAX_ATTEMPTS). */
  private static final int SENDS_PER_REFRESH = 3;

  private final MutableClock clock = MutableClock.atNow();
  @RegisterExtension
  final BotHarness h = BotHarness.start(Map.of("HIREBOT_PORT", "0"), clock);
  private Application burst;
  private List<Stage> stages;

  /** A candidate of BE-001 in its first stage, with three stages of the process ahead, named as no one else is. */
  @BeforeEach
  void candidate() {
    Job job = h.sandbox.hire().jobByCode("BE-001").orElseThrow();
    stages = h.sandbox.hire().stagesOf(job.id()).stream().filter(s -> s.type() < 5).limit(4).toList();
    assertEquals(4, stages.size(), "BE-001 has four stages before offer");
    Talent t = h.sandbox.hire().addTalent("Quentin Burstley", "13900009999", "burst@example.com");
    burst = h.sandbox.hire().addApplication(job.id(), t.id(), stages.get(0).id());
  }

  private SentMessage profile() {
    SentMessage m = h.ask(MessageSpec.group(TEAM).from(RECRUITER).mentioningBot().text("candidate Quentin Burstley"));
    h.awaitCardRecorded(m.messageId());
    assertEquals(stages.get(0).id(), stageShown(m), "the profile shows the first stage");
    return m;
  }

  /** The stage the card's Advance button for the candidate says the application is in: what the card shows. */
  private String stageShown(SentMessage m) {
    ObjectNode card = (ObjectNode) h.sandbox.im().message(m.messageId()).orElseThrow().currentContent();
    return Shown.of(card).button("advance", "application_id", burst.id()).path("stage_id").asText();
  }

  private long refused(SentMessage m) {
    return h.sandbox.requests().matching("PATCH", "/open-apis/im/v1/messages/" + m.messageId()).stream()
        .filter(r -> r.status() == 400 && r.responseBody() != null && r.responseBody().contains("230020")).count();
  }

  /**
   * Three moves of the candidate in a row, while Feishu refuses every edit of the card (its per-message limit), until
   * the bot has sent and seen refused at least every PATCH today's bot makes for them (one refresh per move, each sent
   * {@value #SENDS_PER_REFRESH} times).
   */
  private void burstOfMovesRefused(SentMessage card) {
    h.sandbox.faults().rateLimit(EDIT_LIMIT, 0);
    for (Stage s : stages.subList(1, stages.size())) {
      h.sandbox.hire().moveApplication(burst.id(), s.id());
    }
    long sends = (long) SENDS_PER_REFRESH * (stages.size() - 1);
    await(h.sandbox.requests().await(r -> r.is("PATCH", "/open-apis/im/v1/messages/" + card.messageId())
        && refused(card) >= sends, TIMEOUT));
    assertNotEquals(last(), stageShown(card), "the card is stale while Feishu refuses its edits");
  }

  private String last() {
    return stages.get(stages.size() - 1).id();
  }

  /** Waits until the card shows the candidate's latest stage (or fails after the harness's timeout). */
  private void awaitLatestShown(SentMessage card) {
    try {
      await(h.sandbox.requests().await(r -> r.is("PATCH", "/open-apis/im/v1/messages/" + card.messageId())
          && r.status() == 200 && last().equals(stageShown(card)), TIMEOUT));
    } catch (AssertionError e) {
      // What the team reads after the timeout: the stage the card shows.
      assertEquals(last(), stageShown(card), "the card still shows an old stage after " + TIMEOUT);
    }
    assertEquals(last(), stageShown(card));
  }

  @Test
  @DisplayName("a burst of moves whose refreshes Feishu refuses with 230020 ends on the card, with no further change")
  void refusedRefreshLandsLater() {
    SentMessage card = profile();
    burstOfMovesRefused(card);

    // Feishu's window passes; nothing changes in Hire any more.
    h.sandbox.faults().clear();
    awaitLatestShown(card);
  }

  @Test
  @DisplayName("a refused refresh survives a restart: the next process's routine brings the card up to date")
  void refusedRefreshSurvivesARestart() {
    SentMessage card = profile();
    burstOfMovesRefused(card);

    RunningBot next = h.restartBot();
    h.sandbox.faults().clear();
    clock.advance(Duration.ofMinutes(10));
    h.runRoutines(next);
    awaitLatestShown(card);
  }

  @Test
  @DisplayName("a card Feishu says was recalled is forgotten, not drawn again")
  void recalledCardIsForgotten() throws Exception {
    SentMessage card = profile();
    String path = "/open-apis/im/v1/messages/" + card.messageId();
    h.sandbox.faults().failAlways("PATCH", path, 400, 230011, "The message is recalled.");
    h.sandbox.hire().moveApplication(burst.id(), stages.get(1).id());
    await(h.sandbox.requests().await(r -> r.is("PATCH", path) && r.status() == 400, TIMEOUT));

    Eventually.holds(() -> recorded(card) == 0, (int) TIMEOUT.toSeconds());
    assertEquals(0, recorded(card), "no living card left to refresh");
    assertEquals(1, h.sandbox.requests().count("PATCH", path), "one PATCH: a recalled message is not retried");
  }

  private long recorded(SentMessage card) {
    return h.inDatabase(c -> {
      try (var q = c.prepareStatement("SELECT COUNT(*) FROM sent_cards WHERE message_id = ?")) {
        q.setString(1, card.messageId());
        try (var r = q.executeQuery()) {
          r.next();
          return r.getLong(1);
        }
      }
    });
  }

  @Test
  @DisplayName("a living card whose first send Feishu refuses with 230020 past the bot's retries arrives by the event's "
      + "replay, and lives")
  void refusedFirstSendArrivesLaterAndLives() throws Exception {
    String replies = "/open-apis/im/v1/messages/[^/]+/reply";
    h.sandbox.faults().failAlways("POST", replies, 400, 230020, "This operation triggers the frequency limit.");
    PushResult push = await(h.sandbox.events().message(MessageSpec.group(TEAM).from(RECRUITER).mentioningBot()
        .text("candidate Quentin Burstley")));
    assertEquals(200, push.status(), push.body());
    await(h.sandbox.requests().await(r -> r.is("POST", replies) && h.sandbox.requests().matching("POST", replies)
        .stream().filter(x -> x.status() == 400).count() >= SENDS_PER_REFRESH, TIMEOUT));
    assertTrue(Eventually.holds(() -> h.registry.counter("hirebot.events.failed").count() >= 1,
        (int) TIMEOUT.toSeconds()), "the event's failure is kept for its replay");

    // The limit passes; the event's replay (its first retry, minutes later) sends the reply under the same uuid.
    h.sandbox.faults().clear();
    clock.advance(Duration.ofMinutes(6));
    h.runRoutines(h.bot);
    SentMessage card = h.replyTo(push);
    h.awaitCardRecorded(card.messageId());
    assertEquals(stages.get(0).id(), stageShown(card));

    h.sandbox.hire().moveApplication(burst.id(), stages.get(1).id());
    await(h.sandbox.requests().await(r -> r.is("PATCH", "/open-apis/im/v1/messages/" + card.messageId())
        && r.status() == 200, TIMEOUT));
    assertEquals(stages.get(1).id(), stageShown(card), "the card that came late is a living card");
  }
}
