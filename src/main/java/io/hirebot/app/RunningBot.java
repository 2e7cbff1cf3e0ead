package io.hirebot.app;

import io.hirebot.access.GroupAccess;
import io.hirebot.schedule.Scheduler;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/** A started bot: where it listens, how to run its routines now (tests move a clock), and how to stop it. */
public record RunningBot(Vertx vertx, String deploymentId, int port, GroupAccess groupAccess, Scheduler scheduler) {
  public String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  public Future<Void> stop() {
    return vertx.undeploy(deploymentId);
  }
}
