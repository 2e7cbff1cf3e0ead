package io.hirebot.bot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.i18n.Language;
import io.vertx.core.Future;

/**
 * The profile feature's card of a talent, for other features whose actions answer with it (a change made on a
 * profile, a profile opened from a list's row).
 */
@FunctionalInterface
public interface ProfileView {
  /**
   * The profile at the page of the talent's applications, with the value that renders it again.
   *
   * @param place the card it replaces, and who it is shown to (it offers only the changes they may make)
   * @param contact whether the card it replaces showed phone and email, as that card's value says: the profile shows
   *     them again only where the bot recorded that card in a private chat, and only to whom they are for (the
   *     profile feature's one rule, which its pager and living re-renders follow too); false for none
   * @param back the card value that shows the list the profile is opened from ("Back to the list"), or null
   */
  Future<Reply.Card> render(String talentId, int page, CardPlace place, boolean contact, ObjectNode back,
      Language lang);
}
