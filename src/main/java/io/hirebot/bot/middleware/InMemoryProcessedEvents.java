package io.hirebot.bot.middleware;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Future;
import java.time.Duration;

/** {@link ProcessedEvents} in a bounded Caffeine cache, kept as long as Feishu may still retry. */
public final class InMemoryProcessedEvents implements ProcessedEvents {
  /** Feishu retries for about 7.1 h (15 s, 5 min, 1 h, 6 h): remember a little longer. */
  public static final Duration RETENTION = Duration.ofHours(8);
  static final long MAX_KEYS = 1_000_000;

  private final Cache<String, Boolean> seen = Caffeine.newBuilder()
      .expireAfterWrite(RETENTION)
      .maximumSize(MAX_KEYS)
      .build();

  @Override
  public Future<Boolean> claim(String key) {
    return Future.succeededFuture(seen.asMap().putIfAbsent(key, Boolean.TRUE) == null);
  }
}
