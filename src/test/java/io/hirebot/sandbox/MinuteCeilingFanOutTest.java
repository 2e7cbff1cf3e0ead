package io.hirebot.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.feishu.outbound.RateLimits;
import io.hirebot.util.CeiledBucket;
import io.hirebot.util.RateBudget;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The bot's IM budget (the figures {@link RateLimits} gives it) against the emulator's limiter, on one virtual clock:
 * a 1,100-chat fan-out with replies asked every two seconds meanwhile. Each permit is used when the budget says,
 * and the emulator judges the calls in time order, so the test is exact and takes no wall-clock time.
 */
class MinuteCeilingFanOutTest {
  private static final int BULK = 1100;
  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
  private static final long REPLY_EVERY = 2 * SECOND;

  private record Send(long at, boolean reply) {}

  @Test
  @DisplayName("1,100 bulk sends + replies: Feishu's minute ceiling is never hit, all arrive, replies wait at most a permit")
  void fanOutWithinTheMinute() {
    AtomicLong now = new AtomicLong();
    RateBudget im = imBudget(now::get);
    List<Send> sends = new ArrayList<>();
    long longestReplyWait = 0;
    int repliesWhileBulkWaited = 0;
    int bulkSent = 0;
    long nextBulk = 0;
    long nextReply = SECOND / 2;
    while (bulkSent < BULK) {
      if (nextReply <= nextBulk) {
        now.set(nextReply);
        long wait = ((CeiledBucket) im).reserveNanos();
        sends.add(new Send(nextReply + wait, true));
        longestReplyWait = Math.max(longestReplyWait, wait);
        repliesWhileBulkWaited++;
        nextReply += REPLY_EVERY;
      } else {
        now.set(nextBulk);
        long wait = ((CeiledBucket) im).takeOrWaitNanos();
        if (wait == 0) {
          sends.add(new Send(nextBulk, false));
          bulkSent++;
        } else {
          nextBulk += wait;
        }
      }
    }
    sends.sort((a, b) -> Long.compare(a.at(), b.at()));

    MutableClock clock = new MutableClock(Instant.parse("2026-03-02T02:00:00Z"));
    RateLimiter feishu = new RateLimiter(clock, new Faults());
    int minuteRefused = 0;
    int secondRefused = 0;
    long judged = 0;
    for (Send s : sends) {
      clock.advance(Duration.ofNanos(s.at() - judged));
      judged = s.at();
      RateLimiter.Decision d = feishu.acquire(ImRoutes.IM_ENDPOINT, ImRoutes.IM_ENDPOINT, ImRoutes.IM_APP_RATE);
      if (!d.allowed()) {
        if (d.limit() == 1000) {
          minuteRefused++;
        } else {
          secondRefused++;
        }
      }
    }
    long lastBulk = sends.stream().filter(s -> !s.reply()).mapToLong(Send::at).max().orElse(0);
    System.out.printf("[minute-ceiling] %d bulk sends took %.1f s (virtual), %d replies meanwhile, longest reply wait "
            + "%d ms; busiest 60 s: %d calls (%d bulk); Feishu refused %d for the minute, %d for the second%n",
        BULK, lastBulk / 1e9, repliesWhileBulkWaited, longestReplyWait / 1_000_000, busiest(sends, null),
        busiest(sends, false), minuteRefused, secondRefused);
    assertEquals(0, minuteRefused, "Feishu's 1000/min was exceeded");
    assertEquals(0, secondRefused, "Feishu's 50/s was exceeded");
    assertEquals(BULK + repliesWhileBulkWaited, sends.size(), "every send and reply went out");
    assertTrue(lastBulk > 60 * SECOND, "1,100 sends cannot fit in one minute's ceiling");
    // As soon as Feishu allows: the bulk share of the first 60 s at the per-second pace, the rest as the first sends
    // leave the window (a token bucket of half the ceiling refilled over the minute took 105.7 s).
    assertTrue(lastBulk < 70 * SECOND, "the fan-out took " + lastBulk / 1_000_000 + " ms");
    assertTrue(longestReplyWait < SECOND, "a reply waited " + longestReplyWait / 1_000_000 + " ms behind the digest");
    assertTrue(busiest(sends, false) <= 0.9 * 900, "bulk left 10% of the minute to replies");
  }

  /** The IM budget with the very figures the bot gives it, on the test's clock. */
  private static RateBudget imBudget(java.util.function.LongSupplier clock) {
    Vertx vertx = Vertx.vertx();
    try {
      AtomicReference<RateBudget> made = new AtomicReference<>();
      new RateLimits(vertx, (key, rate, burst, perMinute) -> {
        assertNotNull(perMinute, "Feishu's IM budget has a minute ceiling");
        made.set(new CeiledBucket(rate, burst, perMinute, clock));
        return made.get();
      }).of("im.message.create");
      return made.get();
    } finally {
      vertx.close();
    }
  }

  /** The most sends (replies too when {@code bulkOnly} is null) any 60 s saw. */
  private static int busiest(List<Send> sends, Boolean bulkOnly) {
    List<Long> times = sends.stream().filter(s -> bulkOnly == null || s.reply() == bulkOnly).map(Send::at).toList();
    int max = 0;
    int first = 0;
    for (int i = 0; i < times.size(); i++) {
      while (times.get(first) + 60 * SECOND <= times.get(i)) {
        first++;
      }
      max = Math.max(max, i - first + 1);
    }
    return max;
  }
}
