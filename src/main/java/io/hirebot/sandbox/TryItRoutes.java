package io.hirebot.sandbox;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** Placeholder replaced below. */
final class TryItRoutes {
  TryItRoutes(SandboxConfig config, EventPusher events, ImState im) {}

  void install(Router router) {}
}
