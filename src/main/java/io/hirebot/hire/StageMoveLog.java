package io.hirebot.hire;

import io.vertx.core.Future;
import java.util.Collection;
import java.util.List;

/** The stage moves the bot wrote to Hire ({@link StageMove}), kept as long as the audit log; thread-safe. */
public interface StageMoveLog {
  /**
   * Keeps a move Hire accepted; completes once it is stored. A move that cannot be stored is logged and completes all
   * the same: the move itself was made.
   */
  Future<Void> record(StageMove move);

  /** The moves of these applications, oldest first. */
  Future<List<StageMove>> of(Collection<String> applicationIds);
}
