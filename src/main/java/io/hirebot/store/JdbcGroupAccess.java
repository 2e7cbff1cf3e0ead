package io.hirebot.store;

import io.hirebot.access.GroupAccess;
import io.vertx.core.Future;

/** {@link GroupAccess} in {@code chat_settings.enabled}, so every replica and every restart agree. */
public final class JdbcGroupAccess implements GroupAccess {
  private final ChatSettingsStore settings;

  public JdbcGroupAccess(ChatSettingsStore settings) {
    this.settings = settings;
  }

  @Override
  public Future<Boolean> enabled(String chatId) {
    return settings.enabled(chatId);
  }

  @Override
  public Future<Void> set(String chatId, boolean enabled, String byOpenId) {
    // Who enabled it goes to the audit log (the command records it), not into the settings row.
    return settings.setEnabled(chatId, enabled);
  }
}
