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

  /**
   * Books one permit, borrowed from the future if need be; completes with the nanoseconds to wait before using it.
   * Past a full minute ceiling the budget replicas share completes only once a permit has left the minute.
   */
  Future<Long> reserve();

  /** Takes a permit if one is free now (completes with 0), else completes with the nanoseconds until one will be. */
  Future<Long> takeOrWait();

  /** The server refused for being too fast: nothing more is granted for {@code nanos}. */
  void penalize(long nanos);

  /**
   * A ceiling per minute on top of a budget's per-second rate: at most {@code permits} in any 60 s, all usable at
   * once. A budget of this process keeps each permit's time ({@link CeiledBucket}); replicas sharing one database row
   * count their permits in slots of a few seconds ({@code JdbcRateBudgets}). Bulk calls take only while more than
   * {@code reserve} permits are left, so interactive calls always find some: bulk gets at most {@code bulkShare} of
   * any 60 s.
   *
   * @param permits the permits any 60 s may hold
   * @param reserve permits bulk calls leave to interactive ones
   */
  record Ceiling(int permits, double reserve) {
    /** A ceiling of none would hold every call for ever: at least one permit per minute. */
    public Ceiling {
      permits = Math.max(1, permits);
    }

    /** {@code permits} in any 60 s (rounded down), of which bulk calls may use {@code bulkShare}. */
    public static Ceiling perMinute(double permits, double bulkShare) {
      return new Ceiling((int) Math.floor(permits + 1e-9), permits * (1 - bulkShare));
    }

    /** Permits a bulk call needs left, its own included: 1 and the reserve (rounded up), at most all of them. */
    public int bulkFloor() {
      return Math.min(permits, 1 + (int) Math.ceil(reserve - 1e-9));
    }
  }

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

  /** A budget of this process alone with a ceiling per minute ({@code null}: none) on top of its rate. */
  static RateBudget local(double permitsPerSecond, int burst, Ceiling perMinute) {
    return perMinute == null ? local(permitsPerSecond, burst)
        : new CeiledBucket(permitsPerSecond, burst, perMinute, System::nanoTime);
  }

  /** Makes the budget of one named limit (e.g. {@code im.message} at 50/s and 1000/min). */
  @FunctionalInterface
  interface Factory {
    /** @param perMinute the limit's minute ceiling, {@code null} when it has none */
    RateBudget create(String key, double permitsPerSecond, int burst, Ceiling perMinute);

    default RateBudget create(String key, double permitsPerSecond, int burst) {
      return create(key, permitsPerSecond, burst, null);
    }

    Factory LOCAL = (key, rate, burst, perMinute) -> local(rate, burst, perMinute);
  }
}
