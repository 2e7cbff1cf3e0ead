package io.hirebot.bot.inbound;

/**
 * The bot was taken out of a group ({@code im.chat.member.bot.deleted_v1}): removed by a member, or the group was
 * dissolved. Feishu refuses every later send there (230002), so what the chat followed ends.
 */
public record BotRemovedFromChat(String eventId, String chatId, UserRef operator) implements InboundEvent {
  @Override
  public String dedupKey() {
    return "ev:" + eventId;
  }
}
