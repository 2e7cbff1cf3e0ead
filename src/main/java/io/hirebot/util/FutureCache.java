package io.hirebot.util;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.function.Function;

/**
 * A short-lived Caffeine cache of asynchronous results. Concurrent requests for one key share one load
 * (so a fan-out never asks Hire twice for the same thing), and a failed load is forgotten at once so
 * the next request retries instead of replaying the error.
 */
public final class FutureCache<K, V> {
  private final Cache<K, Future<V>> cache;

  public FutureCache(Duration expireAfterWrite, long maximumSize) {
    this.cache = Caffeine.newBuilder()
        .expireAfterWrite(expireAfterWrite)
        .maximumSize(maximumSize)
        .recordStats()
        .build();
  }

  public Future<V> get(K key, Function<K, Future<V>> loader) {
    Future<V> future = cache.get(key, loader);
    future.onFailure(e -> cache.asMap().remove(key, future));
    return future;
  }

  public void invalidate(K key) {
    cache.invalidate(key);
  }

  public void invalidateAll() {
    cache.invalidateAll();
  }

  /** The underlying cache, for hit-ratio metrics. */
  public Cache<K, Future<V>> caffeine() {
    return cache;
  }
}
