package io.hirebot.e2e;

import static io.hirebot.e2e.BotHarness.TIMEOUT;
import static io.hirebot.e2e.BotHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hirebot.app.RunningBot;
import io.hirebot.sandbox.ImState;
import io.hirebot.sandbox.MessageSpec;
import io.hirebot.sandbox.PushResult;
import io.hirebot.store.JdbcProcessedEvents;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Events are handled once across restarts and replicas, because claims live in the database (H2 here). */
class PersistenceTest {
  private static final String TEAM = ImState.DEMO_TEAM_CHAT;
  private static final String ALICE = "ou_user_alice";
  @RegisterExtension
  static final BotHarness h = BotHarness.start(Map.of("HIREBOT_PORT", "0"));

  private static long replyCalls(String messageId) {
    return h.sandbox.requests().count("POST", "/open-apis/im/v1/messages/" + messageId + "/reply");
  }

  /** Pushes one more message and waits for its reply: by then an earlier push would have been answered too. */
  private static void barrier() {
    PushResult push = await(h.sandbox.events().message(MessageSpec.group(TEAM).from(ALICE).mentioningBot().text("help")));
    await(h.sandbox.im().awaitMessage(m -> push.messageId().equals(m.parentId()), TIMEOUT));
  }

  @Test
  @DisplayName("a Feishu retry that arrives after a restart is dropped: the claim survived in the database")
  void retryAfterRestart() {
    MessageSpec spec = MessageSpec.group(TEAM).from(ALICE).mentioningBot().text("help").messageId("om_restart_1");
    await(h.sandbox.events().message(spec));
    await(h.sandbox.im().awaitMessage(m -> "om_restart_1".equals(m.parentId()), TIMEOUT));

    h.restartBot();
    assertEquals(200, await(h.sandbox.events().message(spec)).status());
    barrier();

    assertEquals(1, replyCalls("om_restart_1"));
  }

  @Test
  @DisplayName("an event acknowledged by a bot that died before handling it is handled once by the next bot")
  void replayAfterCrash() {
    long now = Clock.systemUTC().millis();
    String envelope = StoredEvents.groupMessage("ev_crash_1", "om_crash_1", TEAM, ALICE, "help", now);
    h.sandbox.im().recordInbound("om_crash_1", TEAM);
    await(h.bot.stop());
    // The dead bot claimed it a while ago (longer than the lease) and never finished.
    Clock then = Clock.offset(Clock.systemUTC(), JdbcProcessedEvents.LEASE.plus(Duration.ofMinutes(1)).negated());
    StoredEvents.claimAndDie(h.vertx, h.config.dbUrl(), then, "msg:om_crash_1", envelope);

    h.replaceBot();
    await(h.sandbox.im().awaitMessage(m -> "om_crash_1".equals(m.parentId()), TIMEOUT));
    // Feishu's own retry of the same message, and another sweep, change nothing.
    await(h.sandbox.events().message(MessageSpec.group(TEAM).from(ALICE).mentioningBot().text("help")
        .messageId("om_crash_1")));
    h.runRoutines(h.bot);
    barrier();

    assertEquals(1, replyCalls("om_crash_1"));
  }

  @Test
  @DisplayName("two replicas receiving the same event answer it once")
  void twoReplicas() {
    RunningBot first = h.bot;
    RunningBot second = h.startReplica();
    try {
      MessageSpec spec = MessageSpec.group(TEAM).from(ALICE).mentioningBot().text("help").messageId("om_replicas_1");
      await(h.sandbox.events().message(spec));
      // The first replica's answer, awaited: the barrier below goes through the second replica, whose reply can
      // come before the first's on a busy machine (CI saw 0 replies here once), so it proves nothing about the first.
      await(h.sandbox.im().awaitMessage(m -> "om_replicas_1".equals(m.parentId()), TIMEOUT));
      h.sandbox.botUrls(second.url("/webhook/event"), second.url("/webhook/card"));
      assertEquals(200, await(h.sandbox.events().message(spec)).status());
      barrier();
      assertEquals(1, replyCalls("om_replicas_1"));
    } finally {
      h.sandbox.botUrls(first.url("/webhook/event"), first.url("/webhook/card"));
      await(second.stop());
    }
  }

  @Test
  @DisplayName("/healthz reports the database")
  void health() {
    WebClient client = h.web;
    try {
      var resp = await(client.getAbs(h.bot.url("/healthz")).send());
      assertEquals(200, resp.statusCode(), resp.bodyAsString());
      assertEquals("up", resp.bodyAsJsonObject().getJsonObject("database").getString("status"));
    } finally {
      client.close();
    }
  }
}
