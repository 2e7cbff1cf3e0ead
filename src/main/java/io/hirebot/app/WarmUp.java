package io.hirebot.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.feishu.FeishuClients;
import io.hirebot.feishu.outbound.FeishuMessenger;
import io.hirebot.bot.InFlight;
import io.hirebot.feishu.inbound.WebhookGateway;
import io.hirebot.feishu.inbound.WebhookResponse;
import io.hirebot.store.Database;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServer;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import io.hirebot.cards.CardTemplates;
import io.hirebot.cards.Cards;
import io.hirebot.command.CommandParser;
import io.hirebot.config.BotConfig;
import io.hirebot.i18n.Language;
import io.hirebot.i18n.Messages;
import io.hirebot.feature.candidates.CandidatesFeature;
import io.hirebot.feishu.inbound.EnvelopeVerifier;
import io.hirebot.feishu.inbound.FeishuCrypto;
import io.hirebot.i18n.DateTexts;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the code of a first answer once at start-up, on a worker thread, before the bot reports healthy: parsing
 * commands in both languages, rendering and serializing every card template, then a first click and a first command
 * through a throwaway bot ({@link #throwawayBot}): the bot's own wiring, middleware chain, features, stores and
 * messenger, on canned Feishu answers in the process ({@link FeishuClients#offline}: no Hire call a user did not ask
 * for, nothing sent to any chat, in sandbox and production mode alike) and a scratch in-memory database
 * ({@link Database#scratch}: not a row in the bot's); and, on the early thread, the TLS set-up ({@link TlsWarmUp}).
 * Class loading, first-time initialisation and the interpreter otherwise land on the first user's time (about twice a
 * warm answer). It runs alongside the database's opening and migration, and its parsing and rendering can begin even
 * earlier ({@link #begin}), so it costs the time to healthy little. Nothing it builds is kept.
 */
final class WarmUp {
  private static final Logger log = LoggerFactory.getLogger(WarmUp.class);
  /** Commands of every kind in both languages, as users type them (README "What it does"). */
  static final List<String> SAMPLE_COMMANDS = List.of(
      "show candidates for job Backend Engineer", "candidates for BE-001 in stage Offer",
      "candidates for Backend applied last week still in screening", "后端开发工程师的候选人", "上周投递 后端 还在初筛的",
      "candidate Alice Johnson", "张伟的简历", "pipeline for job Backend Engineer", "后端开发工程师的招聘漏斗",
      "my interviews today", "我本周的面试", "pending offers", "后端 的 Offer", "jobs", "职位 后端",
      "subscribe job BE-001 to stage", "订阅列表", "digest daily 09:00", "摘要 每周一 9点", "timezone Europe/Berlin",
      "quiet 22:00-08:00", "help", "帮助", "enable", "audit 20", "failed events", "shwo candidats for bakend");
  /** Passes over the samples: enough for the interpreter's first compilations, a few hundred ms of one core. */
  static final int ROUNDS = 3;
  /** The canned answers come from this process: anything slower than this is a bug, not a slow Feishu. */
  private static final long CALL_TIMEOUT_SECONDS = 10;
  /**
   * The canned calls' deadline, inside {@link #CALL_TIMEOUT_SECONDS}. Not a user's: on a busy machine the first
   * canned call (loading the SDK's classes) outlasted the 3.5 s a user's Hire call gets, and the warm-up stopped there.
   */
  private static final Duration CALL_DEADLINE = Duration.ofSeconds(8);
  /** A candidates card's page. */
  private static final int PAGE_SIZE = 10;
  /** The chat of the canned message create answer, and of the events the warm-up verifies and maps. */
  private static final String CANNED_CHAT = "oc_warm_up";
  private static final String CANNED_USER = "ou_warm_up_user";
  private static final String CANNED_BOT = "ou_warm_up_bot";
  private static final String CANNED_MESSAGE = "om_warm_up";
  private static final String CANNED_NONCE = "warm-up";
  /** The job of the canned Hire answers ({@code resources/warmup/jobs.json}). */
  private static final String CANNED_JOB = "7200000000000000001";
  /**
   * What the canned user asks the throwaway bot after its click. One command: a second, in Chinese, ran the same
   * pipeline again (the parser's Chinese is warmed by {@link #parseAndRender}) and held healthy back by about 0.3 s of
   * a restart without an archive (bench/StartupAB, 2 rounds at load 1.5-1.8: 2,300 / 2,333 ms against 2,971 / 2,728
   * with both), while the first command stayed at half a warm one (0.48x against 0.49x, 5 fresh JVMs each).
   */
  static final List<String> MENTIONS = List.of("show candidates for job Backend Engineer");
  /** Each throwaway bot's scratch database has a name of its own (tests warm up more than once per JVM). */
  private static final AtomicInteger SCRATCH = new AtomicInteger();
  /**
   * How the names of the warm-up's worker pools begin: its scratch database's, and its canned Feishu's
   * ({@link FeishuClients#offline}, "warm-up-feishu…").
   */
  static final String POOLS = "warm-up-";
  /**
   * Keeps the warm-up's pools out of the bot's metrics ({@link Launcher#vertx}): Vert.x's pool meters outlive their
   * pool (vertx-micrometer's pool metrics have no close), so each pool the warm-up opened and closed left a dozen
   * {@code vertx_pool_*} series in {@code /metrics}, frozen, for the life of the process.
   */
  static final MeterFilter POOL_METERS = MeterFilter.deny(id -> id.getName().startsWith("vertx.pool.")
      && id.getTag("pool_name") != null && id.getTag("pool_name").startsWith(POOLS));
  private static final int IV_BYTES = 16;

  private WarmUp() {}

  /**
   * What a warm-up ran: commands parsed, card templates rendered, clicks the throwaway bot answered (with the card,
   * or on a busy machine with "working on it" and the card later), messages it sent (to the canned Feishu) and
   * events its webhook took.
   */
  record Summary(int commandsParsed, int cardsRendered, int clicksAnswered, int messagesSent, int eventsHandled) {}

  /** What the parsing and rendering did, and the last card rendered (the one the warm-up sends). */
  record Local(int commandsParsed, int cardsRendered, int cardsNeedingData, ObjectNode lastCard, long ms) {}

  static Summary run(Vertx vertx, BotConfig config) {
    return run(vertx, config, null);
  }

  /**
   * @param begun the parsing and rendering when {@link #begin} started them earlier on a thread of their own, or
   *     null to run them here first
   */
  static Summary run(Vertx vertx, BotConfig config, CompletableFuture<Local> begun) {
    // The throwaway bot's handlers (middleware, features, card rendering, all cold) run where its calls were made
    // from: on the caller's context, an event loop's when the launcher starts this from one. They held that loop,
    // which the serving bot shares, for up to 1.6 s at a stretch on a quiet machine and 2.3-4.4 s at load 20+
    // (Vert.x's blocked-thread checker), while the start's own continuations (the identity call's, the database's,
    // the listening) waited behind them. A worker context of its own takes them off every loop; the classes they
    // load and the code the JIT compiles are the same on any thread.
    ContextInternal offLoop = ((VertxInternal) vertx).createWorkerContext();
    ContextInternal caller = offLoop.beginDispatch();
    try {
      return runOn(vertx, config, begun);
    } finally {
      offLoop.endDispatch(caller);
    }
  }

  private static Summary runOn(Vertx vertx, BotConfig config, CompletableFuture<Local> begun) {
    long started = System.nanoTime();
    if (!withThrowawayBot()) {
      Local local = parsedAndRendered(config, begun);
      log.info("warm-up done ms={} parse_and_render_ms={} commands_parsed={} cards_rendered={} "
          + "throwaway_bot=skipped reason=aot_cache", (System.nanoTime() - started) / 1_000_000, local.ms(),
          local.commandsParsed(), local.cardsRendered());
      return new Summary(local.commandsParsed(), local.cardsRendered(), 0, 0, 0);
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpuStarted = threads.getCurrentThreadCpuTime();
    ObjectMapper json = new ObjectMapper();
    PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Wiring bot = throwawayBot(vertx, config, metrics);
    try {
      long setUpMs = (System.nanoTime() - started) / 1_000_000;
      // Called from this worker thread: what the calls chain on runs on the worker context run() made current.
      // The throwaway bot's own group, enabled in its own database: the hiring-data gate lets its admin through.
      await(bot.groupAccess.set(CANNED_CHAT, true, CANNED_USER));
      Local local = parsedAndRendered(config, begun);
      Instant now = Instant.now();
      var feishu = config.feishu();
      // Once: what is left cold after one pass is the JIT's, and more passes did not buy it (4 and 10 passes left 375
      // and 340 compilations in the first real click against 385 after one, -XX:+PrintCompilation; 495 before).
      // A list's pager, which answers with the card in place: "Show candidates" on a group's card posts a reply instead.
      ObjectNode click = json.createObjectNode().put("token", "c-warm-up").put("host", "im_message");
      click.set("operator", user(json, CANNED_USER));
      click.putObject("action").put("tag", "button").putObject("value").put("action", CandidatesFeature.PAGE)
          .put("job_id", CANNED_JOB).put("page", 0).put("lang", "en_us");
      click.putObject("context").put("open_message_id", CANNED_MESSAGE).put("open_chat_id", CANNED_CHAT);
      WebhookResponse clicked = await(post(bot.gateway,
          envelope(json, feishu, "ev_warm_up_click", "card.action.trigger", click, now), feishu.encryptKey(), json,
          now));
      int clicks = clicked.status() == 200 ? 1 : 0;
      // The mention filter needs the bot's open_id (canned bot info): without it the mentions would be dropped unread.
      await(bot.identity.ready());
      int mentioned = 0;
      for (int i = 0; i < MENTIONS.size(); i++) {
        String messageId = CANNED_MESSAGE + "_" + i;
        ObjectNode mention = mention(json, messageId, MENTIONS.get(i), now);
        WebhookResponse asked = await(post(bot.gateway,
            envelope(json, feishu, "ev_" + messageId, "im.message.receive_v1", mention, now), feishu.encryptKey(),
            json, now));
        mentioned += asked.status() == 200 ? 1 : 0;
      }
      // An acknowledged message is answered after its 200: waits for the answers, as a stopping bot does.
      InFlight.Drained drained = await(bot.dispatcher.drain(CALL_DEADLINE));
      if (!clicked.json().contains("\"card\"")) {
        // Answered "working on it" (a busy machine): its card comes by a delayed update, which the drain does not wait
        // for (clicks are not in flight); closing first would fail it against closed pools.
        awaitDelayedUpdate(metrics);
      }
      dates(config, now);
      int sent = sentToChats(metrics);
      Summary summary = new Summary(local.commandsParsed(), local.cardsRendered(), clicks, sent, clicks + mentioned);
      log.info("warm-up done ms={} cpu_ms_this_thread={} set_up_ms={} parse_and_render_ms={} "
          + "parse_and_render_begun_early={} commands_parsed={} cards_rendered={} cards_needing_data={} "
          + "click_answered_with_card={} events_handled={} events_unfinished={} messages_sent_canned={} "
          + "canned_calls_refused={}",
          (System.nanoTime() - started) / 1_000_000, (threads.getCurrentThreadCpuTime() - cpuStarted) / 1_000_000,
          setUpMs, local.ms(), begun != null, summary.commandsParsed(), summary.cardsRendered(),
          local.cardsNeedingData(), clicked.json().contains("\"card\""), summary.eventsHandled(), drained.handedBack(),
          sent, refused(metrics));
      return summary;
    } finally {
      bot.close();
    }
  }

  /** The parsing and rendering {@link #begin} started, or run here when it did not. */
  private static Local parsedAndRendered(BotConfig config, CompletableFuture<Local> begun) {
    return begun != null ? begun.join() : parseAndRender(config);
  }

  /**
   * Whether the warm-up runs its throwaway bot: not in a start from an AOT cache ({@link ClassArchive#reading}, the
   * Dockerfile's ENTRYPOINT), whose training start ran it, so that its classes come loaded and linked. There it cost
   * more than it saved: real-mode restarts from the cache (bench/StartupAB, 8 rounds each) were healthy in 1,346 ms
   * with it and 1,104 ms without it (CPU 2,310 / 1,800 ms; the cache's method profiles not replayed, see the
   * Dockerfile: replayed, 1,258 ms), while the first command after such a start took 1.19x a warm one instead of
   * 0.84x (FirstCommands' medians of 5 JVMs; the target is 1.5x). Without a cache it stays: the first command took
   * 1.44x a warm one without it.
   */
  static boolean withThrowawayBot() {
    return !ClassArchive.reading();
  }

  /**
   * The bot's own wiring, built the same way, on canned Feishu ({@link FeishuClients#offline}) and a scratch
   * in-memory database ({@link Database#scratch}), with the canned user as its admin: its middleware, features,
   * stores and messenger are the real ones, its state (conversations, budgets, rows, sent cards) its own and thrown
   * away with it; nothing reaches the bot's database or any chat.
   */
  private static Wiring throwawayBot(Vertx vertx, BotConfig config, PrometheusMeterRegistry metrics) {
    // The scratch database (H2 and its schema) on another worker while this one builds the canned Feishu side: the
    // two share nothing, and each was a few hundred ms of the warm-up's set-up, one after the other.
    String name = POOLS + "db-" + SCRATCH.incrementAndGet();
    Future<Database> scratch = vertx.executeBlocking(() -> Database.scratch(vertx, name), false);
    FeishuClients feishu = null;
    Wiring.FeishuSide side;
    try {
      feishu = FeishuClients.offline(vertx, metrics, CALL_DEADLINE);
      side = new Wiring.FeishuSide(vertx, Clock.systemUTC(), feishu);
    } catch (RuntimeException e) {
      if (feishu != null) {
        feishu.close();
      }
      scratch.onSuccess(Database::close);
      throw e;
    }
    Database db;
    try {
      db = await(scratch);
    } catch (RuntimeException e) {
      side.close();
      throw e;
    }
    try {
      return new Wiring(vertx, config.withAdmins(Set.of(CANNED_USER)), metrics, Clock.systemUTC(), db, side);
    } catch (RuntimeException e) {
      db.close(); // the wiring closed the side
      throw e;
    }
  }

  /** A group message from the canned user mentioning the canned bot. */
  private static ObjectNode mention(ObjectMapper json, String messageId, String text, Instant now) {
    ObjectNode message = json.createObjectNode().put("message_id", messageId).put("chat_id", CANNED_CHAT)
        .put("chat_type", "group").put("message_type", "text").put("create_time", millis(now))
        .put("update_time", millis(now))
        .put("content", json.createObjectNode().put("text", "@_user_1 " + text).toString());
    message.putArray("mentions").addObject().put("key", "@_user_1").put("name", "HireBot")
        .set("id", user(json, CANNED_BOT));
    ObjectNode mention = json.createObjectNode();
    mention.putObject("sender").put("sender_type", "user").set("sender_id", user(json, CANNED_USER));
    mention.set("message", message);
    return mention;
  }

  /** Waits, at most {@link #CALL_DEADLINE} and then regardless, until the throwaway bot made its delayed card update. */
  private static void awaitDelayedUpdate(MeterRegistry metrics) {
    long until = System.nanoTime() + CALL_DEADLINE.toNanos();
    while (System.nanoTime() < until && metrics.find("hirebot.feishu.calls")
        .tag("operation", FeishuMessenger.DELAYED_UPDATE).counters().stream().mapToDouble(Counter::count).sum() < 1) {
      try {
        Thread.sleep(20); // a worker thread, never an event loop
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Messages the throwaway bot sent, to the canned Feishu (the messenger's calls that it answered). */
  private static int sentToChats(MeterRegistry metrics) {
    return (int) metrics.find("hirebot.feishu.calls").tag("outcome", "ok").counters().stream()
        .filter(c -> c.getId().getTag("operation").startsWith("im.message."))
        .mapToDouble(Counter::count).sum();
  }

  /** Calls the canned Feishu refused: a first answer's call not canned (yet) is code that stays cold. */
  private static int refused(MeterRegistry metrics) {
    return (int) metrics.find("hirebot.feishu.calls").counters().stream()
        .filter(c -> !"ok".equals(c.getId().getTag("outcome"))).mapToDouble(Counter::count).sum();
  }

  /**
   * Starts {@link TlsWarmUp#tls} and {@link #parseAndRender} now on a thread of its own, for {@link #run} to join
   * later: they need neither Vert.x nor the database, so {@code Main} begins them before building those, while the
   * main thread is the only one with work to do.
   */
  static CompletableFuture<Local> begin(BotConfig config) {
    CompletableFuture<Local> local = new CompletableFuture<>();
    boolean tls = TlsWarmUp.warmsTls(config);
    // The handshake only for a start that records an archive: its training talks plain HTTP to the emulator, so the
    // handshake's code reaches the archive (and its method profiles) through this alone. A start that talks TLS to
    // Feishu makes its identity call's handshake at about the same moment, and made both, cold, side by side.
    boolean handshake = ClassArchive.recording();
    Thread thread = new Thread(() -> {
      try {
        if (tls) {
          TlsWarmUp.tls();
        }
        local.complete(parseAndRender(config));
        // After the parsing and rendering, which the warm-up's canned calls wait for; the handshake only has to come
        // before the identity call, which waits for the database and the wiring.
        if (handshake) {
          TlsWarmUp.tlsHandshake();
        }
      } catch (RuntimeException | Error e) {
        local.completeExceptionally(e);
      }
    }, "hirebot-warm-up");
    thread.setDaemon(true);
    thread.start();
    return local;
  }

  /** Parses the sample commands and renders and serializes every card template, {@link #ROUNDS} times. */
  static Local parseAndRender(BotConfig config) {
    long started = System.nanoTime();
    int rendered = 0;
    int failed = 0;
    ObjectMapper json = new ObjectMapper();
    Cards cards = new Cards(CardTemplates.load(json, config.cardsDir()), json);
    Messages messages = Messages.load();
    CommandParser parser = new CommandParser();
    ObjectNode lastCard = null;
    for (int round = 0; round < ROUNDS; round++) {
      SAMPLE_COMMANDS.forEach(parser::parse);
      for (String name : CardTemplates.NAMES) {
        try {
          lastCard = cards.bilingual(Language.EN, lang -> cards.render(name,
              cards.model().put("title", messages.get(lang, "help.title"))));
          cards.serialize(lastCard);
          rendered++;
        } catch (RuntimeException e) {
          failed++; // a template that needs more than a title: its loading and the renderer still ran
        }
      }
    }
    return new Local(ROUNDS * SAMPLE_COMMANDS.size(), rendered, failed, lastCard,
        (System.nanoTime() - started) / 1_000_000);
  }

  /**
   * Binds an HTTP server with the bot's options on a random loopback port and closes it again, beside the rest of the
   * start: Vert.x's and Netty's server code otherwise loaded when the instances first listen, after the warm-up and
   * the identity call, the last step before healthy (~100 ms of it). It serves nothing: anything reaching it gets 503.
   */
  static Future<Void> listenOnce(Vertx vertx) {
    // From a worker: what the server's making and binding load runs on the caller's thread until the bind is handed
    // to an event loop, and called from Main's thread it held up the start's next steps (~350 ms at load 20).
    return vertx.executeBlocking(() -> vertx.createHttpServer(BotVerticle.serverOptions())
            .requestHandler(request -> request.response().setStatusCode(503).end())
            .listen(0, "127.0.0.1"), false)
        .compose(listening -> listening)
        .compose(HttpServer::close)
        .recover(e -> {
          // Only time is lost: the instances' own listening loads the same code.
          log.debug("warm-up: loopback listen failed cause={}", e.toString());
          return Future.succeededFuture();
        });
  }

  /** Dates in both languages (the JDK's locale data): the throwaway bot's answers were in one of them. */
  private static void dates(BotConfig config, Instant now) {
    DateTexts dates = new DateTexts(config.timezone(), Clock.fixed(now, config.timezone()));
    ZonedDateTime today = now.atZone(config.timezone());
    for (Language lang : Language.values()) {
      dates.dateTime(now, lang);
      dates.date(now, lang);
      DateTexts.day(today.toLocalDate(), today, lang);
    }
    dates.time(now);
  }

  /** Feishu's v2 envelope around {@code event}, with the verification token Feishu puts in its header. */
  private static ObjectNode envelope(ObjectMapper json, BotConfig.FeishuConfig feishu, String id, String type,
      ObjectNode event, Instant now) {
    ObjectNode root = json.createObjectNode().put("schema", "2.0");
    root.putObject("header").put("event_id", id).put("event_type", type)
        .put("create_time", millis(now)).put("token", feishu.verificationToken()).put("app_id", feishu.appId());
    root.set("event", event);
    return root;
  }

  /**
   * Posts {@code envelope} to the throwaway bot's webhook gateway as Feishu does (encrypted and signed with the
   * Encrypt Key when one is configured): the verifier, the mapper and the dispatcher are the bot's own.
   */
  private static Future<WebhookResponse> post(WebhookGateway gateway, ObjectNode envelope, String encryptKey,
      ObjectMapper json, Instant now) {
    String plain = envelope.toString();
    if (encryptKey == null || encryptKey.isBlank()) {
      return gateway.handle(Map.of(), plain.getBytes(StandardCharsets.UTF_8));
    }
    byte[] iv = new byte[IV_BYTES];
    ThreadLocalRandom.current().nextBytes(iv);
    byte[] body = json.createObjectNode().put("encrypt", FeishuCrypto.encrypt(plain, encryptKey, iv)).toString()
        .getBytes(StandardCharsets.UTF_8);
    String timestamp = String.valueOf(now.getEpochSecond());
    return gateway.handle(Map.of(EnvelopeVerifier.TIMESTAMP, timestamp, EnvelopeVerifier.NONCE, CANNED_NONCE,
        EnvelopeVerifier.SIGNATURE, FeishuCrypto.sha256Signature(timestamp, CANNED_NONCE, encryptKey, body)), body);
  }

  private static ObjectNode user(ObjectMapper json, String openId) {
    return json.createObjectNode().put("open_id", openId).put("union_id", "on_warm_up").put("user_id", "warm_up");
  }

  private static String millis(Instant instant) {
    return String.valueOf(instant.toEpochMilli());
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("warm-up interrupted", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("warm-up call against the canned Feishu failed: " + e, e);
    }
  }
}
