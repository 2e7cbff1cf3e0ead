package io.hirebot.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.bot.Reply;
import java.util.List;

/**
 * What a user sees of one message or card the bot put in a chat: a text, or a card (JSON 2.0) read through its title,
 * subtitle, whole text and buttons, the way the end-to-end tests read the sandbox's copy.
 *
 * @param text the text of a text message, or null for a card
 * @param card the card, or null for a text message
 */
public record Shown(String text, JsonNode card) {

  public static Shown of(Reply reply) {
    if (reply instanceof Reply.Card c) {
      return of(c.card());
    }
    return new Shown(((Reply.Text) reply).text(), null);
  }

  public static Shown of(ObjectNode card) {
    return card == null ? null : new Shown(null, card.deepCopy());
  }

  public boolean isCard() {
    return card != null;
  }

  /** All a reader could find in it: the text, or the card's whole JSON (both languages, every element). */
  public String all() {
    return isCard() ? card.toString() : text;
  }

  public String title() {
    return requireCard().path("header").path("title").path("content").asText();
  }

  public String subtitle() {
    return requireCard().path("header").path("subtitle").path("content").asText();
  }

  /** The callback values of the buttons (and menus) whose value names {@code action}, in card order. */
  public List<JsonNode> buttons(String action) {
    return requireCard().findValues("value").stream().filter(v -> action.equals(v.path("action").asText())).toList();
  }

  /** The one button of {@code action} whose value has {@code key} = {@code value}. */
  public JsonNode button(String action, String key, Object value) {
    return buttons(action).stream().filter(v -> v.path(key).asText().equals(String.valueOf(value))).findFirst()
        .orElseThrow(() -> new AssertionError("no " + action + " button with " + key + "=" + value + " in " + all()));
  }

  /** The texts of the buttons whose callback value names {@code action}, in card order: what the user reads on them. */
  public List<String> labels(String action) {
    List<String> labels = new java.util.ArrayList<>();
    collectLabels(requireCard(), action, labels);
    return labels;
  }

  private static void collectLabels(JsonNode node, String action, List<String> labels) {
    if (node.isObject() && "button".equals(node.path("tag").asText())) {
      for (JsonNode behavior : node.path("behaviors")) {
        if (action.equals(behavior.path("value").path("action").asText())) {
          labels.add(node.path("text").path("content").asText());
        }
      }
    }
    node.forEach(child -> collectLabels(child, action, labels));
  }

  /**
   * What a person can read of {@code shown}: a text, or the card without its callback values and preselected options,
   * which carry ids for the bot and are never displayed.
   */
  public static String readable(Shown shown) {
    if (shown == null || !shown.isCard()) {
      return shown == null ? "" : shown.text();
    }
    JsonNode copy = shown.card().deepCopy();
    withoutValues(copy);
    return copy.toString();
  }

  private static void withoutValues(JsonNode node) {
    if (node instanceof ObjectNode o) {
      o.remove(List.of("value", "initial_option", "element_id", "name"));
    }
    node.forEach(Shown::withoutValues);
  }

  public boolean contains(String fragment) {
    return all().contains(fragment);
  }

  private JsonNode requireCard() {
    if (card == null) {
      throw new AssertionError("expected a card, the bot answered text: " + text);
    }
    return card;
  }

  @Override
  public String toString() {
    return all();
  }
}
