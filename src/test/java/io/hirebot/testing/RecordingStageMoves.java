package io.hirebot.testing;

import io.hirebot.hire.StageMove;
import io.hirebot.hire.StageMoveLog;
import io.vertx.core.Future;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The stage moves made through the bot, kept in memory (the app keeps them in its database); thread-safe. */
public final class RecordingStageMoves implements StageMoveLog {
  private final List<StageMove> moves = new CopyOnWriteArrayList<>();

  @Override
  public Future<Void> record(StageMove move) {
    moves.add(move);
    return Future.succeededFuture();
  }

  @Override
  public Future<List<StageMove>> of(Collection<String> applicationIds) {
    return Future.succeededFuture(moves.stream().filter(m -> applicationIds.contains(m.applicationId())).toList());
  }

  /** Every move recorded, oldest first. */
  public List<StageMove> all() {
    return List.copyOf(moves);
  }
}
