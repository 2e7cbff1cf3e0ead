package io.hirebot.bench;

import io.hirebot.app.Launcher;
import io.hirebot.app.RunningBot;
import io.hirebot.config.BotConfig;
import io.hirebot.config.ConfigLoader;
import io.hirebot.sandbox.FeishuSandbox;
import io.hirebot.testing.TestApps;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The in-process set-up of sections 1–3: the bot on its Vert.x, the emulator on its own (as
 * {@link Launcher#startSandboxed} does for sandbox mode), and the load generator on a third, all on 127.0.0.1.
 */
final class BenchEnv implements AutoCloseable {
  static final Duration STEP_TIMEOUT = Duration.ofSeconds(60);
  /** A poll that hangs (e.g. on a connection the server is closing) is given up and retried. */
  static final long POLL_TIMEOUT_MS = 1_000;
  private static final Duration IDENTITY_TIMEOUT = Duration.ofSeconds(30);

  final Vertx botVertx;
  final Vertx clientVertx;
  final BenchHttp http;
  final FeishuSandbox sandbox;
  final RunningBot mainBot;
  final BenchTenant tenant;
  private final BotConfig config;
  private final Launcher.SandboxedBot started;

  BenchEnv(List<Integer> sizes, int connections) {
    // A database of its own per run (event ids repeat between runs, and a stored claim would drop them), and
    // a file database as operators run by default, so the intake figures include writing each claim to disk.
    // A fixed port, as deployed: only then does the bot serve from every event loop (a random port gets one).
    BotConfig loaded = TestApps.ownApp(ConfigLoader.load(Map.of("HIREBOT_PORT", String.valueOf(freePort()),
        "HIREBOT_DB_URL", "jdbc:h2:file:" + tempDatabase()), List.of("--sandbox")));
    PrometheusMeterRegistry registry = Launcher.registry();
    botVertx = Launcher.vertx(registry);
    started = BenchHttp.await(Launcher.startSandboxed(botVertx, loaded, registry, Clock.systemUTC()), STEP_TIMEOUT);
    sandbox = started.sandbox();
    mainBot = started.bot();
    config = loaded.withFeishu(loaded.feishu().withBaseUrl(sandbox.baseUrl()));
    clientVertx = Vertx.vertx();
    http = new BenchHttp(clientVertx, connections);
    awaitIdentity(http, mainBot.port());
    tenant = new BenchTenant(sandbox, sizes);
    enableChats(mainBot);
  }

  /** The bot's database (an H2 file of its own). */
  String dbUrl() {
    return config.dbUrl();
  }

  private static int freePort() {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port for the benchmark's bot", e);
    }
  }

  private static Path tempDatabase() {
    return TempDirs.create("hirebot-bench-db").resolve("bench");
  }

  /** The benchmark's groups are hiring groups: enabled, as an admin would. */
  private void enableChats(RunningBot bot) {
    for (String chat : tenant.chats()) {
      BenchHttp.await(bot.groupAccess().set(chat, true, "bench"), STEP_TIMEOUT);
    }
  }

  /**
   * A second bot with empty caches and fresh rate-limit budgets against the same emulator, which now pushes to
   * it; its token is already fetched (with its identity), so its first command is "cold cache", not "cold
   * start". Stop it with {@link #retire}.
   */
  RunningBot freshBot() {
    RunningBot bot = BenchHttp.await(Launcher.startBot(botVertx, config.withPort(0), Launcher.registry(),
        Clock.systemUTC()), STEP_TIMEOUT);
    awaitIdentity(http, bot.port());
    enableChats(bot);
    pointAt(bot);
    return bot;
  }

  void retire(RunningBot bot) {
    pointAt(mainBot);
    BenchHttp.await(bot.stop(), STEP_TIMEOUT);
  }

  private void pointAt(RunningBot bot) {
    sandbox.botUrls(bot.url("/webhook/event"), bot.url("/webhook/card"));
  }

  /** Mentions only work once the bot knows its open_id; /healthz says when. */
  static void awaitIdentity(BenchHttp http, int port) {
    long deadline = System.nanoTime() + IDENTITY_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      BenchHttp.Response r = BenchHttp.await(http.get(port, "/healthz", POLL_TIMEOUT_MS), IDENTITY_TIMEOUT);
      if (r.status() == 200 && r.body().contains("\"bot_identity_known\":true")) {
        return;
      }
      Pause.millis(20);
    }
    throw new IllegalStateException("bot on port " + port + " did not learn its identity within " + IDENTITY_TIMEOUT);
  }

  @Override
  public void close() {
    http.close();
    BenchHttp.await(clientVertx.close(), STEP_TIMEOUT);
    BenchHttp.await(botVertx.close(), STEP_TIMEOUT);
    BenchHttp.await(started.closeSandbox(), STEP_TIMEOUT);
  }
}
