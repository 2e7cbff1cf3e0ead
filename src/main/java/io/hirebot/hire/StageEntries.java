package io.hirebot.hire;

import io.vertx.core.Future;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/**
 * Applications with the time each entered their stage as the team saw it ({@link StageEntry}), for every card that
 * counts days in a stage (candidate rows, the pipeline's medians, the digest's stuck list): after an Undo made through
 * the bot, the entry before the undone move, not Hire's new one, so none reads "in stage since today". Without the
 * bot's record (a failed read) the applications stay as Hire has them. Thread-safe.
 */
public final class StageEntries {
  /** Reads the bot's changes of some applications, oldest first: {@link OwnChanges#of}, or a bulk read of them. */
  @FunctionalInterface
  public interface Source {
    Future<List<OwnChange>> of(Collection<String> applicationIds);
  }

  private final Source changes;

  public StageEntries(Source changes) {
    this.changes = changes;
  }

  /** The page with its applications' entry times as the team saw them. */
  public Future<PipelinePage> of(PipelinePage page) {
    return ofApplications(page.applications())
        .map(apps -> apps == page.applications() ? page : page.withApplications(apps));
  }

  /** The applications, in the same order, with their entry times as the team saw them. */
  public Future<List<Application>> ofApplications(List<Application> applications) {
    return made(applications.stream()).map(made -> made.isEmpty() ? applications
        : applications.stream().map(a -> StageEntry.of(a, made)).toList());
  }

  /** The bot's changes of these applications, oldest first; none when they cannot be read. */
  private Future<List<OwnChange>> made(Stream<Application> applications) {
    return changes.of(applications.map(Application::id).toList()).otherwise(List.of());
  }
}
