package io.hirebot.feature.profile;

import io.hirebot.hire.ApplicationDetail.StageVisit;
import io.hirebot.hire.OwnChange;
import io.hirebot.hire.StageEntry;
import io.hirebot.hire.TerminationReason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A profile's stage history: every entry into a stage, in the order it happened, with who made the moves made through
 * the bot, and the rejections made through the bot and their Undo. Hire's application history ({@code stage_time_list})
 * keeps one entry per stage, with the latest time the application entered it, and no one's name: after a move back (an
 * Undo) the first entry into that stage is gone, and a rejection and its Undo leave no trace. The bot's own changes
 * ({@link OwnChange}) give those back, with who made them. Pure.
 */
final class ProfileHistory {
  /**
   * One entry into a stage, or a rejection or restore made through the bot.
   *
   * @param entered when (null when Hire did not say)
   * @param by who made the change through the bot; null for a move Hire alone knows of
   * @param undo whether that change undid the one before
   * @param kind a move into {@code stageId} (Hire's entries too), or a rejection or restore in it
   * @param reason a rejection's reason; null otherwise
   */
  record Entry(String stageId, Instant entered, String by, boolean undo, OwnChange.Kind kind,
      TerminationReason reason) {
    /** An entry into a stage. */
    Entry(String stageId, Instant entered, String by, boolean undo) {
      this(stageId, entered, by, undo, OwnChange.Kind.MOVE, null);
    }
  }

  private final Map<String, List<OwnChange>> changes;

  /** @param changes the bot's changes of the profile's applications, oldest first */
  ProfileHistory(List<OwnChange> changes) {
    this.changes = changes.stream().collect(Collectors.groupingBy(OwnChange::applicationId));
  }

  /**
   * The entries of one application, oldest first: its moves made through the bot, Hire's other entries, and the
   * rejections and restores made through the bot.
   */
  List<Entry> of(String applicationId, List<StageVisit> visits) {
    List<OwnChange> made = changes.getOrDefault(applicationId, List.of());
    List<OwnChange> moves = made.stream().filter(c -> c.kind() == OwnChange.Kind.MOVE).toList();
    List<Entry> entries = new ArrayList<>();
    moves.forEach(m -> entries.add(new Entry(m.toStageId(), m.at(), m.by(), m.undo())));
    // The stay each move ended, as Hire had it before the move: a later move back into that stage overwrote it there.
    moves.stream().filter(m -> m.fromEnteredAt() != null)
        .forEach(m -> addUnlessKnown(entries, new Entry(m.fromStageId(), m.fromEnteredAt(), null, false)));
    visits.forEach(v -> addUnlessKnown(entries, new Entry(v.stageId(), v.entered(), null, false)));
    // Added after the entries into stages, which they never stand for.
    made.stream().filter(c -> c.kind() != OwnChange.Kind.MOVE).forEach(c -> entries.add(
        new Entry(c.toStageId(), c.at(), c.by(), c.undo(), c.kind(), c.reason())));
    entries.sort(Comparator.comparing(Entry::entered, Comparator.nullsFirst(Comparator.naturalOrder())));
    return entries;
  }

  private static void addUnlessKnown(List<Entry> entries, Entry e) {
    if (entries.stream().noneMatch(known -> same(known, e))) {
      entries.add(e);
    }
  }

  private static boolean same(Entry a, Entry b) {
    if (!a.stageId().equals(b.stageId())) {
      return false;
    }
    if (a.entered() == null || b.entered() == null) {
      return a.entered() == b.entered();
    }
    return Duration.between(a.entered(), b.entered()).abs().compareTo(StageEntry.SAME_ENTRY) <= 0;
  }
}
