package io.hirebot.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("QuietWindow")
class QuietWindowTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @DisplayName("contains local times inside the window, over midnight too")
  @ParameterizedTest(name = "{0}-{1} at {2} → {3}")
  @CsvSource({
      "22:00, 08:00, 2026-11-25T23:30, true",
      "22:00, 08:00, 2026-11-25T07:59, true",
      "22:00, 08:00, 2026-11-25T08:00, false",
      "22:00, 08:00, 2026-11-25T21:59, false",
      "12:00, 14:00, 2026-11-25T12:00, true",
      "12:00, 14:00, 2026-11-25T14:00, false",
      "09:00, 09:00, 2026-11-25T09:00, false",
      // The night DST ends in Berlin: 02:30 happens twice, inside the window both times.
      "22:00, 08:00, 2026-10-25T02:30, true"})
  void contains(String start, String end, String local, boolean expected) {
    QuietWindow w = new QuietWindow(LocalTime.parse(start), LocalTime.parse(end), BERLIN);
    assertEquals(expected, w.contains(LocalDateTime.parse(local).atZone(BERLIN).toInstant()));
  }
}
