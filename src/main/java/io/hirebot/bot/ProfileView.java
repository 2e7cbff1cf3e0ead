package io.hirebot.bot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.bot.inbound.CardAction;
import io.hirebot.i18n.Language;
import io.vertx.core.Future;

/**
 * The profile feature's card of a talent, for other features whose actions answer with it (a change made on a
 * profile) or open it (a list's row).
 */
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

  /**
   * A talent's profile opened from a button on another card.
   *
   * @param name the name the button shows (the toast names whose profile it is), or empty
   * @param page the page of the talent's applications (0 but for a form's "Back to the profile")
   * @param contact whether the button claims its card showed phone and email (see {@link #render})
   * @param back the value that shows the card the button sits on again, when the button knows it better than the
   *     card the bot recorded (a list's row names its page and filter); null: the recorded card's own view
   */
  record Opened(String talentId, String name, int page, boolean contact, ObjectNode back) {}

  /**
   * The answer to a click that opens a profile from another card, wherever it is: in a group the profile is a new
   * message replying to the clicked card, which stays as it is for everyone; in a private chat it replaces the card,
   * with a Back button to it. One rule for every card with a Profile button (the profile feature's).
   */
  Future<ActionResult> open(CardAction click, Opened profile, Language lang);
}
