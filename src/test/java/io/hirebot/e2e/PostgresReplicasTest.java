package io.hirebot.e2e;

import static io.hirebot.e2e.BotHarness.TIMEOUT;
import static io.hirebot.e2e.BotHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hirebot.app.RunningBot;
import io.hirebot.sandbox.ImState;
import io.hirebot.sandbox.MessageSpec;
import io.hirebot.schedule.MutableClock;
import io.vertx.core.Future;
import io.vertx.ext.web.client.WebClient;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The PostgreSQL path (HIREBOT_DB_URL=jdbc:postgresql://…) with an embedded PostgreSQL started once for the
 * class: two bot replicas on one database send one digest per slot and answer an event once.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresReplicasTest {
  private static EmbeddedPostgres pg;
  private static MutableClock clock;
  private static BotHarness h;
  private static RunningBot replica;

  @BeforeAll
  static void start() throws IOException {
    pg = EmbeddedPostgres.builder().start();
    clock = MutableClock.atNow();
    h = BotHarness.start(Map.of("HIREBOT_PORT", "0", "HIREBOT_DB_URL", pg.getJdbcUrl("postgres", "postgres")), clock);
    replica = h.startReplica();
  }

  @AfterAll
  static void stop() throws IOException {
    h.close();
    pg.close();
  }

  @Test
  @Order(1)
  @DisplayName("two replicas on one PostgreSQL send one digest for a slot")
  void oneDigestForTwoReplicas() {
    String team = ImState.DEMO_TEAM_CHAT;
    DigestTest.scheduleAhead(h, clock, team, Duration.ofMinutes(2));
    String name = DigestTest.newApplicant(h, "Replica Reader");
    clock.advance(Duration.ofMinutes(3));

    // Both replicas run the digest routine at the same moment.
    await(Future.join(h.bot.scheduler().runNow(), replica.scheduler().runNow()));
    await(h.sandbox.im().awaitMessage(m -> team.equals(m.chatId()) && m.parentId() == null
        && m.currentContent().toString().contains(name), TIMEOUT));
    await(Future.join(h.bot.scheduler().runNow(), replica.scheduler().runNow()));

    assertEquals(1, DigestTest.sendsTo(h, team, name).size());
  }

  @Test
  @Order(2)
  @DisplayName("the same event pushed to both replicas is answered once")
  void eventOnce() {
    String team = ImState.DEMO_TEAM_CHAT;
    MessageSpec spec = MessageSpec.group(team).from("ou_user_alice").mentioningBot().text("help").messageId("om_pg_1");
    await(h.sandbox.events().message(spec));
    h.sandbox.botUrls(replica.url("/webhook/event"), replica.url("/webhook/card"));
    try {
      await(h.sandbox.events().message(spec));
      DigestTest.say(h, team, "help");
    } finally {
      h.sandbox.botUrls(h.bot.url("/webhook/event"), h.bot.url("/webhook/card"));
    }
    assertEquals(1, h.sandbox.requests().count("POST", "/open-apis/im/v1/messages/om_pg_1/reply"));
  }

  @Test
  @Order(3)
  @DisplayName("/healthz answers 503 once the database is gone")
  void healthWithoutDatabase() throws IOException {
    WebClient client = WebClient.create(h.vertx);
    try {
      assertEquals(200, await(client.getAbs(h.bot.url("/healthz")).send()).statusCode());
      pg.close();
      var resp = await(client.getAbs(h.bot.url("/healthz")).send());
      assertEquals(503, resp.statusCode(), resp.bodyAsString());
      assertEquals("down", resp.bodyAsJsonObject().getJsonObject("database").getString("status"));
    } finally {
      client.close();
    }
  }
}
