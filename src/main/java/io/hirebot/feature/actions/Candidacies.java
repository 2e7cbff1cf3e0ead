package io.hirebot.feature.actions;

import io.hirebot.command.Command;
import io.hirebot.hire.HireDirectory;
import io.hirebot.hire.TalentsByName;
import io.hirebot.hire.TalentsByName.Applied;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/**
 * Who a typed name means, as applications a change can act on: the people {@link TalentsByName} finds, with their
 * active applications read fresh (a change is confirmed against the stage they are in now).
 */
final class Candidacies {

  /**
   * What the search found: the active applications, whether anyone by that name exists at all, and how many more
   * people matched than were read.
   */
  record Found(List<Applied> candidacies, boolean anyone, int unread) {}

  private Candidacies() {}

  static Future<Found> find(HireDirectory hire, String name) {
    return TalentsByName.find(hire, name, true).map(found -> new Found(found.people().stream()
        .flatMap(p -> p.applications().stream())
        .filter(c -> c.application().active() && c.application().stage() != null).toList(),
        !found.people().isEmpty(), found.unread()));
  }

  /** One application, read now, with its job. */
  static Future<Applied> one(HireDirectory hire, String applicationId) {
    return hire.applicationNow(applicationId).compose(a -> hire.jobs().map(jobs -> Applied.of(a, jobs)));
  }

  /**
   * The answer's key when {@code change} is one Hire refuses on {@code c} because the person is a hire (a rejection
   * or a move: 1002205, reference §5), so the sender is told at once rather than asked to confirm it; a note is written
   * on anyone.
   */
  static Optional<String> refusedOnAHire(Command.Change change, Applied c) {
    if (change instanceof Command.Note || !c.application().joined()) {
      return Optional.empty();
    }
    return Optional.of(change instanceof Command.Reject ? "typed.joined.reject" : "typed.joined.move");
  }
}
