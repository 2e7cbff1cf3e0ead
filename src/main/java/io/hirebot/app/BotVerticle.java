package io.hirebot.app;

import io.hirebot.config.BotConfig;
import io.hirebot.schedule.Scheduler;
import io.hirebot.store.Database;
import io.hirebot.web.Health;
import io.hirebot.web.Routes;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the bot: opens and migrates the database, wires it, learns the bot's own open_id from Feishu (retrying in the background while
 * Feishu is unreachable; /healthz says so), and listens on the configured port.
 */
public final class BotVerticle extends VerticleBase {
  private static final Logger log = LoggerFactory.getLogger(BotVerticle.class);
  static final long BOT_INFO_RETRY_MS = 5_000;
  static final long HEALTH_DB_TIMEOUT_MS = 2_000;

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
    return Database.open(vertx, config.dbUrl(), config.dbUser(), config.dbPassword()).compose(db -> {
      wiring = new Wiring(vertx, config, metrics, clock, db);
      fetchBotIdentity();
      return vertx.createHttpServer()
          .requestHandler(new Routes(wiring.gateway, this::health, metrics).router(vertx))
          .listen(config.port(), "0.0.0.0")
          .onSuccess(s -> server = s);
    });
  }

  /** Up while the database answers; the database is where every claim and schedule lives. */
  private Future<JsonObject> health() {
    JsonObject status = new JsonObject()
        .put("mode", config.sandbox() ? "sandbox" : "feishu")
        .put("feishu", new JsonObject()
            .put("base_url", config.feishu().baseUrl())
            .put("bot_identity_known", !wiring.botOpenId.get().isEmpty()));
    return wiring.db.ping().timeout(HEALTH_DB_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .map(v -> status.put("status", "up").put("database", new JsonObject().put("status", "up")))
        .recover(e -> Future.succeededFuture(status.put("status", "down")
            .put("database", new JsonObject().put("status", "down").put("error", e.toString()))));
  }

  /** The actual port (useful when configured as 0). */
  public int port() {
    return server.actualPort();
  }

  /** The routines of this bot (event replay, digests, polls). */
  public Scheduler scheduler() {
    return wiring.scheduler;
  }

  private void fetchBotIdentity() {
    wiring.botInfo.fetch()
        .onSuccess(id -> {
          // Routines start once the bot knows itself: a replayed group message needs it to see the mention.
          if (wiring.botOpenId.getAndSet(id.openId()).isEmpty()) {
            wiring.scheduler.start();
          }
          log.info("bot identity open_id={} app_name={}", id.openId(), id.appName());
        })
        .onFailure(e -> {
          log.warn("bot identity unavailable, retrying in {} ms cause={}", BOT_INFO_RETRY_MS, e.getMessage());
          vertx.setTimer(BOT_INFO_RETRY_MS, t -> fetchBotIdentity());
        });
  }

  @Override
  public Future<?> stop() {
    if (wiring != null) {
      wiring.scheduler.stop();
      wiring.feishu.close();
      wiring.db.close();
    }
    return Future.succeededFuture();
  }
}
