package io.hirebot.schedule;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/** A daily quiet window in a zone ("22:00-08:00" spans midnight); start inclusive, end exclusive. Pure. */
public record QuietWindow(LocalTime start, LocalTime end, ZoneId zone) {

  /**
   * The nights of {@code zone}, 20:00 to 09:00: private chats have no quiet-hours setting of their own, so what is
   * sent there unasked and can wait (task nudges, missing feedback, escalations) waits for the working day.
   */
  public static QuietWindow nights(ZoneId zone) {
    return new QuietWindow(LocalTime.of(20, 0), LocalTime.of(9, 0), zone);
  }

  public boolean contains(Instant t) {
    LocalTime local = t.atZone(zone).toLocalTime();
    if (start.equals(end)) {
      return false;
    }
    return start.isBefore(end)
        ? !local.isBefore(start) && local.isBefore(end)
        : !local.isBefore(start) || local.isBefore(end);
  }
}
