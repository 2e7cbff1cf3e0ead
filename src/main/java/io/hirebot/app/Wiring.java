package io.hirebot.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hirebot.bot.ActionResult;
import io.hirebot.bot.ActionRouter;
import io.hirebot.bot.BotDispatcher;
import io.hirebot.bot.CommandRouter;
import io.hirebot.bot.ErrorReplies;
import io.hirebot.cards.CardTemplates;
import io.hirebot.cards.Cards;
import io.hirebot.command.Command;
import io.hirebot.command.CommandParser;
import io.hirebot.config.BotConfig;
import io.hirebot.feature.candidates.CandidatesActions;
import io.hirebot.feature.candidates.CandidatesCard;
import io.hirebot.feature.candidates.JobChoiceCard;
import io.hirebot.feature.candidates.ShowCandidatesHandler;
import io.hirebot.feature.help.HelpHandler;
import io.hirebot.feature.jobs.ListJobsHandler;
import io.hirebot.feishu.FeishuClients;
import io.hirebot.feishu.inbound.EnvelopeVerifier;
import io.hirebot.feishu.inbound.InboundMapper;
import io.hirebot.feishu.inbound.WebhookGateway;
import io.hirebot.feishu.outbound.FeishuBotInfo;
import io.hirebot.feishu.outbound.FeishuHireDirectory;
import io.hirebot.feishu.outbound.FeishuMessenger;
import io.hirebot.hire.CachingHireDirectory;
import io.hirebot.hire.JobMatcher;
import io.hirebot.hire.PipelineReader;
import io.hirebot.i18n.Messages;
import io.hirebot.schedule.Routine;
import io.hirebot.schedule.Scheduler;
import io.hirebot.store.Database;
import io.hirebot.store.JdbcProcessedEvents;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
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
  /** How old a signed request may be; Feishu signs each push afresh, retries included. */
  static final Duration REPLAY_WINDOW = Duration.ofMinutes(5);
  static final Duration EVENT_REPLAY_PERIOD = Duration.ofMinutes(1);
  static final Duration EVENT_PURGE_PERIOD = Duration.ofHours(1);
  static final List<String> PENDING_ACTIONS = List.of("advance", "reject", "profile", "note", "move");

  final FeishuClients feishu;
  final FeishuBotInfo botInfo;
  final AtomicReference<String> botOpenId = new AtomicReference<>("");
  final WebhookGateway gateway;
  final CachingHireDirectory hire;
  final Database db;
  final Scheduler scheduler;

  public Wiring(Vertx vertx, BotConfig config, PrometheusMeterRegistry metrics, Clock clock, Database db) {
    this.db = db;
    this.scheduler = new Scheduler(vertx, clock);
    ObjectMapper json = new ObjectMapper();
    Messages messages = Messages.load();
    Cards cards = new Cards(CardTemplates.load(json, config.cardsDir()), json);

    feishu = new FeishuClients(vertx, config.feishu(), metrics);
    botInfo = new FeishuBotInfo(feishu.client(), feishu.calls());
    hire = new CachingHireDirectory(new FeishuHireDirectory(feishu.client(), feishu.calls()));
    hire.caches().forEach((name, cache) -> CaffeineCacheMetrics.monitor(metrics, cache.caffeine(), name));
    FeishuMessenger messenger = new FeishuMessenger(feishu.client(), feishu.calls(), json, metrics);

    PipelineReader pipeline = new PipelineReader(hire);
    CandidatesCard candidatesCard = new CandidatesCard(cards, messages, clock, config.timezone());
    HelpHandler help = new HelpHandler(cards, messages);
    CommandRouter commands = new CommandRouter(help)
        .on(Command.Help.class, help)
        .on(Command.ShowCandidates.class, new ShowCandidatesHandler(hire, pipeline, new JobMatcher(),
            candidatesCard, new JobChoiceCard(cards, messages)))
        .on(Command.ListJobs.class, new ListJobsHandler(hire, cards, messages));
    Automation automation = new Automation(config, clock, db, hire, cards, messages, messenger, metrics,
        (jobId, page, lang) -> hire.jobs().compose(jobs -> pipeline.read(
            jobs.stream().filter(j -> j.id().equals(jobId)).findFirst().orElseThrow(), page,
            ShowCandidatesHandler.PAGE_SIZE)).map(p -> candidatesCard.render(p, lang)));
    automation.commands(commands);

    CandidatesActions candidates = new CandidatesActions(hire, pipeline, candidatesCard, messages);
    ActionRouter actions = new ActionRouter(messages)
        .on(CandidatesActions.SHOW, candidates::showPage)
        .on(CandidatesActions.PAGE, candidates::showPage);
    // The card-actions issue wires these to Hire; until then the buttons say so instead of failing.
    PENDING_ACTIONS.forEach(a -> actions.on(a,
        (action, lang) -> Future.succeededFuture(ActionResult.info(messages.get(lang, "toast.actionNotReady")))));

    JdbcProcessedEvents processed = new JdbcProcessedEvents(db, clock);
    BotDispatcher dispatcher = new BotDispatcher(vertx, new CommandParser(), commands, actions, messenger,
        processed, new ErrorReplies(cards, messages), botOpenId::get, metrics, messages)
        .onHireEvents(automation.notifier())
        .onCardSent(automation.livingCards());
    EnvelopeVerifier verifier = new EnvelopeVerifier(config.feishu().verificationToken(),
        config.feishu().encryptKey(), clock, REPLAY_WINDOW);
    gateway = new WebhookGateway(verifier, new InboundMapper(botOpenId::get), dispatcher, json, metrics);
    scheduler
        .add(Routine.every("replay-unfinished-events", EVENT_REPLAY_PERIOD, now -> gateway.replayUnfinished(processed)))
        .add(Routine.every("purge-processed-events", EVENT_PURGE_PERIOD, now -> processed.purgeExpired()));
    automation.routines(scheduler);
  }
}
