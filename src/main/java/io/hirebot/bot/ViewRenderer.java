package io.hirebot.bot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;

/** Renders a card's view (the callback value that shows it) again, in its chat, as its viewer would see it. */
@FunctionalInterface
public interface ViewRenderer {
  Future<ObjectNode> render(ObjectNode view, CardPlace place);
}
