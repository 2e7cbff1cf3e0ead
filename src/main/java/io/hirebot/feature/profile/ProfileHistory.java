package io.hirebot.feature.profile;

import io.hirebot.hire.ApplicationDetail.StageVisit;
import io.hirebot.hire.OwnChange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A profile's stage history: every entry into a stage, in the order it happened, with who made the moves made through
 * the bot. Hire's application history ({@code stage_time_list}) keeps one entry per stage, with the latest time the
 * application entered it, and no one's name: after a move back (an Undo) the first entry into that stage is gone. The
 * bot's own moves ({@link OwnChange}) give those back, with who made them. Pure.
 */
final class ProfileHistory {
  /**
   * Hire's time for an entry the bot made and the bot's time of that move differ by the write's duration and the two
   * clocks: entries of the same stage this close are one.
   */
  static final Duration SAME_ENTRY = Duration.ofMinutes(2);

  /**
   * One entry into a stage.
   *
   * @param entered when (null when Hire did not say)
   * @param by who moved the application there through the bot; null for a move Hire alone knows of
   * @param undo whether that move undid the one before
   */
  record Entry(String stageId, Instant entered, String by, boolean undo) {}

  private final Map<String, List<OwnChange>> moves;

  /** @param changes the bot's changes of the profile's applications, oldest first */
  ProfileHistory(List<OwnChange> changes) {
    this.moves = changes.stream().filter(c -> c.kind() == OwnChange.Kind.MOVE)
        .collect(Collectors.groupingBy(OwnChange::applicationId));
  }

  /** The entries of one application, oldest first: its moves made through the bot, and Hire's other entries. */
  List<Entry> of(String applicationId, List<StageVisit> visits) {
    List<OwnChange> made = moves.getOrDefault(applicationId, List.of());
    List<Entry> entries = new ArrayList<>();
    made.forEach(m -> entries.add(new Entry(m.toStageId(), m.at(), m.by(), m.undo())));
    // The stay each move ended, as Hire had it before the move: a later move back into that stage overwrote it there.
    made.stream().filter(m -> m.fromEnteredAt() != null)
        .forEach(m -> addUnlessKnown(entries, new Entry(m.fromStageId(), m.fromEnteredAt(), null, false)));
    visits.forEach(v -> addUnlessKnown(entries, new Entry(v.stageId(), v.entered(), null, false)));
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
    return Duration.between(a.entered(), b.entered()).abs().compareTo(SAME_ENTRY) <= 0;
  }
}
