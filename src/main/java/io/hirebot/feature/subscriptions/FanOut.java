package io.hirebot.feature.subscriptions;

import io.hirebot.feature.subscriptions.NotificationCard.Notification;
import io.hirebot.store.HeldNotifications;
import io.hirebot.store.HeldNotifications.Path;
import io.hirebot.bot.Messenger;
import io.hirebot.bot.Reply;
import io.hirebot.error.FeishuApiException;
import io.hirebot.i18n.Language;
import io.hirebot.store.SubscriptionStore.Subscription;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one notification to many subscribed chats: rendered once per language, each send keyed by chat so a
 * retried fan-out posts nothing twice, paced by the messenger's per-chat and per-app rate limits. A chat in
 * its quiet hours gets the notification held for the batch at the window's end instead, unless an earlier try sent
 * it. A chat the bot is no longer in stops following (no retry would reach it, and failing would re-send to every
 * other chat).
 */
final class FanOut {
  private static final Logger log = LoggerFactory.getLogger(FanOut.class);

  private final Messenger messenger;
  private final QuietHours quiet;
  private final HeldNotifications held;
  private final Function<String, Future<?>> unfollow;

  /** @param unfollow ends what a chat follows (for a chat the bot was taken out of) */
  FanOut(Messenger messenger, QuietHours quiet, HeldNotifications held, Function<String, Future<?>> unfollow) {
    this.messenger = messenger;
    this.quiet = quiet;
    this.held = held;
    this.unfollow = unfollow;
  }

  /** @param key what is being notified, unique per notification (the chat id is appended per send) */
  Future<Void> send(List<Subscription> subs, Function<Language, Notification> render, String key) {
    Map<Language, Notification> perLanguage = new EnumMap<>(Language.class);
    List<Future<?>> sends = new ArrayList<>();
    for (Subscription s : subs) {
      sends.add(sendOne(s, perLanguage.computeIfAbsent(Language.ofFeishuLocale(s.lang()), render), key));
    }
    return Future.join(sends).mapEmpty();
  }

  /**
   * Sends (or holds) the notification for one subscribed chat; succeeds too when the bot is no longer in the chat,
   * which then stops following. A retry (the same key) takes the path of the first try, quiet hours or not
   * ({@link HeldNotifications#route}): a send whose answer was lost is completed under its uuid, never held for the
   * batch, where the chat would see it twice. A first try refused by a rate limit posted nothing: its retry chooses
   * anew (not a retry's refusal: an earlier try may have posted it).
   */
  Future<Void> sendOne(Subscription s, Notification n, String key) {
    String sendKey = key + ":" + s.chatId();
    return quiet.isQuiet(s.chatId())
        .compose(isQuiet -> held.route(sendKey, s.chatId(), isQuiet, s.lang(), n::held))
        .compose(path -> path == Path.HELD ? Future.<Void>succeededFuture()
            : messenger.send(s.chatId(), Reply.card(n.card()), sendKey).<Void>mapEmpty()
                .recover(e -> refused(s, sendKey, path, e)))
        .recover(e -> e instanceof FeishuApiException fe && fe.isBotOutOfChat() ? left(s, fe) : Future.failedFuture(e))
        .onFailure(e -> log.error("notification failed chat_id={} job_id={} key={} cause={}", s.chatId(),
            s.jobId(), key, e.toString()));
  }

  /**
   * A failed send, failed still: when it was this try's choice to send ({@link Path#SENT}) and Feishu's rate limit
   * refused it, which posts nothing, the path is forgotten first, so that the retry chooses again by the quiet hours.
   */
  private Future<Void> refused(Subscription s, String sendKey, Path path, Throwable e) {
    if (path != Path.SENT || !(e instanceof FeishuApiException fe && fe.isRateLimited())) {
      return Future.failedFuture(e);
    }
    return held.forget(sendKey)
        .onFailure(f -> log.warn("notification path not forgotten after a rate limit; its retry keeps it chat_id={} "
            + "key={} cause={}", s.chatId(), sendKey, f.toString()))
        .transform(forgotten -> Future.failedFuture(e));
  }

  /** The bot is no longer in the chat (its bot.deleted event not subscribed, or not yet handled): unfollow it. */
  private Future<Void> left(Subscription s, FeishuApiException refusal) {
    log.warn("notification not delivered: the bot is not in the chat; the chat's subscriptions end chat_id={} "
        + "job_id={} code={} logid={}", s.chatId(), s.jobId(), refusal.code(), refusal.logId());
    return unfollow.apply(s.chatId()).<Void>mapEmpty().otherwiseEmpty();
  }
}
