package io.hirebot.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hirebot.testing.LoggedLines;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RepeatedWarningsTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  @DisplayName("each kind: the first at once, then one per interval saying how many were left out; kinds apart")
  void onePerIntervalPerKind() {
    AtomicLong now = new AtomicLong(5 * SECOND);
    RepeatedWarnings gate = new RepeatedWarnings(Duration.ofSeconds(10), now::get);
    assertEquals(0, gate.admit("rejected 401"));
    for (int i = 0; i < 99; i++) {
      assertEquals(RepeatedWarnings.LEAVE_OUT, gate.admit("rejected 401"));
    }
    assertEquals(0, gate.admit("too large"), "another kind is not held back");
    now.addAndGet(10 * SECOND - 1);
    assertEquals(RepeatedWarnings.LEAVE_OUT, gate.admit("rejected 401"));
    now.addAndGet(1);
    assertEquals(100, gate.admit("rejected 401"), "left out since the last line");
    now.addAndGet(60 * SECOND);
    assertEquals(0, gate.admit("rejected 401"), "a quiet interval: nothing left out");
  }

  @Test
  @DisplayName("warn writes the line with similar_not_logged appended, or nothing")
  void warnAppendsTheCount() {
    AtomicLong now = new AtomicLong();
    RepeatedWarnings gate = new RepeatedWarnings(Duration.ofSeconds(10), now::get);
    org.slf4j.Logger log = LoggerFactory.getLogger("io.hirebot.util.RepeatedWarningsTest.sample");
    try (LoggedLines lines = LoggedLines.of("io.hirebot.util.RepeatedWarningsTest.sample")) {
      gate.warn(log, "rejected 401", "webhook rejected status={} reason={}", 401, "signature mismatch");
      gate.warn(log, "rejected 401", "webhook rejected status={} reason={}", 401, "signature mismatch");
      now.addAndGet(10 * SECOND);
      gate.warn(log, "rejected 401", "webhook rejected status={} reason={}", 401, "stale timestamp");
      assertEquals(java.util.List.of(
          "webhook rejected status=401 reason=signature mismatch similar_not_logged=0",
          "webhook rejected status=401 reason=stale timestamp similar_not_logged=1"),
          lines.events().stream().map(e -> e.getFormattedMessage()).toList());
    }
  }

  @Test
  @DisplayName("past the kinds it keeps apart, new kinds share one gate: whatever a request makes of a kind, the map stays small")
  void boundedKinds() {
    AtomicLong now = new AtomicLong();
    RepeatedWarnings gate = new RepeatedWarnings(Duration.ofSeconds(10), now::get);
    for (int i = 0; i < RepeatedWarnings.MAX_KINDS; i++) {
      assertEquals(0, gate.admit("kind " + i));
    }
    assertEquals(0, gate.admit("one more"), "the first beyond the bound opens the shared gate");
    assertEquals(RepeatedWarnings.LEAVE_OUT, gate.admit("and another"), "which the next new kind finds closed");
    assertEquals(RepeatedWarnings.LEAVE_OUT, gate.admit("kind 3"), "the kinds kept apart keep their own gates");
  }

  @Test
  @DisplayName("warnings left out are reported once their interval is over, without waiting for the kind's next one")
  void leftOutReported() {
    AtomicLong now = new AtomicLong();
    RepeatedWarnings gate = new RepeatedWarnings(Duration.ofSeconds(10), now::get);
    try (LoggedLines lines = LoggedLines.of("io.hirebot.util.RepeatedWarnings")) {
      assertEquals(0, gate.admit("rejected 401 signature mismatch"));
      for (int i = 0; i < 4; i++) {
        gate.admit("rejected 401 signature mismatch");
      }
      assertEquals(0, gate.admit("too large"), "written, nothing left out: nothing to report");
      now.addAndGet(9 * SECOND);
      gate.reportLeftOut();
      assertEquals(java.util.List.of(), lines.events(), "the interval is not over");
      now.addAndGet(SECOND);
      gate.reportLeftOut();
      gate.reportLeftOut();
      assertEquals(java.util.List.of("warnings not logged kind=rejected 401 signature mismatch count=4 "
          + "since_last_line_ms=10000"), lines.events().stream().map(e -> e.getFormattedMessage()).toList());
      assertEquals(RepeatedWarnings.LEAVE_OUT, gate.admit("rejected 401 signature mismatch"),
          "the report was the kind's line of this interval");
    }
  }
}
