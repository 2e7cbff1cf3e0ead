package io.hirebot.hire;

import io.hirebot.error.FeishuApiException;
import io.vertx.core.Future;

/**
 * The result of a read that a missing Feishu scope may refuse: the value, or a fallback together with the scope
 * that was missing, so a card can show what it can and say what is hidden instead of failing whole.
 *
 * @param missingScope the scope Feishu refused the read for; empty when the read succeeded
 */
public record Partial<T>(T value, String missingScope) {

  /** {@code read}'s value; its fallback when Feishu refused it for a scope; any other failure stays a failure. */
  public static <T> Future<Partial<T>> of(Future<T> read, T fallback) {
    return read.map(v -> new Partial<>(v, "")).recover(e -> e instanceof FeishuApiException fe && fe.isMissingScope()
        ? Future.succeededFuture(new Partial<>(fallback, fe.missingScope()))
        : Future.failedFuture(e));
  }

  public boolean hidden() {
    return !missingScope.isEmpty();
  }
}
