package io.hirebot.feishu;

import java.time.Instant;

/**
 * Feishu's epoch timestamps, which arrive in seconds or in milliseconds (Hire's {@code update_time} and the enter and
 * exit times of an application's stages among them; request timestamps too). A value below 10^11 is seconds: as
 * milliseconds it would be before March 1973, and in seconds it reaches the year 5138. Pure.
 */
public final class EpochTimes {
  /** Below this a timestamp is in seconds. */
  static final long SECONDS_BELOW = 100_000_000_000L;

  private EpochTimes() {}

  /** The earliest second whose moment milliseconds in a long still hold. */
  static final long EARLIEST_SECOND = Long.MIN_VALUE / 1000;

  /**
   * The moment a timestamp in seconds or milliseconds names; a value in seconds so far before 1970 that no long of
   * milliseconds holds it (-2^63 in an event) is the epoch, as an unknown time: such a value threw, and a webhook
   * request carrying it was never answered.
   */
  public static Instant instant(long secondsOrMillis) {
    if (secondsOrMillis < EARLIEST_SECOND) {
      return Instant.EPOCH;
    }
    return secondsOrMillis < SECONDS_BELOW ? Instant.ofEpochSecond(secondsOrMillis)
        : Instant.ofEpochMilli(secondsOrMillis);
  }

  /**
   * The moment a Hire time names, or null when it names none: absent, or 0 and below, which Hire sends for a time not
   * set (a negative one would be a moment before 1970, never an interview's or a stage's).
   */
  public static Instant known(Long secondsOrMillis) {
    return secondsOrMillis == null || secondsOrMillis <= 0 ? null : instant(secondsOrMillis);
  }

  /** The same timestamp in milliseconds. */
  public static long millis(long secondsOrMillis) {
    return instant(secondsOrMillis).toEpochMilli();
  }
}
