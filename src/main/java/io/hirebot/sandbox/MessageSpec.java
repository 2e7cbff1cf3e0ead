package io.hirebot.sandbox;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** A fluent description of a user's message to push as im.message.receive_v1; not thread-safe, build then push. */
public final class MessageSpec {

  private record Mention(String openId, String name) {}

  private String chatId;
  private String chatType;
  private String senderOpenId = "ou_recruiter_li";
  private String text = "";
  private boolean post;
  private boolean mentionBot;
  private final List<Mention> mentions = new ArrayList<>();
  private String messageId;
  private String eventId;
  private String parentId;

  private MessageSpec() {}

  /** A message in a group chat (default sender: ou_recruiter_li). */
  public static MessageSpec group(String chatId) {
    MessageSpec s = new MessageSpec();
    s.chatId = chatId;
    s.chatType = "group";
    return s;
  }

  /** A message in the user's p2p chat with the bot. */
  public static MessageSpec p2p(String userOpenId) {
    MessageSpec s = new MessageSpec();
    s.chatId = ImState.p2pChatId(userOpenId);
    s.chatType = "p2p";
    s.senderOpenId = userOpenId;
    return s;
  }

  public MessageSpec from(String openId) {
    this.senderOpenId = openId;
    if ("p2p".equals(chatType)) {
      this.chatId = ImState.p2pChatId(openId);
    }
    return this;
  }

  public MessageSpec text(String messageText) {
    this.text = messageText;
    return this;
  }

  /** Starts the text with {@code @_user_1 } and adds the bot (its open_id and name) as that mention. */
  public MessageSpec mentioningBot() {
    this.mentionBot = true;
    return this;
  }

  /** Appends an @-mention of another user to the text. */
  public MessageSpec mentioning(String openId, String name) {
    mentions.add(new Mention(openId, name));
    return this;
  }

  /** Sends a rich-text {@code post} instead of {@code text}. */
  public MessageSpec asPost() {
    this.post = true;
    return this;
  }

  /** Fixes the message id (to simulate a re-push of the same message). */
  public MessageSpec messageId(String id) {
    this.messageId = id;
    return this;
  }

  /** Fixes the event id (to simulate a retry of the same event). */
  public MessageSpec eventId(String id) {
    this.eventId = id;
    return this;
  }

  /** Makes the message a reply to another one. */
  public MessageSpec replyTo(String parentMessageId) {
    this.parentId = parentMessageId;
    return this;
  }

  public String chatId() {
    return chatId;
  }

  public String chatType() {
    return chatType;
  }

  public String senderOpenId() {
    return senderOpenId;
  }

  /** The text as typed, without the bot mention. */
  String text() {
    return text;
  }

  String eventId() {
    return eventId;
  }

  String messageIdOr(String generated) {
    return messageId != null ? messageId : generated;
  }

  /** The {@code event} object of the receive_v1 envelope. */
  JsonObject event(SandboxConfig config, String id, long nowMillis) {
    List<Mention> all = new ArrayList<>();
    if (mentionBot) {
      all.add(new Mention(config.botOpenId(), config.botName()));
    }
    all.addAll(mentions);
    JsonArray mentionJson = new JsonArray();
    for (int i = 0; i < all.size(); i++) {
      mentionJson.add(new JsonObject().put("key", "@_user_" + (i + 1)).put("id", userId(all.get(i).openId()))
          .put("name", all.get(i).name()).put("tenant_key", FeishuSandbox.TENANT_KEY));
    }
    String time = String.valueOf(nowMillis);
    JsonObject message = new JsonObject().put("message_id", id).put("create_time", time).put("update_time", time)
        .put("chat_id", chatId).put("chat_type", chatType).put("message_type", post ? "post" : "text")
        .put("content", (post ? postContent(all) : textContent(all)).encode()).put("mentions", mentionJson);
    if (parentId != null) {
      message.put("root_id", parentId).put("parent_id", parentId);
    }
    return new JsonObject()
        .put("sender", new JsonObject().put("sender_id", userId(senderOpenId)).put("sender_type", "user")
            .put("tenant_key", FeishuSandbox.TENANT_KEY))
        .put("message", message);
  }

  private JsonObject textContent(List<Mention> all) {
    StringBuilder sb = new StringBuilder();
    int n = 1;
    if (mentionBot) {
      sb.append("@_user_").append(n++).append(' ');
    }
    sb.append(text);
    for (int i = mentionBot ? 1 : 0; i < all.size(); i++) {
      sb.append(" @_user_").append(n++);
    }
    return new JsonObject().put("text", sb.toString());
  }

  private JsonObject postContent(List<Mention> all) {
    JsonArray line = new JsonArray();
    for (int i = 0; i < all.size(); i++) {
      line.add(new JsonObject().put("tag", "at").put("user_id", "@_user_" + (i + 1)).put("user_name", all.get(i).name()));
    }
    line.add(new JsonObject().put("tag", "text").put("text", (all.isEmpty() ? "" : " ") + text));
    return new JsonObject().put("title", "").put("content", new JsonArray().add(line));
  }

  static JsonObject userId(String openId) {
    String base = openId.startsWith("ou_") ? openId.substring(3) : openId;
    return new JsonObject().put("open_id", openId).put("union_id", "on_" + base).put("user_id", base);
  }
}
