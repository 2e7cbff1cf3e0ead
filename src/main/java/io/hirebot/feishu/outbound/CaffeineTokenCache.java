package io.hirebot.feishu.outbound;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.lark.oapi.core.cache.ICache;
import java.util.concurrent.TimeUnit;

/** The SDK's tenant-token cache, backed by Caffeine so each entry expires exactly when the SDK asked. */
public final class CaffeineTokenCache implements ICache {
  private record Entry(String value, long ttlNanos) {}

  private final Cache<String, Entry> cache = Caffeine.newBuilder()
      .maximumSize(64)
      .expireAfter(new Expiry<String, Entry>() {
        @Override
        public long expireAfterCreate(String key, Entry entry, long now) {
          return entry.ttlNanos();
        }

        @Override
        public long expireAfterUpdate(String key, Entry entry, long now, long current) {
          return entry.ttlNanos();
        }

        @Override
        public long expireAfterRead(String key, Entry entry, long now, long current) {
          return current;
        }
      })
      .build();

  @Override
  public String get(String key) {
    Entry e = cache.getIfPresent(key);
    // The SDK treats "" as "no token" and fetches a new one.
    return e == null ? "" : e.value();
  }

  @Override
  public void set(String key, String value, int expire, TimeUnit unit) {
    long ttl = unit.toNanos(expire);
    if (ttl > 0) {
      cache.put(key, new Entry(value, ttl));
    }
  }

  /** Drops every token, so the SDK fetches a fresh one (after Feishu said the current one is invalid). */
  public void clear() {
    cache.invalidateAll();
  }
}
