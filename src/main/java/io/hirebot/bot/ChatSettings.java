package io.hirebot.bot;

import java.time.ZoneId;
import java.util.Objects;

/**
 * What a command or a click needs of its chat's settings, from one read of the chat's row ({@link ChatSettingsReader}):
 * whether an admin enabled the chat for hiring data, and the zone its dates are in.
 *
 * @param chatId the chat these are the settings of; null for a menu click, which names no chat
 * @param enabled whether an admin enabled the chat for hiring data (a chat without a row is not enabled)
 * @param zone the chat's own zone ("timezone America/New_York"), else the configured one
 */
public record ChatSettings(String chatId, boolean enabled, ZoneId zone) {
  public ChatSettings {
    Objects.requireNonNull(zone, "zone");
  }

  /** Whether these are {@code chatId}'s settings (a card drawn for another chat than the one clicked is not). */
  public boolean isOf(String chatId) {
    return Objects.equals(this.chatId, chatId);
  }
}
