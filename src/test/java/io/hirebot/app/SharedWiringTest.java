package io.hirebot.app;

import static io.hirebot.e2e.BotHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.config.BotConfig;
import io.hirebot.e2e.BotHarness;
import io.hirebot.sandbox.MessageSpec;
import io.hirebot.sandbox.PushResult;
import io.hirebot.sandbox.SentMessage;
import io.hirebot.sandbox.hire.DemoTenant;
import io.hirebot.store.Database;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The wiring is built once, outside any verticle (issue 14), so several verticle instances serve one set of
 * services: both answer, and only the last to stop closes the database.
 */
class SharedWiringTest {

  @Test
  @DisplayName("a wiring whose building fails (a broken card template) closes the Feishu side it was given: that "
      + "side calls Feishu no more")
  void failedWiringClosesItsFeishuSide() throws IOException {
    // GIVEN an operator's card directory with a template that is not JSON, and the Feishu side built for the bot
    Path cards = Files.createTempDirectory("hirebot-broken-cards");
    Files.writeString(cards.resolve(io.hirebot.cards.CardTemplates.NAMES.get(0) + ".json"), "{ not json");
    try (BotParts parts = BotParts.start(Map.of("HIREBOT_PORT", "0", "HIREBOT_CARDS_DIR", cards.toString(),
        "HIREBOT_DB_URL", "jdbc:h2:mem:broken-cards-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"))) {
      Vertx botSide = parts.botSide;
      BotConfig config = parts.config;
      Database db = await(Database.open(botSide, config.dbUrl(), config.dbUser(), config.dbPassword()),
          BotHarness.START_TIMEOUT);
      Wiring.FeishuSide side = await(botSide.executeBlocking(() -> new Wiring.FeishuSide(botSide, config,
          Launcher.registry(), Clock.systemUTC(), io.hirebot.util.RateBudget.Factory.LOCAL)), Duration.ofSeconds(60));

      // WHEN the rest of the wiring is built on it and fails
      Throwable failed = await(botSide.executeBlocking(() -> new Wiring(botSide, config, Launcher.registry(),
          Clock.systemUTC(), db, side)).map(w -> (Throwable) null).otherwise(e -> e), Duration.ofSeconds(60));
      db.close();

      // THEN the start fails with the template's name, and the side it was given is closed: a call through it is refused
      assertTrue(failed != null && String.valueOf(failed.getMessage()).contains(".json"), "failed: " + failed);
      io.hirebot.feishu.outbound.FeishuBotInfo info =
          new io.hirebot.feishu.outbound.FeishuBotInfo(side.feishu.client(), side.feishu.calls());
      assertTrue(await(Future.succeededFuture().compose(v -> info.fetch()).map(id -> false).otherwise(e -> true),
          Duration.ofSeconds(30)), "a call through the failed wiring's Feishu side was refused (its pools are closed)");
    }
  }

  @Test
  void twoVerticleInstancesShareOneWiringAndTheLastToStopClosesIt() throws IOException {
    Path dir = Files.createTempDirectory("hirebot-shared-wiring");
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    try (BotParts parts = BotParts.start(Map.of("HIREBOT_PORT", String.valueOf(port),
        "HIREBOT_DB_URL", "jdbc:h2:file:" + dir.resolve("hirebot")))) {
      Vertx botSide = parts.botSide;
      BotConfig config = parts.config;
      // Migrating loads Flyway: the start-up bound, not a reply's (20 s ran out at a load average of 26).
      Database db = await(Database.open(botSide, config.dbUrl(), config.dbUser(), config.dbPassword()),
          BotHarness.START_TIMEOUT);
      Wiring wiring = await(botSide.executeBlocking(() ->
          new Wiring(botSide, config, Launcher.registry(), Clock.systemUTC(), db)), Duration.ofSeconds(60));

      String deployment = await(botSide.deployVerticle(() -> new BotVerticle(wiring),
          new DeploymentOptions().setInstances(2)), Duration.ofSeconds(60));
      parts.sandbox.botUrls("http://127.0.0.1:" + port + "/webhook/event",
          "http://127.0.0.1:" + port + "/webhook/card");
      for (int i = 0; i < 4; i++) {
        PushResult push = await(parts.sandbox.events().message(MessageSpec.p2p(DemoTenant.ADMIN_ZHOU).text("help")));
        assertEquals(200, push.status(), push.toString());
        SentMessage reply = await(parts.sandbox.im().awaitMessage(m -> push.messageId().equals(m.parentId()),
            Duration.ofSeconds(30)), Duration.ofSeconds(35));
        assertEquals("interactive", reply.msgType(), "the help card answers " + push.messageId());
      }

      await(botSide.undeploy(deployment), Duration.ofSeconds(30));
      assertTrue(await(Future.succeededFuture().compose(v -> db.ping()).map(v -> false)
              .recover(e -> Future.succeededFuture(true))),
          "the database is closed once both instances stopped");
      assertFalse(wiring.detach(), "nothing is left attached");
    }
  }
}
