package io.hirebot.bot;

import io.vertx.core.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Makes a card action happen once per key: a double click, a retried callback or two people clicking
 * the same button share the first click's result instead of writing to Hire again.
 */
public interface ActionOnce {
  /** Runs {@code action} unless the key was claimed before; then returns that first result. */
  Future<ActionResult> once(String key, Supplier<Future<ActionResult>> action);

  /**
   * As {@link #once}, with a repeated click's answer (the first's, shared) marked {@link ActionResult#asRepeated} so
   * the audit tells the click that acted from its duplicates.
   */
  default Future<ActionResult> onceMarkingRepeats(String key, Supplier<Future<ActionResult>> action) {
    AtomicBoolean acted = new AtomicBoolean();
    return once(key, () -> {
      acted.set(true);
      return action.get();
    }).map(r -> acted.get() ? r : r.asRepeated());
  }

  /** Releases a key so the same action may run again (after an undo). */
  void release(String key);
}
