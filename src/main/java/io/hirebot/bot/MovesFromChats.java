package io.hirebot.bot;

import io.hirebot.hire.Application;
import io.hirebot.hire.TerminationReason;
import io.vertx.core.Future;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Changes written to Hire for a click in a chat: stage moves, rejections and their Undo. The card the click was made on
 * answers it (who did what, with an Undo), so the change is notified to every other chat that follows the job, never
 * back to the chats it was made from: a move through the Hire event it fires, a rejection or its Undo (Hire fires no
 * event for terminate or recover) by the bot itself once Hire accepted it.
 */
public interface MovesFromChats {

  /**
   * Runs {@code write}, which moves the application from one stage to another for a click answered in {@code chats},
   * once the move is noted (Hire's event for it may arrive before the write's own answer); a failed write is
   * forgotten. A note that cannot be stored does not stop the write: the chats are then notified as any other.
   */
  Future<Void> move(String applicationId, String fromStageId, String toStageId, Set<String> chats,
      Supplier<Future<Void>> write);

  /**
   * Hire accepted a rejection ({@code application} as it left it, terminated) made by {@code byOpenId} for a click
   * answered in {@code chats}: notifies the other chats that follow the job, as a move's event would.
   */
  Future<Void> rejected(Application application, TerminationReason reason, String byOpenId, Set<String> chats);

  /** Hire accepted the Undo of a rejection (the application restored): notified as {@link #rejected} is. */
  Future<Void> restored(Application application, String byOpenId, Set<String> chats);
}
