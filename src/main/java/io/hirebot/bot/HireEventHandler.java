package io.hirebot.bot;

import io.hirebot.bot.inbound.HireEvent;
import io.vertx.core.Future;

/** Acts on a Feishu Hire event (notifications); the future completes when the work is finished. */
@FunctionalInterface
public interface HireEventHandler {
  Future<Void> handle(HireEvent event);
}
