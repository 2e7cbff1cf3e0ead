package io.hirebot.bot.middleware;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.hirebot.bot.ActionOnce;
import io.hirebot.bot.ActionResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
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
    // The key is taken with a placeholder and the action run after, not inside the map's compute: an action that
    // finishes at once may release keys meanwhile (an Undo frees its change's), and a map write from inside a compute
    // of the same hash bin throws "Recursive update".
    Promise<ActionResult> mine = Promise.promise();
    Future<ActionResult> result = mine.future();
    Future<ActionResult> first = results.asMap().putIfAbsent(key, result);
    if (first != null) {
      return first;
    }
    // A failure (Hire error) must not block a later retry by the user.
    result.onFailure(e -> results.asMap().remove(key, result));
    try {
      action.get().onComplete(mine);
    } catch (RuntimeException e) {
      results.asMap().remove(key, result);
      throw e;
    }
    return result;
  }

  @Override
  public void release(String key) {
    results.invalidate(key);
  }
}
