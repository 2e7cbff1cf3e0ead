package io.hirebot.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/** What /healthz reports: whether the bot can serve, and the details an operator wants to see. */
public interface Health {
  /** {@code status} is "up" when the bot can serve requests; anything else makes /healthz answer 503. */
  Future<JsonObject> check();
}
