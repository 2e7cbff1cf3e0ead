package io.hirebot.sandbox;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The console's JSON for chat items (users' messages, the bot's messages and one-member cards); stateless. */
final class ConsoleView {

  private ConsoleView() {}

  static JsonObject user(ImState.UserMessage m) {
    return item(m.messageId(), m.chatId(), "user", m.createTime()).put("sender", m.senderOpenId()).put("text", m.text());
  }

  static JsonObject bot(SentMessage m) {
    JsonArray updates = new JsonArray();
    m.updates().forEach(u -> updates.add(new JsonObject().put("kind", u.kind().name().toLowerCase())
        .put("time", u.time().toString())));
    return item(m.messageId(), m.chatId(), "bot", m.createTime()).put("msg_type", m.msgType())
        .put("content", JsonSupport.toVertx(m.currentContent())).put("parent_id", m.parentId()).put("updates", updates)
        .put("version", m.version());
  }

  static JsonObject ephemeral(EphemeralCard e, boolean deleted) {
    return item(e.messageId(), e.chatId(), "ephemeral", e.createTime()).put("msg_type", "interactive")
        .put("visible_to", e.openId()).put("content", JsonSupport.toVertx(e.card())).put("version", e.version())
        .put("deleted", deleted);
  }

  private static JsonObject item(String id, String chatId, String kind, Instant time) {
    return new JsonObject().put("id", id).put("chat_id", chatId).put("kind", kind).put("time", time.toString());
  }

  /** Everything the persona sees in the chats it sees, oldest first (ids grow with time for equal instants). */
  static JsonArray items(ImState im, ConsolePersona persona) {
    List<JsonObject> all = new ArrayList<>();
    im.userMessages().forEach(m -> all.add(user(m)));
    im.messages().forEach(m -> all.add(bot(m)));
    im.ephemeralCards().stream().filter(e -> e.openId().equals(persona.openId())).forEach(e -> all.add(ephemeral(e, false)));
    JsonArray out = new JsonArray();
    all.stream().filter(i -> visible(im, persona, i))
        .sorted(Comparator.comparing((JsonObject i) -> i.getString("time")).thenComparing(i -> i.getString("id")))
        .forEach(out::add);
    return out;
  }

  static boolean visible(ImState im, ConsolePersona persona, JsonObject item) {
    String visibleTo = item.getString("visible_to");
    if (visibleTo != null && !visibleTo.equals(persona.openId())) {
      return false;
    }
    return im.chat(item.getString("chat_id")).map(persona::sees)
        .orElse(item.getString("chat_id").equals(persona.p2pChatId()));
  }
}
