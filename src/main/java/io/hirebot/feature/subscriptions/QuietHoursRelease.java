package io.hirebot.feature.subscriptions;

import io.hirebot.bot.Messenger;
import io.hirebot.bot.Reply;
import io.hirebot.schedule.Routine;
import io.hirebot.store.HeldNotifications;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every minute: chats whose quiet hours ended get what was held for them, as one batch card ({@link QuietBatchCard}).
 */
final class QuietHoursRelease implements Routine {
  private static final Logger log = LoggerFactory.getLogger(QuietHoursRelease.class);
  public static final Duration PERIOD = Duration.ofMinutes(1);

  private final HeldNotifications held;
  private final QuietHours quiet;
  private final QuietBatchCard batch;
  private final Messenger messenger;

  QuietHoursRelease(HeldNotifications held, QuietHours quiet, QuietBatchCard batch, Messenger messenger) {
    this.held = held;
    this.quiet = quiet;
    this.batch = batch;
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
      return quiet.zone(chatId)
          .compose(zone -> messenger.send(chatId, Reply.card(batch.render(rows, zone)), "quiet:" + token))
          .compose(id -> {
            log.info("quiet hours batch sent chat_id={} notifications={}", chatId, rows.size());
            return held.delete(token);
          });
    });
  }
}
