package io.hirebot.access;

import io.vertx.core.Future;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** {@link GroupAccess} held in memory (lost on restart); the persistence issue stores it in chat settings. */
public final class InMemoryGroupAccess implements GroupAccess {
  private final Set<String> enabled = ConcurrentHashMap.newKeySet();

  @Override
  public Future<Boolean> enabled(String chatId) {
    return Future.succeededFuture(enabled.contains(chatId));
  }

  @Override
  public Future<Void> set(String chatId, boolean on, String byOpenId) {
    if (on) {
      enabled.add(chatId);
    } else {
      enabled.remove(chatId);
    }
    return Future.succeededFuture();
  }
}
