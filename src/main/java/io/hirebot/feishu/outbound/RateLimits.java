package io.hirebot.feishu.outbound;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.hirebot.util.RateBudget;
import io.hirebot.util.RateLanes;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Feishu's per-endpoint rate limits (reference/feishu-hire-api.md §13, feishu-bot-protocol.md §5.5),
 * one budget per operation (with its minute ceiling where Feishu has one) so the bot slows itself down before Feishu
 * has to, and one per chat (or user) for Feishu's 5 messages/s into a chat or to a user. Both kinds are shared through the database by replicas on one, not multiplied.
 */
public final class RateLimits {
  /**
   * Documented limits per second ("接口频率限制" on each API's doc page; docs/feishu-fidelity.md lists the pages); operations
   * not listed get {@link #DEFAULT_PER_SECOND}.
   */
  static final Map<String, Integer> PER_SECOND = Map.ofEntries(
      Map.entry("hire.job.list", 50),
      Map.entry("hire.job_process.list", 20),
      Map.entry("hire.application.list", 50),
      Map.entry("hire.application.get_detail", 10),
      Map.entry("hire.application.transfer_stage", 50),
      Map.entry("hire.termination_reason.list", 50),
      Map.entry("hire.interview.list", 50),
      Map.entry("hire.note.list", 20),
      Map.entry("hire.offer.get", 20),
      Map.entry("hire.offer.list", 50),
      Map.entry("hire.evaluation.list", 50),
      Map.entry("hire.employee.get_by_application", 50),
      Map.entry("hire.evaluation_task.list", 50),
      Map.entry("hire.exam_marking_task.list", 50),
      Map.entry("hire.interview_task.list", 50),
      Map.entry("hire.test.search", 50),
      Map.entry("im.message", 50));
  /**
   * Documented ceilings per minute, on top of the per second ones: Feishu refuses a call when either is reached
   * (feishu-bot-protocol.md §5.5: send/reply/patch/card update 1000/min and 50/s; the Hire APIs documented as
   * "1000 次/分钟、50 次/秒" too).
   */
  static final Map<String, Integer> PER_MINUTE = Map.ofEntries(
      Map.entry("hire.application.list", 1000),
      Map.entry("hire.application.transfer_stage", 1000),
      Map.entry("hire.termination_reason.list", 1000),
      Map.entry("hire.offer.list", 1000),
      Map.entry("hire.evaluation.list", 1000),
      Map.entry("hire.employee.get_by_application", 1000),
      Map.entry("hire.evaluation_task.list", 1000),
      Map.entry("hire.exam_marking_task.list", 1000),
      Map.entry("hire.interview_task.list", 1000),
      Map.entry("hire.test.search", 1000),
      Map.entry("im.message", 1000));
  /**
   * The share of a minute's ceiling bulk calls (digests, notifications) may use: a 1,000-chat digest would otherwise
   * take the whole minute and every reply in it would wait for the window, so 10% stays for interactive calls.
   */
  static final double BULK_SHARE = 0.9;
  /**
   * For APIs whose page gives no limit or was not found (terminate, recover, talent list, note create, recruiter): stay
   * well under the usual 50/s tier.
   */
  static final int DEFAULT_PER_SECOND = 20;
  /**
   * The share of each documented limit the bot plans to use. Calls leave on time but reach Feishu with some
   * jitter (worker queue, connection, network); at exactly the limit two calls arriving together would be
   * refused, and each refusal costs a second of the whole budget. Measured: at 100% a 600-chat digest drew
   * 48 refusals from the emulator; at 90% none.
   */
  static final double HEADROOM = 0.9;
  /** Every IM call (send, reply, patch, delayed card update) spends Feishu's one IM budget of the app. */
  static final String IM = "im.message";
  /**
   * Messages the app may send at once after a pause. A digest fan-out keeps the IM budget busy for many seconds: with a
   * second's worth of burst (45) sent at once on top of the steady 45/s, calls delayed on a busy machine reached the
   * emulator together and 13 of a 600-chat fan-out were refused (429); paced evenly they lose no throughput.
   */
  static final int IM_BURST = 5;
  /** Feishu's limit of messages into one chat (or to one user) per second, whoever sends them. */
  static final int PER_CHAT_PER_SECOND = 5;
  /** Longest key {@code rate_budgets} holds; a longer receive id keeps a budget of this replica's own. */
  private static final int MAX_KEY = 100;

  private final Vertx vertx;
  private final RateBudget.Factory budgets;
  private final Map<String, RateLanes> lanes = new ConcurrentHashMap<>();
  /** A chat's budget is one whichever lane sends; chats idle for minutes are forgotten here. */
  private final LoadingCache<String, RateBudget> perChat;
  /**
   * The user each known private chat is with: Feishu limits messages to one user to 5 a second whether they are sent to
   * the open_id or replied in that chat, so both spend the user's budget. Refreshed by every message in the chat.
   */
  private final Cache<String, String> privateChats = Caffeine.newBuilder()
      .expireAfterAccess(Duration.ofMinutes(30))
      .maximumSize(100_000)
      .build();

  public RateLimits(Vertx vertx, RateBudget.Factory budgets) {
    this.vertx = vertx;
    this.budgets = budgets;
    this.perChat = Caffeine.newBuilder()
        .expireAfterAccess(Duration.ofMinutes(2))
        .maximumSize(100_000)
        .build(id -> {
          String key = RateBudget.CHAT_KEY_PREFIX + id;
          // The same margin as the app's budgets: messages reach Feishu with some jitter after their permit.
          double rate = PER_CHAT_PER_SECOND * HEADROOM;
          int burst = Math.max(1, (int) rate);
          return key.length() > MAX_KEY ? RateBudget.local(rate, burst) : budgets.create(key, rate, burst);
        });
  }

  /**
   * The budget of messages into one chat or to one user ({@code receiveId}), shared by every sender there; a user's
   * private chat with the bot spends that user's.
   */
  public RateBudget perChat(String receiveId) {
    String user = privateChats.getIfPresent(receiveId);
    return perChat.get(user != null ? user : receiveId);
  }

  /** Learns that {@code chatId} is {@code openId}'s private chat with the bot. */
  public void privateChat(String chatId, String openId) {
    if (chatId != null && openId != null && !openId.equals(privateChats.getIfPresent(chatId))) {
      privateChats.put(chatId, openId);
    }
  }

  /** The lanes of the budget {@code operation} spends. */
  public RateLanes of(String operation) {
    String key = operation.startsWith("im.") ? IM : operation;
    return lanes.computeIfAbsent(key, k -> {
      double rate = PER_SECOND.getOrDefault(k, DEFAULT_PER_SECOND) * HEADROOM;
      int burst = k.equals(IM) ? IM_BURST : Math.max(1, (int) rate);
      Integer perMinute = PER_MINUTE.get(k);
      // The same margin per minute as per second: permits reach Feishu with jitter, and its window is any 60 s.
      RateBudget.Ceiling ceiling = perMinute == null ? null
          : RateBudget.Ceiling.perMinute(perMinute * HEADROOM, BULK_SHARE);
      return new RateLanes(vertx, budgets.create(k, rate, burst, ceiling));
    });
  }
}
