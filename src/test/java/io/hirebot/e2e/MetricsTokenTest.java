package io.hirebot.e2e;

import static io.hirebot.e2e.BotHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An operator whose webhook port is public keeps /metrics to the Prometheus that holds HIREBOT_METRICS_TOKEN. */
class MetricsTokenTest {
  private static final String TOKEN = "3f9c2a7b1e8d4c6a9b0e2f4d";

  @RegisterExtension
  static final BotHarness h = BotHarness.start(Map.of("HIREBOT_PORT", "0", "HIREBOT_METRICS_TOKEN", TOKEN));

  @Test
  @DisplayName("/metrics without the bearer token, or with another, is 401 and shows nothing; with it, the metrics")
  void metricsNeedTheToken() {
    var none = await(h.web.getAbs(h.bot.url("/metrics")).send());
    var wrong = await(h.web.getAbs(h.bot.url("/metrics")).putHeader("Authorization", "Bearer " + TOKEN + "x").send());
    var right = await(h.web.getAbs(h.bot.url("/metrics")).putHeader("Authorization", "Bearer " + TOKEN).send());

    for (var refused : java.util.List.of(none, wrong)) {
      assertEquals(401, refused.statusCode());
      assertEquals("Bearer", refused.getHeader("WWW-Authenticate"));
      assertFalse(refused.bodyAsString().contains("hirebot_"), refused.bodyAsString());
    }
    assertEquals(200, right.statusCode());
    assertTrue(right.bodyAsString().contains("hirebot_events_received_total")
        || right.bodyAsString().contains("hirebot_http_requests_total"), right.bodyAsString());
    // The refusals are counted like any request, by route and code.
    assertTrue(right.bodyAsString().contains("hirebot_http_requests_total{code=\"401\",route=\"/metrics\"}"),
        right.bodyAsString().lines().filter(l -> l.startsWith("hirebot_http_requests_total")).toList().toString());
    // Webhooks and health checks do not ask for it.
    assertEquals(200, await(h.web.getAbs(h.bot.url("/healthz")).send()).statusCode());
  }

  @Test
  @DisplayName("doctor sees that /metrics at the public URL asks for the token")
  void doctorSeesTheToken() {
    DoctorTest.Run r = DoctorTest.doctor(DoctorTest.envFor(h));
    assertEquals(0, r.exit(), r.output());
    assertTrue(r.output().contains("ok    " + h.bot.url("/metrics") + " asks for HIREBOT_METRICS_TOKEN"), r.output());
  }
}
