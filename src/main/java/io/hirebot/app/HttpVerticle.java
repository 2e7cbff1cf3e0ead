package io.hirebot.app;

import io.hirebot.web.Routes;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.function.Supplier;

/**
 * One more HTTP server of the bot, on an event loop of its own, sharing the bot's port (Vert.x spreads the
 * connections over the servers) and its one set of services: intake is not capped by one event loop.
 */
final class HttpVerticle extends VerticleBase {
  private final Routes routes;
  private final int port;
  private final String host;
  private final Supplier<Future<?>> drain;

  /** @param drain the bot's graceful stop, which this server stays open for (it answers 503 meanwhile) */
  HttpVerticle(Routes routes, int port, String host, Supplier<Future<?>> drain) {
    this.routes = routes;
    this.port = port;
    this.host = host;
    this.drain = drain;
  }

  @Override
  public Future<?> start() {
    return vertx.createHttpServer().requestHandler(routes.router(vertx)).listen(port, host);
  }

  /** Vert.x closes the server after this: only once the events in flight have finished or been handed back. */
  @Override
  public Future<?> stop() {
    return drain.get();
  }
}
