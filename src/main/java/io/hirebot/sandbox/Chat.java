package io.hirebot.sandbox;

/** A chat the bot is a member of; {@code type} is {@code group} or {@code p2p} (then {@code userOpenId} is the peer). */
public record Chat(String chatId, String type, String name, String userOpenId) {

  public static Chat group(String chatId, String name) {
    return new Chat(chatId, "group", name, null);
  }

  public static Chat p2p(String chatId, String userOpenId) {
    return new Chat(chatId, "p2p", "", userOpenId);
  }

  public boolean isGroup() {
    return "group".equals(type);
  }
}
