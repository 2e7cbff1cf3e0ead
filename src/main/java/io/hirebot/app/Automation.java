package io.hirebot.app;

import io.hirebot.bot.SentCards;
import io.hirebot.bot.ActionRouter;
import io.hirebot.bot.CommandRouter;
import io.hirebot.bot.HireEventHandler;
import io.hirebot.bot.JobQueries;
import io.hirebot.bot.Messenger;
import io.hirebot.cards.Cards;
import io.hirebot.command.Command;
import io.hirebot.config.BotConfig;
import io.hirebot.feature.digest.DigestCard;
import io.hirebot.feature.digest.DigestCommands;
import io.hirebot.feature.digest.DigestComposer;
import io.hirebot.feature.digest.DigestRoutine;
import io.hirebot.feature.subscriptions.FanOut;
import io.hirebot.feature.subscriptions.HireNotifier;
import io.hirebot.feature.subscriptions.LivingCards;
import io.hirebot.feature.subscriptions.NewApplicationsPoller;
import io.hirebot.feature.subscriptions.NotificationCard;
import io.hirebot.feature.subscriptions.QuietHours;
import io.hirebot.feature.subscriptions.QuietHoursRelease;
import io.hirebot.feature.reminders.InterviewReminders;
import io.hirebot.feature.subscriptions.SubscriptionCommands;
import io.hirebot.hire.CachingHireDirectory;
import io.hirebot.hire.JobMatcher;
import io.hirebot.hire.PipelineReader;
import io.hirebot.hire.TaskBoard;
import io.hirebot.i18n.Messages;
import io.hirebot.schedule.Routine;
import io.hirebot.schedule.Scheduler;
import io.hirebot.store.CardRegistry;
import io.hirebot.store.ChatSettingsStore;
import io.hirebot.store.Database;
import io.hirebot.store.DigestStore;
import io.hirebot.store.ReminderLedger;
import io.hirebot.store.ApplicationJobs;
import io.hirebot.store.HeldNotifications;
import io.hirebot.store.PollCursors;
import io.hirebot.store.PollSeen;
import io.hirebot.store.SubscriptionStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.UUID;

/**
 * Wiring of what the bot does on its own — notifications, digests, polls — kept apart from {@link Wiring}
 * so the composition root stays readable: its commands, its hire-event handler and its routines.
 */
final class Automation {
  static final java.time.Duration FORGET_CARDS_EVERY = java.time.Duration.ofHours(1);

  private final SubscriptionCommands subscriptionCommands;
  private final HireNotifier notifier;
  private final DigestCommands digestCommands;
  private final DigestRoutine digests;
  private final NewApplicationsPoller poller;
  private final QuietHoursRelease quietRelease;
  private final LivingCards livingCards;
  private final InterviewReminders reminders;
  private final SubscriptionStore subscriptionStore;
  private final DigestStore digestStore;

  Automation(BotConfig config, Clock clock, Database db, CachingHireDirectory hire, TaskBoard tasks, Cards cards,
      Messages messages, Messenger messenger, MeterRegistry metrics, LivingCards.Renderer livingCardRenderer,
      SubscriptionCommands.MayFollow mayFollow) {
    SubscriptionStore subscriptions = new SubscriptionStore(db, clock);
    subscriptionStore = subscriptions;
    JobQueries jobQueries = new JobQueries(hire, new JobMatcher(), messages);
    NotificationCard notificationCard = new NotificationCard(cards, messages);
    ChatSettingsStore settings = new ChatSettingsStore(db, clock);
    QuietHours quiet = new QuietHours(settings, clock, config.timezone());
    HeldNotifications held = new HeldNotifications(db, clock);
    FanOut fanOut = new FanOut(messenger, quiet, held);
    quietRelease = new QuietHoursRelease(held, quiet, cards, messages, messenger);
    subscriptionCommands = new SubscriptionCommands(subscriptions, jobQueries, hire, messages, settings, quiet,
        mayFollow);
    livingCards = new LivingCards(new CardRegistry(db, clock), livingCardRenderer, messenger, clock);
    ApplicationJobs applicationJobs = new ApplicationJobs(db, clock);
    hire.onApplicationRead(a -> applicationJobs.remember(
        new ApplicationJobs.Known(a.id(), a.jobId(), a.talentId(), a.talentName())));
    notifier = new HireNotifier(hire, subscriptions, notificationCard, fanOut, livingCards, applicationJobs);

    PipelineReader pipeline = new PipelineReader(hire, clock);
    poller = new NewApplicationsPoller(hire, pipeline, subscriptions, new PollCursors(db, clock), new PollSeen(db, clock),
        notificationCard,
        fanOut, config.pollInterval());

    reminders = new InterviewReminders(hire, messenger, new ReminderLedger(db, clock), cards, messages,
        config.reminders(), config.timezone());
    digestStore = new DigestStore(db, clock);
    DigestComposer composer = new DigestComposer(hire, pipeline, subscriptions,
        new DigestCard(cards, messages), tasks, config.reminders().taskNudgeAfter());
    digestCommands = new DigestCommands(digestStore, settings, composer, jobQueries, messages,
        clock, config.timezone());
    // Each replica claims slots under its own name, so a log shows which one sent a digest.
    digests = new DigestRoutine(digestStore, composer, messenger, config.timezone(), UUID.randomUUID().toString(),
        metrics);
  }

  void commands(CommandRouter router) {
    router.on(Command.Subscribe.class, subscriptionCommands::subscribe)
        .on(Command.Unsubscribe.class, subscriptionCommands::unsubscribe)
        .on(Command.ListSubscriptions.class, subscriptionCommands::list)
        .on(Command.QuietHours.class, subscriptionCommands::quietHours)
        .on(Command.QuietHoursOff.class, subscriptionCommands::quietHoursOff)
        .on(Command.ScheduleDigest.class, digestCommands::schedule)
        .on(Command.DigestOff.class, digestCommands::off)
        .on(Command.DigestNow.class, digestCommands::now)
        .on(Command.SetTimezone.class, digestCommands::timezone);
  }

  void actions(ActionRouter router) {
    router.on(SubscriptionCommands.FOLLOW, subscriptionCommands::follow);
  }

  /**
   * A group that is no longer enabled must not keep receiving hiring data: its subscriptions and its digest
   * schedule end with it.
   */
  Future<Void> stopChat(String chatId) {
    return subscriptionStore.ofChat(chatId)
        .compose(subs -> Future.join(subs.stream().map(s -> subscriptionStore.remove(chatId, s.jobId())).toList()))
        .compose(v -> digestStore.remove(chatId))
        .mapEmpty();
  }

  HireEventHandler notifier() {
    return notifier;
  }

  SentCards livingCards() {
    return livingCards;
  }

  void routines(Scheduler scheduler) {
    scheduler.add(digests).add(poller).add(quietRelease).add(reminders)
        .add(Routine.every("forget-expired-cards", FORGET_CARDS_EVERY, now -> livingCards.forgetExpired()));
  }
}
