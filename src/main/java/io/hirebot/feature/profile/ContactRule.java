package io.hirebot.feature.profile;

import io.hirebot.bot.CardPlace;
import io.hirebot.bot.inbound.ChatRef;
import io.hirebot.bot.middleware.CardChats;
import io.vertx.core.Future;

/**
 * Whether a profile drawn in place of a card shows phone and email: the one rule its pager, the changes made on it
 * (through {@link io.hirebot.bot.ProfileView}) and its living re-renders follow. A click does not say what kind of chat
 * it came from, and its value is the clicker's to forge: the card's value must say it showed them, and the card must be
 * one the bot recorded in a private chat (or a page typed there). A claim on a group's card, or on a card the bot
 * never recorded (forwarded, or a form shown to one member of a group), shows none. Who may read them is the reader's
 * to check, every time ({@code ProfileReader}): anyone else reads a line saying whom they are for.
 */
final class ContactRule {
  private final CardChats cardChats;

  /** @param cardChats the kind of chat each card the bot sent is in */
  ContactRule(CardChats cardChats) {
    this.cardChats = cardChats;
  }

  /**
   * @param claimed what the card's value says: it showed phone and email
   * @param place the card the profile replaces
   */
  Future<Boolean> shows(boolean claimed, CardPlace place) {
    if (!claimed) {
      return Future.succeededFuture(false);
    }
    return cardChats.kindOf(place).map(kind -> kind.orElse(ChatRef.ChatType.GROUP) == ChatRef.ChatType.P2P)
        .otherwise(false);
  }
}
