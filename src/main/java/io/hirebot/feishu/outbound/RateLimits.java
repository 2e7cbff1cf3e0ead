package io.hirebot.feishu.outbound;

import io.hirebot.util.TokenBucket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Feishu's per-endpoint rate limits (reference/feishu-hire-api.md §13, feishu-bot-protocol.md §5.5),
 * one token bucket per operation so the bot slows itself down before Feishu has to.
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

  private final double share;
  private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

  /** @param share the fraction of each budget this replica may use (1.0 for a single replica) */
  public RateLimits(double share) {
    this.share = share;
  }

  public TokenBucket bucket(String operation) {
    String key = operation.startsWith("im.") ? "im.message" : operation;
    return buckets.computeIfAbsent(key, k -> {
      double rate = PER_SECOND.getOrDefault(k, DEFAULT_PER_SECOND) * share;
      return new TokenBucket(rate, Math.max(1, (int) rate));
    });
  }
}
