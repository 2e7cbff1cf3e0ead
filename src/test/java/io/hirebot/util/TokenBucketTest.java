package io.hirebot.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TokenBucketTest {
  @Test
  @DisplayName("a burst is free, then each permit waits 1/rate; a penalty pushes everything back")
  void waits() {
    AtomicLong now = new AtomicLong();
    TokenBucket b = new TokenBucket(10, 2, now::get);
    assertEquals(0, b.reserve());
    assertEquals(0, b.reserve());
    assertEquals(100_000_000L, b.reserve());
    assertEquals(200_000_000L, b.reserve());
    now.addAndGet(1_000_000_000L);
    assertEquals(0, b.reserve());
    b.penalize(500_000_000L);
    assertEquals(600_000_000L, b.reserve());
  }

  @Test
  @DisplayName("a parallel wave of 429s each saying 5 s keeps the bucket closed for 5 s, not 8 × 5 s")
  void penaltiesTakeTheLongestNotTheSum() {
    AtomicLong now = new AtomicLong();
    TokenBucket b = new TokenBucket(10, 10, now::get);
    for (int i = 0; i < 8; i++) {
      b.reserve();
    }
    for (int i = 0; i < 8; i++) {
      b.penalize(5_000_000_000L);
    }
    b.penalize(1_000_000_000L);
    assertEquals(5_100_000_000L, b.reserve());
    now.addAndGet(5_200_000_000L);
    assertEquals(0, b.reserve());
  }

  @Test
  @DisplayName("reserve with a limit books nothing when the wait is longer, and says how long it would be")
  void reserveWithinLimit() {
    AtomicLong now = new AtomicLong();
    TokenBucket b = new TokenBucket(10, 1, now::get);
    b.penalize(30_000_000_000L);
    assertEquals(-30_100_000_000L, b.reserve(4_000_000_000L));
    assertEquals(-30_100_000_000L, b.reserve(4_000_000_000L));
    now.addAndGet(30_000_000_000L);
    assertEquals(100_000_000L, b.reserve(4_000_000_000L));
  }

  @Test
  @DisplayName("tryAcquire never borrows: refused attempts do not delay the next permit")
  void tryAcquire() {
    AtomicLong now = new AtomicLong();
    TokenBucket b = new TokenBucket(1, 1, now::get);
    assertEquals(true, b.tryAcquire());
    for (int i = 0; i < 5; i++) {
      assertEquals(false, b.tryAcquire());
    }
    now.addAndGet(1_000_000_000L);
    assertEquals(true, b.tryAcquire());
  }
}
