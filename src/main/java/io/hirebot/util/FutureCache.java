package io.hirebot.util;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.UnaryOperator;

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

  /**
   * Replaces a loaded value with {@code change} of it (what a successful write made of it); a value still loading,
   * or one that failed, is forgotten instead, so the next request reads again.
   */
  public void update(K key, UnaryOperator<V> change) {
    cache.asMap().computeIfPresent(key, (k, f) -> f.succeeded() ? Future.succeededFuture(change.apply(f.result()))
        : null);
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
