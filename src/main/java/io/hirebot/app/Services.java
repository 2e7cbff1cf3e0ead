package io.hirebot.app;

import io.hirebot.access.AccessPolicy;
import io.hirebot.access.AuditLog;
import io.hirebot.access.GroupAccess;
import io.hirebot.access.HiringDataRule;
import io.hirebot.bot.ActionOnce;
import io.hirebot.bot.ErrorReplies;
import io.hirebot.bot.JobQueries;
import io.hirebot.bot.Messenger;
import io.hirebot.bot.SharedTurns;
import io.hirebot.bot.ViewRenderer;
import io.hirebot.bot.middleware.ProcessedEvents;
import io.hirebot.cards.Cards;
import io.hirebot.cards.JobChoiceCard;
import io.hirebot.config.BotConfig;
import io.hirebot.hire.HireDirectory;
import io.hirebot.hire.HireMeter;
import io.hirebot.i18n.DateTexts;
import io.hirebot.i18n.Messages;
import io.hirebot.store.CardRegistry;
import io.hirebot.store.ChatSettingsStore;
import io.hirebot.store.Database;
import io.hirebot.store.DigestStore;
import io.hirebot.store.SubscriptionStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import java.time.Clock;

/**
 * What {@link Wiring} builds once and the features share: configuration, clock, database and the stores more
 * than one feature reads, the Feishu side behind its ports (Hire, the messenger), cards, texts and access.
 *
 * @param messenger answers users (its own lane)
 * @param bulkMessenger what the bot sends on its own (notifications, digests, reminders): queued behind answers
 * @param hire the caching directory, as the port
 * @param turns the writes on one application, one at a time across replicas
 * @param hiringData where hiring data may go: the gate's rule, which features that post on their own follow too
 * @param cardRegistry every card the bot put in a chat (living cards, and the gate's "what kind of chat was it in")
 * @param views renders a sent card's view again, as its own button would (routed through the features' actions)
 * @param vertx the bot's timers, for work a feature does again later (a living card's refresh Feishu did not take)
 */
record Services(BotConfig config, Clock clock, Database db, MeterRegistry metrics, Messenger messenger,
    Messenger bulkMessenger, HireDirectory hire, HireMeter meter, Cards cards, Messages messages, DateTexts dates,
    AccessPolicy access, GroupAccess groupAccess, HiringDataRule hiringData, AuditLog audit, ErrorReplies errors, ActionOnce actionOnce,
    SharedTurns turns,
    ProcessedEvents processedEvents, JobQueries jobQueries, JobChoiceCard jobChoices, ChatSettingsStore settings,
    SubscriptionStore subscriptions, DigestStore digests, CardRegistry cardRegistry, ViewRenderer views, Vertx vertx) {
}
