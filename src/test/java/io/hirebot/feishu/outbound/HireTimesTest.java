package io.hirebot.feishu.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Hire's times (a stage's enter and exit time, an application's creation) as the bot reads them. */
class HireTimesTest {
  @Test
  @DisplayName("a Hire time in milliseconds or in seconds is the same moment; none, no number, 0 or below is unknown")
  void secondsOrMillis() {
    Instant moment = Instant.parse("2025-12-01T23:00:00Z");
    assertEquals(moment, FeishuHireDirectory.millis(String.valueOf(moment.toEpochMilli())));
    assertEquals(moment, FeishuHireDirectory.millis(String.valueOf(moment.getEpochSecond())));
    assertEquals(moment, FeishuHireDirectory.millis(" " + moment.getEpochSecond() + " "));
    assertNull(FeishuHireDirectory.millis(""));
    assertNull(FeishuHireDirectory.millis("soon"));
    // An interview's detail with begin_time "-1000" showed as 31 Dec 1969 23:43 (read as -1000 seconds); the list's
    // numeric times already read 0 and below as unknown.
    assertNull(FeishuHireDirectory.millis("0"));
    assertNull(FeishuHireDirectory.millis("-1000"));
  }
}
