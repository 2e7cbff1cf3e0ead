package io.hirebot.feishu.outbound;

import io.hirebot.util.RateBudget;
import io.hirebot.util.RateLanes;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Feishu's per-endpoint rate limits (reference/feishu-hire-api.md §13, feishu-bot-protocol.md §5.5),
 * one budget per operation so the bot slows itself down before Feishu has to. The limits are per app: with
 * replicas on one database the budgets come from there and are shared, not multiplied.
 */
public final class RateLimits {
  /** Documented limits per second; operations not listed get {@link #DEFAULT_PER_SECOND}. */
  static final Map<String, Integer> PER_SECOND = Map.of(
      "hire.application.get_detail", 10,
      "hire.talent.get", 20,
      "hire.application.offer", 20,
      "hire.termination_reason.list", 50,
      "im.message", 50);
  /** Hire does not document the limit of most reads; stay well under the usual 50/s tier. */
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

  private final Vertx vertx;
  private final RateBudget.Factory budgets;
  private final Map<String, RateLanes> lanes = new ConcurrentHashMap<>();

  public RateLimits(Vertx vertx, RateBudget.Factory budgets) {
    this.vertx = vertx;
    this.budgets = budgets;
  }

  /** The lanes of the budget {@code operation} spends. */
  public RateLanes of(String operation) {
    String key = operation.startsWith("im.") ? IM : operation;
    return lanes.computeIfAbsent(key, k -> {
      double rate = PER_SECOND.getOrDefault(k, DEFAULT_PER_SECOND) * HEADROOM;
      return new RateLanes(vertx, budgets.create(k, rate, Math.max(1, (int) rate)));
    });
  }
}
