package io.hirebot.web;

import io.hirebot.config.BearerToken;
import io.hirebot.feishu.inbound.WebhookGateway;
import io.hirebot.feishu.inbound.WebhookResponse;
import io.hirebot.util.RepeatedWarnings;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The bot's HTTP surface (DESIGN §3): the two webhook URLs, health and Prometheus metrics. */
public final class Routes {
  private static final Logger log = LoggerFactory.getLogger(Routes.class);
  /** Feishu envelopes are a few KB; anything much larger is not from Feishu. */
  public static final long MAX_BODY_BYTES = 512 * 1024;
  /** The largest declared body read into an array of exactly its size; longer ones grow as their bytes arrive. */
  private static final int EXACT_MAX_BYTES = 64 * 1024;
  private static final String JSON = "application/json; charset=utf-8";
  /** Built once: a header value Netty writes as it is, without encoding it per response. */
  private static final CharSequence JSON_TYPE = HttpHeaders.createOptimized(JSON);
  static final String EVENT_PATH = "/webhook/event";
  static final String CARD_PATH = "/webhook/card";
  static final String HEALTH_PATH = "/healthz";
  static final String METRICS_PATH = "/metrics";
  private static final Set<String> WEBHOOKS = Set.of(EVENT_PATH, CARD_PATH);
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
  private final RequestMeters meters;
  /** Oversized, cut-off or unroutable requests: a sender decides how many, so their warnings are gated. */
  private final RepeatedWarnings warnings;
  private final Optional<BearerToken> metricsToken;

  /**
   * @param meters this bot's request meters ({@link #meters}), shared by every instance's routes
   * @param metricsToken the bearer token {@code /metrics} asks for, if any
   */
  public Routes(WebhookGateway gateway, Health health, PrometheusMeterRegistry registry, RequestMeters meters,
      Optional<BearerToken> metricsToken) {
    this.gateway = gateway;
    this.warnings = gateway.warnings();
    this.health = health;
    this.registry = registry;
    this.meters = meters;
    this.metricsToken = metricsToken;
  }

  /** The request meters of the bot's routes, registered in {@code registry}: built once per bot, not per instance. */
  public static RequestMeters meters(PrometheusMeterRegistry registry) {
    return new RequestMeters(registry, List.of(EVENT_PATH, CARD_PATH, HEALTH_PATH, METRICS_PATH));
  }

  /**
   * Every request: the two webhook URLs directly (they are nearly all of the traffic: the router's context, route
   * matching and body handler were a tenth of an event loop's intake time), everything else through the router.
   */
  public Handler<HttpServerRequest> handler(Vertx vertx) {
    Router router = router(vertx);
    return request -> {
      long start = System.nanoTime();
      int route = meters.route(request.path());
      HttpServerResponse response = request.response();
      response.endHandler(v -> {
        // Also called when the connection closed before an answer: then nothing was answered, nothing is counted.
        if (response.ended()) {
          meters.record(route, response.getStatusCode(), start);
        }
      });
      if (request.method() == HttpMethod.POST && WEBHOOKS.contains(request.path())) {
        webhook(request);
      } else {
        router.handle(request);
      }
    };
  }

  /**
   * The other URLs. POSTs to the webhook URLs are served before the router ({@link #handler}); their routes here make
   * any other method on them a 405, and serve a POST the same way should one come through.
   */
  private Router router(Vertx vertx) {
    Router router = Router.router(vertx);
    router.post(EVENT_PATH).handler(ctx -> webhook(ctx.request()));
    router.post(CARD_PATH).handler(ctx -> webhook(ctx.request()));
    router.get(HEALTH_PATH).handler(this::handleHealth);
    router.get(METRICS_PATH).handler(this::handleMetrics);
    router.route().failureHandler(this::handleFailure);
    return router;
  }

  /** A webhook request read whole (at most {@link #MAX_BODY_BYTES}, else 413 "body too large"). */
  private void webhook(HttpServerRequest request) {
    long declared = declaredLength(request.getHeader(HttpHeaders.CONTENT_LENGTH));
    if (declared > MAX_BODY_BYTES) {
      tooLarge(request);
      return;
    }
    // A declared length up to 64 KB (every Feishu push) is read straight into an array of that size: collecting a
    // Buffer and copying it out was two copies of each body (a tenth of the event loops' allocation under intake load).
    BodyBytes body = new BodyBytes(declared);
    boolean[] refused = {false};
    request.handler(chunk -> {
      if (refused[0]) {
        return;
      }
      if (body.length() + chunk.length() > MAX_BODY_BYTES) {
        refused[0] = true;
        tooLarge(request);
      } else {
        body.append(chunk);
      }
    });
    request.endHandler(v -> {
      if (!refused[0]) {
        answer(request.response(), request.path(), request.headers(), body.bytes());
      }
    });
    request.exceptionHandler(e -> warnings.warn(log, "request failed", "webhook request failed path={} cause={}",
        request.path(), e.toString()));
  }

  /** The Content-Length a request declares, or -1 when it declares none (chunked) or nothing readable. */
  private static long declaredLength(String contentLength) {
    if (contentLength == null) {
      return -1;
    }
    try {
      return Long.parseLong(contentLength.trim());
    } catch (NumberFormatException e) {
      return -1; // Netty refuses such a request before it gets here; the body limit still holds
    }
  }

  private void tooLarge(HttpServerRequest request) {
    warnings.warn(log, "too large", "request failed path={} status=413 cause=body over {} bytes", request.path(),
        MAX_BODY_BYTES);
    write(request.response(), WebhookResponse.error(413, "body too large"));
  }

  private void answer(HttpServerResponse response, String path, MultiMap headers, byte[] body) {
    gateway.handle(new HeaderView(headers), body)
        .onSuccess(resp -> write(response, resp))
        .onFailure(e -> {
          // A bug on our side, not the sender's fault; still never a 500 with details to the outside.
          log.error("webhook handling failed path={} cause={}", path, e.toString(), e);
          write(response, WebhookResponse.error(400, "bad request"));
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
            .putHeader(HttpHeaders.CONTENT_TYPE, JSON_TYPE).end(status.encode()));
  }

  private void handleMetrics(RoutingContext ctx) {
    if (metricsToken.isPresent() && !metricsToken.get().admits(ctx.request().getHeader(HttpHeaders.AUTHORIZATION))) {
      // Refused before the scrape, which costs about a millisecond of the event loop each.
      warnings.warn(log, "metrics refused", "request refused path={} status=401 cause=missing or wrong bearer token",
          ctx.request().path());
      ctx.response().putHeader("WWW-Authenticate", "Bearer");
      write(ctx.response(), WebhookResponse.error(401, "metrics need HIREBOT_METRICS_TOKEN as a bearer token"));
      return;
    }
    ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")
        .end(registry.scrape());
  }

  private void handleFailure(RoutingContext ctx) {
    boolean sendersDoing = ctx.statusCode() >= 400 && ctx.statusCode() < 500;
    int status = sendersDoing ? ctx.statusCode() : 400;
    if (ctx.failure() != null && sendersDoing) {
      warnings.warn(log, "failed " + status, "request failed path={} status={} cause={}", ctx.request().path(),
          ctx.statusCode(), ctx.failure().toString());
    } else if (ctx.failure() != null) {
      // Not the sender's doing (a bug in a handler): every one logged, with its stack.
      log.error("request failed path={} status={} cause={}", ctx.request().path(), ctx.statusCode(),
          ctx.failure().toString(), ctx.failure());
    }
    write(ctx.response(), WebhookResponse.error(status, status == 413 ? "body too large" : "bad request"));
  }

  private static void write(HttpServerResponse response, WebhookResponse resp) {
    if (response.ended()) {
      return;
    }
    response.setStatusCode(resp.status()).putHeader(HttpHeaders.CONTENT_TYPE, JSON_TYPE).end(resp.json());
  }

  /** A request body as it arrives: in an array of the declared length, else (chunked, or more than declared) grown. */
  private static final class BodyBytes {
    private byte[] exact;
    private int filled;
    private Buffer grown;

    BodyBytes(long declared) {
      // Only a modest declared length is taken at its word: a sender declaring 512 KB on many connections and
      // sending nothing must not make the bot hold 512 KB for each (Feishu's events are a few KB).
      if (declared > 0 && declared <= EXACT_MAX_BYTES) {
        exact = new byte[(int) declared];
      } else {
        grown = Buffer.buffer(1024);
      }
    }

    int length() {
      return grown == null ? filled : grown.length();
    }

    void append(Buffer chunk) {
      if (grown == null && filled + chunk.length() <= exact.length) {
        chunk.getBytes(0, chunk.length(), exact, filled);
        filled += chunk.length();
        return;
      }
      if (grown == null) {
        grown = Buffer.buffer(filled + chunk.length()).appendBytes(exact, 0, filled);
        exact = null;
      }
      grown.appendBuffer(chunk);
    }

    /** The body read, as long as it is (shorter than declared when the sender sent less). */
    byte[] bytes() {
      if (grown != null) {
        return grown.getBytes();
      }
      return filled == exact.length ? exact : java.util.Arrays.copyOf(exact, filled);
    }
  }

  /**
   * The request's headers as the gateway reads them (lower-case names, the first value of each), without copying:
   * Vert.x looks names up case-insensitively.
   */
  private static final class HeaderView extends AbstractMap<String, String> {
    private final MultiMap headers;

    HeaderView(MultiMap headers) {
      this.headers = headers;
    }

    @Override
    public String get(Object name) {
      return name instanceof String n ? headers.get(n) : null;
    }

    @Override
    public boolean containsKey(Object name) {
      return name instanceof String n && headers.contains(n);
    }

    @Override
    public Set<Map.Entry<String, String>> entrySet() {
      Map<String, String> copy = new LinkedHashMap<>();
      headers.forEach(h -> copy.putIfAbsent(h.getKey().toLowerCase(Locale.ROOT), h.getValue()));
      return copy.entrySet();
    }
  }
}
