package io.hirebot.bot;

import io.vertx.core.Future;
import java.util.function.Supplier;

/**
 * Makes a card action happen once per key: a double click, a retried callback or two people clicking
 * the same button share the first click's result instead of writing to Hire again.
 */
public interface ActionOnce {
  /** Runs {@code action} unless the key was claimed before; then returns that first result. */
  Future<ActionResult> once(String key, Supplier<Future<ActionResult>> action);

  /** Releases a key so the same action may run again (after an undo). */
  void release(String key);
}
