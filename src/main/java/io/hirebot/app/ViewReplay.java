package io.hirebot.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.bot.ActionRouter;
import io.hirebot.bot.inbound.CardAction;
import io.hirebot.bot.inbound.UserRef;
import io.hirebot.i18n.Language;
import io.hirebot.feature.profile.ProfileActions;
import io.hirebot.feature.subscriptions.LivingCards;
import io.vertx.core.Future;
import java.util.Map;
import java.util.UUID;

/**
 * Renders a living card's view again the way its own pager button would: the view is that button's callback
 * value, routed as a click by the card's viewer. A profile goes to the profile feature, which alone may show a
 * private chat's profile with its contact data (no click can ask for that).
 */
final class ViewReplay implements LivingCards.Renderer {
  private final ActionRouter actions;
  private final ProfileActions profiles;

  ViewReplay(ActionRouter actions, ProfileActions profiles) {
    this.actions = actions;
    this.profiles = profiles;
  }

  @Override
  public Future<ObjectNode> render(ObjectNode view, String viewer) {
    Language lang = Language.ofFeishuLocale(view.path("lang").asText("en_us"));
    String action = view.path("action").asText("");
    if (ProfileActions.PAGE.equals(action)) {
      return profiles.rerender(view, lang);
    }
    CardAction replay = new CardAction("living-" + UUID.randomUUID(), viewer == null ? null : UserRef.ofOpenId(viewer),
        null, null, null, "button", view.deepCopy(), null, Map.of(), null);
    return actions.route(replay, lang).compose(r -> r.card() != null ? Future.succeededFuture(r.card())
        : Future.failedFuture(new IllegalStateException("view " + action + " no longer renders: " + r.toast())));
  }
}
