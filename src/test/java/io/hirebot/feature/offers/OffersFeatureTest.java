package io.hirebot.feature.offers;

import static io.hirebot.testing.SmallTenant.DATA;
import static io.hirebot.testing.SmallTenant.OFFER;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.hire.Application;
import io.hirebot.hire.Offer;
import io.hirebot.testing.FeatureHarness;
import io.hirebot.testing.Shown;
import io.hirebot.testing.SmallTenant;
import io.hirebot.testing.TestFeatures;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The offers card: statuses, pager, job filter and language, against a small Hire tenant. */
class OffersFeatureTest {
  @RegisterExtension
  final FeatureHarness h = FeatureHarness.start().with(TestFeatures::offers);

  @BeforeEach
  void seed() {
    // More than a page of offers on Data Scientist (张伟's and ten more), one candidate in Backend's offer stage.
    for (int i = 0; i < 10; i++) {
      Application a = h.hire.addApplication(DATA, h.hire.addTalent("Offer Person " + i, "1390000000" + i,
          "offer" + i + "@example.com"), OFFER, h.clock.instant().minus(Duration.ofDays(9)));
      h.hire.addOffer(new Offer("offer_" + i, a.id(), SmallTenant.OFFER_SENT, "", h.clock.instant()));
    }
    h.hire.addApplication(SmallTenant.BACKEND, h.hire.addTalent("Backend Offer", "13911111111", "bo@example.com"),
        OFFER, h.clock.instant().minus(Duration.ofDays(9)));
  }

  @Test
  @DisplayName("offers: candidates in offer stages with their offer status, paginated; by job; in Chinese")
  void offers() {
    Shown all = h.inGroup("offers");
    assertTrue(all.contains("**sent**\""), "a row without a start date ends with its status: " + all.all());
    assertTrue(all.contains("Page 1 of 2"), all.all());
    Shown next = h.click(all.button("offers.page", "page", 1), FeatureHarness.ALICE).card();
    assertTrue(next.contains("Page 2 of 2"), next.all());

    Shown ds = h.inGroup("offers for Data Scientist");
    assertTrue(ds.contains("Offer Person 0") && !ds.contains("· Backend Engineer ·"), ds.all());
    assertFalse(ds.contains("Backend Offer"), ds.all());
    assertTrue(h.inGroup("Offer 列表").contains("已发出"));
  }

  @Test
  @DisplayName("a start date reads as on the profile and onboarding cards (Dec 21 / 12月21日), not as Hire's 2026-12-21")
  void startDateAsElsewhere() {
    Application a = h.hire.addApplication(SmallTenant.BACKEND, h.hire.addTalent("Starting Soon", "13922222222",
        "ss@example.com"), OFFER, h.clock.instant().minus(Duration.ofDays(9)));
    h.hire.addOffer(new Offer("offer_start", a.id(), 7, "2026-12-21", h.clock.instant()));

    Shown en = h.inGroup("offers for Backend Engineer");
    assertTrue(en.contains("**accepted** · starts Dec 21"), en.all());
    assertFalse(en.contains("2026-12-21"), en.all());
    Shown zh = h.inGroup("Backend Engineer 的 Offer");
    assertTrue(zh.contains("12月21日入职"), zh.all());
  }
}
