package io.hirebot.sandbox;

import static io.hirebot.sandbox.SandboxTestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hirebot.testing.DocumentedLimits;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each Hire API the bot calls answers 429/99991400 once its documented calls per second are spent, and not before;
 * the clock stands still, so a second's worth is exactly the documented number.
 */
class DocumentedRatesTest {
  @RegisterExtension
  static final SandboxFixture fixture = SandboxFixture.start(SandboxConfig.defaults()
      .withClock(new MutableClock(Instant.parse("2026-03-02T02:00:00Z")))).resettingEachTest();
  private static final FeishuSandbox sandbox = fixture.sandbox;

  private HttpResponse<Buffer> call(DocumentedLimits.Limit api, String token) {
    return await(fixture.web.requestAbs(HttpMethod.valueOf(api.method()), sandbox.baseUrl() + api.requestPath())
        .putHeader("Authorization", "Bearer " + token).sendJsonObject(new JsonObject()));
  }

  @Test
  @DisplayName("each documented Hire API allows its documented calls in a second and refuses the next with that limit")
  void documentedPerSecond() {
    String token = await(fixture.web.postAbs(sandbox.baseUrl() + Gateway.TOKEN_PATH).sendJsonObject(new JsonObject()
        .put("app_id", sandbox.config().appId()).put("app_secret", sandbox.config().appSecret())))
        .bodyAsJsonObject().getString("tenant_access_token");
    List<String> wrong = new ArrayList<>();
    for (DocumentedLimits.Limit api : DocumentedLimits.HIRE_APIS) {
      int allowed = 0;
      HttpResponse<Buffer> last = call(api, token);
      while (last.statusCode() != 429 && allowed <= api.perSecond()) {
        allowed++;
        last = call(api, token);
      }
      if (allowed != api.perSecond() || !String.valueOf(api.perSecond()).equals(last.getHeader("x-ogw-ratelimit-limit"))
          || last.bodyAsJsonObject().getInteger("code") != 99991400) {
        wrong.add(api.method() + " " + api.route() + " allowed " + allowed + (last.statusCode() == 429 ? "" : "+")
            + " in a second; documented " + api.perSecond() + " (" + api.doc() + ")");
      }
    }
    assertEquals(List.of(), wrong);
  }
}
