package io.hirebot.feishu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EpochTimesTest {
  @Test
  @DisplayName("seconds below 10^11, milliseconds from there")
  void secondsOrMillis() {
    assertEquals(Instant.parse("2026-12-03T10:00:00Z"), EpochTimes.instant(1_796_292_000L));
    assertEquals(Instant.parse("2026-12-03T10:00:00.123Z"), EpochTimes.instant(1_796_292_000_123L));
    assertEquals(1_796_292_000_000L, EpochTimes.millis(1_796_292_000L));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(longs = {Long.MIN_VALUE, -10_000_000_000_000_000L, EpochTimes.EARLIEST_SECOND - 1})
  @DisplayName("a time in seconds that no long of milliseconds holds is the epoch (unknown), not an exception")
  void beyondMillis(long value) {
    assertEquals(Instant.EPOCH, EpochTimes.instant(value));
    assertEquals(0, EpochTimes.millis(value));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(longs = {EpochTimes.EARLIEST_SECOND, -1, 0, EpochTimes.SECONDS_BELOW - 1, EpochTimes.SECONDS_BELOW,
      Long.MAX_VALUE})
  @DisplayName("every other value converts both ways")
  void edges(long value) {
    assertEquals(EpochTimes.instant(value).toEpochMilli(), EpochTimes.millis(value));
  }
}
