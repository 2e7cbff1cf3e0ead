package io.hirebot.feature.subscriptions;

import io.hirebot.feature.subscriptions.NotificationCard.Notification;
import io.hirebot.store.HeldNotifications;
import io.hirebot.bot.Messenger;
import io.hirebot.bot.Reply;
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
 * its quiet hours gets the notification held for the batch at the window's end instead.
 */
final class FanOut {
  private static final Logger log = LoggerFactory.getLogger(FanOut.class);

  private final Messenger messenger;
  private final QuietHours quiet;
  private final HeldNotifications held;

  FanOut(Messenger messenger, QuietHours quiet, HeldNotifications held) {
    this.messenger = messenger;
    this.quiet = quiet;
    this.held = held;
  }

  /** @param key what is being notified, unique per notification (the chat id is appended per send) */
  Future<Void> send(List<Subscription> subs, Function<Language, Notification> render, String key) {
    Map<Language, Notification> perLanguage = new EnumMap<>(Language.class);
    List<Future<?>> sends = new ArrayList<>();
    for (Subscription s : subs) {
      Notification n = perLanguage.computeIfAbsent(Language.ofFeishuLocale(s.lang()), render);
      sends.add(quiet.isQuiet(s.chatId())
          .compose(isQuiet -> isQuiet ? held.hold(s.chatId(), s.lang(), n.summary())
              : messenger.send(s.chatId(), Reply.card(n.card()), key + ":" + s.chatId()).<Void>mapEmpty())
          .onFailure(e -> log.error("notification failed chat_id={} job_id={} key={} cause={}", s.chatId(),
              s.jobId(), key, e.toString())));
    }
    return Future.join(sends).mapEmpty();
  }
}
