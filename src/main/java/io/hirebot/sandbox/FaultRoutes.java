package io.hirebot.sandbox;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.regex.Pattern;

/**
 * Switches {@link Faults} over HTTP while the sandbox runs, to watch the bot through a Feishu outage by hand:
 * {@code POST /sandbox/faults} with {@code {"fault":"rate_limit","reset_seconds":5}}, {@code {"fault":"bad_gateway"}},
 * {@code {"fault":"hang"}} or {@code {"fault":"clear"}}; {@code "path"} (a regex, default every Hire path) picks the
 * endpoints. Switches add up until "clear"; every answer, and {@code GET /sandbox/faults}, lists those now on
 * ({@link Faults#active()}).
 */
final class FaultRoutes {
  private static final int DEFAULT_RESET_SECONDS = 5;
  private static final int DEFAULT_LIMIT = 10;
  private static final int BAD_GATEWAY = 502;

  private final Faults faults;

  FaultRoutes(Faults faults) {
    this.faults = faults;
  }

  void install(Router router) {
    router.post("/sandbox/faults").handler(this::set);
    router.get("/sandbox/faults").handler(ctx -> ApiReply.json(ctx, 200, new JsonObject().put("active", active())));
  }

  private void set(RoutingContext ctx) {
    JsonObject body = TryItRoutes.bodyOrNull(ctx);
    String fault = body == null ? "" : body.getString("fault", "");
    String path = body == null ? Faults.HIRE_PATHS : body.getString("path", Faults.HIRE_PATHS);
    try {
      Pattern.compile(path);
      switch (fault) {
        case "rate_limit" -> faults.rateLimitAlways(path, DEFAULT_LIMIT,
            body.getInteger("reset_seconds", DEFAULT_RESET_SECONDS));
        case "bad_gateway" -> faults.gatewayErrorAlways(path, body.getInteger("status", BAD_GATEWAY));
        case "hang" -> faults.hang(path);
        case "clear" -> faults.clear();
        default -> throw new IllegalArgumentException("unknown fault " + fault);
      }
    } catch (RuntimeException e) {
      ApiReply.json(ctx, 400, new JsonObject().put("error",
          "send {\"fault\":\"rate_limit|bad_gateway|hang|clear\",\"path\":\"regex\",\"reset_seconds\":5}"));
      return;
    }
    ApiReply.json(ctx, 200, new JsonObject().put("fault", fault).put("path", path).put("active", active()));
  }

  private JsonArray active() {
    JsonArray on = new JsonArray();
    faults.active().forEach(f -> on.add(new JsonObject(f)));
    return on;
  }
}
