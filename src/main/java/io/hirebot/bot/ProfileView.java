package io.hirebot.bot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.i18n.Language;
import io.vertx.core.Future;

/** The profile feature's card of a talent, for other features whose actions answer with it (a note taken from a profile). */
@FunctionalInterface
public interface ProfileView {
  /**
   * The profile at the page of the talent's applications, with the value that renders it again.
   *
   * @param viewer who it is shown to: it offers only the changes they may make
   * @param back the card value that shows the list the profile is opened from ("Back to the list"), or null
   */
  Future<Reply.Card> render(String talentId, int page, String viewer, ObjectNode back, Language lang);
}
