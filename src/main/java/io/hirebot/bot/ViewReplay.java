package io.hirebot.bot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.bot.inbound.CardAction;
import io.hirebot.bot.inbound.UserRef;
import io.hirebot.i18n.Language;
import io.vertx.core.Future;
import java.util.Map;
import java.util.UUID;

/**
 * Renders a living card's view again the way its own pager button would: the view is that button's callback
 * value, routed as a click by the card's viewer on the card itself (its message, in its chat). A feature that registered a renderer for the view's action
 * renders it itself (the profile alone may show a private chat's profile with its contact data; no click can). Either
 * way the card's dates are in its chat's zone, resolved here as the dispatcher resolves a click's.
 */
final class ViewReplay implements ViewRenderer {
  private final ActionRouter actions;
  private final Map<String, ViewRenderer> byAction;
  private final ChatSettingsReader chats;

  ViewReplay(ActionRouter actions, Map<String, ViewRenderer> byAction, ChatSettingsReader chats) {
    this.actions = actions;
    this.byAction = byAction;
    this.chats = chats;
  }

  @Override
  public Future<ObjectNode> render(ObjectNode view, CardPlace given) {
    return given.chat() != null ? rendered(view, given)
        : chats.of(given.chatId()).compose(chat -> rendered(view, given.in(chat)));
  }

  private Future<ObjectNode> rendered(ObjectNode view, CardPlace place) {
    String action = view.path("action").asText("");
    ViewRenderer own = byAction.get(action);
    if (own != null) {
      return own.render(view, place);
    }
    Language lang = Language.ofFeishuLocale(view.path("lang").asText("en_us"));
    CardAction replay = new CardAction("living-" + UUID.randomUUID(),
        place.viewer() == null ? null : UserRef.ofOpenId(place.viewer()), place.messageId(), place.chatId(), null,
        "button", view.deepCopy(), null, Map.of(), null).in(place.chat());
    return actions.route(replay, lang).compose(r -> r.card() != null ? Future.succeededFuture(r.card())
        : Future.failedFuture(new IllegalStateException("view " + action + " no longer renders: "
            + r.toast().text(lang))));
  }
}
