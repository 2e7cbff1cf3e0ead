package io.hirebot.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hirebot.access.AccessPolicy;
import io.hirebot.access.AuditLog;
import io.hirebot.access.GroupAccess;
import io.hirebot.access.HiringDataRule;
import io.hirebot.access.TeamIndex;
import io.hirebot.bot.InFlight;
import io.hirebot.bot.middleware.Audit;
import io.hirebot.bot.middleware.Deduplicate;
import io.hirebot.bot.middleware.MentionFilter;
import io.hirebot.bot.middleware.MenuReadOnly;
import io.hirebot.bot.middleware.MiddlewareChain;
import io.hirebot.bot.middleware.SelfFilter;
import io.hirebot.bot.middleware.UserRateLimit;
import io.hirebot.bot.ActionResult;
import io.hirebot.bot.Toast;
import io.hirebot.bot.BotDispatcher;
import io.hirebot.bot.Conversations;
import io.hirebot.bot.Messenger;
import io.hirebot.bot.OnBehalfMessenger;
import io.hirebot.bot.ErrorReplies;
import io.hirebot.bot.ChatSettingsReader;
import io.hirebot.bot.FeatureRegistry;
import io.hirebot.bot.JobQueries;
import io.hirebot.bot.Reply;
import io.hirebot.bot.middleware.HiringDataGate;
import io.hirebot.cards.CardTemplates;
import io.hirebot.cards.Cards;
import io.hirebot.cards.JobChoiceCard;
import io.hirebot.command.CommandParser;
import io.hirebot.feature.understanding.LiveLexicon;
import io.hirebot.config.BotConfig;
import io.hirebot.error.MissingScopes;
import io.hirebot.feishu.FeishuClients;
import io.hirebot.feishu.inbound.EnvelopeVerifier;
import io.hirebot.feishu.inbound.InboundMapper;
import io.hirebot.feishu.inbound.LongConnectionGateway;
import io.hirebot.feishu.inbound.WebhookGateway;
import io.hirebot.feishu.outbound.FeishuBotInfo;
import io.hirebot.feishu.outbound.FeishuHireDirectory;
import io.hirebot.feishu.outbound.FeishuMessenger;
import io.hirebot.feishu.outbound.ScopeProbes;
import io.hirebot.hire.CachingHireDirectory;
import io.hirebot.hire.HireMeter;
import io.hirebot.hire.JobMatcher;
import io.hirebot.i18n.DateTexts;
import io.hirebot.i18n.Language;
import io.hirebot.i18n.Messages;
import io.hirebot.schedule.Routine;
import io.hirebot.schedule.Scheduler;
import io.hirebot.store.CardRegistry;
import io.hirebot.store.ChatSettingsStore;
import io.hirebot.store.Database;
import io.hirebot.store.DigestStore;
import io.hirebot.store.JdbcActionOnce;
import io.hirebot.store.JdbcAuditLog;
import io.hirebot.store.JdbcGroupAccess;
import io.hirebot.store.JdbcProcessedEvents;
import io.hirebot.store.JdbcRateBudgets;
import io.hirebot.store.JdbcSharedTurns;
import io.hirebot.store.Retention;
import io.hirebot.store.SubscriptionStore;
import io.hirebot.util.RateBudget;
import io.hirebot.util.RepeatedWarnings;
import io.hirebot.web.RequestMeters;
import io.hirebot.web.Routes;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The composition root, built once per process and outside any verticle: the shared services (each built once),
 * then the features ({@link Features}) registered into one {@link FeatureRegistry}, then the inbound side that
 * routes to them. The only class that knows the concrete types.
 */
public final class Wiring {
  static final Duration EVENT_REPLAY_PERIOD = Duration.ofMinutes(1);
  static final Duration EVENT_PURGE_PERIOD = Duration.ofHours(1);
  /**
   * The purges' first run after a start. Run at once, they scanned the claims table (no index on its expiry, which
   * every event would pay to keep) while a start's first users were being answered: from the AOT cache the first
   * command comes ~1.1 s after launch, and in the benchmark (a database with the first start's flood of claims) its
   * database worker used 194 ms of CPU and the command took 1.70x a warm one; with the purges a minute later, 76 ms
   * and 1.25x (medians of 5 JVMs each).
   */
  static final Duration HOUSEKEEPING_DELAY = Duration.ofMinutes(1);
  /**
   * The replay's first run after a start: events a stopping bot handed back, or a dead one left unfinished, are taken
   * up this soon, not at the very start, whose first seconds belong to its first users. Run at once, its scan of the
   * claims table (unfinished claims have no index: every event would pay to keep one) overlapped the benchmark's first
   * command from the AOT cache: its database worker used 92 ms of CPU and the command took 1.43x a warm one; with the
   * replay's first run 5 s later, 8 ms and 0.70x (medians of 5 JVMs each; README, twelfth session).
   */
  public static final Duration REPLAY_START_DELAY = Duration.ofSeconds(5);

  final BotConfig config;
  final FeishuClients feishu;
  final MissingScopes missingScopes;
  final AtomicReference<String> botOpenId;
  /** The bot's open_id and the scope self-check, learnt once for every verticle. */
  final BotIdentity identity;
  final WebhookGateway gateway;
  /** The HTTP request meters every instance's routes count into (resolved once, here). */
  final RequestMeters requestMeters;
  private final InboundMapper mapper;
  /** Exposed so sandbox mode can pre-enable the demo group. */
  final GroupAccess groupAccess;
  final Database db;
  final Scheduler scheduler;
  final BotDispatcher dispatcher;
  final PrometheusMeterRegistry metrics;
  /** The verticles serving with this wiring: the first opens the long connection, the last closes the rest. */
  private final AtomicInteger verticles = new AtomicInteger();
  /** Null in webhook mode, and until the first verticle starts. */
  private volatile LongConnectionGateway longConnection;

  /**
   * The SDK clients and the bot's identity, asked for at once: what the wiring needs of Feishu, built apart so that a
   * start can build it, and begin the identity call (a token, then bot info: round trips to Feishu), while the
   * database is still opening ({@link Launcher}). The rate budgets live in the process unless {@code sharedBudgets}.
   */
  static final class FeishuSide {
    final FeishuClients feishu;
    final Scheduler scheduler;
    final AtomicReference<String> botOpenId = new AtomicReference<>("");
    final BotIdentity identity;

    /** Blocks (the SDK client's class loading): call it off the event loop. */
    FeishuSide(Vertx vertx, BotConfig config, PrometheusMeterRegistry metrics, Clock clock,
        RateBudget.Factory budgets) {
      this(vertx, clock, new FeishuClients(vertx, config.feishu(), metrics, budgets, BotDispatcher.COMMAND_DEADLINE),
          false);
    }

    /**
     * On Feishu clients of the caller's: the start-up warm-up's throwaway bot, on {@link FeishuClients#offline} and a
     * scratch database, runs the real features' code without a real Feishu.
     */
    FeishuSide(Vertx vertx, Clock clock, FeishuClients feishu) {
      this(vertx, clock, feishu, true);
    }

    /** @param throwaway the warm-up's: its identity's lines are DEBUG (operators read the real bot's) */
    private FeishuSide(Vertx vertx, Clock clock, FeishuClients feishu, boolean throwaway) {
      scheduler = new Scheduler(vertx, clock);
      this.feishu = feishu;
      identity = new BotIdentity(vertx, new FeishuBotInfo(feishu.client(), feishu.calls()),
          new ScopeProbes(feishu.client(), feishu.calls()), feishu.calls().missingScopes(), botOpenId, scheduler,
          throwaway);
      // Asked first, on the Feishu pool, while the rest is built: the first calls through the SDK and its HTTP client
      // were otherwise a step of their own between the wiring and listening.
      identity.ready();
    }

    /** For a start that fails before the wiring is built: no identity call or retry goes on after it. */
    void close() {
      identity.stop();
      feishu.close();
    }
  }

  /** Blocks for seconds (the SDK client's class loading): call it off the event loop. */
  public Wiring(Vertx vertx, BotConfig config, PrometheusMeterRegistry metrics, Clock clock, Database db) {
    this(vertx, config, metrics, clock, db, new FeishuSide(vertx, config, metrics, clock, budgets(vertx, db)));
  }

  /**
   * Feishu's limits are per app: replicas sharing a database share the budgets kept there; a database of one process
   * (H2) leaves them in the process, and the Feishu side need not wait for it.
   *
   * @param db the database once open, or null when {@link Database#sharedUrl} says it holds no budgets
   */
  static RateBudget.Factory budgets(Vertx vertx, Database db) {
    return db != null && db.shared() ? new JdbcRateBudgets(vertx, db) : RateBudget.Factory.LOCAL;
  }

  /**
   * Like {@link #Wiring(Vertx, BotConfig, PrometheusMeterRegistry, Clock, Database)} with the Feishu side built; closes
   * {@code side} when it throws.
   */
  Wiring(Vertx vertx, BotConfig config, PrometheusMeterRegistry metrics, Clock clock, Database db, FeishuSide side) {
    this.config = config;
    this.metrics = metrics;
    this.db = db;
    this.scheduler = side.scheduler;
    this.feishu = side.feishu;
    this.botOpenId = side.botOpenId;
    this.identity = side.identity;
    // The side's SDK clients and identity call are the caller's to close when this returns, and this wiring's to
    // close when it throws: the test-only constructor built its side itself, and left it open when a card template
    // or the features failed.
    try {
      missingScopes = feishu.calls().missingScopes();
      ObjectMapper json = new ObjectMapper();
      Messages messages = Messages.load();
      Cards cards = new Cards(CardTemplates.load(json, config.cardsDir()), json);
      ChatSettingsStore settings = new ChatSettingsStore(db, clock);
      this.groupAccess = new JdbcGroupAccess(settings);
      AuditLog audit = new JdbcAuditLog(db);
      CachingHireDirectory hire = new CachingHireDirectory(new FeishuHireDirectory(feishu.client(), feishu.calls()));
      hire.caches().forEach((name, cache) -> CaffeineCacheMetrics.monitor(metrics, cache.caffeine(), name));
      FeishuMessenger messenger = new FeishuMessenger(feishu.client(), feishu.calls(), json, metrics);
      // Admins hear of a missing scope once, privately, rather than from users' error cards.
      missingScopes.onNewlyMissing(scope -> config.admins().forEach(admin -> messenger.sendToUser(admin,
          Reply.text(messages, Language.EN, "error.scope", scope).plus(new Reply.Text("\n", "\n"))
              .plus(Reply.text(messages, Language.ZH, "error.scope", scope)),
          "missing-scope:" + scope + ":" + admin)));

      TeamIndex teamIndex = new TeamIndex(hire);
      AccessPolicy access = new AccessPolicy(config.admins(), hire, teamIndex, clock);
      ErrorReplies errors = new ErrorReplies(cards, messages);
      JdbcProcessedEvents processed = new JdbcProcessedEvents(db, clock);
      // Click keys live in the database, so the same click delivered to two replicas (or before and after a
      // restart) writes once; a duplicate whose first click is still running says so in both languages.
      JdbcActionOnce actionOnce = new JdbcActionOnce(vertx, db, clock, () -> ActionResult.of(
          Toast.info(messages, "toast.inProgress")));

      ChatSettingsReader chats = new ChatSettingsReader(chatId -> settings.read(chatId, config.timezone()),
          config.timezone());
      FeatureRegistry registry = new FeatureRegistry(messages, chats);
      HiringDataRule hiringData = new HiringDataRule(groupAccess, access);
      CardRegistry cardRegistry = new CardRegistry(db, clock);
      Conversations conversations = new Conversations(config.contextWindow(), clock);
      // What features send privately on someone's behalf is recorded as replies are; the listeners are the features',
      // read at each send (the features register below).
      OnBehalfMessenger onBehalf = new OnBehalfMessenger(messenger,
          card -> registry.cardSentListeners().sent(card), conversations, clock);
      Services services = new Services(config, clock, db, metrics, onBehalf, messenger.bulk(), hire,
          new HireMeter(hire), cards, messages, new DateTexts(config.timezone(), clock), access, groupAccess,
          hiringData, audit, errors, actionOnce, new JdbcSharedTurns(vertx, db), processed, new JobQueries(hire, new JobMatcher(), messages),
          new JobChoiceCard(cards, messages), settings, new SubscriptionStore(db, clock), new DigestStore(db, clock),
          cardRegistry, registry.views(), vertx);
      registry.registerAll(Features.create(services));

      // The parser's job names are read only once the bot has answered someone with a card: a message the gates
      // refuse (a group not enabled, a stranger) never makes the bot read Hire, not even for its own lexicon.
      LiveLexicon lexicon = new LiveLexicon(vertx, hire);
      registry.cardsSent(card -> lexicon.refreshIfStale());
      InFlight inFlight = new InFlight(vertx, processed, metrics);
      Audit audited = new Audit(audit, errors, clock);
      SelfFilter self = new SelfFilter(botOpenId::get);
      MentionFilter mention = new MentionFilter();
      MiddlewareChain chain = new MiddlewareChain(new Deduplicate(processed, inFlight, metrics, List.of(self, mention)),
          self, mention, new UserRateLimit(messages), new MenuReadOnly(messages),
          audited,
          new HiringDataGate(services.hiringData(), services.cardRegistry(), messages));
      dispatcher = new BotDispatcher(vertx, new CommandParser(lexicon), registry, chain, inFlight,
          messenger, errors, metrics, messages, registry::welcome,
          conversations, services.cardRegistry(), chats);
      identity.yieldTo(dispatcher::busy);
      EnvelopeVerifier verifier = new EnvelopeVerifier(config.feishu().verificationToken(),
          config.feishu().encryptKey(), clock);
      mapper = new InboundMapper(botOpenId::get);
      gateway = new WebhookGateway(verifier, mapper, dispatcher, json, metrics);
      requestMeters = Routes.meters(metrics);
      Retention retention = new Retention(db, config.auditRetention());
      scheduler
          .add(Routine.every("replay-unfinished-events", EVENT_REPLAY_PERIOD, REPLAY_START_DELAY,
              now -> gateway.replayUnfinished(processed)))
          .add(Routine.every("purge-processed-events", EVENT_PURGE_PERIOD, HOUSEKEEPING_DELAY,
              now -> processed.purgeExpired()))
          .add(Routine.every("purge-past-retention", EVENT_PURGE_PERIOD, HOUSEKEEPING_DELAY, retention::purge))
          // A click's answer posted as a new message that Feishu refused for a while is sent again, same uuid.
          .add(Routine.every("resend-owed-click-replies", OnBehalfMessenger.RESEND_EVERY, OnBehalfMessenger.RESEND_EVERY,
              onBehalf::resendOwed))
          .add(Routine.every("purge-action-keys", EVENT_PURGE_PERIOD, HOUSEKEEPING_DELAY,
              now -> actionOnce.purgeExpired()))
          .add(Routine.every("report-left-out-warnings", RepeatedWarnings.INTERVAL, RepeatedWarnings.INTERVAL,
              now -> {
                gateway.warnings().reportLeftOut();
                return io.vertx.core.Future.succeededFuture();
              }))
          // Not at start: the first private query builds the index, the routine keeps it fresh after that.
          .add(Routine.every("team-index", TeamIndex.REFRESH, TeamIndex.REFRESH, now -> teamIndex.refresh()));
      registry.routines().forEach(scheduler::add);
    } catch (RuntimeException | Error e) {
      side.close();
      throw e;
    }
  }

  /**
   * A verticle starts serving with this wiring. The first one also opens the long connection to Feishu's event
   * gateway (in long-connection mode), which hands events to the dispatcher on that verticle's context: one
   * connection per process, however many verticles serve HTTP.
   *
   * @return whether this is the first verticle
   */
  boolean attach(Context context) {
    boolean first = verticles.getAndIncrement() == 0;
    if (first && config.mode() == BotConfig.Mode.WEBSOCKET) {
      longConnection = new LongConnectionGateway(config.feishu().appId(), config.feishu().appSecret(),
          config.feishu().baseUrl(), mapper, dispatcher, context);
    }
    return first;
  }

  /** A verticle stopped. @return whether it was the last, which closes what the process shares */
  boolean detach() {
    return verticles.decrementAndGet() == 0;
  }

  /** Null in webhook mode. */
  LongConnectionGateway longConnection() {
    return longConnection;
  }

  /** Closes the Feishu clients and the database: after the last verticle has drained, or when none started. */
  void close() {
    identity.stop();
    feishu.close();
    db.close();
  }
}
