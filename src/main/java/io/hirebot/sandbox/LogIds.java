package io.hirebot.sandbox;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Issues unique X-Tt-Logid values shaped like Feishu's (timestamp digits followed by hex); thread-safe. */
final class LogIds {

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

  private final Clock clock;
  private final AtomicLong counter = new AtomicLong();
  private final long salt = ThreadLocalRandom.current().nextLong(0x1000000L);

  LogIds(Clock clock) {
    this.clock = clock;
  }

  String next() {
    return STAMP.format(clock.instant()) + String.format("%06X%012X", salt, counter.incrementAndGet());
  }
}
