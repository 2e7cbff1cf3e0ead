package io.hirebot.bot.middleware;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.bot.CardPlace;
import io.hirebot.bot.inbound.ChatRef;
import io.vertx.core.Future;
import java.util.Optional;

/**
 * The kind of chat a card the bot sent is in: a click names its chat but not the chat's kind, which the bot
 * knew when it sent the card (from the message it answered); and the view it recorded with the card, which draws it
 * again (what a profile opened from it leads back to).
 */
@FunctionalInterface
public interface CardChats {
  /** The kind of chat the bot's message {@code messageId} is in; empty when the bot did not record it. */
  Future<Optional<ChatRef.ChatType>> kindOf(String messageId);

  /**
   * The kind of chat a card is in: what the event says (a click the bot made of typed words), else what the bot
   * recorded with the card; empty when neither says (a card the bot never recorded, such as one forwarded to another
   * chat, or a form shown to one member of a group).
   */
  default Future<Optional<ChatRef.ChatType>> kindOf(CardPlace place) {
    if (place.chatType() != null) {
      return Future.succeededFuture(Optional.of(place.chatType()));
    }
    return place.messageId() == null ? Future.succeededFuture(Optional.empty()) : kindOf(place.messageId());
  }

  /**
   * The view the bot recorded with its card {@code messageId}: the callback value that draws the card again, as its
   * own pager would; empty when it recorded none (a form, a picker, a card it never recorded).
   */
  default Future<Optional<ObjectNode>> viewOf(String messageId) {
    return Future.succeededFuture(Optional.empty());
  }
}
