package io.hirebot.feature.subscriptions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.bot.ActionResult;
import io.hirebot.bot.CardPlace;
import io.hirebot.bot.ChatFollows;
import io.hirebot.bot.JobQueries;
import io.hirebot.bot.Toast;
import io.hirebot.bot.ViewRenderer;
import io.hirebot.bot.inbound.CardAction;
import io.hirebot.cards.QuickActions;
import io.hirebot.cards.SharedActions;
import io.hirebot.command.Command.NotificationKind;
import io.hirebot.hire.HireDirectory;
import io.hirebot.hire.Job;
import io.hirebot.i18n.Language;
import io.hirebot.i18n.Messages;
import io.hirebot.store.SubscriptionStore;
import io.hirebot.store.SubscriptionStore.Subscription;
import io.vertx.core.Future;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "🔔 Follow this job here" and "✓ Following · Unfollow" on candidate lists, and Unfollow on the chat's settings card:
 * the chat the card is in follows the job (every kind of notification) or stops, and the card is drawn again from the
 * view it carries, so that it shows what the chat now does. Whether a chat follows a job is read, never carried in a card ({@link #chatFollows}): the
 * candidates card asks at every render, so each card of the job in that chat, and every later one, says the same.
 */
final class FollowButtons {
  private static final Logger log = LoggerFactory.getLogger(FollowButtons.class);
  static final String FOLLOW = SharedActions.FOLLOW;
  static final String UNFOLLOW = SharedActions.UNFOLLOW;

  /** Whether this person may make this chat follow a job (so notifications land only where data may go). */
  @FunctionalInterface
  interface MayFollow {
    Future<Boolean> test(String chatId, String openId);
  }

  /** Stores a subscription made by {@code by} and starts what it needs (the new-applications baseline). */
  @FunctionalInterface
  interface Follow {
    Future<Void> follows(Subscription s, Job job, String by);
  }

  private final SubscriptionStore store;
  private final HireDirectory hire;
  private final Messages messages;
  private final MayFollow mayFollow;
  private final Follow follow;
  private final ViewRenderer views;

  FollowButtons(SubscriptionStore store, HireDirectory hire, Messages messages, MayFollow mayFollow, Follow follow,
      ViewRenderer views) {
    this.store = store;
    this.hire = hire;
    this.messages = messages;
    this.mayFollow = mayFollow;
    this.follow = follow;
    this.views = views;
  }

  /** Whether the chat follows the job, for any kind of notification. */
  ChatFollows chatFollows() {
    return (chatId, jobId) -> chatId == null ? Future.succeededFuture(false)
        : store.ofChat(chatId).map(subs -> subs.stream().anyMatch(s -> s.jobId().equals(jobId)));
  }

  /** Follow: the chat the card is in follows the job, every kind, if the clicker may point notifications there. */
  Future<ActionResult> follow(CardAction action, Language lang) {
    String chatId = action.chatId();
    String by = action.operatorId();
    if (chatId == null) {
      return expired();
    }
    return mayFollow.test(chatId, by).compose(allowed -> !allowed
        ? Future.succeededFuture(ActionResult.of(Toast.error(messages, "subs.followRefused")))
        : job(action).compose(job -> {
          if (job.isEmpty()) {
            return expired();
          }
          Set<String> kinds = Arrays.stream(NotificationKind.values()).map(SubscriptionCommands::kindName)
              .collect(Collectors.toSet());
          return follow.follows(new Subscription(chatId, job.get().id(), kinds, lang.feishuLocale()), job.get(), by)
              .compose(v -> redrawn(action, Toast.success(messages, "subs.followed", JobQueries.label(job.get()))));
        }));
  }

  /** Unfollow: the chat stops following the job (as "unsubscribe job X" typed in it would). */
  Future<ActionResult> unfollow(CardAction action, Language lang) {
    String chatId = action.chatId();
    String jobId = action.value().path("job_id").asText("");
    if (jobId.isEmpty() || chatId == null) {
      return expired();
    }
    // A job Hire no longer lists (closed and gone) can still be unfollowed: by its id, as the settings card shows it.
    return job(action).compose(job -> store.remove(chatId, jobId).compose(removed -> redrawn(action,
        Toast.success(messages, "subs.unfollowed", job.map(JobQueries::label).orElse(jobId)))));
  }

  private Future<Optional<Job>> job(CardAction action) {
    String jobId = action.value().path("job_id").asText("");
    return jobId.isEmpty() ? Future.succeededFuture(Optional.empty())
        : hire.jobs().map(jobs -> jobs.stream().filter(j -> j.id().equals(jobId)).findFirst());
  }

  private Future<ActionResult> expired() {
    return Future.succeededFuture(ActionResult.of(Toast.error(messages, "toast.expired")));
  }

  /**
   * The toast, with the list the button sat on drawn again where the chat's following shows. A button from before
   * buttons carried their list (or a list that no longer renders) leaves the card as it is: the toast says it.
   */
  private Future<ActionResult> redrawn(CardAction action, Toast toast) {
    ObjectNode list = QuickActions.viewIn(action.value(), SharedActions.LIST);
    String drawn = list == null ? "" : list.path("action").asText();
    if (!SharedActions.CANDIDATES_PAGE.equals(drawn) && !SettingsCard.VIEW.equals(drawn)) {
      return Future.succeededFuture(ActionResult.of(toast));
    }
    return views.render(list, CardPlace.of(action)).map(card -> new ActionResult(toast, card, list))
        .recover(e -> {
          log.warn("list not redrawn after a follow click message_id={} cause={}", action.messageId(), e.toString());
          return Future.succeededFuture(ActionResult.of(toast));
        });
  }
}
