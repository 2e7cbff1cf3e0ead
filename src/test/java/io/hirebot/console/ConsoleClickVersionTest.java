package io.hirebot.console;

import static io.hirebot.e2e.BotHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.e2e.BotHarness;
import io.hirebot.sandbox.MessageSpec;
import io.hirebot.sandbox.SentMessage;
import io.hirebot.sandbox.hire.Application;
import io.hirebot.sandbox.hire.DemoTenant;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The console's click API against the real bot, with no browser: a click names the card version its path was taken
 * from, so a card the bot changed meanwhile (an earlier click's answer: a notice and Undo on top, rows shifted) does
 * not turn the click into one on another row. Feishu sends the value of the button as the clicker's client drew it.
 */
class ConsoleClickVersionTest {

  private static final String RECRUITER = DemoTenant.RECRUITER_LI;
  /** A bot per test: the bot remembers the clicks it acted on (ActionOnce), which a tenant reset does not forget. */
  @RegisterExtension
  final BotHarness h = BotHarness.encrypted();

  /** The recruiter's private-chat list of BE-001, as the console's state API hands it to the page. */
  private JsonObject listItem() {
    SentMessage list = h.ask(MessageSpec.p2p(RECRUITER).text("candidates for job BE-001"));
    return item(list.messageId());
  }

  private JsonObject item(String messageId) {
    JsonObject state = await(h.web.getAbs(h.sandbox.baseUrl() + "/sandbox/console/api/state?persona=" + RECRUITER)
        .send()).bodyAsJsonObject();
    return state.getJsonArray("items").stream().map(JsonObject.class::cast)
        .filter(i -> messageId.equals(i.getString("id"))).findFirst().orElseThrow();
  }

  /** The paths of the card's Advance buttons, in the order drawn, with the application each one carries. */
  private static List<Map.Entry<JsonArray, String>> advanceButtons(JsonObject card) {
    List<Map.Entry<JsonArray, String>> out = new ArrayList<>();
    collect(card.getJsonObject("body").getJsonArray("elements"), new JsonArray().add("body").add("elements"), out);
    return out;
  }

  private static void collect(JsonArray elements, JsonArray path, List<Map.Entry<JsonArray, String>> out) {
    for (int i = 0; i < elements.size(); i++) {
      JsonObject e = elements.getJsonObject(i);
      JsonArray here = path.copy().add(i);
      for (Object b : e.getJsonArray("behaviors", new JsonArray())) {
        JsonObject value = ((JsonObject) b).getJsonObject("value", new JsonObject());
        if ("advance".equals(value.getString("action"))) {
          out.add(Map.entry(here, value.getString("application_id")));
        }
      }
      if (e.containsKey("elements")) {
        collect(e.getJsonArray("elements"), here.copy().add("elements"), out);
      }
      JsonArray columns = e.getJsonArray("columns", new JsonArray());
      for (int c = 0; c < columns.size(); c++) {
        collect(columns.getJsonObject(c).getJsonArray("elements"), here.copy().add("columns").add(c).add("elements"), out);
      }
    }
  }

  /** A click as console.js sends it: the path and the version of the card drawn. */
  private JsonObject click(JsonObject item, JsonArray path) {
    JsonObject body = new JsonObject().put("persona", RECRUITER).put("message_id", item.getString("id"))
        .put("path", path).put("version", item.getValue("version"));
    var r = await(h.web.postAbs(h.sandbox.baseUrl() + "/sandbox/console/api/action").sendJsonObject(body));
    assertEquals(200, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonObject();
  }

  private Map<String, String> stages() {
    return h.sandbox.hire().applications().stream().collect(Collectors.toMap(Application::id, Application::stageId));
  }

  private static List<String> moved(Map<String, String> before, Map<String, String> after) {
    return before.keySet().stream().filter(id -> !before.get(id).equals(after.get(id))).sorted().toList();
  }

  @Test
  @DisplayName("Advance on a row of the card as drawn moves that row's person, though an earlier click's answer "
      + "changed the card meanwhile")
  void clickActsOnTheCardAsDrawn() {
    // GIVEN the list as the page drew it, with two rows that can be advanced
    JsonObject drawn = listItem();
    List<Map.Entry<JsonArray, String>> rows = advanceButtons(drawn.getJsonObject("content"));
    assertTrue(rows.size() >= 2, "two rows to advance: " + drawn.encode());
    Map<String, String> before = stages();

    // WHEN the first row's Advance is clicked, and the bot's answer replaces the card (notice, Undo, rows shifted)
    click(drawn, rows.get(0).getKey());
    JsonObject changed = item(drawn.getString("id"));
    assertEquals(drawn.getJsonArray("updates").size() + 1, changed.getJsonArray("updates").size(), "the answer's card");
    assertNotEquals(advanceButtons(changed.getJsonObject("content")).get(1).getKey(), rows.get(1).getKey(),
        "the rows shifted: the second row's Advance has another path now");
    // AND the second row's Advance is clicked on the card still drawn (the page had not redrawn it yet)
    click(drawn, rows.get(1).getKey());

    // THEN exactly the two people the clicker saw moved, each once
    assertEquals(List.of(rows.get(0).getValue(), rows.get(1).getValue()).stream().sorted().toList(),
        moved(before, stages()));
    assertEquals(1, transfers(rows.get(0).getValue()));
    assertEquals(1, transfers(rows.get(1).getValue()));
  }

  @Test
  @DisplayName("a double click on one row's Advance (both on the card as drawn) moves that person once")
  void doubleClickOnTheDrawnCardActsOnce() {
    JsonObject drawn = listItem();
    Map.Entry<JsonArray, String> row = advanceButtons(drawn.getJsonObject("content")).get(0);
    Map<String, String> before = stages();

    click(drawn, row.getKey());
    click(drawn, row.getKey());

    assertEquals(List.of(row.getValue()), moved(before, stages()));
    assertEquals(1, transfers(row.getValue()));
  }

  @Test
  @DisplayName("a click naming no version acts on the card as it is now (older clients); an unknown version is refused")
  void noVersionMeansTheCurrentCard() {
    JsonObject drawn = listItem();
    Map.Entry<JsonArray, String> row = advanceButtons(drawn.getJsonObject("content")).get(0);
    JsonObject body = new JsonObject().put("persona", RECRUITER).put("message_id", drawn.getString("id"))
        .put("path", row.getKey()).put("version", 7);
    String url = h.sandbox.baseUrl() + "/sandbox/console/api/action";
    assertEquals(400, await(h.web.postAbs(url).sendJsonObject(body)).statusCode(), "no version 7 of this card");
    assertEquals(0, transfers(row.getValue()));

    body.remove("version");
    assertEquals(200, await(h.web.postAbs(url).sendJsonObject(body)).statusCode());
    assertEquals(1, transfers(row.getValue()));
  }

  private long transfers(String applicationId) {
    return h.sandbox.requests().count("POST", "/open-apis/hire/v1/applications/" + applicationId + "/transfer_stage");
  }
}
