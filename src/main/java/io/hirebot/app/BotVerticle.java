package io.hirebot.app;

import io.hirebot.config.BotConfig;
import io.hirebot.feishu.inbound.LongConnectionGateway;
import io.hirebot.web.Routes;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the bot built by {@link Wiring} (once per process, outside any verticle, so several instances can share
 * it): waits for the bot's identity ({@link BotIdentity}, learnt once for all instances) and the start-up warm-up,
 * then listens on the configured port. The last instance to stop closes the shared services.
 */
public final class BotVerticle extends VerticleBase {
  /** Seconds without a byte either way after which the bot closes a connection. */
  static final int IDLE_TIMEOUT_SECONDS = 120;
  private static final Logger log = LoggerFactory.getLogger(BotVerticle.class);
  static final long HEALTH_DB_TIMEOUT_MS = 2_000;
  /** Docker waits 10 s after SIGTERM before it kills: finish or hand back well inside that. */
  static final long DRAIN_MS = 5_000;
  static final long ROUTINES_WAIT_MS = 2_000;

  /**
   * HTTP servers (verticle instances), one per CPU: a webhook's verify, decrypt and parse is CPU work, and one
   * event loop would cap intake at one core.
   */
  static final int INSTANCES = Runtime.getRuntime().availableProcessors();

  private final Wiring wiring;
  private final BotConfig config;
  private final PrometheusMeterRegistry metrics;
  private final Future<?> warmedUp;
  private final Future<?> deployed;
  private HttpServer server;
  private volatile boolean stopping;

  /** An instance that serves, and reports healthy, as soon as it knows the bot's identity. */
  public BotVerticle(Wiring wiring) {
    this(wiring, Future.succeededFuture(), Future.succeededFuture());
  }

  /**
   * @param warmedUp completes when the start-up warm-up has run (or failed): only then does the bot serve
   * @param deployed completes when every instance of the deployment listens: /healthz says "starting" until then,
   *     since the first instance to listen answers on the shared port while the others still start
   */
  public BotVerticle(Wiring wiring, Future<?> warmedUp, Future<?> deployed) {
    this.wiring = wiring;
    this.config = wiring.config;
    this.metrics = wiring.metrics;
    this.warmedUp = warmedUp;
    this.deployed = deployed;
  }

  @Override
  public Future<?> start() {
    boolean first = wiring.attach(context);
    if (first) {
      // Routines and the scope self-check wait for the whole deployment: a start that fails leaves none running.
      deployed.onSuccess(v -> wiring.identity.serving());
    }
    // Mentions are recognised by the bot's open_id: learn it before taking events, so none is misread. The
    // warm-up runs meanwhile on a worker: the first user's answer is then a warm one.
    // Joined futures complete on the thread that finished last (the warm-up's event loop), and a server binds on the
    // context it is listened from: each instance listens from its own, or every instance's server served on that one
    // event loop (wrk on /metrics: all the CPU on vert.x-eventloop-thread-0, none on the others).
    Promise<Void> onOwnLoop = ((ContextInternal) context).promise();
    Future.join(wiring.identity.ready(), warmedUp).<Void>mapEmpty().onComplete(onOwnLoop);
    return onOwnLoop.future().compose(v -> listen(first));
  }

  private Future<?> listen(boolean first) {
    LongConnectionGateway longConnection = wiring.longConnection();
    if (first && longConnection != null) {
      // Connects on a thread of its own: health and metrics come up even while Feishu is unreachable.
      longConnection.start();
      log.info("long connection mode: connecting to the Feishu WebSocket gateway at {} in the background; "
          + "/healthz shows the connection state", config.feishu().baseUrl());
    }
    // The sandbox answers anyone who can reach it as if they were Feishu: never beyond this machine.
    String host = config.sandbox() ? "127.0.0.1" : "0.0.0.0";
    return vertx.createHttpServer(serverOptions())
        .requestHandler(new Routes(wiring.gateway, this::health, metrics, wiring.requestMeters,
            wiring.config.metricsToken()).handler(vertx))
        .listen(config.port(), host)
        .recover(e -> Future.failedFuture(new IllegalStateException(
            "cannot listen on " + host + ":" + config.port() + ": " + e.getMessage(), e)))
        .onSuccess(s -> server = s);
  }

  /**
   * Connections silent this long are closed: a sender cannot hold sockets (and their buffers) open for ever; Feishu's
   * client opens a new one when it next pushes.
   */
  static HttpServerOptions serverOptions() {
    return new HttpServerOptions().setIdleTimeout(IDLE_TIMEOUT_SECONDS).setIdleTimeoutUnit(TimeUnit.SECONDS);
  }

  /**
   * Up while the database answers; the database is where every claim and schedule lives. While Feishu Hire is not
   * answering (its circuit is open) the bot is "degraded" but still serving: it answers every user at once. Degraded
   * too while it does not know its own identity (Feishu unreachable, wrong credentials): it serves, but group
   * mentions go unrecognised until it does.
   */
  private Future<JsonObject> health() {
    JsonObject hire = wiring.feishu.hireCircuit().status();
    JsonObject status = new JsonObject()
        .put("mode", config.sandbox() ? "sandbox" : "feishu")
        .put("events", config.mode().name().toLowerCase(Locale.ROOT))
        .put("feishu", new JsonObject()
            .put("base_url", config.feishu().baseUrl())
            .put("bot_identity_known", !wiring.botOpenId.get().isEmpty())
            .put("hire_circuit", hire)
            // Scopes the self-check or a refused call found missing: what an admin has to add.
            .put("scope_check", wiring.identity.scopesChecked() ? "done" : "pending")
            .put("missing_scopes", new JsonArray(List.copyOf(wiring.missingScopes.all()))));
    LongConnectionGateway longConnection = wiring.longConnection();
    if (longConnection != null) {
      LongConnectionGateway.Status ws = longConnection.status();
      status.getJsonObject("feishu").put("long_connection", new JsonObject()
          .put("state", ws.state().name().toLowerCase(Locale.ROOT))
          .put("since", ws.since().toString())
          .put("failed_attempts", ws.failedAttempts())
          .put("last_error", ws.lastError()));
    }
    if (stopping) {
      // A load balancer stops sending here while the events in flight finish.
      return Future.succeededFuture(status.put("status", "stopping"));
    }
    if (!deployed.isComplete()) {
      return Future.succeededFuture(status.put("status", "starting"));
    }
    boolean identityKnown = !wiring.botOpenId.get().isEmpty();
    String up = "closed".equals(hire.getString("state")) && identityKnown ? "up" : "degraded";
    return wiring.db.ping().timeout(HEALTH_DB_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .map(v -> status.put("status", up).put("database", new JsonObject().put("status", "up")))
        .recover(e -> Future.succeededFuture(status.put("status", "down")
            .put("database", new JsonObject().put("status", "down").put("error", e.toString()))));
  }

  /** The actual port (useful when configured as 0). */
  public int port() {
    return server.actualPort();
  }

  /**
   * Graceful stop (SIGTERM runs it through Vert.x's close): take no more events (webhooks answer 503, the long
   * connection closes), let the events in flight finish for up to {@link #DRAIN_MS} and hand the rest back,
   * let routine runs in flight end, and only then close the Feishu clients and the database.
   */
  @Override
  public Future<?> stop() {
    long started = System.nanoTime();
    stopping = true;
    wiring.identity.stop();
    wiring.gateway.stopTaking();
    if (wiring.longConnection() != null) {
      wiring.longConnection().stop();
    }
    log.info("shutdown: taking no more events (webhooks answer 503); waiting up to {} ms for {} in flight",
        DRAIN_MS, wiring.dispatcher.inFlight());
    Future<Void> routines = wiring.scheduler.stop();
    return wiring.dispatcher.drain(java.time.Duration.ofMillis(DRAIN_MS))
        .onSuccess(d -> log.info("shutdown: events finished={} handed_back={} (released for replay after restart)",
            d.finished(), d.handedBack()))
        .transform(d -> routines.timeout(ROUTINES_WAIT_MS, TimeUnit.MILLISECONDS)
            .recover(e -> {
              log.warn("shutdown: routine runs still going after {} ms; closing anyway", ROUTINES_WAIT_MS);
              return Future.succeededFuture();
            }))
        .eventually(() -> {
          if (!wiring.detach()) {
            return Future.succeededFuture();
          }
          // On a worker: Hikari's shutdown waits for its connections to close, H2's last one writes the file (0.5-0.6 s
          // of an event loop at load 12).
          return vertx.executeBlocking(() -> {
            wiring.close();
            log.info("shutdown: database closed after {} ms", (System.nanoTime() - started) / 1_000_000);
            return null;
          }, false);
        });
  }
}
