package io.hirebot.feature.subscriptions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.bot.Messenger;
import io.hirebot.bot.Reply;
import io.hirebot.cards.Cards;
import io.hirebot.i18n.Language;
import io.hirebot.i18n.Messages;
import io.hirebot.schedule.Routine;
import io.hirebot.store.HeldNotifications;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every minute: chats whose quiet hours ended get what was held for them, as one batch card. */
final class QuietHoursRelease implements Routine {
  private static final Logger log = LoggerFactory.getLogger(QuietHoursRelease.class);
  public static final Duration PERIOD = Duration.ofMinutes(1);
  /** Notifications listed in one batch card; the rest are counted, keeping the card inside Feishu's limits. */
  static final int MAX_LISTED = 15;

  private final HeldNotifications held;
  private final QuietHours quiet;
  private final Cards cards;
  private final Messages messages;
  private final Messenger messenger;

  QuietHoursRelease(HeldNotifications held, QuietHours quiet, Cards cards, Messages messages,
      Messenger messenger) {
    this.held = held;
    this.quiet = quiet;
    this.cards = cards;
    this.messages = messages;
    this.messenger = messenger;
  }

  @Override
  public String name() {
    return "quiet-hours-release";
  }

  @Override
  public Duration period() {
    return PERIOD;
  }

  @Override
  public Future<Void> run(Instant now) {
    return held.chats().compose(chats -> Future.join(chats.stream().map(chat -> quiet.isQuiet(chat)
        .compose(isQuiet -> isQuiet ? Future.succeededFuture() : release(chat))).toList())).mapEmpty();
  }

  private Future<Void> release(String chatId) {
    String token = UUID.randomUUID().toString();
    return held.release(chatId, token).compose(rows -> {
      if (rows.isEmpty()) {
        return Future.succeededFuture();
      }
      Language lang = Language.ofFeishuLocale(rows.get(0).lang());
      return messenger.send(chatId, Reply.card(batch(rows, lang)), "quiet:" + token)
          .compose(id -> {
            log.info("quiet hours batch sent chat_id={} notifications={}", chatId, rows.size());
            return held.delete(token);
          });
    });
  }

  private ObjectNode batch(List<HeldNotifications.Held> rows, Language lang) {
    String text = rows.stream().limit(MAX_LISTED).map(HeldNotifications.Held::summary)
        .collect(Collectors.joining("\n\n"));
    if (rows.size() > MAX_LISTED) {
      text += "\n\n" + messages.get(lang, "notify.new.more", rows.size() - MAX_LISTED);
    }
    ObjectNode model = cards.model();
    model.put("title", messages.get(lang, "quiet.batch.title", rows.size()));
    model.put("color", "grey");
    model.put("text", text);
    return cards.render("notice", model);
  }
}
