package io.hirebot.bot.inbound;

/**
 * A click on the bot's menu in a private chat ({@code application.bot.menu_v6}). The menu item's key is
 * read as a command ("jobs", "my interviews today", "帮助"), so an operator configures the menu in the
 * Feishu console with the same words users type.
 */
public record BotMenuClicked(String eventId, UserRef operator, String eventKey) implements InboundEvent {
  @Override
  public String dedupKey() {
    return "ev:" + eventId;
  }
}
