package io.hirebot.e2e;

import io.hirebot.app.Launcher;
import io.hirebot.app.RunningBot;
import io.hirebot.bench.DigestChats;
import io.hirebot.config.BotConfig;
import io.hirebot.config.ConfigLoader;
import io.hirebot.sandbox.FeishuSandbox;
import io.hirebot.sandbox.MessageSpec;
import io.hirebot.sandbox.PushResult;
import io.hirebot.sandbox.SentMessage;
import io.hirebot.store.Database;
import io.hirebot.testing.SelfClosingFixture;
import io.hirebot.testing.TestApps;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Vert.x, one Feishu sandbox and one real bot on random ports with a database in a temp dir, for end-to-end
 * tests; tests block only the JUnit thread, through {@link #await}.
 *
 * <p>It is also the JUnit 5 extension that stops all that ({@link SelfClosingFixture}): register it where it is made,
 * on a static field for one bot shared by the class's tests, or on an instance field for a fresh bot per test:
 * <pre>
 * {@literal @}RegisterExtension
 * static final BotHarness h = BotHarness.encrypted();
 * </pre>
 */
public final class BotHarness extends SelfClosingFixture {
  /** Generous: a shared 2-core CI machine may be slow to load classes on the first request. */
  public static final Duration TIMEOUT = Duration.ofSeconds(20);
  /** Starting a bot migrates its database and loads Flyway and the SDK: slow on a busy machine, so a wider bound. */
  public static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  public final Vertx vertx;
  public final PrometheusMeterRegistry registry;
  public final FeishuSandbox sandbox;
  /** The bot the sandbox pushes to; {@link #restartBot()} replaces it. */
  public volatile RunningBot bot;
  /** The bot's config, pointed at the sandbox; its database URL is this harness's own. */
  public final BotConfig config;
  public final Clock clock;
  /** For plain HTTP to the bot (/healthz, /metrics, raw webhooks); a field, as Vert.x 5 asks of WebClients. */
  public final WebClient web;
  private final Launcher.SandboxedBot started;
  private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

  private BotHarness(Vertx vertx, PrometheusMeterRegistry registry, Launcher.SandboxedBot started, BotConfig config,
      Clock clock) {
    this.started = started;
    this.sandbox = started.sandbox();
    this.bot = started.bot();
    this.vertx = vertx;
    this.registry = registry;
    this.config = config.withFeishu(config.feishu().withBaseUrl(sandbox.baseUrl()));
    this.clock = clock;
    this.web = WebClient.create(vertx);
  }

  /** Sandbox credentials with an encrypt key (signed, encrypted pushes) on a random port. */
  public static BotHarness encrypted() {
    return start(Map.of("HIREBOT_PORT", "0"));
  }

  /** No encrypt key: plain envelopes, verification token only. */
  public static BotHarness plain() {
    return start(Map.of("HIREBOT_PORT", "0"), (String) null);
  }

  public static BotHarness start(Map<String, String> env) {
    return start(env, ConfigLoader.SANDBOX_ENCRYPT_KEY, Clock.systemUTC());
  }

  /** Like {@link #start(Map)} with a clock the test moves (the sandbox signs with it too). */
  public static BotHarness start(Map<String, String> env, Clock clock) {
    return start(env, ConfigLoader.SANDBOX_ENCRYPT_KEY, clock);
  }

  private static BotHarness start(Map<String, String> env, String encryptKey) {
    return start(env, encryptKey, Clock.systemUTC());
  }

  private static BotHarness start(Map<String, String> given, String encryptKey, Clock clock) {
    Map<String, String> env = new HashMap<>(given);
    env.computeIfAbsent("HIREBOT_DB_URL", k -> "jdbc:h2:file:" + migratedCopy().resolve("hirebot"));
    BotConfig loaded = TestApps.ownApp(ConfigLoader.load(env, List.of("--sandbox")));
    var f = loaded.feishu();
    BotConfig config = loaded.withFeishu(new BotConfig.FeishuConfig(f.appId(), f.appSecret(),
        f.verificationToken(), encryptKey, f.baseUrl()));
    PrometheusMeterRegistry registry = Launcher.registry();
    Vertx vertx = Launcher.vertx(registry);
    var started = await(Launcher.startSandboxed(vertx, config, registry, clock), START_TIMEOUT);
    BotHarness h = new BotHarness(vertx, registry, started, config, clock);
    h.awaitBotIdentity();
    awaitScopeCheck(h.bot);
    // The start-up self-check called Feishu; tests look at the calls they cause themselves. Vert.x records a
    // request after its response was written, which the bot may have read already: a self-check call recorded after
    // the reset was once a test's "first" Hire call (HireFailureTest saw 200 where its fault answered 500).
    h.awaitSandboxIdle();
    h.sandbox.requests().reset();
    return h;
  }

  private static Path tempDir() {
    try {
      Path dir = Files.createTempDirectory("hirebot-test-db");
      dir.toFile().deleteOnExit();
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A temp dir holding a copy of an H2 database the app's migrations already ran on (once per JVM): migrating an
   * empty file was most of a bot's start (0.4–0.9 s of ~1 s, dozens of starts per run). The bot's Flyway still
   * validates the copy against the migrations on the classpath, so a changed migration fails as before.
   */
  private static Path migratedCopy() {
    Path dir = tempDir();
    try {
      Path copy = Files.copy(migratedTemplate(), dir.resolve(H2_FILE));
      copy.toFile().deleteOnExit();
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy the migrated test database into " + dir, e);
    }
  }

  private static final String H2_FILE = "hirebot.mv.db";
  private static Path template;

  private static synchronized Path migratedTemplate() {
    if (template == null) {
      Path dir = tempDir();
      Vertx v = Vertx.vertx();
      try {
        await(Database.open(v, "jdbc:h2:file:" + dir.resolve("hirebot"), "", ""), START_TIMEOUT).close();
      } finally {
        await(v.close());
      }
      template = dir.resolve(H2_FILE);
      template.toFile().deleteOnExit();
    }
    return template;
  }

  /** Another replica on the same database and sandbox; the sandbox keeps pushing to {@link #bot}. */
  public RunningBot startReplica() {
    RunningBot replica = await(Launcher.startBot(vertx, config, registry, clock), START_TIMEOUT);
    awaitScopeCheck(replica);
    return replica;
  }

  /** Waits until the bot's start-up scope self-check has finished, as its /healthz reports. */
  public static void awaitScopeCheck(RunningBot which) {
    awaitHealth(which, "the scope self-check done", h -> "done".equals(h.getJsonObject("feishu").getString("scope_check")));
  }

  private static void awaitHealth(RunningBot which, String what, java.util.function.Predicate<JsonObject> reached) {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        String body = http.send(HttpRequest.newBuilder(URI.create(which.url("/healthz"))).build(),
            HttpResponse.BodyHandlers.ofString()).body();
        if (reached.test(new JsonObject(body))) {
          return;
        }
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      } catch (Exception e) {
        throw new AssertionError("health check failed: " + e, e);
      }
    }
    throw new AssertionError("not " + what + " after " + START_TIMEOUT);
  }

  /** Stops the bot and starts a new one on the same database; the sandbox then pushes to the new one. */
  public RunningBot restartBot() {
    await(bot.stop());
    return replaceBot();
  }

  /** Starts a new bot on the same database (after the test stopped the old one) and points the sandbox at it. */
  public RunningBot replaceBot() {
    bot = startReplica();
    sandbox.botUrls(bot.url("/webhook/event"), bot.url("/webhook/card"));
    return bot;
  }

  /** An admin enabled this group for hiring data (stored, so replicas and restarts see it too). */
  public void enableGroup(String chatId) {
    await(bot.groupAccess().set(chatId, true, "test-admin"));
  }

  /** Runs the bot's routines (event replay, digests, polls) at the clock's time, and waits for them. */
  public void runRoutines(RunningBot which) {
    await(which.scheduler().runNow());
  }

  /**
   * A digest fan-out ({@link DigestChats}): {@code jobs} jobs with applications, and {@code chats} enabled chats,
   * each following one of them with a digest due now. Completes with the job ids.
   */
  public List<String> seedDigestChats(int jobs, int chats) {
    List<String> ids = DigestChats.seedJobs(sandbox, jobs);
    Database db = await(Database.open(vertx, config.dbUrl(), config.dbUser(), config.dbPassword()), START_TIMEOUT);
    try {
      DigestChats.seedChats(sandbox, bot, db, ids, chats, config);
    } finally {
      db.close();
    }
    return ids;
  }

  /** Runs {@code work} against the bot's own database (the rows it stored), through a connection of the test's. */
  public <T> T inDatabase(Database.Work<T> work) {
    Database db = await(Database.open(vertx, config.dbUrl(), config.dbUser(), config.dbPassword()), START_TIMEOUT);
    try {
      return await(db.run(work));
    } finally {
      db.close();
    }
  }

  /**
   * Waits until the bot stored the card it sent as {@code messageId} (sent_cards). The bot records a card after
   * Feishu accepted it, so a test that changes Hire as soon as the reply arrived could otherwise outrun the record
   * and find the card not refreshed (seen under load on a shared machine).
   */
  public void awaitCardRecorded(String messageId) {
    Database db = await(Database.open(vertx, config.dbUrl(), config.dbUser(), config.dbPassword()), START_TIMEOUT);
    try {
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (await(db.run(c -> {
        try (var q = c.prepareStatement("SELECT COUNT(*) FROM sent_cards WHERE message_id = ?")) {
          q.setString(1, messageId);
          try (var r = q.executeQuery()) {
            r.next();
            return r.getLong(1);
          }
        }
      })) == 0) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("card " + messageId + " not recorded after " + TIMEOUT);
        }
        Thread.sleep(20);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    } finally {
      db.close();
    }
  }

  private void awaitSandboxIdle() {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (sandbox.requests().inFlight() > 0) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the sandbox still answers " + sandbox.requests().inFlight() + " requests");
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /** The bot learns its open_id from bot/v3/info asynchronously; mentions need it. */
  private void awaitBotIdentity() {
    await(sandbox.requests().await(r -> r.path().equals("/open-apis/bot/v3/info") && r.status() == 200,
        START_TIMEOUT), START_TIMEOUT);
  }

  /** Pushes a message as Feishu would and waits for the bot's reply to it. */
  public SentMessage ask(MessageSpec spec) {
    return replyTo(await(sandbox.events().message(spec)));
  }

  /**
   * The reply as it ends up: a command slower than the reply deadline (a slow Hire, or a loaded machine) first gets the
   * interim "still waiting" card, whose place its outcome then takes. A reply that is no interim card is as it came.
   */
  public SentMessage answered(SentMessage reply) {
    SentMessage[] now = {reply};
    try {
      if (!io.hirebot.testing.Eventually.holds(() -> !Replies.stillWaiting(
          (now[0] = sandbox.im().message(reply.messageId()).orElseThrow()).currentContent().toString()), 60)) {
        throw new AssertionError("still waiting after 60 s: " + now[0].currentContent());
      }
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    return now[0];
  }

  /** The bot's reply to an accepted push. */
  public SentMessage replyTo(PushResult push) {
    if (push.status() != 200) {
      throw new AssertionError("push not accepted: " + push.status() + " " + push.body());
    }
    return await(sandbox.im().awaitMessage(m -> push.messageId().equals(m.parentId()), TIMEOUT));
  }

  public static <T> T await(Future<T> future) {
    return await(future, TIMEOUT);
  }

  public static <T> T await(Future<T> future, Duration timeout) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new AssertionError("timed out or failed waiting: " + e, e);
    }
  }

  @Override
  public void close() {
    if (closed.getAndSet(true)) {
      return;
    }
    // Every bot (replicas too) stops first, as Main stops it: closing Vert.x under a bot with an event in flight
    // closed the database's pools before the drain ended ("database closed" errors), and the drain then waited for
    // an event that could no longer finish until this method's timeout (10 s lost per test class or test).
    try {
      Future.join(vertx.deploymentIDs().stream().map(vertx::undeploy).toList())
          .toCompletionStage().toCompletableFuture().get(15, TimeUnit.SECONDS);
    } catch (Exception e) {
      // a bot the test stopped already, or one that would not stop: Vert.x closes it below
    }
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      // closing the sandbox anyway
    }
    try {
      started.closeSandbox().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      // nothing more to close
    }
  }
}
