package io.hirebot.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.bot.Reply;
import io.hirebot.feishu.FeishuClients;
import io.hirebot.feishu.outbound.FeishuHireDirectory;
import io.hirebot.feishu.outbound.FeishuMessenger;
import io.hirebot.hire.CachingHireDirectory;
import io.hirebot.hire.HireDirectory;
import io.hirebot.hire.Job;
import io.hirebot.hire.PipelinePage;
import io.hirebot.hire.PipelineReader;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.TrustManagerFactory;
import io.hirebot.cards.CardTemplates;
import io.hirebot.cards.Cards;
import io.hirebot.command.CommandParser;
import io.hirebot.config.BotConfig;
import io.hirebot.i18n.Language;
import io.hirebot.i18n.Messages;
import io.hirebot.bot.Conversations;
import io.hirebot.command.Lexicon;
import io.hirebot.command.ParseResult;
import io.hirebot.feature.candidates.CandidatesFeature;
import io.hirebot.feishu.inbound.EnvelopeVerifier;
import io.hirebot.feishu.inbound.FeishuCrypto;
import io.hirebot.feishu.inbound.InboundMapper;
import io.hirebot.feishu.inbound.Verification;
import io.hirebot.bot.inbound.UnhandledEvent;
import io.hirebot.hire.JobProcess;
import io.hirebot.i18n.DateTexts;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the code of a first answer once at start-up, on a worker thread, before the bot reports healthy: parsing
 * commands in both languages, rendering and serializing every card template, and a first answer's Feishu calls
 * (Hire's jobs, processes, a pipeline page with an application's detail, then sending a card) through the real SDK
 * client, our call layer, the Hire cache and the pipeline reader, against {@link FeishuClients#offline} (canned
 * answers in the process: no Hire call a user did not ask for, nothing sent to any chat, in sandbox and production
 * mode alike); then a first event's own path ({@link #understand}: a signed click and mention through the bot's
 * verifier and mapper, the lexicon parser, the conversation memory, dates), and on the early thread a TLS handshake
 * in memory ({@link #tlsHandshake}) for the identity call's TLS code. Class loading and first-time initialisation
 * otherwise land on the first user's time (about three times a warm answer). It runs alongside the database's opening and migration, and its parsing and rendering can
 * begin even earlier ({@link #begin}), so it costs the time to healthy little. It exercises the code, not the bot's
 * objects: nothing here is kept.
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
  private static final int IV_BYTES = 16;
  /** A throwaway self-signed EC key for {@link #tlsHandshake} (keytool, CN=warm-up.invalid, valid 100 years). */
  static final String LOOPBACK_KEYSTORE = "/warmup/tls-loopback.jks";
  private static final String LOOPBACK_PASSWORD = "warm-up";
  private static final String LOOPBACK_HOST = "warm-up.invalid";
  /** A TLS 1.3 handshake takes 3 round trips here; a bound, so a surprise can never spin. */
  private static final int LOOPBACK_MAX_STEPS = 20;

  private WarmUp() {}

  /** What a warm-up ran: commands parsed, cards rendered, candidates read and messages sent (canned). */
  record Summary(int commandsParsed, int cardsRendered, int candidatesRead, int messagesSent, int eventsUnderstood) {}

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
    long started = System.nanoTime();
    ObjectMapper json = new ObjectMapper();
    SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    FeishuClients feishu = FeishuClients.offline(vertx, metrics, CALL_DEADLINE);
    try {
      // The reads first: they need nothing of the parsing and rendering, which may still run on their own thread.
      HireDirectory hire = new CachingHireDirectory(new FeishuHireDirectory(feishu.client(), feishu.calls()));
      Job job = await(hire.jobs()).get(0);
      PipelinePage page = await(new PipelineReader(hire).read(job, 0, PAGE_SIZE));
      Local local = begun != null ? begun.join() : parseAndRender(config);
      int understood = understand(config, json, await(hire.jobs()), await(hire.processes()));
      int sent = 0;
      if (local.lastCard() != null) {
        await(new FeishuMessenger(feishu.client(), feishu.calls(), json, metrics)
            .send(CANNED_CHAT, Reply.card(local.lastCard()), "warm-up"));
        sent++;
      }
      Summary summary = new Summary(local.commandsParsed(), local.cardsRendered(), page.applications().size(), sent,
          understood);
      log.info("warm-up done ms={} parse_and_render_ms={} parse_and_render_begun_early={} commands_parsed={} "
          + "cards_rendered={} cards_needing_data={} candidates_read={} messages_sent_canned={} events_understood={}",
          (System.nanoTime() - started) / 1_000_000, local.ms(), begun != null, summary.commandsParsed(),
          summary.cardsRendered(), local.cardsNeedingData(), summary.candidatesRead(), summary.messagesSent(),
          summary.eventsUnderstood());
      return summary;
    } finally {
      feishu.close();
    }
  }

  /**
   * Starts {@link #tls} and {@link #parseAndRender} now on a thread of its own, for {@link #run} to join later: they
   * need neither Vert.x nor the database, so {@code Main} begins them before building those, while the main thread
   * is the only one with work to do.
   */
  static CompletableFuture<Local> begin(BotConfig config) {
    CompletableFuture<Local> local = new CompletableFuture<>();
    boolean tls = warmsTls(config);
    Thread thread = new Thread(() -> {
      try {
        if (tls) {
          tls();
        }
        local.complete(parseAndRender(config));
        // After the parsing and rendering, which the warm-up's canned calls wait for; the handshake only has to come
        // before the identity call, which waits for the database and the wiring.
        if (tls) {
          tlsHandshake();
        }
      } catch (RuntimeException | Error e) {
        local.completeExceptionally(e);
      }
    }, "hirebot-warm-up");
    thread.setDaemon(true);
    thread.start();
    return local;
  }

  /**
   * Whether the early thread sets up TLS and makes its handshake: only for a bot that talks to Feishu over TLS, or a
   * start that records an archive ({@link ArchiveTraining}: the Dockerfile trains in sandbox mode for production
   * starts). A sandbox bot talks to its emulator in plain HTTP and never loads that code (JFR: the set-up and the
   * handshake were ~12 % of a sandbox restart's Java CPU, besides the JIT's work on the handshake's key exchange).
   */
  static boolean warmsTls(BotConfig config) {
    return (!config.sandbox() && FeishuClients.usesTls(config.feishu().baseUrl())) || ArchiveTraining.recording();
  }

  /**
   * Loads the JDK's trust store and initialises a TLS context, as the SDK's HTTP client does when the wiring builds
   * it: the JDK keeps both, so the client's own set-up then takes nothing. Done cold by the wiring, it was about a
   * third of the wiring's time (3.2 of 9.7 s in one restart's class-load log on a loaded machine), and the wiring
   * is the last step before the verticles listen; here it runs while the main thread builds Vert.x.
   */
  static void tls() {
    try {
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init((KeyStore) null);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      context.getSocketFactory();
    } catch (GeneralSecurityException e) {
      // The client's own set-up meets the same failure and reports it; this only saves it time.
      log.debug("warm-up: TLS set-up failed cause={}", e.toString());
    }
  }

  /**
   * One TLS handshake in memory, a client engine against a server engine holding a throwaway self-signed key
   * ({@value #LOOPBACK_KEYSTORE}, never used on a network): the handshake's code (key shares, certificate checking,
   * the key schedule) otherwise loads on the bot's first call to Feishu, the identity call that listening waits for:
   * 641 classes on that thread in a production-mode start (363 of them {@code sun.security.ssl}), and none of them in
   * the Dockerfile's class-data archive, whose training start talks to the emulator over plain HTTP.
   *
   * @return whether the handshake finished
   */
  static boolean tlsHandshake() {
    try (InputStream in = WarmUp.class.getResourceAsStream(LOOPBACK_KEYSTORE)) {
      if (in == null) {
        throw new IllegalStateException("warm-up resource missing from the jar: " + LOOPBACK_KEYSTORE);
      }
      char[] password = LOOPBACK_PASSWORD.toCharArray();
      KeyStore keys = KeyStore.getInstance("JKS");
      keys.load(in, password);
      KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keyManagers.init(keys, password);
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(keys);
      SSLContext serverSide = SSLContext.getInstance("TLS");
      serverSide.init(keyManagers.getKeyManagers(), null, null);
      SSLContext clientSide = SSLContext.getInstance("TLS");
      clientSide.init(null, trust.getTrustManagers(), null);
      SSLEngine client = clientSide.createSSLEngine(LOOPBACK_HOST, 443);
      client.setUseClientMode(true);
      SSLEngine server = serverSide.createSSLEngine();
      server.setUseClientMode(false);
      int packet = Math.max(client.getSession().getPacketBufferSize(), server.getSession().getPacketBufferSize());
      int app = Math.max(client.getSession().getApplicationBufferSize(), server.getSession().getApplicationBufferSize());
      ByteBuffer toServer = ByteBuffer.allocate(packet);
      ByteBuffer toClient = ByteBuffer.allocate(packet);
      ByteBuffer clientApp = ByteBuffer.allocate(app);
      ByteBuffer serverApp = ByteBuffer.allocate(app);
      ByteBuffer nothing = ByteBuffer.allocate(0);
      client.beginHandshake();
      server.beginHandshake();
      for (int step = 0; step < LOOPBACK_MAX_STEPS && !(done(client) && done(server)); step++) {
        client.wrap(nothing, toServer);
        toServer.flip();
        server.unwrap(toServer, serverApp);
        toServer.compact();
        runTasks(server);
        server.wrap(nothing, toClient);
        toClient.flip();
        client.unwrap(toClient, clientApp);
        toClient.compact();
        runTasks(client);
      }
      return done(client) && done(server);
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      // Only time is lost: the bot's first real handshake loads the same code.
      log.debug("warm-up: TLS loopback handshake failed cause={}", e.toString());
      return false;
    }
  }

  private static boolean done(SSLEngine engine) {
    SSLEngineResult.HandshakeStatus status = engine.getHandshakeStatus();
    return status == SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING
        || status == SSLEngineResult.HandshakeStatus.FINISHED;
  }

  private static void runTasks(SSLEngine engine) {
    for (Runnable task = engine.getDelegatedTask(); task != null; task = engine.getDelegatedTask()) {
      task.run();
    }
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
   * What a first event costs before any feature runs, found in a class-load log of the first click after healthy
   * (272 classes): the webhook's verification and decryption and the event's mapping (a signed, and when configured
   * encrypted, card click and mention as Feishu sends them, through the bot's own verifier and mapper), the parser
   * with a lexicon of job names as the bot's has one, the conversation memory (its record keys), and dates in both
   * languages (the JDK's locale data). @return the events that came out of the mapper as the bot would route them
   */
  static int understand(BotConfig config, ObjectMapper json, List<Job> jobs, List<JobProcess> processes) {
    Lexicon lexicon = Lexicon.of(jobs, processes);
    CommandParser parser = new CommandParser(() -> lexicon);
    Conversations conversations = new Conversations(config.contextWindow(), Clock.systemUTC());
    for (String text : SAMPLE_COMMANDS) {
      ParseResult parsed = parser.parse(text, conversations.of(CANNED_CHAT, CANNED_USER));
      if (parsed instanceof ParseResult.Parsed p) {
        conversations.asked(CANNED_CHAT, CANNED_USER, p.command(), null, null);
      }
    }
    DateTexts dates = new DateTexts(config.timezone());
    Instant now = Instant.now();
    for (Language lang : Language.values()) {
      dates.dateTime(now, lang);
      dates.date(now, lang);
      DateTexts.day(LocalDate.now(config.timezone()), lang);
    }
    dates.time(now);
    var feishu = config.feishu();
    EnvelopeVerifier verifier = new EnvelopeVerifier(feishu.verificationToken(), feishu.encryptKey(), Clock.systemUTC());
    InboundMapper mapper = new InboundMapper(() -> CANNED_BOT);
    String job = jobs.isEmpty() ? "0" : jobs.get(0).id();
    ObjectNode click = json.createObjectNode().put("token", "c-warm-up").put("host", "im_message");
    click.set("operator", user(json, CANNED_USER));
    click.putObject("action").put("tag", "button").putObject("value").put("action", CandidatesFeature.SHOW)
        .put("job_id", job).put("page", 0).put("lang", "en_us");
    click.putObject("context").put("open_message_id", CANNED_MESSAGE).put("open_chat_id", CANNED_CHAT);
    ObjectNode message = json.createObjectNode().put("message_id", CANNED_MESSAGE).put("chat_id", CANNED_CHAT)
        .put("chat_type", "group").put("message_type", "text").put("create_time", millis(now))
        .put("update_time", millis(now))
        .put("content", json.createObjectNode().put("text", "@_user_1 " + SAMPLE_COMMANDS.get(0)).toString());
    message.putArray("mentions").addObject().put("key", "@_user_1").put("name", "HireBot")
        .set("id", user(json, CANNED_BOT));
    ObjectNode mention = json.createObjectNode();
    mention.putObject("sender").put("sender_type", "user").set("sender_id", user(json, CANNED_USER));
    mention.set("message", message);
    int understood = 0;
    for (ObjectNode envelope : List.of(envelope(json, feishu, "ev_warm_up_click", "card.action.trigger", click, now),
        envelope(json, feishu, "ev_warm_up_mention", "im.message.receive_v1", mention, now))) {
      if (understood(verifier, mapper, envelope.toString(), feishu.encryptKey(), json, now)) {
        understood++;
      }
    }
    return understood;
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
   * Posts {@code plain} to the verifier as Feishu does (encrypted and signed with the Encrypt Key when one is
   * configured) and maps what it accepts. @return whether it came out as an event the bot handles
   */
  private static boolean understood(EnvelopeVerifier verifier, InboundMapper mapper, String plain, String encryptKey,
      ObjectMapper json, Instant now) {
    byte[] body;
    Map<String, String> headers;
    if (encryptKey == null || encryptKey.isBlank()) {
      body = plain.getBytes(StandardCharsets.UTF_8);
      headers = Map.of();
    } else {
      byte[] iv = new byte[IV_BYTES];
      ThreadLocalRandom.current().nextBytes(iv);
      body = json.createObjectNode().put("encrypt", FeishuCrypto.encrypt(plain, encryptKey, iv)).toString()
          .getBytes(StandardCharsets.UTF_8);
      String timestamp = String.valueOf(now.getEpochSecond());
      headers = Map.of(EnvelopeVerifier.TIMESTAMP, timestamp, EnvelopeVerifier.NONCE, CANNED_NONCE,
          EnvelopeVerifier.SIGNATURE, FeishuCrypto.sha256Signature(timestamp, CANNED_NONCE, encryptKey, body));
    }
    return verifier.verify(headers, body) instanceof Verification.Accepted accepted
        && !(mapper.map(accepted.plain()) instanceof UnhandledEvent);
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
