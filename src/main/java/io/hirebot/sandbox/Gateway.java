package io.hirebot.sandbox;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The handlers every request passes before its route: log id, recording, latency, faults, auth, rate limits. */
final class Gateway {

  private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);
  static final String TOKEN_PATH = "/open-apis/auth/v3/tenant_access_token/internal";
  private static final String BEARER = "Bearer ";

  private final Vertx vertx;
  private final Clock clock;
  private final RequestLog log;
  private final Faults faults;
  private final TokenStore tokens;
  private final RateLimiter limiter;
  private final LogIds logIds;
  private final TenantScopes scopes;

  Gateway(Vertx vertx, Clock clock, RequestLog log, Faults faults, TokenStore tokens, RateLimiter limiter,
      TenantScopes scopes) {
    this.scopes = scopes;
    this.vertx = vertx;
    this.clock = clock;
    this.log = log;
    this.faults = faults;
    this.tokens = tokens;
    this.limiter = limiter;
    this.logIds = new LogIds(clock);
  }

  void install(Router router) {
    router.route().failureHandler(this::internalError);
    router.route().handler(BodyHandler.create());
    router.route().handler(this::tagAndRecord);
    router.route("/open-apis/*").handler(this::delay);
    router.route("/open-apis/*").handler(this::injectFault);
    router.route("/open-apis/*").handler(this::authenticate);
  }

  /** Answers 404 for any /open-apis path the sandbox does not emulate; install after every route. */
  void installFallback(Router router) {
    router.route("/open-apis/*").handler(ctx -> ApiReply.error(ctx, 404, 404, "404 page not found"));
  }

  /** A route handler refusing with 400/99991672 when the app has none of the route's scopes (checked before limits). */
  Handler<RoutingContext> scoped(List<String> anyOf) {
    return ctx -> {
      if (scopes.allows(anyOf)) {
        ctx.next();
      } else {
        ApiReply.error(ctx, ApiError.missingScope(anyOf));
      }
    };
  }

  /** A route handler refusing with 429/99991400 once the endpoint's per-second budget or minute ceiling is spent. */
  Handler<RoutingContext> limited(String endpoint, int perSecond) {
    return ctx -> {
      RateLimiter.Decision d = limiter.acquire(endpoint, endpoint, perSecond);
      if (d.allowed()) {
        ctx.next();
      } else {
        ApiReply.error(ctx, tooManyRequests(d));
      }
    };
  }

  /** Takes a token from an extra bucket (e.g. per chat); throws the given business error when empty. */
  void acquireOrThrow(String endpoint, String key, int perSecond, ApiError whenLimited) {
    if (!limiter.acquire(endpoint, key, perSecond).allowed()) {
      throw whenLimited;
    }
  }

  static ApiError tooManyRequests(RateLimiter.Decision d) {
    return new ApiError(429, 99991400, "request trigger frequency limit", Map.of(
        "x-ogw-ratelimit-limit", String.valueOf(d.limit()),
        "x-ogw-ratelimit-reset", String.valueOf(d.resetSeconds())));
  }

  /** A bug in the sandbox answers 500 in Feishu's shape (with the log id) and is logged, never a bare stack trace. */
  private void internalError(RoutingContext ctx) {
    LOG.error("sandbox handler failed on {} {}", ctx.request().method(), ctx.request().path(), ctx.failure());
    if (ctx.get(ApiReply.LOG_ID_KEY) == null) {
      ctx.put(ApiReply.LOG_ID_KEY, logIds.next());
    }
    int status = ctx.statusCode() > 0 && ctx.failure() == null ? ctx.statusCode() : 500;
    ApiReply.error(ctx, status, status == 500 ? 1002001 : status, "sandbox internal error: "
        + (ctx.failure() == null ? "HTTP " + status : ctx.failure().toString()));
  }

  private void tagAndRecord(RoutingContext ctx) {
    String logId = logIds.next();
    ctx.put(ApiReply.LOG_ID_KEY, logId);
    ctx.response().putHeader("X-Tt-Logid", logId);
    var received = clock.instant();
    long arrived = System.nanoTime();
    String body = ctx.body() == null ? null : ctx.body().asString();
    log.arrived();
    ctx.addEndHandler(ar -> log.record(new RecordedRequest(
        ctx.request().method().name(), ctx.request().path(), query(ctx.queryParams()),
        headers(ctx.request().headers()), body, received, ctx.response().getStatusCode(), logId,
        ctx.get(ApiReply.BODY_KEY), Duration.ofNanos(System.nanoTime() - arrived))));
    ctx.next();
  }

  private void delay(RoutingContext ctx) {
    if (faults.losesAnswer(ctx.request().path())) {
      ctx.put(ApiReply.ANSWER_LOST_KEY, Faults.HANG);
    }
    Optional<Faults.Hold> hold = faults.heldBy(ctx.request().path());
    if (hold.isPresent()) {
      // Released from the test's thread: the request goes on on its own context.
      io.vertx.core.Context own = vertx.getOrCreateContext();
      hold.get().released().onComplete(x -> own.runOnContext(v -> {
        if (!ctx.response().closed()) {
          delayed(ctx);
        }
      }));
      return;
    }
    delayed(ctx);
  }

  /** The latency fault, after any hold. */
  private void delayed(RoutingContext ctx) {
    Duration d = faults.latencyFor(ctx.request().path());
    if (d.isZero() || d.isNegative()) {
      ctx.next();
    } else {
      vertx.setTimer(d.toMillis(), id -> {
        // The client may have given up meanwhile (a hang outlasts every timeout): nobody is left to answer.
        if (!ctx.response().closed()) {
          ctx.next();
        }
      });
    }
  }

  private void injectFault(RoutingContext ctx) {
    if (faults.pagingStuck(ctx.request().path())) {
      ctx.put(Paging.STUCK_KEY, true);
    }
    if (faults.pagesRepeat(ctx.request().path())) {
      ctx.put(Paging.REPEAT_KEY, true);
    }
    Optional<Faults.Fault> fault = faults.take(ctx.request().method().name(), ctx.request().path());
    if (fault.isPresent()) {
      Faults.Fault f = fault.get();
      if (f.rawBody() != null) {
        ApiReply.html(ctx, f.httpStatus(), f.rawBody());
      } else {
        ApiReply.error(ctx, new ApiError(f.httpStatus(), f.code(), f.msg(), f.headers()));
      }
    } else {
      ctx.next();
    }
  }

  private void authenticate(RoutingContext ctx) {
    if (ctx.request().path().equals(TOKEN_PATH)) {
      ctx.next();
      return;
    }
    String auth = ctx.request().getHeader("Authorization");
    if (auth == null || !auth.startsWith(BEARER) || auth.length() == BEARER.length()) {
      ApiReply.error(ctx, 400, 99991661,
          "Missing access token for authorization. Please make a request with token attached.");
    } else if (!auth.substring(BEARER.length()).trim().matches("[tu]-.*")) {
      ApiReply.error(ctx, 400, 99991671, "Invalid access token for authorization. The token must start with t- or u-.");
    } else if (!tokens.valid(auth.substring(BEARER.length()).trim())) {
      ApiReply.error(ctx, 400, 99991663, "Invalid access token for authorization. Please make a request with token attached.");
    } else {
      ctx.next();
    }
  }

  private static Map<String, List<String>> query(MultiMap params) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String name : params.names()) {
      out.put(name, List.copyOf(params.getAll(name)));
    }
    return out;
  }

  private static Map<String, String> headers(MultiMap headers) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String name : headers.names()) {
      out.put(name.toLowerCase(Locale.ROOT), String.join(", ", new ArrayList<>(headers.getAll(name))));
    }
    return out;
  }
}
