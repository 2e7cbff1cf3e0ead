package io.hirebot.feature.profile;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.hire.Application;
import io.hirebot.hire.Offer;
import io.hirebot.hire.Progress;
import io.hirebot.hire.Stage;
import io.hirebot.i18n.DayMentions;
import io.hirebot.i18n.Language;
import io.hirebot.testing.FeatureHarness;
import io.hirebot.testing.Shown;
import io.hirebot.testing.SmallTenant;
import io.hirebot.testing.TestFeatures;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The offer line of a profile says the start as it is: still to come, passed without a join, joined on the day Hire
 * says, or nothing at all when the offer was declined.
 */
class ProfileStartTest {
  @RegisterExtension
  final FeatureHarness h = FeatureHarness.start().with(TestFeatures::profile);

  @Test
  @DisplayName("a declined offer's profile shows no start date; a passed one without a join says so; a future one "
      + "'starts'; in both languages")
  void startAsItIs() {
    // GIVEN Bob, whose declined offer still carries a start in three weeks; 陈明, accepted, to start two days ago and
    // not joined; Pia, accepted, starting in ten days
    LocalDate today = LocalDate.now(h.clock.withZone(FeatureHarness.ZONE));
    person("Bob Miller", SmallTenant.OFFER, 8, today.plusDays(21));
    person("陈明", SmallTenant.ONBOARDING, 7, today.minusDays(2));
    person("Pia Pending", SmallTenant.ONBOARDING, 7, today.plusDays(10));

    Shown bob = h.inGroup("candidate Bob Miller");
    Shown chen = h.inGroup("candidate 陈明");
    Shown pia = h.inGroup("candidate Pia Pending");

    // THEN (on main: 'Offer: **declined** · starts Dec 23', and 陈明's 'starts Nov 30 · not joined yet')
    assertTrue(bob.contains("Offer: **declined**\""), bob.all());
    assertFalse(DayMentions.in(bob.all(), "", today.plusDays(21)), bob.all());
    assertTrue(chen.contains("Offer: **accepted** · was to start " + h.day(today.minusDays(2), Language.EN)
        + " · ⚠️ not joined yet"), chen.all());
    assertTrue(chen.contains("原定 " + h.day(today.minusDays(2), Language.ZH) + "入职 · ⚠️ 尚未入职"), chen.all());
    assertTrue(pia.contains("Offer: **accepted** · starts " + h.day(today.plusDays(10), Language.EN) + "\""),
        pia.all());
    assertTrue(pia.contains("计划 " + h.day(today.plusDays(10), Language.ZH) + "入职"), pia.all());
  }

  @Test
  @DisplayName("a joined hire's profile says the day Hire says they joined, not the offer's planned day")
  void joinedOnTheRealDay() {
    LocalDate today = LocalDate.now(h.clock.withZone(FeatureHarness.ZONE));
    Application owen = person("Owen Joined", SmallTenant.ONBOARDING, 7, today.minusDays(30));
    java.time.Instant joined = h.clock.instant().minus(Duration.ofDays(12));
    h.hire.progress(owen.id(), new Progress(true, List.of(), List.of(), owen.progress().offer(), true, joined, null));

    Shown en = h.inGroup("candidate Owen Joined");

    String day = h.day(joined.atZone(FeatureHarness.ZONE).toLocalDate(), Language.EN);
    assertTrue(en.contains("Offer: **accepted** · ✅ joined " + day + "\""), en.all());
    assertFalse(en.contains("start"), "no planned start beside the real one: " + en.all());
  }

  private Application person(String name, Stage stage, int offerStatus, LocalDate start) {
    Application a = h.hire.addApplication(SmallTenant.BACKEND, h.hire.addTalent(name, "139" + Math.abs(name.hashCode()),
        Math.abs(name.hashCode()) + "@example.com"), stage, h.clock.instant().minus(Duration.ofDays(40)));
    Offer offer = h.hire.addOffer(new Offer("offer_" + a.id(), a.id(), offerStatus, start.toString(),
        h.clock.instant().minus(Duration.ofDays(20))));
    h.hire.progress(a.id(), new Progress(true, List.of(), List.of(), offer, false, null, null));
    return h.hire.applicationOf(h.hire.talent(name), SmallTenant.BACKEND);
  }
}
