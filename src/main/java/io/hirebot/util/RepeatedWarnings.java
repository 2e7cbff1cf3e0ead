package io.hirebot.util;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gates warnings that whoever sends requests decides the rate of (a forged or malformed push, an oversized body): each
 * kind is written at once the first time, then at most once per interval, saying how many were left out since. A
 * flood of bad requests then neither fills the log nor holds an event loop on a slow log reader; the metrics still
 * count every one.
 */
public final class RepeatedWarnings {
  /** One line per kind per this long. */
  public static final Duration INTERVAL = Duration.ofSeconds(10);
  /** {@link #admit}'s answer for a warning to leave out. */
  public static final long LEAVE_OUT = -1;
  /** Kinds kept apart at most; any further kind shares {@link #OTHER}'s gate, so the map stays small whatever comes. */
  static final int MAX_KINDS = 64;
  static final String OTHER = "other";
  private static final Logger LEFT_OUT = LoggerFactory.getLogger(RepeatedWarnings.class);

  private final long intervalNanos;
  private final LongSupplier nanoClock;
  private final Map<String, Kind> kinds = new ConcurrentHashMap<>();

  private static final class Kind {
    long writtenAt;
    long leftOut;

    /** A line of this kind is written at {@code now}: how many were left out before it. Called holding its lock. */
    long written(long now) {
      long before = leftOut;
      writtenAt = now;
      leftOut = 0;
      return before;
    }
  }

  public RepeatedWarnings() {
    this(INTERVAL, System::nanoTime);
  }

  public RepeatedWarnings(Duration interval, LongSupplier nanoClock) {
    this.intervalNanos = interval.toNanos();
    this.nanoClock = nanoClock;
  }

  /**
   * Logs {@code format} with {@code args} as a warning if its kind is due ({@link #admit}), with
   * {@code similar_not_logged=<n>} appended: how many of its kind were left out since the last line.
   */
  public void warn(Logger log, String kind, String format, Object... args) {
    long leftOut = admit(kind);
    if (leftOut != LEAVE_OUT) {
      Object[] withCount = Arrays.copyOf(args, args.length + 1);
      withCount[args.length] = leftOut;
      log.warn(format + " similar_not_logged={}", withCount);
    }
  }

  /**
   * One line per kind with warnings left out whose interval is over, and no line of its own since (a flood that
   * stopped): how many, so they are told within an interval rather than with the kind's next warning, whenever that
   * comes. Each line counts as its kind's: the next warning within the interval is left out, and counted.
   */
  public void reportLeftOut() {
    long now = nanoClock.getAsLong();
    kinds.forEach((name, k) -> {
      long leftOut;
      long sinceMs;
      synchronized (k) {
        if (k.leftOut == 0 || now - k.writtenAt < intervalNanos) {
          return;
        }
        sinceMs = (now - k.writtenAt) / 1_000_000;
        leftOut = k.written(now);
      }
      LEFT_OUT.warn("warnings not logged kind={} count={} since_last_line_ms={}", name, leftOut, sinceMs);
    });
  }

  /**
   * Whether to write a warning of {@code kind} now: {@link #LEAVE_OUT}, or how many of its kind were left out since
   * the last one written (0 the first time). Past {@link #MAX_KINDS} kinds, a new one is gated as {@link #OTHER}.
   */
  public long admit(String kind) {
    long now = nanoClock.getAsLong();
    String key = kinds.size() >= MAX_KINDS && !kinds.containsKey(kind) ? OTHER : kind;
    Kind k = kinds.computeIfAbsent(key, name -> {
      Kind fresh = new Kind();
      fresh.writtenAt = now - intervalNanos;
      return fresh;
    });
    synchronized (k) {
      if (now - k.writtenAt < intervalNanos) {
        k.leftOut++;
        return LEAVE_OUT;
      }
      return k.written(now);
    }
  }
}
