package io.hirebot.sandbox;

import java.util.Map;

/** A Feishu business error a handler answers with: HTTP status, {@code code}, {@code msg} and optional headers. */
final class ApiError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  final int httpStatus;
  final int code;
  final transient Map<String, String> headers;

  ApiError(int httpStatus, int code, String msg) {
    this(httpStatus, code, msg, Map.of());
  }

  ApiError(int httpStatus, int code, String msg, Map<String, String> headers) {
    super(msg, null, false, false);
    this.httpStatus = httpStatus;
    this.code = code;
    this.headers = headers;
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
