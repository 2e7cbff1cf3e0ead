package io.hirebot.testing;

import io.hirebot.hire.OwnChange;
import io.hirebot.hire.OwnChanges;
import io.vertx.core.Future;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The changes made through the bot, kept in memory once Hire made them (the app keeps them in its database, with the
 * chats a move was made from, which the harness does not notify); thread-safe.
 */
public final class RecordingOwnChanges implements OwnChanges {
  private final List<OwnChange> changes = new CopyOnWriteArrayList<>();

  @Override
  public Future<Void> move(OwnChange move, Set<String> chats, Supplier<Future<Void>> write) {
    return write.get().onSuccess(v -> changes.add(move));
  }

  @Override
  public Future<Void> record(OwnChange change) {
    changes.add(change);
    return Future.succeededFuture();
  }

  @Override
  public Future<List<OwnChange>> of(Collection<String> applicationIds) {
    return Future.succeededFuture(changes.stream().filter(m -> applicationIds.contains(m.applicationId())).toList());
  }

  /** Every change recorded, oldest first. */
  public List<OwnChange> all() {
    return List.copyOf(changes);
  }
}
