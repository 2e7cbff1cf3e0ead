package io.hirebot.feishu.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hirebot.testing.DocumentedLimits;
import io.hirebot.util.RateBudget;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The bot plans each Hire API at HEADROOM of the limit Feishu documents for it, per second and per minute. */
class RateLimitsPlanTest {
  private record Planned(double perSecond, RateBudget.Ceiling perMinute) {}

  private final Vertx vertx = Vertx.vertx();
  private final Map<String, Planned> planned = new HashMap<>();
  private final RateLimits limits = new RateLimits(vertx, (key, rate, burst, perMinute) -> {
    planned.put(key, new Planned(rate, perMinute));
    return RateBudget.Factory.LOCAL.create(key, rate, burst, perMinute);
  });

  @AfterEach
  void close() {
    vertx.close();
  }

  @Test
  @DisplayName("every documented Hire API is budgeted at 90% of its documented calls per second and per minute")
  void plansEachDocumentedLimit() {
    List<String> wrong = new ArrayList<>();
    for (DocumentedLimits.Limit doc : DocumentedLimits.HIRE_APIS) {
      limits.of(doc.operation());
      Planned plan = planned.get(doc.operation());
      double perSecond = doc.perSecond() * RateLimits.HEADROOM;
      Integer perMinute = doc.perMinute() == 0 ? null : (int) (doc.perMinute() * RateLimits.HEADROOM);
      Integer plannedPerMinute = plan.perMinute() == null ? null : plan.perMinute().permits();
      if (Math.abs(plan.perSecond() - perSecond) > 1e-9 || !Objects.equals(perMinute, plannedPerMinute)) {
        wrong.add(doc.operation() + " planned " + plan.perSecond() + "/s, " + plannedPerMinute + "/min; documented "
            + doc.perSecond() + "/s, " + doc.perMinute() + "/min (" + doc.doc() + ")");
      }
    }
    assertEquals(List.of(), wrong);
  }
}
