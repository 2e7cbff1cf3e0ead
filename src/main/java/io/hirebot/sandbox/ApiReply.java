package io.hirebot.sandbox;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.function.Supplier;

/** Writes Feishu-shaped JSON responses and remembers the body for the request log; stateless. */
final class ApiReply {

  static final String LOG_ID_KEY = "sandbox.logid";
  static final String BODY_KEY = "sandbox.body";
  /** How long the answer is held back after the request was handled ({@link Faults#answerLost}); absent when not. */
  static final String ANSWER_LOST_KEY = "sandbox.answerLost";

  private ApiReply() {}

  /** Runs the handler body and answers {@code {"code":0,"msg":"success","data":…}} or its {@link ApiError}. */
  static void data(RoutingContext ctx, Supplier<JsonObject> body) {
    JsonObject data;
    try {
      data = body.get();
    } catch (ApiError e) {
      error(ctx, e);
      return;
    }
    json(ctx, 200, new JsonObject().put("code", 0).put("msg", "success").put("data", data));
  }

  /** Runs the handler body and answers its whole JSON object as is (for endpoints not wrapped in data). */
  static void whole(RoutingContext ctx, Supplier<JsonObject> body) {
    try {
      json(ctx, 200, body.get());
    } catch (ApiError e) {
      error(ctx, e);
    }
  }

  static void error(RoutingContext ctx, ApiError e) {
    e.headers.forEach((k, v) -> ctx.response().putHeader(k, v));
    JsonObject err = errorObject(ctx, e.code);
    if (!e.permissionViolations.isEmpty()) {
      err.put("permission_violations", e.permissionViolations);
    }
    json(ctx, e.httpStatus, new JsonObject().put("code", e.code).put("msg", e.getMessage()).put("error", err));
  }

  static void error(RoutingContext ctx, int status, int code, String msg) {
    json(ctx, status, new JsonObject().put("code", code).put("msg", msg).put("error", errorObject(ctx, code)));
  }

  private static JsonObject errorObject(RoutingContext ctx, int code) {
    String logId = ctx.get(LOG_ID_KEY);
    return new JsonObject()
        .put("log_id", logId)
        .put("troubleshooter", "排查建议查看(Troubleshooting suggestions): https://open.feishu.cn/search?from=openapi&log_id="
            + logId + "&code=" + code + "&method_id=sandbox");
  }

  /** A non-JSON answer, as a proxy in front of Feishu gives when the service behind it is down. */
  static void html(RoutingContext ctx, int status, String page) {
    if (ctx.response().ended()) {
      return;
    }
    ctx.put(BODY_KEY, page);
    ctx.response().setStatusCode(status)
        .putHeader("Content-Type", "text/html")
        .end(page);
  }

  static void json(RoutingContext ctx, int status, JsonObject body) {
    if (ctx.response().ended()) {
      return;
    }
    String text = body.encode();
    Duration lost = ctx.get(ANSWER_LOST_KEY);
    if (lost == null) {
      end(ctx, status, text);
    } else {
      // Handled already; the client gives up first, and nobody is left to answer.
      ctx.vertx().setTimer(lost.toMillis(), id -> {
        if (!ctx.response().closed()) {
          end(ctx, status, text);
        }
      });
    }
  }

  /** Answers; the request log keeps the body of answers only (a lost one has none). */
  private static void end(RoutingContext ctx, int status, String text) {
    ctx.put(BODY_KEY, text);
    ctx.response().setStatusCode(status)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .end(text);
  }
}
