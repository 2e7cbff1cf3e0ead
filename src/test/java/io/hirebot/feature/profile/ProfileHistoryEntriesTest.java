package io.hirebot.feature.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hirebot.hire.ApplicationDetail.StageVisit;
import io.hirebot.hire.OwnChange;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** How a profile joins Hire's application history (one entry per stage, the latest) with the bot's own moves. */
class ProfileHistoryEntriesTest {
  private static final Instant T0 = Instant.parse("2026-11-20T02:00:00Z");

  private static Instant day(int n) {
    return T0.plus(Duration.ofDays(n));
  }

  @Test
  @DisplayName("Hire's entries alone, in the order they happened whatever Hire's order, no one named")
  void hireAlone() {
    var history = new ProfileHistory(List.of()).of("a1", List.of(new StageVisit("interview", day(5), null),
        new StageVisit("screening", day(0), day(5))));
    assertEquals(List.of(new ProfileHistory.Entry("screening", day(0), null, false),
        new ProfileHistory.Entry("interview", day(5), null, false)), history);
  }

  @Test
  @DisplayName("a move made in Hire itself after the bot's Undo keeps its own entry beside the bot's two; another "
      + "application's moves are not this one's")
  void movedAgainInHire() {
    // GIVEN the bot moved screening → test (day 3) and back by Undo (a second later, Hire's clock a bit ahead);
    // then someone moved the application to test again in Hire (day 4), which Hire now says it entered on day 4
    Instant undone = day(3).plusSeconds(1);
    var moves = List.of(OwnChange.move("a1", day(3), "ou_li", "screening", day(0), "test", false),
        OwnChange.move("a1", undone, "ou_li", "test", day(3).plusMillis(300), "screening", true),
        OwnChange.move("a2", day(3), "ou_li", "screening", day(0), "offer", false));
    var visits = List.of(new StageVisit("screening", undone.plusMillis(200), day(4)), new StageVisit("test", day(4), null));

    assertEquals(List.of(new ProfileHistory.Entry("screening", day(0), null, false),
        new ProfileHistory.Entry("test", day(3), "ou_li", false),
        new ProfileHistory.Entry("screening", undone, "ou_li", true),
        new ProfileHistory.Entry("test", day(4), null, false)), new ProfileHistory(moves).of("a1", visits));
  }

  @Test
  @DisplayName("a rejection made through the bot and its Undo are entries of their own, by whom and why, even a minute "
      + "after Hire's entry into the stage, which they do not stand for")
  void rejectionAndRestore() {
    var reason = new io.hirebot.hire.TerminationReason("r1", "技能不匹配", "Skills do not match", 1, true);
    var test = new io.hirebot.hire.Application("a1", "j1", "t1", "Carol", new io.hirebot.hire.Stage("test", "", "",
        io.hirebot.hire.StageType.OTHER), true, day(0), day(3));
    var changes = List.of(OwnChange.rejection(test, day(3).plusSeconds(60), "ou_li", reason),
        OwnChange.restore(test, day(3).plusSeconds(90), "ou_zhang"));
    var visits = List.of(new StageVisit("screening", day(0), day(3)), new StageVisit("test", day(3), null));

    assertEquals(List.of(new ProfileHistory.Entry("screening", day(0), null, false),
        new ProfileHistory.Entry("test", day(3), null, false),
        new ProfileHistory.Entry("test", day(3).plusSeconds(60), "ou_li", false, OwnChange.Kind.REJECT, reason),
        new ProfileHistory.Entry("test", day(3).plusSeconds(90), "ou_zhang", true, OwnChange.Kind.RESTORE, null)),
        new ProfileHistory(changes).of("a1", visits));
  }
}
