package io.hirebot.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CeiledBucketTest {
  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  @Test
  @DisplayName("the whole minute's ceiling at once: bulk up to the reserve, interactive the rest, then the window slides")
  void wholeCeilingAtOnce() {
    AtomicLong now = new AtomicLong();
    // 10 per minute, 80 % for bulk: bulk leaves 2 to interactive calls. The per-second rate never binds here.
    CeiledBucket b = new CeiledBucket(100, 100, RateBudget.Ceiling.perMinute(10, 0.8), now::get);
    for (int i = 0; i < 8; i++) {
      assertEquals(0, b.takeOrWaitNanos(), "bulk permit " + (i + 1));
    }
    assertEquals(60 * SECOND, b.takeOrWaitNanos(), "bulk waits for the first permit to leave the window");
    assertEquals(0, b.reserveNanos(), "an interactive call finds the reserve");
    assertEquals(0, b.reserveNanos(), "and its second permit");
    assertEquals(60 * SECOND, b.reserveNanos(), "the eleventh permit in 60 s is booked when the first leaves");

    now.set(60 * SECOND);
    // The ten of 0 s have left; the booked one is in the window: bulk has 7 above the reserve again.
    for (int i = 0; i < 7; i++) {
      assertEquals(0, b.takeOrWaitNanos(), "bulk permit " + (i + 1) + " of the second minute");
    }
    assertEquals(60 * SECOND, b.takeOrWaitNanos(), "then bulk waits for the booked permit to leave");
  }

  @Test
  @DisplayName("a permit is logged for when the per-second wait lets it be used, so the minute counts it where Feishu does")
  void loggedWhenUsed() {
    AtomicLong now = new AtomicLong();
    CeiledBucket b = new CeiledBucket(1, 1, new RateBudget.Ceiling(3, 0), now::get);
    assertEquals(0, b.reserveNanos());
    assertEquals(SECOND, b.reserveNanos());
    assertEquals(2 * SECOND, b.reserveNanos());
    // The fourth goes when the first (used at 0 s) leaves; the fifth when the second, used at 1 s, does.
    assertEquals(60 * SECOND, b.reserveNanos());
    assertEquals(61 * SECOND, b.reserveNanos());
  }

  @Test
  @DisplayName("a reserve as large as the ceiling: bulk takes only from an empty minute, and waits a window otherwise")
  void reserveAsLargeAsTheCeiling() {
    AtomicLong now = new AtomicLong();
    CeiledBucket b = new CeiledBucket(100, 100, new RateBudget.Ceiling(2, 5), now::get);
    assertEquals(0, b.takeOrWaitNanos(), "an empty minute");
    assertEquals(60 * SECOND, b.takeOrWaitNanos(), "until that permit leaves the window");
    now.set(60 * SECOND);
    assertEquals(0, b.takeOrWaitNanos());
  }

  @Test
  @DisplayName("any 60 s holds at most the ceiling, whatever the mix of bulk and interactive calls")
  void neverOverTheCeiling() {
    AtomicLong now = new AtomicLong();
    CeiledBucket b = new CeiledBucket(50, 50, RateBudget.Ceiling.perMinute(900, 0.9), now::get);
    java.util.List<Long> used = new java.util.ArrayList<>();
    java.util.Random random = new java.util.Random(7);
    for (long t = 0; t < 300 * SECOND; t += SECOND / 100) {
      now.set(t);
      if (random.nextInt(50) == 0) {
        used.add(t + b.reserveNanos());
      } else if (b.takeOrWaitNanos() == 0) {
        used.add(t);
      }
    }
    used.sort(Long::compare);
    int busiest = 0;
    for (int first = 0, i = 0; i < used.size(); i++) {
      while (used.get(first) + 60 * SECOND <= used.get(i)) {
        first++;
      }
      busiest = Math.max(busiest, i - first + 1);
    }
    assertTrue(busiest <= 900, "the most permits any 60 s held: " + busiest);
    assertTrue(busiest > 850, "most of the ceiling was used: " + busiest);
  }
}
