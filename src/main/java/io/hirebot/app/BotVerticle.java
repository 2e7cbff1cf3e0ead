package io.hirebot.app;

import io.hirebot.access.GroupAccess;
import io.hirebot.config.BotConfig;
import io.hirebot.web.Health;
import io.hirebot.web.Routes;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the bot: wires it, learns the bot's own open_id from Feishu (retrying in the background while
 * Feishu is unreachable; /healthz says so), and listens on the configured port.
 */
public final class BotVerticle extends VerticleBase {
  private static final Logger log = LoggerFactory.getLogger(BotVerticle.class);
  static final long BOT_INFO_RETRY_MS = 5_000;
  /** Start-up waits this long for Feishu to say who the bot is, then serves anyway. */
  static final long IDENTITY_WAIT_MS = 5_000;

  private final BotConfig config;
  private final PrometheusMeterRegistry metrics;
  private final Clock clock;
  private Wiring wiring;
  private HttpServer server;

  public BotVerticle(BotConfig config, PrometheusMeterRegistry metrics, Clock clock) {
    this.config = config;
    this.metrics = metrics;
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    // Building the SDK client loads thousands of classes: seconds of work that must not stall an event loop.
    return vertx.executeBlocking(() -> new Wiring(vertx, context, config, metrics, clock))
        .compose(w -> {
          wiring = w;
          // Mentions are recognised by the bot's open_id: learn it before taking events, so none is misread.
          return identityOrTimeout();
        })
        .compose(v -> listen());
  }

  private Future<Void> identityOrTimeout() {
    Promise<Void> ready = Promise.promise();
    long timer = vertx.setTimer(IDENTITY_WAIT_MS, t -> {
      log.warn("bot identity not known after {} ms; serving anyway; group mentions are not recognised until it is known", IDENTITY_WAIT_MS);
      ready.tryComplete();
    });
    fetchBotIdentity(() -> {
      vertx.cancelTimer(timer);
      ready.tryComplete();
    });
    return ready.future();
  }

  private Future<?> listen() {
    if (wiring.longConnection != null) {
      wiring.longConnection.start();
      log.info("long connection mode: receiving events over the Feishu WebSocket gateway at {}",
          config.feishu().baseUrl());
    }
    Health health = () -> new JsonObject()
        .put("status", "up")
        .put("mode", config.sandbox() ? "sandbox" : "feishu")
        .put("events", config.mode().name().toLowerCase(java.util.Locale.ROOT))
        .put("feishu", new JsonObject()
            .put("base_url", config.feishu().baseUrl())
            .put("bot_identity_known", !wiring.botOpenId.get().isEmpty()));
    return vertx.createHttpServer()
        .requestHandler(new Routes(wiring.gateway, health, metrics).router(vertx))
        .listen(config.port(), "0.0.0.0")
        .onSuccess(s -> server = s);
  }

  GroupAccess groupAccess() {
    return wiring.groupAccess;
  }

  /** The actual port (useful when configured as 0). */
  public int port() {
    return server.actualPort();
  }

  private void fetchBotIdentity(Runnable known) {
    wiring.botInfo.fetch()
        .onSuccess(id -> {
          wiring.botOpenId.set(id.openId());
          log.info("bot identity open_id={} app_name={}", id.openId(), id.appName());
          known.run();
        })
        .onFailure(e -> {
          log.warn("bot identity unavailable, retrying in {} ms cause={}", BOT_INFO_RETRY_MS, e.getMessage());
          vertx.setTimer(BOT_INFO_RETRY_MS, t -> fetchBotIdentity(known));
        });
  }

  @Override
  public Future<?> stop() {
    if (wiring != null) {
      if (wiring.longConnection != null) {
        wiring.longConnection.stop();
      }
      wiring.feishu.close();
    }
    return Future.succeededFuture();
  }
}
