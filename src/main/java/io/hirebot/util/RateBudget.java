package io.hirebot.util;

import io.vertx.core.Future;

/**
 * One rate budget (permits per second with a burst), either this process's own or shared by every replica
 * through the database. Two ways to take a permit: {@link #reserve()} books one even if that means waiting
 * (for calls someone is waiting for), {@link #takeOrWait()} takes one only if it is free now and otherwise
 * books nothing, so bulk work never pushes interactive calls back.
 */
public interface RateBudget {
  /** Keys of per-chat budgets start so: made on demand, one per chat, and purged once idle. */
  String CHAT_KEY_PREFIX = "im.chat:";

  /** Books one permit, borrowed from the future if need be; completes with the nanoseconds to wait before using it. */
  Future<Long> reserve();

  /** Takes a permit if one is free now (completes with 0), else completes with the nanoseconds until one will be. */
  Future<Long> takeOrWait();

  /** The server refused for being too fast: nothing more is granted for {@code nanos}. */
  void penalize(long nanos);

  /** A budget of this process alone, for a single replica. */
  static RateBudget local(double permitsPerSecond, int burst) {
    TokenBucket bucket = new TokenBucket(permitsPerSecond, burst);
    return new RateBudget() {
      @Override
      public Future<Long> reserve() {
        return Future.succeededFuture(bucket.reserve());
      }

      @Override
      public Future<Long> takeOrWait() {
        return Future.succeededFuture(bucket.takeOrWait());
      }

      @Override
      public void penalize(long nanos) {
        bucket.penalize(nanos);
      }
    };
  }

  /** Makes the budget of one named limit (e.g. {@code im.message} at 50/s). */
  @FunctionalInterface
  interface Factory {
    RateBudget create(String key, double permitsPerSecond, int burst);

    Factory LOCAL = (key, rate, burst) -> local(rate, burst);
  }
}
