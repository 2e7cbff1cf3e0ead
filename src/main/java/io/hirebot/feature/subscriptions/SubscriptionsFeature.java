package io.hirebot.feature.subscriptions;

import io.hirebot.access.HiringDataRule;
import io.hirebot.bot.ChatDigests;
import io.hirebot.bot.ChatFollows;
import io.hirebot.bot.Feature;
import io.hirebot.bot.FeatureRegistry;
import io.hirebot.bot.JobQueries;
import io.hirebot.bot.Messenger;
import io.hirebot.bot.MovesFromChats;
import io.hirebot.bot.SentCards;
import io.hirebot.bot.ViewRenderer;
import io.hirebot.cards.Cards;
import io.hirebot.command.Command;
import io.hirebot.hire.HireDirectory;
import io.hirebot.hire.KnownApplications;
import io.hirebot.hire.PipelineReader;
import io.hirebot.i18n.DateTexts;
import io.hirebot.i18n.Language;
import io.hirebot.i18n.Messages;
import io.hirebot.schedule.Routine;
import io.hirebot.store.ApplicationJobs;
import io.hirebot.store.CardRegistry;
import io.hirebot.store.JdbcOwnChanges;
import io.hirebot.store.ChatSettingsStore;
import io.hirebot.store.Database;
import io.hirebot.store.HeldNotifications;
import io.hirebot.store.PendingNotices;
import io.hirebot.store.PollCursors;
import io.hirebot.store.PollSeen;
import io.hirebot.store.SubscriptionStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

/**
 * Chats follow jobs: "subscribe / unsubscribe / subscriptions", quiet hours, the Follow / Unfollow button of lists;
 * Hire events, the new-applications poll and the rejections (and their Undo) made through the bot, which Hire fires no
 * event for, become notification cards (held through quiet hours; a change the bot made for a click is not notified
 * back to the chat it was clicked in; the notice of a rejection or its Undo is sent again until each chat has it), and
 * the cards the bot sent stay alive (re-rendered in place while Feishu allows edits) as their applications move, a
 * refresh Feishu did not take being drawn again until one lands.
 */
public final class SubscriptionsFeature implements Feature {
  static final Duration FORGET_CARDS_EVERY = Duration.ofHours(1);

  private final SubscriptionStore subscriptions;
  private final SubscriptionCommands commands;
  private final FollowButtons followButtons;
  private final HireNotifier notifier;
  private final NewApplicationsPoller poller;
  private final QuietHoursRelease quietRelease;
  private final LivingCards livingCards;
  private final OwnMoves ownMoves;
  private final OwnChangeNotices ownChangeNotices;

  /**
   * @param messenger the bulk messenger: notifications queue behind users' answers
   * @param views renders a sent card's view again, as its own button would
   * @param digests the chat's digest, which its subscriptions list shows too
   * @param ownChanges the changes made through the bot, matched to Hire's events for them
   * @param vertx the timers of the living cards' refreshes Feishu did not take, drawn again after a back-off
   */
  public SubscriptionsFeature(HireDirectory hire, JobQueries jobQueries, Messenger messenger, HiringDataRule hiringData,
      ChatSettingsStore settings, SubscriptionStore subscriptions, CardRegistry cardRegistry, Database db, Cards cards,
      Messages messages, ViewRenderer views, Clock clock, ZoneId zone, Duration pollInterval, KnownApplications known,
      ChatDigests digests, JdbcOwnChanges ownChanges, Vertx vertx) {
    this.subscriptions = subscriptions;
    NotificationCard notificationCard = new NotificationCard(cards, messages, new DateTexts(zone, clock), clock);
    QuietHours quiet = new QuietHours(settings, clock, zone);
    HeldNotifications held = new HeldNotifications(db, clock);
    FanOut fanOut = new FanOut(messenger, quiet, held, this::unfollowAll);
    quietRelease = new QuietHoursRelease(held, quiet, new QuietBatchCard(cards, messages, clock), messenger);
    poller = new NewApplicationsPoller(hire, new PipelineReader(hire, clock), subscriptions, new PollCursors(db, clock),
        new PollSeen(db, clock), notificationCard, fanOut, pollInterval, clock, known);
    // Notifications never land where the data may not go: the gate's own rule, for whoever makes the chat follow
    // (an interviewer, who sees only their own interviews, may not).
    commands = new SubscriptionCommands(subscriptions, jobQueries, hire, messages, settings, quiet, poller, digests,
        new SettingsCard(cards, messages));
    followButtons = new FollowButtons(subscriptions, hire, messages,
        (chatId, openId) -> hiringData.refusal(chatId, HiringDataRule.Place.UNKNOWN, openId, false)
            .map(refusal -> refusal == null), commands::follows, views);
    livingCards = new LivingCards(cardRegistry, views, messenger, clock, vertx);
    ApplicationJobs applicationJobs = new ApplicationJobs(db, clock);
    hire.onApplicationRead(a -> applicationJobs.remember(
        new ApplicationJobs.Known(a.id(), a.jobId(), a.talentId(), a.talentName())));
    JobFollowers followers = new JobFollowers(hire, subscriptions, fanOut);
    ownChangeNotices = new OwnChangeNotices(new PendingNotices(db, clock), followers, fanOut, notificationCard);
    ownMoves = new OwnMoves(ownChanges, ownChangeNotices, clock);
    notifier = new HireNotifier(hire, followers, notificationCard, livingCards, applicationJobs, ownMoves);
  }

  @Override
  public void register(FeatureRegistry registry) {
    registry.command(Command.Subscribe.class, commands::subscribe)
        .command(Command.Unsubscribe.class, commands::unsubscribe)
        .command(Command.ListSubscriptions.class, commands::list)
        .command(Command.QuietHours.class, commands::quietHours)
        .command(Command.QuietHoursOff.class, commands::quietHoursOff)
        .action(FollowButtons.FOLLOW, followButtons::follow)
        .action(FollowButtons.UNFOLLOW, followButtons::unfollow)
        .view(SettingsCard.VIEW, (view, place) -> commands.settings(place.chatId(),
            Language.ofFeishuLocale(view.path("lang").asText(""))))
        .hireEvents(notifier)
        .cardsSent(livingCards)
        .routine(poller)
        .routine(quietRelease)
        .routine(ownChangeNotices)
        .routine(livingCards)
        .routine(Routine.every("forget-expired-cards", FORGET_CARDS_EVERY, now -> livingCards.forgetExpired()))
        // A group that is no longer enabled must not keep receiving hiring data.
        .chatStopped(this::unfollowAll);
  }

  /** Ends every subscription of the chat. */
  private Future<?> unfollowAll(String chatId) {
    return subscriptions.ofChat(chatId).compose(subs ->
        Future.join(subs.stream().map(s -> subscriptions.remove(chatId, s.jobId())).toList()));
  }

  /** Whether a chat follows a job, for the cards that offer Follow or Unfollow (the candidates list). */
  public ChatFollows chatFollows() {
    return followButtons.chatFollows();
  }

  /** Rejections and their Undo made for clicks, notified at once but to the chats they were clicked in. */
  public MovesFromChats movesFromChats() {
    return ownMoves;
  }

  /** Where the bot's cards are (and what kind of chat each is in), for features that place forms next to them. */
  public SentCards sentCards() {
    return livingCards;
  }
}
