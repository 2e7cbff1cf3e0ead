package io.hirebot.feature.actions;

import io.hirebot.hire.HireDirectory;
import io.hirebot.hire.TalentsByName;
import io.hirebot.hire.TalentsByName.Applied;
import io.vertx.core.Future;
import java.util.List;

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
}
