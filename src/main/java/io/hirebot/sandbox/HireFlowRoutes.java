package io.hirebot.sandbox;

import io.hirebot.sandbox.hire.Application;
import io.hirebot.sandbox.hire.HireJson;
import io.hirebot.sandbox.hire.WrittenTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Hire v1's written tests and onboarding records (issue 16): {@code POST /tests/search} (docs hire-v1/test/search:
 * 1000/min and 50/s, page_size ≤100 default 10, body application_id_list ≤100 and test start-time bounds) and
 * {@code GET /employees/get_by_application} (SDK {@code GetByApplicationEmployeeReq}).
 */
final class HireFlowRoutes {
  static final int TESTS_RATE = 50;
  static final int MAX_APPLICATION_IDS = 100;

  private final HireTenant hire;

  HireFlowRoutes(HireTenant hire) {
    this.hire = hire;
  }

  void install(Api api) {
    api.post(HireApplicationRoutes.V1 + "/tests/search", TESTS_RATE, this::searchTests);
    api.get(HireApplicationRoutes.V1 + "/employees/get_by_application", Api.DEFAULT_RATE, ctx -> {
      String applicationId = HireParams.required(ctx, "application_id");
      return hire.read(d -> {
        Application a = d.applications.get(applicationId);
        if (a == null) {
          throw ApiError.badRequest(1002201, "application does not exist");
        }
        JsonObject data = new JsonObject();
        d.employeeOf(applicationId).ifPresent(e -> data.put("employee", HireJson.employee(e)));
        return data;
      });
    });
  }

  private JsonObject searchTests(io.vertx.ext.web.RoutingContext ctx) {
    int size = Paging.pageSize(ctx, 10, 100);
    JsonObject body = Api.jsonBody(ctx, 1002002);
    JsonArray ids = body.getJsonArray("application_id_list");
    if (ids != null && ids.size() > MAX_APPLICATION_IDS) {
      throw ApiError.hireParam("application_id_list takes at most " + MAX_APPLICATION_IDS + " ids");
    }
    Set<String> wanted = ids == null ? null
        : ids.stream().map(String::valueOf).collect(Collectors.toSet());
    Long from = millis(body, "test_start_time_min");
    Long to = millis(body, "test_start_time_max");
    return hire.read(d -> {
      List<WrittenTest> found = d.tests.values().stream()
          .filter(t -> wanted == null || wanted.contains(t.applicationId()))
          .filter(t -> from == null || t.startTime() >= from)
          .filter(t -> to == null || t.startTime() <= to)
          .toList();
      return Paging.page(ctx, found, size, HireJson::writtenTest);
    });
  }

  private static Long millis(JsonObject body, String name) {
    String v = body.getValue(name) == null ? null : String.valueOf(body.getValue(name));
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw ApiError.hireParam(name + " must be a timestamp in milliseconds");
    }
  }
}
