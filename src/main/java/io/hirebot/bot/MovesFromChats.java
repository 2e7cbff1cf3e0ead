package io.hirebot.bot;

import io.hirebot.hire.Application;
import io.hirebot.hire.TerminationReason;
import io.vertx.core.Future;
import java.util.Set;

/**
 * Rejections and their Undo written to Hire for a click in a chat. The card the click was made on answers it (who did
 * what, with an Undo), so the change is notified to every other chat that follows the job, never back to the chats it
 * was made from, by the bot itself once Hire accepted it: Hire fires no event for terminate or recover. (A stage move
 * fires one, notified from Hire's event: the move is noted with its chats in {@link io.hirebot.hire.OwnChanges}.)
 */
public interface MovesFromChats {

  /**
   * Hire accepted a rejection ({@code application} as it left it, terminated) made by {@code byOpenId} for a click
   * answered in {@code chats}: notifies the other chats that follow the job, as a move's event would, and since no
   * event is retried for it, keeps each chat's notice until the chat has it. Fails only when a notice was neither sent
   * nor kept.
   */
  Future<Void> rejected(Application application, TerminationReason reason, String byOpenId, Set<String> chats);

  /** Hire accepted the Undo of a rejection (the application restored): notified as {@link #rejected} is. */
  Future<Void> restored(Application application, String byOpenId, Set<String> chats);
}
