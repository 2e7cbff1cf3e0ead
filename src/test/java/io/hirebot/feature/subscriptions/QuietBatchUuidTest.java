package io.hirebot.feature.subscriptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.i18n.Language;
import io.hirebot.store.HeldNotifications.Change;
import io.hirebot.store.HeldNotifications.Held;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class QuietBatchUuidTest {
  private static Held held(String summary) {
    return new Held("oc_team", "en_us", new Change(Map.of(Language.EN, summary, Language.ZH, summary), "job_1",
        "Backend (BE-001)", Instant.parse("2026-12-04T01:00:00Z")));
  }

  @Test
  @DisplayName("a batch retried after a failed send has the uuid of its first try (Feishu sends one message per uuid), "
      + "another batch another one, always within Feishu's 50 characters")
  void stableForTheSameRows() {
    String first = QuietHoursRelease.uuid("oc_team", List.of(held("Carol moved"), held("Dan rejected")));
    assertEquals(first, QuietHoursRelease.uuid("oc_team", List.of(held("Carol moved"), held("Dan rejected"))));
    assertNotEquals(first, QuietHoursRelease.uuid("oc_team", List.of(held("Carol moved"))));
    assertNotEquals(first, QuietHoursRelease.uuid("oc_other", List.of(held("Carol moved"), held("Dan rejected"))));
    assertTrue(first.length() <= 50, first);
  }
}
