package io.hirebot.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hirebot.access.AccessPolicy;
import io.hirebot.access.AuditLog;
import io.hirebot.access.GroupAccess;
import io.hirebot.access.TeamIndex;
import io.hirebot.bot.middleware.HiringDataGate;
import io.hirebot.bot.middleware.UserRateLimitGate;
import io.hirebot.feature.access.AccessCommands;
import io.hirebot.feature.access.FailedEventsView;
import io.hirebot.bot.ActionResult;
import io.hirebot.bot.ActionRouter;
import io.hirebot.bot.BotDispatcher;
import io.hirebot.bot.CommandRouter;
import io.hirebot.bot.ErrorReplies;
import io.hirebot.bot.FeatureRegistry;
import io.hirebot.cards.CardTemplates;
import io.hirebot.cards.Cards;
import io.hirebot.bot.Reply;
import io.hirebot.command.Command;
import io.hirebot.i18n.Language;
import io.hirebot.config.BotConfig;
import io.hirebot.feature.candidates.ActionForms;
import io.hirebot.feature.candidates.ActionGuard;
import io.hirebot.feature.candidates.CandidateActions;
import io.hirebot.feature.candidates.CandidatesActions;
import io.hirebot.cards.JobChoiceCard;
import io.hirebot.feature.candidates.CandidatesView;
import io.hirebot.feature.candidates.CandidatesCard;
import io.hirebot.feature.candidates.ShowCandidatesHandler;
import io.hirebot.feature.help.HelpHandler;
import io.hirebot.feature.interviews.InterviewsFeature;
import io.hirebot.feature.jobs.JobsCard;
import io.hirebot.feature.jobs.ListJobsHandler;
import io.hirebot.feature.offers.OffersFeature;
import io.hirebot.feature.pipeline.PipelineFeature;
import io.hirebot.feature.profile.ProfileActions;
import io.hirebot.feature.profile.ProfileFeature;
import io.hirebot.feature.understanding.UnderstandingFeature;
import io.hirebot.error.NotFoundException;
import io.hirebot.feishu.FeishuClients;
import io.hirebot.feishu.inbound.EnvelopeVerifier;
import io.hirebot.feishu.inbound.InboundMapper;
import io.hirebot.feishu.inbound.LongConnectionGateway;
import io.hirebot.feishu.inbound.WebhookGateway;
import io.hirebot.feishu.outbound.FeishuBotInfo;
import io.hirebot.feishu.outbound.FeishuHireDirectory;
import io.hirebot.feishu.outbound.FeishuMessenger;
import io.hirebot.feishu.outbound.ScopeProbes;
import io.hirebot.error.MissingScopes;
import io.hirebot.hire.CachingHireDirectory;
import io.hirebot.hire.HireMeter;
import io.hirebot.hire.JobMatcher;
import io.hirebot.hire.PipelineReader;
import io.hirebot.hire.StageMatcher;
import io.hirebot.hire.Talent;
import io.hirebot.i18n.DateTexts;
import io.hirebot.i18n.Messages;
import io.hirebot.schedule.Routine;
import io.hirebot.schedule.Scheduler;
import io.hirebot.store.ChatSettingsStore;
import io.hirebot.store.Database;
import io.hirebot.store.JdbcAuditLog;
import io.hirebot.store.JdbcGroupAccess;
import io.hirebot.store.JdbcActionOnce;
import io.hirebot.store.JdbcProcessedEvents;
import io.hirebot.store.Retention;
import io.hirebot.store.JdbcRateBudgets;
import io.hirebot.util.RateBudget;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The composition root: builds every object of the bot with constructors, in dependency order, and
 * registers the command and action handlers. The only class that knows the concrete types.
 */
public final class Wiring {
  static final Duration EVENT_REPLAY_PERIOD = Duration.ofMinutes(1);
  static final Duration EVENT_PURGE_PERIOD = Duration.ofHours(1);

  final FeishuClients feishu;
  final FeishuBotInfo botInfo;
  /** The scope self-check, run at start-up and then hourly by the verticle. */
  final ScopeProbes scopeProbes;
  final MissingScopes missingScopes;
  final AtomicReference<String> botOpenId = new AtomicReference<>("");
  final WebhookGateway gateway;
  /** Null in webhook mode. */
  final LongConnectionGateway longConnection;
  final CachingHireDirectory hire;
  /** Exposed so sandbox mode can pre-enable the demo group. */
  final GroupAccess groupAccess;
  final AuditLog audit;
  final Database db;
  final Scheduler scheduler;
  final BotDispatcher dispatcher;

  /** @param context the bot verticle's context, where events from the long connection are handled */
  public Wiring(Vertx vertx, Context context, BotConfig config, PrometheusMeterRegistry metrics, Clock clock,
      Database db) {
    this.db = db;
    this.scheduler = new Scheduler(vertx, clock);
    this.groupAccess = new JdbcGroupAccess(new ChatSettingsStore(db, clock));
    this.audit = new JdbcAuditLog(db);
    ObjectMapper json = new ObjectMapper();
    Messages messages = Messages.load();
    Cards cards = new Cards(CardTemplates.load(json, config.cardsDir()), json);

    // Feishu's limits are per app: replicas sharing a database share the budgets kept there.
    feishu = new FeishuClients(vertx, config.feishu(), metrics,
        db.shared() ? new JdbcRateBudgets(db) : RateBudget.Factory.LOCAL,
        BotDispatcher.COMMAND_DEADLINE);
    botInfo = new FeishuBotInfo(feishu.client(), feishu.calls());
    scopeProbes = new ScopeProbes(feishu.client(), feishu.calls());
    missingScopes = feishu.calls().missingScopes();
    hire = new CachingHireDirectory(new FeishuHireDirectory(feishu.client(), feishu.calls()));
    hire.caches().forEach((name, cache) -> CaffeineCacheMetrics.monitor(metrics, cache.caffeine(), name));
    FeishuMessenger messenger = new FeishuMessenger(feishu.client(), feishu.calls(), json, metrics);
    // Admins hear of a missing scope once, privately, rather than from users' error cards.
    missingScopes.onNewlyMissing(scope -> config.admins().forEach(admin -> messenger.sendToUser(admin,
        new Reply.Text(messages.get(Language.EN, "error.scope", scope) + "\n" + messages.get(Language.ZH, "error.scope", scope)),
        "missing-scope:" + scope + ":" + admin)));

    HireMeter meter = new HireMeter(hire);
    DateTexts dates = new DateTexts(config.timezone());
    JobChoiceCard jobChoices = new JobChoiceCard(cards, messages, new JobMatcher());
    CandidatesCard candidatesCard = new CandidatesCard(cards, messages, clock, dates);
    HelpHandler help = new HelpHandler(cards, messages);
    ListJobsHandler jobs = new ListJobsHandler(meter, new JobsCard(cards, messages), messages);
    TeamIndex teamIndex = new TeamIndex(hire);
    AccessPolicy access = new AccessPolicy(config.admins(), hire, teamIndex, clock);
    ProfileFeature profile = ProfileFeature.create(meter, cards, messages, dates, clock, access, messenger, audit);
    PipelineFeature pipeline = new PipelineFeature(meter, jobChoices, cards, messages, clock);
    InterviewsFeature interviews = new InterviewsFeature(meter, cards, messages, dates, clock);
    OffersFeature offers = new OffersFeature(meter, jobChoices, cards, messages);
    ShowCandidatesHandler showCandidates = new ShowCandidatesHandler(meter, new StageMatcher(), candidatesCard,
        jobChoices, messages, clock, config.timezone());
    CommandRouter commands = new CommandRouter(help)
        .on(Command.Help.class, help)
        .on(Command.ShowCandidates.class, showCandidates)
        .on(Command.CountCandidates.class, showCandidates::count)
        .on(Command.ListJobs.class, jobs)
        .on(Command.ShowProfile.class, profile.handler())
        .on(Command.ShowPipeline.class, pipeline)
        .on(Command.ListInterviews.class, interviews)
        .on(Command.ListOffers.class, offers);

    ErrorReplies errors = new ErrorReplies(cards, messages);
    // Automation is built further down; disabling a group ends its subscriptions and digest through it.
    AtomicReference<Automation> automationRef = new AtomicReference<>();
    AccessCommands accessCommands = new AccessCommands(groupAccess, access, audit, cards, messages,
        config.timezone(), clock, chatId -> automationRef.get().stopChat(chatId));
    accessCommands.registerWith(commands);
    JdbcProcessedEvents processed = new JdbcProcessedEvents(db, clock);
    Retention retention = new Retention(db, config.auditRetention());
    new FailedEventsView(access, processed, cards, messages, config.timezone()).registerWith(commands);
    CandidatesActions candidates = new CandidatesActions(meter, candidatesCard, messages);
    ActionRouter actions = new ActionRouter(messages)
        .on(CandidatesActions.SHOW, candidates::showPage)
        .on(CandidatesActions.PAGE, candidates::showPage)
        .on(JobsCard.PAGE, jobs::page)
        .on(ProfileActions.PAGE, profile.actions()::show)
        .on(ProfileActions.OPEN, profile.actions()::show)
        .on(ProfileActions.PRIVATE, profile.actions()::sendPrivately)
        .on(PipelineFeature.SHOW, pipeline::show)
        .on(InterviewsFeature.PAGE, interviews::page)
        .on(OffersFeature.PAGE, offers::page)
        .on(OffersFeature.SHOW, offers::page);
    PipelineReader pipelineReader = new PipelineReader(hire, clock);
    CandidatesView candidatesView = new CandidatesView(hire, pipelineReader, candidatesCard);
    // Click keys live in the database, so the same click delivered to two replicas (or before and after a
    // restart) writes once; a duplicate whose first click is still running says so in both languages.
    JdbcActionOnce actionOnce = new JdbcActionOnce(vertx, db, clock, () -> ActionResult.info(
        messages.get(Language.EN, "toast.inProgress") + " / " + messages.get(Language.ZH, "toast.inProgress")));
    ActionGuard guard = new ActionGuard(access, actionOnce, audit, errors, messages, clock);

    Automation automation = new Automation(config, clock, db, hire, cards, messages, messenger.bulk(), metrics,
        new ViewReplay(actions, profile.actions()),
        // An enabled group, or a hiring-team member's own chat: notifications never land where data may not go.
        (chatId, openId) -> groupAccess.enabled(chatId).compose(on -> on ? Future.succeededFuture(true)
            : access.mayQuery(openId).map(d -> d.allowed() && d.role() != AccessPolicy.Role.INTERVIEWER)));
    automationRef.set(automation);
    CandidateActions.create(hire, (talentId, page, lang) -> profile.actions().render(new Talent(talentId, "", "", ""),
            page, lang), messenger, automation.livingCards(), pipelineReader, candidatesView, guard,
        new ActionForms(cards, messages), cards, messages, clock, config.timezone()).registerWith(actions);
    automation.commands(commands);
    automation.actions(actions);
    // The feature contract (issue 14): new features register here; the older ones above move over one by one.
    FeatureRegistry registry = new FeatureRegistry(commands, actions)
        .hireEvents(automation.notifier())
        .cardsSent(automation.livingCards());
    UnderstandingFeature understanding = new UnderstandingFeature(hire, meter, cards, messages);
    understanding.register(registry);
    UserRateLimitGate perUser = new UserRateLimitGate(messages);
    dispatcher = new BotDispatcher(vertx, understanding.parser(), commands, actions, messenger,
        processed, errors, botOpenId::get, metrics, messages,
        List.of(perUser, new HiringDataGate(groupAccess, access, audit, messages, clock)),
        accessCommands::welcome)
        .gateActions(List.of(perUser))
        .onHireEvents(registry.hireEventListeners())
        .onCardSent(registry.cardSentListeners());
    EnvelopeVerifier verifier = new EnvelopeVerifier(config.feishu().verificationToken(),
        config.feishu().encryptKey(), clock);
    InboundMapper mapper = new InboundMapper(botOpenId::get);
    gateway = new WebhookGateway(verifier, mapper, dispatcher, json, metrics);
    longConnection = config.mode() == BotConfig.Mode.WEBSOCKET
        ? new LongConnectionGateway(config.feishu().appId(), config.feishu().appSecret(), config.feishu().baseUrl(),
            mapper, dispatcher, context)
        : null;
    scheduler
        .add(Routine.every("replay-unfinished-events", EVENT_REPLAY_PERIOD, now -> gateway.replayUnfinished(processed)))
        .add(Routine.every("purge-processed-events", EVENT_PURGE_PERIOD, now -> processed.purgeExpired()))
        .add(Routine.every("purge-past-retention", EVENT_PURGE_PERIOD, retention::purge))
        .add(Routine.every("purge-action-keys", EVENT_PURGE_PERIOD, now -> actionOnce.purgeExpired()))
        // Not at start: the first private query builds the index, the routine keeps it fresh after that.
        .add(Routine.every("team-index", TeamIndex.REFRESH, TeamIndex.REFRESH, now -> teamIndex.refresh()));
    automation.routines(scheduler);
    registry.routines().forEach(scheduler::add);
  }
}
