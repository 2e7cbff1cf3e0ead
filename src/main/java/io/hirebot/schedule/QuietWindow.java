package io.hirebot.schedule;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/** A daily quiet window in a zone ("22:00-08:00" spans midnight); start inclusive, end exclusive. Pure. */
public record QuietWindow(LocalTime start, LocalTime end, ZoneId zone) {

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
