package io.hirebot.feature.pipeline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.hire.Stage;
import io.hirebot.testing.FeatureHarness;
import io.hirebot.testing.Shown;
import io.hirebot.testing.SmallTenant;
import io.hirebot.testing.TestFeatures;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The pipeline card's figures against a small Hire tenant. */
class PipelineFeatureTest {
  @RegisterExtension
  final FeatureHarness h = FeatureHarness.start().with(TestFeatures::pipeline);

  @Test
  @DisplayName("pipeline: one line per stage with the real counts, conversion and median days, in both languages")
  void pipeline() {
    // GIVEN Backend Engineer: 2 in screening, 1 in interview, none further
    Map<Stage, Integer> active = Map.of(SmallTenant.SCREENING, 2, SmallTenant.INTERVIEW, 1, SmallTenant.OFFER, 0,
        SmallTenant.ONBOARDING, 0);

    Shown en = h.inGroup("pipeline for Backend Engineer");
    Shown zh = h.inGroup("Backend Engineer 的招聘漏斗");

    active.forEach((s, n) -> {
      assertTrue(en.contains("**" + s.enName() + "** · " + n), s.enName() + " in " + en);
      assertTrue(zh.contains("**" + s.zhName() + "** · " + n), s.zhName() + " in " + zh);
    });
    assertTrue(en.contains("moved on") && en.contains("median"), en.all());
    assertTrue(zh.contains("已进入后续阶段") && zh.contains("中位数"), zh.all());
  }
}
