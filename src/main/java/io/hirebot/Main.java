package io.hirebot;

import io.hirebot.app.Doctor;
import io.hirebot.app.Launcher;
import io.hirebot.app.RunningBot;
import io.hirebot.config.BotConfig;
import io.hirebot.config.ConfigException;
import io.hirebot.config.ConfigLoader;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Entry point: {@code java -jar hirebot.jar [--sandbox | doctor | --check]}. */
public final class Main {
  private static final Logger log = LoggerFactory.getLogger(Main.class);
  /**
   * Set by the shutdown hook. A SIGTERM while the verticles deploy fails the deployment; exiting then from the event
   * loop would wait for the hook, which waits for that event loop: the JVM hung until its 10 s timeout.
   */
  private static final AtomicBoolean SHUTTING_DOWN = new AtomicBoolean();

  private Main() {}

  public static void main(String[] args) {
    if (List.of(args).contains("doctor") || List.of(args).contains("--check")) {
      if (System.getenv("HIREBOT_LOG_LEVEL") == null) {
        // The findings are the output; the calls' own log lines would only interleave with them.
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME))
            .setLevel(ch.qos.logback.classic.Level.ERROR);
      }
      System.exit(Doctor.run(System.getenv(), System.out));
      return;
    }
    BotConfig config;
    try {
      config = ConfigLoader.load(System.getenv(), List.of(args));
    } catch (ConfigException e) {
      System.err.println("hirebot: configuration error: " + e.getMessage());
      System.exit(2);
      return;
    }
    // Side by side with building the metrics registry and Vert.x below, which only this thread would otherwise run.
    Launcher.EarlyWarmUp warmUp = Launcher.beginWarmUp(config);
    var registry = Launcher.registry();
    var vertx = Launcher.vertx(registry);
    warmUp.mark("vertx");
    AtomicReference<RunningBot> running = new AtomicReference<>();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      SHUTTING_DOWN.set(true);
      // The bot first (it drains, hands back, then closes the database it shares across its verticles), then
      // Vert.x: closing Vert.x alone would close the database's worker pools while the drain still needs them.
      RunningBot bot = running.get();
      try {
        if (bot != null) {
          bot.stop().toCompletionStage().toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
        }
      } catch (Exception e) {
        // shutting down anyway
      }
      // Waited for from this thread, not chained on the bot's future: that future belongs to an event loop which
      // Vert.x terminates while closing, so a continuation there was rejected and the JVM sat out the full timeout.
      try {
        vertx.close().toCompletionStage().toCompletableFuture().get(5, java.util.concurrent.TimeUnit.SECONDS);
      } catch (Exception e) {
        // shutting down anyway
      }
    }, "hirebot-shutdown"));
    Clock clock = Clock.systemUTC();
    BotConfig cfg = config;
    if (cfg.sandbox()) {
      boolean asked = List.of(args).contains("--sandbox");
      Launcher.startSandboxed(vertx, cfg, registry, clock, warmUp)
          .onSuccess(s -> running.set(s.bot()))
          .onSuccess(s -> printSandboxHelp(s.bot().port(), s.sandbox().baseUrl(), asked))
          .onFailure(e -> fail(e));
    } else {
      Launcher.startBot(vertx, cfg, registry, clock, warmUp)
          .onSuccess(running::set)
          .onSuccess(bot -> log.info("hirebot listening port={} feishu={} mode={}", bot.port(),
              cfg.feishu().baseUrl(), cfg.mode()))
          .onFailure(e -> fail(e));
    }
  }

  private static void printSandboxHelp(int botPort, String sandboxUrl, boolean asked) {
    log.warn("SANDBOX MODE ({}): talking to a Feishu emulator, not to Feishu; bot and emulator listen on 127.0.0.1 "
        + "only; talk to the bot at {}/sandbox (or POST {}/sandbox/say); health http://127.0.0.1:{}/healthz",
        asked ? "--sandbox" : "FEISHU_APP_ID is not set", sandboxUrl, sandboxUrl, botPort);
    System.out.println();
    System.out.println("  hirebot sandbox is ready. Talk to the bot:");
    System.out.println("    open " + sandboxUrl + "/sandbox in a browser, or");
    System.out.println("    curl -s " + sandboxUrl + "/sandbox/say -H 'Content-Type: application/json' \\");
    System.out.println("         -d '{\"text\":\"show candidates for job Backend Engineer\",\"chat\":\"group\"}'");
    System.out.println("  Health: http://127.0.0.1:" + botPort + "/healthz   Metrics: http://127.0.0.1:" + botPort
        + "/metrics");
    System.out.println();
  }

  private static void fail(Throwable e) {
    if (SHUTTING_DOWN.get()) {
      return; // stopped while starting: the shutdown hook ends the process
    }
    System.err.println("hirebot: failed to start: " + e.getMessage());
    // Halted, not exited: the failed start has closed what it opened (the database), so nothing is left to drain,
    // while the shutdown hook's closing of Vert.x interrupted calls still in flight (the identity call under load),
    // which the SDK logged with stack traces after this line, and, called from an event loop as here, waited 5 s
    // for that same event loop.
    Runtime.getRuntime().halt(1);
  }
}
