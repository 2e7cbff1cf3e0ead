package io.hirebot.sandbox;

import io.vertx.ext.web.RoutingContext;

/** Parsing of Hire query parameters with Feishu's 1002002 on bad values; stateless. */
final class HireParams {

  private HireParams() {}

  /** A ms-epoch query parameter, or null when absent. */
  static Long millis(RoutingContext ctx, String name) {
    String raw = ctx.request().getParam(name);
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      long v = Long.parseLong(raw.trim());
      if (v <= 0) {
        throw ApiError.hireParam(name + " must be a positive ms timestamp");
      }
      return v;
    } catch (NumberFormatException e) {
      throw ApiError.hireParam(name + " must be a ms timestamp");
    }
  }

  static String optional(RoutingContext ctx, String name) {
    String raw = ctx.request().getParam(name);
    return raw == null || raw.isBlank() ? null : raw.trim();
  }

  static String required(RoutingContext ctx, String name) {
    String v = optional(ctx, name);
    if (v == null) {
      throw ApiError.hireParam(name + " is required");
    }
    return v;
  }

  /** The task lists' optional {@code activity_status} filter, or null when absent (then every task is listed). */
  static Integer activityStatus(RoutingContext ctx) {
    String raw = optional(ctx, "activity_status");
    try {
      return raw == null ? null : Integer.valueOf(raw);
    } catch (NumberFormatException e) {
      throw ApiError.hireParam("activity_status must be a number");
    }
  }
}
