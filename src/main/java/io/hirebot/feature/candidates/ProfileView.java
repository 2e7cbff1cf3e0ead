package io.hirebot.feature.candidates;

import io.hirebot.bot.Reply;
import io.hirebot.i18n.Language;
import io.vertx.core.Future;

/** Renders a talent's profile card (the profile feature's), so an action taken from a profile answers with it. */
@FunctionalInterface
public interface ProfileView {
  /** The profile at the page of the talent's applications, with the value that renders it again. */
  Future<Reply.Card> render(String talentId, int page, Language lang);
}
