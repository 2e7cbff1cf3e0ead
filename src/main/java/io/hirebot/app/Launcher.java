package io.hirebot.app;

import io.hirebot.config.BotConfig;
import io.hirebot.sandbox.BotSchedule;
import io.hirebot.sandbox.FeishuSandbox;
import io.hirebot.sandbox.ShiftedClock;
import io.hirebot.sandbox.ImState;
import io.hirebot.sandbox.hire.DemoTenant;
import io.hirebot.store.Database;
import io.hirebot.sandbox.SandboxConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MetricsDomain;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.Set;

/** Starts the bot (and in sandbox mode the Feishu emulator first); shared by Main, tests and benchmarks. */
public final class Launcher {
  private static final Logger log = LoggerFactory.getLogger(Launcher.class);
  /** The bot's open_id in the emulator's demo tenant. */
  public static final String SANDBOX_BOT_OPEN_ID = "ou_hirebot";
  /** The longest the bot waits for its warm-up before it listens (the warm-up takes well under a second when quiet). */
  static final long WARM_UP_WAIT_SECONDS = 15;
  private static final String DISABLE_DNS_RESOLVER = "vertx.disableDnsResolver";
  private static final String NETTY_JFR = "io.netty.jfr.enabled";

  private Launcher() {}

  /**
   * A Vert.x instance whose metrics land in {@code registry}: its pool, HTTP client and event-bus meters, not its HTTP
   * server's. Those looked up tagged meters and formatted the status code on every request (9.6 % of an event loop's
   * intake time); the bot counts its own requests, with meters resolved once ({@code web/RequestMeters}). The
   * warm-up's pools are left out ({@link WarmUp#POOL_METERS}).
   */
  public static Vertx vertx(PrometheusMeterRegistry registry) {
    VertxGaugeNotices.install();
    registry.config().meterFilter(WarmUp.POOL_METERS);
    // The bot's Vert.x resolves no host name (its only outbound calls, Feishu's, go through the SDK's OkHttp) and
    // serves no file: Netty's DNS resolver (~80 classes, reading resolv.conf) and the file cache (a temp directory)
    // were built at every start for nothing. Vert.x reads the resolver choice from this property only, when a Vert.x
    // is built; a name this one ever had to resolve would go to the JDK's resolver, blocking its event loop, so no
    // Vert.x client of the bot may be given a host name. The property is cleared again after the build, so other
    // Vert.x instances of the process (the emulator's) keep Netty's resolver. An operator's own setting is kept.
    // Netty 4.2 emits JFR events for its buffer allocator's chunks: the first chunk registered an event class, which
    // set up JFR's metadata (~130 classes from the JDK image and bytecode instrumented through the class-file API) on
    // the start's critical path, in every start, recording or not. Read once, when Netty's PlatformDependent first
    // loads (in the build below); an operator's own setting is kept, and a JFR recording still has the JVM's events.
    if (System.getProperty(NETTY_JFR) == null) {
      System.setProperty(NETTY_JFR, "false");
    }
    boolean ours = System.getProperty(DISABLE_DNS_RESOLVER) == null;
    if (ours) {
      System.setProperty(DISABLE_DNS_RESOLVER, "true");
    }
    try {
      return Vertx.builder()
          .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)
              .addDisabledMetricsCategory(MetricsDomain.HTTP_SERVER))
              .setFileSystemOptions(new FileSystemOptions().setFileCachingEnabled(false)
                  .setClassPathResolvingEnabled(false)))
          .withMetrics(new MicrometerMetricsFactory(registry))
          .build();
    } finally {
      if (ours) {
        System.clearProperty(DISABLE_DNS_RESOLVER);
      }
    }
  }

  public static PrometheusMeterRegistry registry() {
    return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  }

  /**
   * Deploys the bot with {@code config} as it is (tests point it at their own sandbox): opens and migrates the
   * database, builds the {@link Wiring} once, outside any verticle, and deploys the verticle that serves it.
   */
  public static Future<RunningBot> startBot(Vertx vertx, BotConfig config, PrometheusMeterRegistry registry,
      Clock clock) {
    return startBot(vertx, config, Future.succeededFuture(config), registry, clock, null);
  }

  /**
   * Begins the warm-up's TLS set-up, parsing and rendering at once, on a thread of its own, for a start that follows
   * ({@link #startBot(Vertx, BotConfig, PrometheusMeterRegistry, Clock, EarlyWarmUp)},
   * {@link #startSandboxed(Vertx, BotConfig, PrometheusMeterRegistry, Clock, EarlyWarmUp)}): {@code Main} calls it
   * before building Vert.x, whose class loading otherwise keeps one core busy while the other has little to do.
   */
  public static EarlyWarmUp beginWarmUp(BotConfig config) {
    StartupTimeline timeline = new StartupTimeline();
    return new EarlyWarmUp(WarmUp.begin(config), timeline);
  }

  /** The warm-up's early part under way (see {@link #beginWarmUp}), and the start's timeline begun with it. */
  public static final class EarlyWarmUp {
    private final CompletableFuture<WarmUp.Local> local;
    private final StartupTimeline timeline;

    private EarlyWarmUp(CompletableFuture<WarmUp.Local> local, StartupTimeline timeline) {
      this.local = local;
      this.timeline = timeline;
      local.whenComplete((done, e) -> timeline.mark("parse_and_render"));
    }

    /** {@code Main}'s own step {@code step} has just finished (on the start-up timeline's line). */
    public void mark(String step) {
      timeline.mark(step);
    }
  }

  /** Like {@link #startBot(Vertx, BotConfig, PrometheusMeterRegistry, Clock)}, with the warm-up begun early. */
  public static Future<RunningBot> startBot(Vertx vertx, BotConfig config, PrometheusMeterRegistry registry,
      Clock clock, EarlyWarmUp warmUp) {
    return startBot(vertx, config, Future.succeededFuture(config), registry, clock, warmUp);
  }

  /**
   * Like {@link #startBot(Vertx, BotConfig, PrometheusMeterRegistry, Clock)}, serving with {@code serving} once it is
   * known (sandbox mode: once the emulator listens). The start-up paths that need neither the other nor Feishu's
   * address run side by side from the start, on two cores about halving the time to healthy: the database (open and
   * migrate, on the "db" worker), the warm-up (on a Vert.x worker) and whatever completes {@code serving}.
   *
   * @param config the database and card settings, which {@code serving} keeps
   * @param early the warm-up's parsing and rendering if begun already, else null
   */
  private static Future<RunningBot> startBot(Vertx vertx, BotConfig config, Future<BotConfig> serving,
      PrometheusMeterRegistry registry, Clock clock, EarlyWarmUp early) {
    StartupTimeline timeline = early == null ? new StartupTimeline() : early.timeline;
    Future<Database> opened = Database.open(vertx, config.dbUrl(), config.dbUser(), config.dbPassword())
        .onSuccess(db -> timeline.mark("database"));
    Future<Void> warmedUp = vertx.<Void>executeBlocking(() -> {
      WarmUp.run(vertx, config, early == null ? null : early.local);
      timeline.mark("warm_up");
      return null;
    }, false)
        // A warm-up stuck on a busy machine must not keep Feishu's pushes waiting: past this the bot serves, cold,
        // and the warm-up's throwaway bot finishes (or fails) on its own, touching nothing of the bot's.
        .timeout(WARM_UP_WAIT_SECONDS, TimeUnit.SECONDS)
        .recover(e -> {
          if (e instanceof java.util.concurrent.TimeoutException) {
            // Said as what it is, one line: a slow start on a busy machine is not an error with an exception's name.
            log.warn("warm-up too slow, serving anyway waited_s={}", WARM_UP_WAIT_SECONDS);
          } else {
            log.warn("warm-up failed, serving anyway cause={}", e.toString());
          }
          return Future.succeededFuture();
        });
    WarmUp.listenOnce(vertx);
    serving.onSuccess(cfg -> timeline.mark("feishu_address"));
    // The SDK clients, and the identity call through them, as soon as Feishu's address is known: beside the database's
    // opening, unless the rate budgets live in that database (PostgreSQL, shared by replicas). The call's round trips
    // to Feishu then overlap the database instead of following it; the building loads the SDK's classes meanwhile.
    Future<Wiring.FeishuSide> feishuSide = (Database.sharedUrl(config.dbUrl())
        ? Future.join(opened, serving).map(both -> Wiring.budgets(vertx, opened.result()))
        : serving.map(cfg -> Wiring.budgets(vertx, null)))
        .compose(budgets -> vertx.executeBlocking(() -> {
          // Building the SDK client loads thousands of classes: work that must not stall an event loop.
          Wiring.FeishuSide side = new Wiring.FeishuSide(vertx, serving.result(), registry, clock, budgets);
          timeline.mark("feishu_clients");
          side.identity.ready().onSuccess(v -> timeline.mark("identity"));
          return side;
        }, false));
    // Opened for /healthz once the start has completed, i.e. once every instance listens.
    Promise<Void> deployed = Promise.promise();
    Future<RunningBot> started = Future.join(opened, serving, feishuSide).transform(all -> {
      if (all.failed()) {
        opened.onSuccess(Database::close);
        feishuSide.onSuccess(Wiring.FeishuSide::close);
        return Future.failedFuture(all.cause());
      }
      Database db = opened.result();
      BotConfig cfg = serving.result();
      return vertx.executeBlocking(() -> {
            Wiring built = new Wiring(vertx, cfg, registry, clock, db, feishuSide.result());
            timeline.mark("wiring");
            return built;
          })
          .onFailure(e -> {
            feishuSide.result().close();
            db.close();
          })
          .compose(wiring -> {
            // One instance per event loop up to the CPUs, all sharing this one wiring and one port. A random port
            // (0, tests) gets one: Vert.x's shared random port (-1) did not survive a restart in the same Vert.x.
            List<BotVerticle> instances = new CopyOnWriteArrayList<>();
            return vertx.deployVerticle(() -> {
                  BotVerticle v = new BotVerticle(wiring, warmedUp, deployed.future());
                  instances.add(v);
                  return v;
                }, new DeploymentOptions().setInstances(cfg.port() == 0 ? 1 : BotVerticle.INSTANCES))
                // A verticle whose start failed is never stopped: nothing else closes what it was given.
                .onFailure(e -> wiring.close())
                .map(id -> new RunningBot(vertx, id, instances.get(0).port(), wiring.groupAccess, wiring.scheduler));
          });
    });
    started.onSuccess(bot -> {
      deployed.complete();
      // The pool opened only the start's few connections: the rest now, in the background, while the bot serves.
      opened.result().serving();
      timeline.mark("healthy");
      log.info("start-up timeline (ms since main, thread) {}", timeline.line());
    });
    return started;
  }

  /** The sandbox config matching the bot's sandbox credentials, its demo week in the bot's zone. */
  public static SandboxConfig sandboxConfig(BotConfig config, Clock clock) {
    var f = config.feishu();
    return new SandboxConfig(f.appId(), f.appSecret(), f.verificationToken(), f.encryptKey(),
        SANDBOX_BOT_OPEN_ID, "HireBot", 0, true, clock, config.timezone());
  }

  /**
   * Starts the emulator, points the bot at it, starts the bot, and tells the emulator where to push.
   * The emulator gets a Vert.x of its own, as a remote Feishu would be: its threads and HTTP metrics
   * stay out of the bot's. Both run on one {@link ShiftedClock} over {@code base} (which a test may still move), so
   * the emulator's console can jump them to the bot's next digest or reminder; the console is enabled here, and
   * only here: with real credentials no emulator runs.
   */
  public static Future<SandboxedBot> startSandboxed(Vertx vertx, BotConfig config,
      PrometheusMeterRegistry registry, Clock base) {
    return startSandboxed(vertx, config, registry, base, null);
  }

  /** Like {@link #startSandboxed(Vertx, BotConfig, PrometheusMeterRegistry, Clock)}, with the warm-up begun early. */
  public static Future<SandboxedBot> startSandboxed(Vertx vertx, BotConfig config,
      PrometheusMeterRegistry registry, Clock base, EarlyWarmUp warmUp) {
    if (!config.sandbox()) {
      // Real credentials: nothing typed into the emulator's console may ever be mistaken for the real tenant's.
      return Future.failedFuture(new IllegalStateException(
          "the Feishu emulator and its console run in sandbox mode only, and FEISHU_APP_ID is set"));
    }
    ShiftedClock clock = new ShiftedClock(base);
    Vertx feishuSide = Vertx.vertx();
    Promise<FeishuSandbox> emulator = Promise.promise();
    Future<BotConfig> serving = emulator.future().map(sandbox -> {
      BotConfig pointed = config.withFeishu(config.feishu().withBaseUrl(sandbox.baseUrl()));
      // The demo tenant's admin, and its team group enabled, so a newcomer can try everything at once.
      return pointed.admins().isEmpty() ? pointed.withAdmins(Set.of(DemoTenant.ADMIN_ZHOU)) : pointed;
    });
    // The bot's database and warm-up start first, and run while the emulator starts (much of which happens on this
    // thread): only the bot's Feishu address waits for the emulator.
    Future<RunningBot> started = startBot(vertx, config, serving, registry, clock, warmUp);
    try {
      FeishuSandbox.start(feishuSide, sandboxConfig(config, clock)).onComplete(emulator);
    } catch (RuntimeException e) {
      emulator.fail(e); // the bot's start then fails too, and closes the database it opened
    }
    return started
        .compose(bot -> bot.groupAccess().set(ImState.DEMO_TEAM_CHAT, true, DemoTenant.ADMIN_ZHOU).map(bot))
        .map(bot -> {
          FeishuSandbox sandbox = emulator.future().result();
          // In long-connection mode the emulator delivers over the bot's WebSocket instead of webhooks.
          if (config.mode() == BotConfig.Mode.WEBHOOK) {
            sandbox.botUrls(bot.url("/webhook/event"), bot.url("/webhook/card"));
          }
          sandbox.console().clock(clock, schedule(bot));
          sandbox.console().enable();
          return new SandboxedBot(sandbox, bot, feishuSide);
        });
  }

  private static BotSchedule schedule(RunningBot bot) {
    return new BotSchedule() {
      @Override
      public Future<java.util.Optional<java.time.Instant>> nextDue(java.time.Instant now) {
        return bot.scheduler().nextDue(now);
      }

      @Override
      public Future<Void> runRoutines() {
        return bot.scheduler().runNow();
      }
    };
  }

  /** The bot and the emulator it talks to. */
  public record SandboxedBot(FeishuSandbox sandbox, RunningBot bot, Vertx sandboxVertx) {
    /** Stops the emulator's Vert.x; the bot's belongs to the caller. */
    public Future<Void> closeSandbox() {
      return sandboxVertx.close();
    }
  }
}
