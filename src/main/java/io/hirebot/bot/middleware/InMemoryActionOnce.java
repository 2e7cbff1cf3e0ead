package io.hirebot.bot.middleware;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.hirebot.bot.ActionOnce;
import io.hirebot.bot.ActionResult;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.function.Supplier;

/** {@link ActionOnce} in a bounded Caffeine map of results, kept as long as an undo is offered. */
public final class InMemoryActionOnce implements ActionOnce {
  public static final Duration RETENTION = Duration.ofMinutes(15);

  private final Cache<String, Future<ActionResult>> results = Caffeine.newBuilder()
      .expireAfterWrite(RETENTION)
      .maximumSize(100_000)
      .build();

  @Override
  public Future<ActionResult> once(String key, Supplier<Future<ActionResult>> action) {
    Future<ActionResult> result = results.get(key, k -> action.get());
    // A failure (Hire error) must not block a later retry by the user.
    result.onFailure(e -> results.asMap().remove(key, result));
    return result;
  }

  @Override
  public void release(String key) {
    results.invalidate(key);
  }
}
