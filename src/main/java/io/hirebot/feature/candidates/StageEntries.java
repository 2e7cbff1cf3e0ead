package io.hirebot.feature.candidates;

import io.hirebot.hire.Application;
import io.hirebot.hire.OwnChanges;
import io.hirebot.hire.PipelinePage;
import io.hirebot.hire.StageEntry;
import io.vertx.core.Future;
import java.util.List;

/**
 * A page's candidates with the time each entered their stage as the team saw it ({@link StageEntry}): after an Undo
 * made through the bot, the entry before the undone move, not Hire's new one, so the row does not read "in stage since
 * today". Without the bot's record (a failed read) the page stays as Hire has it.
 */
final class StageEntries {
  private final OwnChanges changes;

  StageEntries(OwnChanges changes) {
    this.changes = changes;
  }

  Future<PipelinePage> of(PipelinePage page) {
    List<String> ids = page.applications().stream().map(Application::id).toList();
    return changes.of(ids).otherwise(List.of()).map(made -> made.isEmpty() ? page
        : page.withApplications(page.applications().stream().map(a -> StageEntry.of(a, made)).toList()));
  }
}
