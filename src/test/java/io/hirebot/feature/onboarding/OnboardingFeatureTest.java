package io.hirebot.feature.onboarding;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.cards.FlowTexts;
import io.hirebot.hire.Application;
import io.hirebot.hire.JobTeam;
import io.hirebot.hire.Offer;
import io.hirebot.hire.Progress;
import io.hirebot.hire.Stage;
import io.hirebot.i18n.Language;
import io.hirebot.testing.FeatureHarness;
import io.hirebot.testing.Shown;
import io.hirebot.testing.SmallTenant;
import io.hirebot.testing.TestFeatures;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The onboarding list against a small Hire tenant: who starts in the week, and whether they joined. */
class OnboardingFeatureTest {
  @RegisterExtension
  final FeatureHarness h = FeatureHarness.start().with(TestFeatures::onboarding);

  @Test
  @DisplayName("onboarding: who joined is marked joined; a start date passed while still pending says not joined yet")
  void joinedAndOverdue() {
    // GIVEN a Wednesday; 陈明 was to start on Monday and is still pending onboarding, Olga started on Monday and has
    // joined (Hire moved her to Onboarded), Frank starts on Friday
    int toWednesday = (DayOfWeek.WEDNESDAY.getValue() - today().getDayOfWeek().getValue() + 7) % 7;
    h.clock.advance(Duration.ofDays(toWednesday));
    LocalDate monday = today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    Application chen = accepted(SmallTenant.BACKEND, "陈明", SmallTenant.ONBOARDING, monday, false);
    SmallTenant.addOpsWithHire(h.hire, h.clock);
    Application olga = accepted(SmallTenant.OPS, "Olga Joined", SmallTenant.ONBOARDED, monday, true);
    Application frank = accepted(SmallTenant.BACKEND, "Frank Soon", SmallTenant.ONBOARDING, monday.plusDays(4), false);

    Shown en = h.inGroup("onboarding this week");
    Shown zh = h.inGroup("入职 本周");

    // THEN each is listed, 陈明 flagged as not joined after the day he was to start (on main, in Chinese,
    // '陈明 · **11月30日**入职 · ⚠️ 已过入职日期，尚未入职', which first reads as 'joined Nov 30'), Olga as joined on the
    // day Hire says, Frank with his start still to come
    assertTrue(en.contains("陈明 · was to start " + h.day(monday, Language.EN) + " · ⚠️ not joined yet"),
        en.all());
    assertTrue(zh.contains("陈明 · 原定 " + h.day(monday, Language.ZH) + "入职 · ⚠️ 尚未入职"), zh.all());
    assertTrue(en.contains("Olga Joined · ✅ joined " + h.day(monday, Language.EN) + "\""), en.all());
    assertTrue(zh.contains("Olga Joined · ✅ " + h.day(monday, Language.ZH) + "已入职"), zh.all());
    assertTrue(en.contains("Frank Soon · starts " + h.day(monday.plusDays(4), Language.EN) + "\""), en.all());
    assertTrue(zh.contains("Frank Soon · 计划 " + h.day(monday.plusDays(4), Language.ZH) + "入职"), zh.all());
    assertFalse(en.contains("Owen Hu"), "a hire made long ago is not this week's: " + en.all());
  }

  private LocalDate today() {
    return LocalDate.now(h.clock.withZone(SmallTenant.ZONE));
  }

  private Application accepted(io.hirebot.hire.Job job, String name, Stage stage, LocalDate start, boolean joined) {
    var at = start.atStartOfDay(SmallTenant.ZONE).toInstant();
    Application a = h.hire.addApplication(job, h.hire.addTalent(name, "139" + name.hashCode(), name + "@example.com"),
        stage, at);
    Offer offer = new Offer("offer_" + a.id(), a.id(), FlowTexts.ACCEPTED, start.toString(), at);
    h.hire.progress(a.id(), new Progress(true, List.of(), List.of(), offer, joined, joined ? at : null, null));
    return a;
  }
}
