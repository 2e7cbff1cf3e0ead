package io.hirebot.e2e;

import static io.hirebot.e2e.BotHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.app.Launcher;
import io.hirebot.app.RunningBot;
import io.hirebot.config.BotConfig;
import io.hirebot.config.ConfigLoader;
import io.hirebot.sandbox.FeishuSandbox;
import io.hirebot.sandbox.MessageSpec;
import io.hirebot.sandbox.PushResult;
import io.hirebot.sandbox.hire.DemoTenant;
import io.hirebot.testing.TestApps;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM with events in flight, the bot in a JVM of its own as operators run it (against this JVM's emulator):
 * it stops taking events, hands back what it could not finish, closes the database last, and after a restart
 * every event is answered exactly once.
 */
class GracefulShutdownTest {
  private static final int EVENTS = 5;
  /** Longer than the bot's 5 s drain: the replies cannot finish before it hands them back. */
  private static final Duration SLOW_REPLY = Duration.ofSeconds(9);

  private Vertx vertx;
  private FeishuSandbox sandbox;
  private Path dir;

  @BeforeEach
  void start() throws IOException {
    vertx = Vertx.vertx();
    BotConfig credentials = TestApps.ownApp(ConfigLoader.load(Map.of(), List.of("--sandbox")));
    sandbox = await(FeishuSandbox.start(vertx, Launcher.sandboxConfig(credentials, Clock.systemUTC())));
    dir = Files.createTempDirectory("hirebot-sigterm");
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName("SIGTERM with replies in flight: new events 503, unfinished ones handed back, database closed last; "
      + "after a restart each event is answered exactly once")
  void sigtermWithEventsInFlight() throws Exception {
    int port = freePort();
    sandbox.botUrls("http://127.0.0.1:" + port + "/webhook/event", "http://127.0.0.1:" + port + "/webhook/card");
    sandbox.faults().latency("/open-apis/im/v1/messages/[^/]+/reply", SLOW_REPLY);
    WebClient client = WebClient.create(vertx);

    Process first = launch(port, dir.resolve("first.log"));
    List<String> messageIds = new ArrayList<>();
    Instant sigterm;
    try {
      awaitHealthy(client, port, first);
      for (int i = 0; i < EVENTS; i++) {
        PushResult push = await(sandbox.events().message(MessageSpec.p2p(DemoTenant.ADMIN_ZHOU).text("help")));
        assertEquals(200, push.status(), push.toString());
        messageIds.add(push.messageId());
      }
      // Every command was routed (the counter moves before the reply is sent): the replies are on their way to
      // the slow IM API, the events in flight.
      awaitCommands(client, port, EVENTS);
    } finally {
      sigterm = Instant.now();
      first.destroy(); // SIGTERM
    }
    assertTrue(first.waitFor(30, TimeUnit.SECONDS), "the bot did not stop within 30 s of SIGTERM");
    System.out.println("[sigterm] the JVM exited " + Duration.between(sigterm, Instant.now()).toMillis()
        + " ms after SIGTERM (drain grace 5 s; Docker kills at 10 s)");
    String log = Files.readString(dir.resolve("first.log"));
    // Vert.x rejected a continuation on an event loop it had terminated, and the shutdown hook then waited out
    // its whole timeout: on a 10 s stop grace the process was killed instead of exiting.
    assertFalse(log.contains("RejectedExecutionException"), "a task rejected while closing:\n" + log);
    System.out.println("[sigterm] exit=" + first.exitValue() + " shutdown lines:\n" + log.lines()
        .filter(l -> l.contains("shutdown")).reduce("", (a, b) -> a + "  " + b + "\n"));
    assertTrue(log.contains("shutdown: taking no more events"), log);
    assertTrue(log.contains("handed_back=" + EVENTS), log);
    assertTrue(log.contains("shutdown: database closed"), log);
    assertFalse(log.contains("marking event done failed") || log.contains("recording the event's outcome failed"),
        "nothing used the database after it closed:\n" + log);

    // The restart is a bot in this JVM on the same database (the SIGTERM above is what needed a JVM of its own):
    // it replays what the first one handed back, as a restarted process does, without a second JVM start.
    sandbox.faults().clear();
    RunningBot second = await(Launcher.startBot(vertx, ConfigLoader.load(env(port), List.of()).withPort(0),
        Launcher.registry(), Clock.systemUTC()), BotHarness.START_TIMEOUT);
    try {
      sandbox.botUrls(second.url("/webhook/event"), second.url("/webhook/card"));
      for (String id : messageIds) {
        await(sandbox.im().awaitMessage(m -> id.equals(m.parentId()), Duration.ofSeconds(60)), Duration.ofSeconds(65));
      }
      // The first process sent its slow replies before its SIGTERM: once SLOW_REPLY has passed since then they have
      // landed too (or been refused as duplicates). Restarting took part of that time already.
      Thread.sleep(Math.max(0, Duration.between(Instant.now(), sigterm.plus(SLOW_REPLY)).toMillis()));
      for (String id : messageIds) {
        assertEquals(1, sandbox.im().repliesTo(id).size(), "replies to " + id);
      }
    } finally {
      await(second.stop(), BotHarness.START_TIMEOUT);
    }
    System.out.println("[sigterm] after restart: " + EVENTS + " events, " + EVENTS + " replies, one each");
  }

  @Test
  @DisplayName("while a stopping bot drains, a new event is answered 503 (Feishu re-pushes it) and /healthz says stopping")
  void newEventsDuringDrainAre503() throws Exception {
    BotHarness h = BotHarness.encrypted();
    try {
      h.sandbox.faults().latency("/open-apis/im/v1/messages/[^/]+/reply", SLOW_REPLY);
      PushResult slow = await(h.sandbox.events().message(MessageSpec.p2p(DemoTenant.ADMIN_ZHOU).text("help")));
      assertEquals(200, slow.status());
      long deadline = System.nanoTime() + BotHarness.TIMEOUT.toNanos();
      while (h.registry.find("hirebot.commands").counters().stream().mapToDouble(c -> c.count()).sum() < 1) {
        assertTrue(System.nanoTime() < deadline, "the command was never routed");
        Thread.sleep(20);
      }
      var stopped = h.bot.stop(); // drains for up to 5 s: the reply takes 9
      // Undeploying only schedules the verticle's stop on its event loop: an event pushed before that ran is taken
      // as usual (CI saw one answered 200). Once /healthz says stopping, the stop has begun.
      var health = await(h.web.getAbs(h.bot.url("/healthz")).send());
      while (!"stopping".equals(health.bodyAsJsonObject().getString("status"))) {
        assertTrue(System.nanoTime() < deadline, "/healthz never said stopping: " + health.bodyAsString());
        Thread.sleep(20);
        health = await(h.web.getAbs(h.bot.url("/healthz")).send());
      }
      PushResult late = await(h.sandbox.events().message(MessageSpec.p2p(DemoTenant.ADMIN_ZHOU).text("help")));
      await(stopped, Duration.ofSeconds(30));
      assertEquals(503, late.status(), late.toString());
      assertEquals(503, health.statusCode());
    } finally {
      h.close();
    }
  }

  private static void awaitCommands(WebClient client, int port, int n) throws InterruptedException {
    long deadline = System.nanoTime() + BotHarness.TIMEOUT.toNanos();
    double seen = 0;
    while (System.nanoTime() < deadline) {
      String metrics = await(client.getAbs("http://127.0.0.1:" + port + "/metrics").send()).bodyAsString();
      seen = metrics.lines().filter(l -> l.startsWith("hirebot_commands_total"))
          .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
      if (seen >= n) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("commands routed: " + seen + ", expected " + n);
  }

  private Process launch(int port, Path log) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        "io.hirebot.Main"));
    pb.environment().putAll(env(port));
    pb.redirectErrorStream(true).redirectOutput(log.toFile());
    return pb.start();
  }

  /** The bot's configuration, for the child JVM's environment and for the restart in this JVM. */
  private Map<String, String> env(int port) {
    Map<String, String> env = new java.util.HashMap<>();
    env.put("FEISHU_APP_ID", sandbox.config().appId());
    env.put("FEISHU_APP_SECRET", sandbox.config().appSecret());
    env.put("FEISHU_VERIFICATION_TOKEN", ConfigLoader.SANDBOX_VERIFICATION_TOKEN);
    env.put("FEISHU_ENCRYPT_KEY", ConfigLoader.SANDBOX_ENCRYPT_KEY);
    env.put("FEISHU_BASE_URL", sandbox.baseUrl());
    env.put("HIREBOT_PORT", String.valueOf(port));
    env.put("HIREBOT_DB_URL", "jdbc:h2:file:" + dir.resolve("hirebot"));
    env.put("HIREBOT_ADMINS", DemoTenant.ADMIN_ZHOU);
    return env;
  }

  private static void awaitHealthy(WebClient client, int port, Process p) throws InterruptedException {
    long deadline = System.nanoTime() + BotHarness.START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      assertTrue(p.isAlive(), "the bot exited during start-up");
      try {
        if (client.getAbs("http://127.0.0.1:" + port + "/healthz").send().toCompletionStage().toCompletableFuture()
            .get(2, TimeUnit.SECONDS).statusCode() == 200) {
          return;
        }
      } catch (Exception e) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the bot did not become healthy");
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
