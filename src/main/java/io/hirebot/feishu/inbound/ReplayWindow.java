package io.hirebot.feishu.inbound;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** Judges an {@code x-lark-request-timestamp} against the clock, so a captured request can't be replayed later; thread-safe. */
final class ReplayWindow {

  /** Timestamps above this are milliseconds: 10^11 seconds is the year 5138. */
  private static final long MILLIS_THRESHOLD = 100_000_000_000L;

  private final Clock clock;
  private final Duration window;

  ReplayWindow(Clock clock, Duration window) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.window = Objects.requireNonNull(window, "replayWindow");
  }

  /** Null when the timestamp (unix seconds, or milliseconds) lies within ±window of now, else a short reason. */
  String problem(String timestamp) {
    try {
      long value = Long.parseLong(timestamp.trim());
      Instant sent = value > MILLIS_THRESHOLD ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
      Duration skew = Duration.between(sent, clock.instant()).abs();
      return skew.compareTo(window) > 0 ? "timestamp outside the replay window" : null;
    } catch (NumberFormatException | DateTimeException | ArithmeticException e) {
      return "bad x-lark-request-timestamp";
    }
  }
}
