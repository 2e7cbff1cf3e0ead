package io.hirebot.sandbox;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/** A Feishu business error a handler answers with: HTTP status, {@code code}, {@code msg} and optional headers. */
final class ApiError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  final int httpStatus;
  final int code;
  final transient Map<String, String> headers;
  /** {@code error.permission_violations} of a missing-scope answer; empty otherwise. */
  final transient JsonArray permissionViolations;

  ApiError(int httpStatus, int code, String msg) {
    this(httpStatus, code, msg, Map.of());
  }

  ApiError(int httpStatus, int code, String msg, Map<String, String> headers) {
    this(httpStatus, code, msg, headers, new JsonArray());
  }

  private ApiError(int httpStatus, int code, String msg, Map<String, String> headers, JsonArray violations) {
    super(msg, null, false, false);
    this.httpStatus = httpStatus;
    this.code = code;
    this.headers = headers;
    this.permissionViolations = violations;
  }

  /** HTTP 400 / 99991672 listing each scope that would allow the call, as Feishu answers a call out of scope. */
  static ApiError missingScope(List<String> anyOf) {
    JsonArray violations = new JsonArray();
    anyOf.forEach(s -> violations.add(new JsonObject().put("type", "action_scope_required").put("subject", s)));
    String list = String.join(", ", anyOf);
    return new ApiError(400, 99991672, "Access denied. One of the following scopes is required: [" + list + "]."
        + "应用尚未开通所需的应用身份权限：[" + list + "]，点击链接申请并开通任一权限即可。", Map.of(), violations);
  }

  /** HTTP 400 with this code: the usual shape of a Feishu business error. */
  static ApiError badRequest(int code, String msg) {
    return new ApiError(400, code, msg);
  }

  /** Hire parameter error 1002002. */
  static ApiError hireParam(String msg) {
    return badRequest(1002002, "invalid param: " + msg);
  }
}
