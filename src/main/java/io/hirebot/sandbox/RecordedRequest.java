package io.hirebot.sandbox;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request the sandbox answered.
 *
 * @param headers lower-cased header names
 * @param logId the X-Tt-Logid the sandbox answered with
 * @param took from the request's arrival at the routes to the end of its response: the injected latency and the
 *     sandbox's own work, including waiting behind other requests on its event loop (what a caller cannot shorten)
 */
public record RecordedRequest(
    String method,
    String path,
    Map<String, List<String>> query,
    Map<String, String> headers,
    String body,
    Instant time,
    int status,
    String logId,
    String responseBody,
    java.time.Duration took) {

  /** The first value of a query parameter, or null. */
  public String queryParam(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** The request body as a JSON object (empty object when there is none). */
  public JsonObject jsonBody() {
    return body == null || body.isBlank() ? new JsonObject() : new JsonObject(body);
  }

  /** The response body as a JSON object (empty object when it is not JSON). */
  public JsonObject jsonResponse() {
    try {
      return responseBody == null || responseBody.isBlank() ? new JsonObject() : new JsonObject(responseBody);
    } catch (RuntimeException e) {
      return new JsonObject();
    }
  }

  public boolean is(String httpMethod, String pathRegex) {
    return method.equalsIgnoreCase(httpMethod) && path.matches(pathRegex);
  }
}
