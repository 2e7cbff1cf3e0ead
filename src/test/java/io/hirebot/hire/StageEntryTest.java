package io.hirebot.hire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** When an application entered its stage as its team saw it, after Undos made through the bot. */
class StageEntryTest {
  private static final Instant T0 = Instant.parse("2026-11-20T02:00:00Z");

  private static Instant day(int n) {
    return T0.plus(Duration.ofDays(n));
  }

  /** In {@code stage} since {@code entered}, as Hire says. */
  private static Application in(String stage, Instant entered) {
    return new Application("a1", "j1", "t1", "Carol", new Stage(stage, "", "", StageType.OTHER), true, T0, entered);
  }

  @Test
  @DisplayName("moved on and back by Undo: in the stage since the entry before the undone move, not since the Undo")
  void undo() {
    var changes = List.of(OwnChange.move("a1", day(5), "ou_li", "screening", day(0), "test", false),
        OwnChange.move("a1", day(5).plusSeconds(30), "ou_li", "test", day(5), "screening", true));
    assertEquals(day(0), StageEntry.since(in("screening", day(5).plusSeconds(31)), changes));
  }

  @Test
  @DisplayName("moved on, back by Undo, on again and back by Undo again: still since the first entry")
  void undoneTwice() {
    Instant back = day(5).plusSeconds(30);
    var changes = List.of(OwnChange.move("a1", day(5), "ou_li", "screening", day(0), "test", false),
        OwnChange.move("a1", back, "ou_li", "test", day(5), "screening", true),
        OwnChange.move("a1", day(6), "ou_li", "screening", back.plusMillis(400), "test", false),
        OwnChange.move("a1", day(6).plusSeconds(20), "ou_li", "test", day(6), "screening", true));
    assertEquals(day(0), StageEntry.since(in("screening", day(6).plusSeconds(21)), changes));
  }

  @Test
  @DisplayName("Hire's time stands when no Undo made it: a move made in Hire after the Undo, a move that was no Undo, "
      + "another application's Undo, or no time from Hire")
  void hireStands() {
    var undone = List.of(OwnChange.move("a1", day(5), "ou_li", "screening", day(0), "test", false),
        OwnChange.move("a1", day(5).plusSeconds(30), "ou_li", "test", day(5), "screening", true));
    assertEquals(day(7), StageEntry.since(in("screening", day(7)), undone), "moved again in Hire");
    assertEquals(day(5), StageEntry.since(in("test", day(5)), undone.subList(0, 1)), "an Advance");
    var other = List.of(new OwnChange(OwnChange.Kind.MOVE, "a2", day(5), "ou_li", "test", day(1), "screening", true,
        null));
    assertEquals(day(5), StageEntry.since(in("screening", day(5)), other), "another application");
    assertEquals(null, StageEntry.since(in("screening", null), undone), "Hire did not say");
  }
}
