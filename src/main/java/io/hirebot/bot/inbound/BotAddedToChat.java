package io.hirebot.bot.inbound;

/** The bot was added to a group ({@code im.chat.member.bot.added_v1}). */
public record BotAddedToChat(String eventId, String chatId, UserRef operator, String chatName)
    implements InboundEvent {
  @Override
  public String dedupKey() {
    return "ev:" + eventId;
  }
}
