package io.hirebot.sandbox;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Function;

/** Registers OpenAPI routes with their scope check, rate limit and the standard {code,msg,data} envelope. */
final class Api {

  /** Hire endpoints without a documented limit get tier 9/10: 50 per second. */
  static final int DEFAULT_RATE = 50;

  private final Router router;
  private final Gateway gateway;

  Api(Router router, Gateway gateway) {
    this.router = router;
    this.gateway = gateway;
  }

  Gateway gateway() {
    return gateway;
  }

  void get(String path, int perSecond, Function<RoutingContext, JsonObject> handler) {
    data(HttpMethod.GET, path, perSecond, handler);
  }

  void post(String path, int perSecond, Function<RoutingContext, JsonObject> handler) {
    data(HttpMethod.POST, path, perSecond, handler);
  }

  /** A route answering {"code":0,"msg":"success","data":handler(ctx)} or the handler's ApiError. */
  void data(HttpMethod method, String path, int perSecond, Function<RoutingContext, JsonObject> handler) {
    data(method, path, path, perSecond, handler);
  }

  /** As above, with the rate-limit bucket named {@code endpoint} (shared by routes naming the same one). */
  void data(HttpMethod method, String path, String endpoint, int perSecond, Function<RoutingContext, JsonObject> handler) {
    router.route(method, path).handler(gateway.scoped(ScopeRules.endpoint(method, path)))
        .handler(gateway.limited(endpoint, perSecond))
        .handler(ctx -> ApiReply.data(ctx, () -> handler.apply(ctx)));
  }

  /** A route whose handler writes the whole response body itself (via {@link ApiReply}). */
  void whole(HttpMethod method, String path, int perSecond, Function<RoutingContext, JsonObject> handler) {
    whole(method, path, path, perSecond, handler);
  }

  void whole(HttpMethod method, String path, String endpoint, int perSecond, Function<RoutingContext, JsonObject> handler) {
    router.route(method, path).handler(gateway.scoped(ScopeRules.endpoint(method, path)))
        .handler(gateway.limited(endpoint, perSecond))
        .handler(ctx -> ApiReply.whole(ctx, () -> handler.apply(ctx)));
  }

  /** Reads the JSON body, or answers the given code for a missing / malformed body. */
  static JsonObject jsonBody(RoutingContext ctx, int badBodyCode) {
    String text = ctx.body() == null ? null : ctx.body().asString();
    if (text == null || text.isBlank()) {
      return new JsonObject();
    }
    try {
      return new JsonObject(text);
    } catch (RuntimeException e) {
      throw ApiError.badRequest(badBodyCode, "request body is not a valid JSON object");
    }
  }
}
