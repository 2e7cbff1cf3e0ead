package io.hirebot.feature.subscriptions;

import io.hirebot.schedule.QuietWindow;
import io.hirebot.store.ChatSettingsStore;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

/** Whether a chat is in its quiet hours now, in the chat's time zone (or the default one). */
final class QuietHours {
  private final ChatSettingsStore settings;
  private final Clock clock;
  private final ZoneId defaultZone;

  QuietHours(ChatSettingsStore settings, Clock clock, ZoneId defaultZone) {
    this.settings = settings;
    this.clock = clock;
    this.defaultZone = defaultZone;
  }

  public Future<Boolean> isQuiet(String chatId) {
    return settings.quietHours(chatId).compose(hours -> hours.isEmpty() ? Future.succeededFuture(false)
        : zone(chatId).map(zone -> isQuiet(hours.get(), zone)));
  }

  /** Whether quiet hours from {@code hours[0]} to {@code hours[1]}, in {@code zone}, hold now. */
  boolean isQuiet(LocalTime[] hours, ZoneId zone) {
    return new QuietWindow(hours[0], hours[1], zone).contains(clock.instant());
  }

  Future<ZoneId> zone(String chatId) {
    return settings.zone(chatId).map(this::zoneOr);
  }

  /** The chat's own zone, or the default one when it set none. */
  ZoneId zoneOr(Optional<ZoneId> own) {
    return own.orElse(defaultZone);
  }
}
