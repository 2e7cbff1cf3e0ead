package io.hirebot.feature.subscriptions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.bot.Messenger;
import io.hirebot.bot.Reply;
import io.hirebot.command.Language;
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
 * Sends one notification to many subscribed chats: the card is rendered once per language and each send is
 * keyed by chat, so a retried fan-out posts nothing twice. The messenger's per-chat and per-app rate limits
 * pace the sends.
 */
final class FanOut {
  private static final Logger log = LoggerFactory.getLogger(FanOut.class);

  private final Messenger messenger;

  FanOut(Messenger messenger) {
    this.messenger = messenger;
  }

  /** @param key what is being notified, unique per notification (the chat id is appended per send) */
  Future<Void> send(List<Subscription> subs, Function<Language, ObjectNode> render, String key) {
    Map<Language, ObjectNode> perLanguage = new EnumMap<>(Language.class);
    List<Future<String>> sends = new ArrayList<>();
    for (Subscription s : subs) {
      ObjectNode card = perLanguage.computeIfAbsent(Language.ofFeishuLocale(s.lang()), render);
      sends.add(messenger.send(s.chatId(), Reply.card(card), key + ":" + s.chatId())
          .onFailure(e -> log.error("notification failed chat_id={} job_id={} key={} cause={}", s.chatId(),
              s.jobId(), key, e.toString())));
    }
    return Future.join(sends).mapEmpty();
  }
}
