package io.hirebot.bot.inbound;

/** The chat an event happened in. */
public record ChatRef(String chatId, ChatType type) {
  /** Feishu's two chat kinds: a private chat with the bot, or a group. */
  public enum ChatType { P2P, GROUP }

  public boolean isGroup() {
    return type == ChatType.GROUP;
  }
}
