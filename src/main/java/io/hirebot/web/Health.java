package io.hirebot.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/** What /healthz reports: whether the bot can serve, and the details an operator wants to see. */
public interface Health {
  /** Statuses in which the bot serves: "degraded" means a dependency (Feishu Hire) fails and users are told so. */
  java.util.Set<String> SERVING = java.util.Set.of("up", "degraded");

  /** {@code status} is in {@link #SERVING} when the bot can serve requests; anything else makes /healthz answer 503. */
  Future<JsonObject> check();
}
