package io.hirebot.hire;

import io.vertx.core.Future;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The changes the bot wrote to Hire ({@link OwnChange}), kept as long as the audit log: who made each, which Hire does
 * not say, for the profile's history, the notification of a move, and the days a candidate has been in a stage after
 * an Undo; and the chats a move was made from, whose cards answer it. Thread-safe.
 */
public interface OwnChanges {
  /**
   * Runs {@code write}, which makes {@code move} in Hire for a click answered in {@code chats}, once the move is noted
   * (Hire's event for it may arrive before the write's own answer); kept once Hire made it, forgotten when the write
   * failed. A note that cannot be stored does not stop the write: the move then names no one, and its chats are
   * notified of it as any other.
   */
  Future<Void> move(OwnChange move, Set<String> chats, Supplier<Future<Void>> write);

  /**
   * Keeps a rejection or restore Hire accepted; completes once it is stored. One that cannot be stored is logged and
   * completes all the same: the change itself was made.
   */
  Future<Void> record(OwnChange change);

  /** The changes Hire made of these applications, oldest first. */
  Future<List<OwnChange>> of(Collection<String> applicationIds);
}
