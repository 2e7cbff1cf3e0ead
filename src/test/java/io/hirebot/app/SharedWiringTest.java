package io.hirebot.app;

import static io.hirebot.e2e.BotHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.config.BotConfig;
import io.hirebot.config.ConfigLoader;
import io.hirebot.e2e.BotHarness;
import io.hirebot.sandbox.FeishuSandbox;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The wiring is built once, outside any verticle (issue 14), so several verticle instances serve one set of
 * services: both answer, and only the last to stop closes the database.
 */
class SharedWiringTest {
  private final Vertx feishuSide = Vertx.vertx();
  private final Vertx botSide = Vertx.vertx();

  @AfterEach
  void close() {
    await(botSide.close());
    await(feishuSide.close());
  }

  @Test
  void twoVerticleInstancesShareOneWiringAndTheLastToStopClosesIt() throws IOException {
    Path dir = Files.createTempDirectory("hirebot-shared-wiring");
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    BotConfig loaded = ConfigLoader.load(Map.of("HIREBOT_PORT", String.valueOf(port),
        "HIREBOT_DB_URL", "jdbc:h2:file:" + dir.resolve("hirebot")), List.of("--sandbox"));
    FeishuSandbox sandbox = await(FeishuSandbox.start(feishuSide, Launcher.sandboxConfig(loaded, Clock.systemUTC())),
        BotHarness.START_TIMEOUT);
    BotConfig config = loaded.withFeishu(loaded.feishu().withBaseUrl(sandbox.baseUrl()));
    // Migrating loads Flyway: the start-up bound, not a reply's (20 s ran out at a load average of 26).
    Database db = await(Database.open(botSide, config.dbUrl(), config.dbUser(), config.dbPassword()),
        BotHarness.START_TIMEOUT);
    Wiring wiring = await(botSide.executeBlocking(() ->
        new Wiring(botSide, config, Launcher.registry(), Clock.systemUTC(), db)), Duration.ofSeconds(60));

    String deployment = await(botSide.deployVerticle(() -> new BotVerticle(wiring),
        new DeploymentOptions().setInstances(2)), Duration.ofSeconds(60));
    sandbox.botUrls("http://127.0.0.1:" + port + "/webhook/event", "http://127.0.0.1:" + port + "/webhook/card");
    for (int i = 0; i < 4; i++) {
      PushResult push = await(sandbox.events().message(MessageSpec.p2p(DemoTenant.ADMIN_ZHOU).text("help")));
      assertEquals(200, push.status(), push.toString());
      SentMessage reply = await(sandbox.im().awaitMessage(m -> push.messageId().equals(m.parentId()),
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
