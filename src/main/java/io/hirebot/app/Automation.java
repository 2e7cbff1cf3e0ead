package io.hirebot.app;

import io.hirebot.bot.CommandRouter;
import io.hirebot.bot.HireEventHandler;
import io.hirebot.bot.JobQueries;
import io.hirebot.bot.Messenger;
import io.hirebot.cards.Cards;
import io.hirebot.command.Command;
import io.hirebot.config.BotConfig;
import io.hirebot.feature.subscriptions.HireNotifier;
import io.hirebot.feature.subscriptions.NotificationCard;
import io.hirebot.feature.subscriptions.SubscriptionCommands;
import io.hirebot.hire.CachingHireDirectory;
import io.hirebot.hire.JobMatcher;
import io.hirebot.i18n.Messages;
import io.hirebot.schedule.Scheduler;
import io.hirebot.store.Database;
import io.hirebot.store.SubscriptionStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import java.time.Clock;

/**
 * Wiring of what the bot does on its own — notifications, digests, polls — kept apart from {@link Wiring}
 * so the composition root stays readable: its commands, its hire-event handler and its routines.
 */
final class Automation {
  private final SubscriptionCommands subscriptionCommands;
  private final HireNotifier notifier;

  @SuppressWarnings("unused")
  Automation(Vertx vertx, BotConfig config, Clock clock, Database db, CachingHireDirectory hire, Cards cards,
      Messages messages, Messenger messenger, MeterRegistry metrics) {
    SubscriptionStore subscriptions = new SubscriptionStore(db, clock);
    JobQueries jobQueries = new JobQueries(hire, new JobMatcher(), messages);
    NotificationCard notificationCard = new NotificationCard(cards, messages);
    subscriptionCommands = new SubscriptionCommands(subscriptions, jobQueries, hire, messages);
    notifier = new HireNotifier(hire, subscriptions, notificationCard, messenger);
  }

  void commands(CommandRouter router) {
    router.on(Command.Subscribe.class, subscriptionCommands::subscribe)
        .on(Command.Unsubscribe.class, subscriptionCommands::unsubscribe)
        .on(Command.ListSubscriptions.class, subscriptionCommands::list);
  }

  HireEventHandler notifier() {
    return notifier;
  }

  void routines(Scheduler scheduler) {
    // digests and polls are added here
  }
}
