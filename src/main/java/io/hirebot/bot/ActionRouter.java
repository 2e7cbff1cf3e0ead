package io.hirebot.bot;

import io.hirebot.bot.inbound.CardAction;
import io.hirebot.i18n.Language;
import io.hirebot.i18n.Messages;
import io.vertx.core.Future;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Routes a card click by the {@code action} key of its callback value (TJ-Bot's component-id idea). */
public final class ActionRouter {
  private static final Logger log = LoggerFactory.getLogger(ActionRouter.class);

  private final Map<String, ActionHandler> handlers = new HashMap<>();
  private final Messages messages;

  public ActionRouter(Messages messages) {
    this.messages = messages;
  }

  public ActionRouter on(String action, ActionHandler handler) {
    if (handlers.put(action, handler) != null) {
      log.warn("replaced the handler for action={}", action);
    }
    return this;
  }

  /** Whether a handler is registered for {@code action}. */
  public boolean handles(String action) {
    return handlers.containsKey(action);
  }

  public Future<ActionResult> route(CardAction action, Language language) {
    ActionHandler handler = handlers.get(action.actionName());
    if (handler == null) {
      log.debug("unknown card action action={} message_id={}", action.actionName(), action.messageId());
      return Future.succeededFuture(ActionResult.of(Toast.info(messages, "toast.unknownAction")));
    }
    return handler.handle(action, language);
  }
}
