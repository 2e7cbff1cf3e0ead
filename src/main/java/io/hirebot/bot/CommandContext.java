package io.hirebot.bot;

import io.hirebot.bot.inbound.IncomingMessage;
import io.hirebot.i18n.Language;
import java.time.ZoneId;

/**
 * The message a command came from, the language to answer in, and its chat's settings as the command read them, once
 * ({@link ChatSettingsReader}): whether the chat is enabled, and the zone its dates are in.
 */
public record CommandContext(IncomingMessage message, Language language, ChatSettings chat) {
  /** The zone the answer's dates are in: the chat's own, else the configured one. */
  public ZoneId zone() {
    return chat.zone();
  }
}
