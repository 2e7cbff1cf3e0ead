package io.hirebot.feature.subscriptions;

import io.hirebot.hire.Application;
import io.hirebot.hire.HireDirectory;
import io.hirebot.hire.Job;
import io.hirebot.i18n.Language;
import io.hirebot.store.SubscriptionStore;
import io.hirebot.store.SubscriptionStore.Subscription;
import io.vertx.core.Future;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Notifies the chats that follow an application's job of one change to it: every chat subscribed to that kind of
 * change but those the change was made from (their card already shows it), through the {@link FanOut} (quiet hours,
 * rate limits, one send per chat). The one path for Hire's events and for the changes Hire fires none for.
 */
final class JobFollowers {
  private final HireDirectory hire;
  private final SubscriptionStore subscriptions;
  private final FanOut fanOut;

  JobFollowers(HireDirectory hire, SubscriptionStore subscriptions, FanOut fanOut) {
    this.hire = hire;
    this.subscriptions = subscriptions;
    this.fanOut = fanOut;
  }

  /** The job of a card and the language to write it in. */
  record CardLanguage(Job job, Language lang) {}

  /**
   * @param kind the subscription kind the change is ("stage", "offer")
   * @param madeFrom the chats whose own card shows the change already (made through the bot there): not notified
   * @param key what is notified, unique per change (the chat id is appended per send)
   */
  Future<Void> notify(Application a, String kind, Set<String> madeFrom, String key,
      Function<CardLanguage, NotificationCard.Notification> render) {
    return following(a.jobId(), kind, madeFrom).compose(wanted -> {
      if (wanted.isEmpty()) {
        return Future.succeededFuture();
      }
      return job(a.jobId()).compose(job -> fanOut.send(wanted, lang -> render.apply(new CardLanguage(job, lang)),
          key));
    });
  }

  /** The chats following the job for this kind of change, but {@code madeFrom}. */
  Future<List<Subscription>> following(String jobId, String kind, Set<String> madeFrom) {
    return subscriptions.ofJob(jobId).map(subs -> subs.stream()
        .filter(s -> s.kinds().contains(kind) && !madeFrom.contains(s.chatId())).toList());
  }

  /** The job as Hire lists it; its id alone when Hire no longer does. */
  Future<Job> job(String jobId) {
    return hire.jobs().map(jobs -> jobs.stream().filter(j -> j.id().equals(jobId)).findFirst()
        .orElse(new Job(jobId, "", jobId, "", true)));
  }
}
