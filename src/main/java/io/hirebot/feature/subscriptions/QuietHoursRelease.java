package io.hirebot.feature.subscriptions;

import io.hirebot.bot.Messenger;
import io.hirebot.bot.Reply;
import io.hirebot.schedule.Routine;
import io.hirebot.store.HeldNotifications;
import io.hirebot.error.FeishuApiException;
import io.hirebot.i18n.Language;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every minute: chats whose quiet hours ended get what was held for them, as one batch card ({@link QuietBatchCard}),
 * or in words when Feishu refuses the card.
 */
final class QuietHoursRelease implements Routine {
  private static final Logger log = LoggerFactory.getLogger(QuietHoursRelease.class);
  public static final Duration PERIOD = Duration.ofMinutes(1);
  /** The uuid prefixes of a batch's card and of its text form: 10 characters at most, with the digest's 40 within 50. */
  private static final String CARD = "quiet:";
  private static final String TEXT = "quiet-txt:";

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
          .compose(zone -> messenger.send(chatId, Reply.card(batch.render(rows, zone)), uuid(chatId, rows))
              .compose(id -> {
                log.info("quiet hours batch sent chat_id={} notifications={}", chatId, rows.size());
                return held.delete(token);
              })
              .recover(e -> e instanceof FeishuApiException fe && fe.isCardRefused()
                  ? inWords(chatId, token, rows, zone, fe) : Future.failedFuture(e)))
          .recover(e -> notSent(chatId, token, rows.size(), e));
    });
  }

  /**
   * A batch card Feishu refused (over its size or conversion limits) would be refused again every minute, for ever: the
   * chat gets the same batch as a text message instead ({@link QuietBatchCard#text}), under a uuid of its own derived
   * from the same rows (a retry after a lost answer posts it once), and the rows are done.
   */
  private Future<Void> inWords(String chatId, String token, List<HeldNotifications.Held> rows, ZoneId zone,
      FeishuApiException refusal) {
    return messenger.send(chatId, batch.text(rows, zone), uuid(TEXT, chatId, rows)).compose(id -> {
      log.warn("quiet hours batch card refused, sent as text chat_id={} notifications={} code={} log_id={}", chatId,
          rows.size(), refusal.code(), refusal.logId());
      return held.delete(token);
    });
  }

  /**
   * A batch not sent stays for the next run (every minute), unless the bot is out of the chat, where nothing will
   * arrive: before, its rows stayed stamped as released and no run looked at them again, so the batch was lost.
   */
  private Future<Void> notSent(String chatId, String token, int count, Throwable e) {
    if (e instanceof FeishuApiException fe && fe.isBotOutOfChat()) {
      log.warn("quiet hours batch dropped chat_id={} notifications={} cause=bot_not_in_chat", chatId, count);
      return held.delete(token);
    }
    log.warn("quiet hours batch not sent chat_id={} notifications={} kept_for_next_run=true cause={}", chatId, count,
        e.toString());
    return held.unrelease(token);
  }

  /**
   * The message uuid of a batch: the same for the same rows, so a retry of a send whose answer was lost (it may have
   * arrived) is one message for Feishu, which keeps one per uuid for an hour (reference §5: at most 50 characters).
   */
  static String uuid(String chatId, List<HeldNotifications.Held> rows) {
    return uuid(CARD, chatId, rows);
  }

  /** As {@link #uuid(String, List)}, for the batch as a {@code kind} of message ({@link #CARD} or {@link #TEXT}). */
  private static String uuid(String kind, String chatId, List<HeldNotifications.Held> rows) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(String.join("\n", key(chatId, rows)).getBytes(StandardCharsets.UTF_8));
      return kind + HexFormat.of().formatHex(digest, 0, 20);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** What the rows say, in a fixed order: the same after a restart (a record's map prints in no fixed order). */
  private static List<String> key(String chatId, List<HeldNotifications.Held> rows) {
    List<String> key = new java.util.ArrayList<>(List.of(chatId));
    for (HeldNotifications.Held r : rows) {
      key.add(r.lang() + "|" + r.change().jobId() + "|" + r.change().changedAt());
      for (Language lang : Language.values()) {
        key.add(r.change().summaries().get(lang));
      }
    }
    return key;
  }
}
