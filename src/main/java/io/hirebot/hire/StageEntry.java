package io.hirebot.hire;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/**
 * When an application entered the stage it is in, as its team saw it: an Undo made through the bot moves it back, and
 * Hire writes that as a new entry into the stage ({@code stage_time_list} keeps the latest), so the days in it would
 * start again; the bot's record of the undone move kept when the application had entered the stage before. Pure.
 */
public final class StageEntry {
  /**
   * Hire's time for an entry the bot made and the bot's time of that move differ by the write's duration and the two
   * clocks: entries of the same stage this close are one.
   */
  public static final Duration SAME_ENTRY = Duration.ofMinutes(2);

  private StageEntry() {}

  /**
   * When {@code a} entered its stage: Hire's time, unless that entry is an Undo made through the bot, whose undone move
   * left the stage having entered it earlier; then that earlier time (followed back through Undos undone again). Null
   * when Hire did not say.
   *
   * @param changes the bot's changes, oldest first (any application's; others are ignored)
   */
  public static Instant since(Application a, List<OwnChange> changes) {
    Instant entered = a.stageEnteredAt();
    List<OwnChange> moves = changes.stream()
        .filter(c -> c.kind() == OwnChange.Kind.MOVE && c.applicationId().equals(a.id())).toList();
    int before = moves.size();
    while (entered != null) {
      Instant hireSays = entered;
      int back = latest(moves, before, m -> m.undo() && m.toStageId().equals(a.stage().id())
          && Duration.between(m.at(), hireSays).abs().compareTo(SAME_ENTRY) <= 0);
      if (back < 0) {
        return entered;
      }
      OwnChange undo = moves.get(back);
      int undone = latest(moves, back, m -> m.fromStageId().equals(undo.toStageId())
          && m.toStageId().equals(undo.fromStageId()));
      if (undone < 0 || moves.get(undone).fromEnteredAt() == null) {
        return entered;
      }
      entered = moves.get(undone).fromEnteredAt();
      before = undone;
    }
    return null;
  }

  /** The application with its entry time {@link #since}. */
  public static Application of(Application a, List<OwnChange> changes) {
    Instant since = since(a, changes);
    return since == null || since.equals(a.stageEnteredAt()) ? a : a.enteredAt(since);
  }

  /** The index of the latest of {@code moves} before {@code end} that matches; -1 for none. */
  private static int latest(List<OwnChange> moves, int end, Predicate<OwnChange> matches) {
    for (int i = end - 1; i >= 0; i--) {
      if (matches.test(moves.get(i))) {
        return i;
      }
    }
    return -1;
  }
}
