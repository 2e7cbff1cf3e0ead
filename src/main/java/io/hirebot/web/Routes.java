package io.hirebot.web;

import io.hirebot.feishu.inbound.WebhookGateway;
import io.hirebot.feishu.inbound.WebhookResponse;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The bot's HTTP surface (DESIGN §3): the two webhook URLs, health and Prometheus metrics. */
public final class Routes {
  private static final Logger log = LoggerFactory.getLogger(Routes.class);
  /** Feishu envelopes are a few KB; anything much larger is not from Feishu. */
  public static final long MAX_BODY_BYTES = 512 * 1024;
  private static final String JSON = "application/json; charset=utf-8";
  /**
   * {@code /healthz?allow_sandbox=0} (the Docker HEALTHCHECK passes {@code $HIREBOT_SANDBOX}): a deployment
   * that did not choose sandbox mode must not look healthy in it, e.g. when FEISHU_APP_ID went missing.
   * Without the parameter (a developer's own run) sandbox mode is healthy.
   */
  static final String ALLOW_SANDBOX = "allow_sandbox";
  static final String SANDBOX_REFUSAL = "running the Feishu emulator, not Feishu: FEISHU_APP_ID is not set; "
      + "set the Feishu credentials, or HIREBOT_SANDBOX=1 if the sandbox is what you want";

  private final WebhookGateway gateway;
  private final Health health;
  private final PrometheusMeterRegistry registry;

  public Routes(WebhookGateway gateway, Health health, PrometheusMeterRegistry registry) {
    this.gateway = gateway;
    this.health = health;
    this.registry = registry;
  }

  public Router router(Vertx vertx) {
    Router router = Router.router(vertx);
    BodyHandler body = BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES);
    router.post("/webhook/event").handler(body).handler(this::handleWebhook);
    router.post("/webhook/card").handler(body).handler(this::handleWebhook);
    router.get("/healthz").handler(this::handleHealth);
    router.get("/metrics").handler(this::handleMetrics);
    router.route().failureHandler(this::handleFailure);
    return router;
  }

  private void handleWebhook(RoutingContext ctx) {
    Map<String, String> headers = new HashMap<>();
    ctx.request().headers().forEach(h -> headers.putIfAbsent(h.getKey().toLowerCase(Locale.ROOT), h.getValue()));
    byte[] bytes = ctx.body() == null || ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
    gateway.handle(headers, bytes)
        .onSuccess(resp -> write(ctx, resp))
        .onFailure(e -> {
          // A bug on our side, not the sender's fault; still never a 500 with details to the outside.
          log.error("webhook handling failed path={} cause={}", ctx.request().path(), e.toString(), e);
          write(ctx, WebhookResponse.error(400, "bad request"));
        });
  }

  private void handleHealth(RoutingContext ctx) {
    String allowSandbox = ctx.request().getParam(ALLOW_SANDBOX);
    health.check()
        .recover(e -> io.vertx.core.Future.succeededFuture(
            new io.vertx.core.json.JsonObject().put("status", "down").put("error", e.toString())))
        .map(status -> allowSandbox != null && !"1".equals(allowSandbox.trim()) && "sandbox".equals(status.getString("mode"))
            ? status.put("status", "sandbox_not_chosen").put("reason", SANDBOX_REFUSAL)
            : status)
        .onSuccess(status -> ctx.response().setStatusCode(Health.SERVING.contains(status.getString("status")) ? 200 : 503)
            .putHeader(HttpHeaders.CONTENT_TYPE, JSON).end(status.encode()));
  }

  private void handleMetrics(RoutingContext ctx) {
    ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")
        .end(registry.scrape());
  }

  private void handleFailure(RoutingContext ctx) {
    int status = ctx.statusCode() >= 400 && ctx.statusCode() < 500 ? ctx.statusCode() : 400;
    if (ctx.failure() != null) {
      log.warn("request failed path={} status={} cause={}", ctx.request().path(), ctx.statusCode(),
          ctx.failure().toString());
    }
    if (!ctx.response().ended()) {
      write(ctx, WebhookResponse.error(status, status == 413 ? "body too large" : "bad request"));
    }
  }

  private static void write(RoutingContext ctx, WebhookResponse resp) {
    if (ctx.response().ended()) {
      return;
    }
    ctx.response().setStatusCode(resp.status()).putHeader(HttpHeaders.CONTENT_TYPE, JSON).end(resp.json());
  }
}
