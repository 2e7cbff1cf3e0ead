package io.hirebot.access;

import io.vertx.core.Future;

/** Which group chats an admin has enabled for hiring data; none is, until an admin says so. */
public interface GroupAccess {
  Future<Boolean> enabled(String chatId);

  Future<Void> set(String chatId, boolean enabled, String byOpenId);
}
