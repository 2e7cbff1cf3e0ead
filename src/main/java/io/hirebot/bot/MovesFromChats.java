package io.hirebot.bot;

import io.vertx.core.Future;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Stage moves written to Hire for a click in a chat. The card the click was made on answers it (who moved whom, with
 * an Undo), so the Hire event the move fires is notified to every other chat that follows the job, never back to the
 * chats the move was made from.
 */
public interface MovesFromChats {

  /**
   * Runs {@code write}, which moves the application from one stage to another for a click answered in {@code chats},
   * once the move is noted (Hire's event for it may arrive before the write's own answer); a failed write is
   * forgotten. A note that cannot be stored does not stop the write: the chats are then notified as any other.
   */
  Future<Void> move(String applicationId, String fromStageId, String toStageId, Set<String> chats,
      Supplier<Future<Void>> write);
}
