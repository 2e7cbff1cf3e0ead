package io.hirebot.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** The callback values a card's buttons carry, found as the sandbox holds the card (JSON text), for clicking them. */
final class ButtonValues {
  private ButtonValues() {}

  /**
   * The one callback value of the button with this action on the application, however often the card carries it (a
   * list's pager keeps an Undo's value in its view too); fails when the card has none or two different ones.
   */
  static JsonObject only(String card, String action, String applicationId) {
    List<JsonObject> found = new ArrayList<>();
    collect(new JsonObject(card), action, applicationId, found);
    assertEquals(1, found.stream().distinct().count(), action + " for " + applicationId + " in " + card);
    return found.get(0);
  }

  private static void collect(Object node, String action, String applicationId, List<JsonObject> into) {
    if (node instanceof JsonObject o) {
      if (action.equals(o.getString("action")) && applicationId.equals(o.getString("application_id"))) {
        into.add(o);
      }
      o.fieldNames().forEach(k -> collect(o.getValue(k), action, applicationId, into));
    } else if (node instanceof JsonArray arr) {
      arr.forEach(e -> collect(e, action, applicationId, into));
    }
  }
}
