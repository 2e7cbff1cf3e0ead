package io.hirebot.app;

import io.hirebot.access.GroupAccess;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/** A started bot: where it listens, and how to stop it. */
public record RunningBot(Vertx vertx, String deploymentId, int port, GroupAccess groupAccess) {
  public String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  public Future<Void> stop() {
    return vertx.undeploy(deploymentId);
  }
}
