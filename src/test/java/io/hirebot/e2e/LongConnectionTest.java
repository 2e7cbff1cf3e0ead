package io.hirebot.e2e;

import static io.hirebot.e2e.BotHarness.TIMEOUT;
import static io.hirebot.e2e.BotHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.app.Launcher;
import io.hirebot.app.RunningBot;
import io.hirebot.config.BotConfig;
import io.hirebot.config.ConfigLoader;
import io.hirebot.sandbox.CardActionSpec;
import io.hirebot.sandbox.FeishuSandbox;
import io.hirebot.sandbox.ImState;
import io.hirebot.sandbox.MessageSpec;
import io.hirebot.sandbox.PushResult;
import io.hirebot.sandbox.SentMessage;
import io.hirebot.sandbox.hire.DemoTenant;
import io.hirebot.testing.TestApps;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** HIREBOT_MODE=websocket: the same bot over the SDK's long connection to the emulated gateway. */
class LongConnectionTest {
  @RegisterExtension
  static final BotHarness h = BotHarness.start(Map.of("HIREBOT_PORT", "0", "HIREBOT_MODE", "websocket"));

  @BeforeAll
  static void start() {
    await(h.sandbox.awaitLongConnection(TIMEOUT));
  }

  @Test
  @DisplayName("a group mention delivered over the long connection gets the candidates card")
  void messageOverWebSocket() {
    PushResult push = await(h.sandbox.events().message(MessageSpec.group(ImState.DEMO_TEAM_CHAT)
        .from(DemoTenant.RECRUITER_LI).mentioningBot().text("candidates for job BE-001")));
    assertTrue(push.delivered(), push.toString());
    SentMessage reply = await(h.sandbox.im().awaitMessage(m -> push.messageId().equals(m.parentId()), TIMEOUT));
    assertTrue(reply.currentContent().path("header").path("title").path("content").asText().contains("Backend"));
  }

  @Test
  @DisplayName("a card callback over the long connection is answered with the toast and the new card")
  void cardOverWebSocket() {
    PushResult ask = await(h.sandbox.events().message(MessageSpec.group(ImState.DEMO_TEAM_CHAT)
        .from(DemoTenant.RECRUITER_LI).mentioningBot().text("candidates for job BE-001")));
    SentMessage card = await(h.sandbox.im().awaitMessage(m -> ask.messageId().equals(m.parentId()), TIMEOUT));
    // The list's own pager: it answers in place (a shared card's "Show candidates" posts a reply instead).
    String jobId = h.sandbox.hire().jobByCode("BE-001").orElseThrow().id();
    PushResult click = await(h.sandbox.events().cardAction(CardActionSpec.on(card.messageId())
        .by(DemoTenant.RECRUITER_LI).value(new JsonObject().put("action", "candidates.page").put("job_id", jobId)
            .put("page", 0).put("lang", "en_us"))));
    assertEquals(200, click.status(), click.toString());
    assertTrue(click.body().contains("Backend Engineer"), click.body());
  }

  @Test
  @DisplayName("with the gateway unreachable the bot starts, /healthz and /metrics answer with the connection state; "
      + "once the gateway is reachable it connects and answers messages")
  void unreachableGatewayThenReachable() throws Exception {
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      port = s.getLocalPort();
    }
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("hirebot-ws-outage");
    BotConfig loaded = TestApps.ownApp(ConfigLoader.load(Map.of("HIREBOT_PORT", "0", "HIREBOT_MODE", "websocket",
        "HIREBOT_DB_URL", "jdbc:h2:file:" + dir.resolve("hirebot")), List.of("--sandbox")));
    BotConfig config = loaded.withFeishu(loaded.feishu().withBaseUrl("http://127.0.0.1:" + port))
        .withAdmins(java.util.Set.of(DemoTenant.ADMIN_ZHOU));
    PrometheusMeterRegistry registry = Launcher.registry();
    Vertx botSide = Launcher.vertx(registry);
    Vertx feishuSide = Vertx.vertx();
    RunningBot bot = null;
    try {
      bot = await(Launcher.startBot(botSide, config, registry, java.time.Clock.systemUTC()),
          BotHarness.START_TIMEOUT);
      WebClient client = WebClient.create(botSide);
      JsonObject down = awaitHealth(client, bot, h -> h.getJsonObject("feishu").getJsonObject("long_connection")
          .getInteger("failed_attempts") >= 1);
      JsonObject ws = down.getJsonObject("feishu").getJsonObject("long_connection");
      System.out.println("[long connection, gateway unreachable] /healthz " + down.encode());
      assertEquals("connecting", ws.getString("state"));
      assertTrue(ws.getString("last_error").contains("Connect"), ws.encode());
      assertEquals(200, await(client.getAbs(bot.url("/metrics")).send()).statusCode());

      FeishuSandbox sandbox = await(FeishuSandbox.start(feishuSide,
          Launcher.sandboxConfig(config, java.time.Clock.systemUTC()).withPort(port)), BotHarness.START_TIMEOUT);
      await(sandbox.awaitLongConnection(java.time.Duration.ofSeconds(90)), java.time.Duration.ofSeconds(95));
      JsonObject up = awaitHealth(client, bot, h -> "connected".equals(
          h.getJsonObject("feishu").getJsonObject("long_connection").getString("state")));
      System.out.println("[long connection, gateway reachable] /healthz " + up.encode());
      PushResult push = await(sandbox.events().message(MessageSpec.p2p(DemoTenant.ADMIN_ZHOU).text("help")));
      assertTrue(push.delivered(), push.toString());
      await(sandbox.im().awaitMessage(m -> push.messageId().equals(m.parentId()), TIMEOUT));
    } finally {
      // The bot first, as Main stops it: closing Vert.x under it closed the database while the reply's last step
      // (recording the card) was still in flight, and the drain then outlasted the 10 s close at load average 14.
      if (bot != null) {
        bot.stop().toCompletionStage().toCompletableFuture().get(15, java.util.concurrent.TimeUnit.SECONDS);
      }
      botSide.close().toCompletionStage().toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
      feishuSide.close().toCompletionStage().toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
    }
  }

  private static JsonObject awaitHealth(WebClient client, RunningBot bot, java.util.function.Predicate<JsonObject> ok)
      throws InterruptedException {
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(90).toNanos();
    JsonObject last = null;
    while (System.nanoTime() < deadline) {
      var resp = await(client.getAbs(bot.url("/healthz")).send());
      last = resp.bodyAsJsonObject();
      if (resp.statusCode() == 200 && ok.test(last)) {
        return last;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("health never matched; last " + last);
  }
}
