package io.hirebot.feature.offers;

import static io.hirebot.testing.SmallTenant.DATA;
import static io.hirebot.testing.SmallTenant.OFFER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.hire.Application;
import io.hirebot.hire.Offer;
import io.hirebot.i18n.DayMentions;
import io.hirebot.i18n.Language;
import io.hirebot.testing.FeatureHarness;
import io.hirebot.testing.Shown;
import io.hirebot.testing.SmallTenant;
import io.hirebot.testing.TestFeatures;
import java.time.Duration;
import java.util.List;
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
  @DisplayName("offers reads the lists of the offer and onboarding stages only, not every stage's and the whole job's")
  void readsOfferStagesOnly() {
    h.hire.resetCalls();

    Shown all = h.inGroup("offers");

    // THEN per open job (Backend, Data Scientist): one list per stage the card lists (Offer, To onboard), in parallel:
    // 4 lists, not 10 (each job's 4 stages and its whole job)
    assertTrue(all.contains("Page 1 of 2"), all.all());
    var lists = h.hire.calls("activeApplicationIds");
    assertEquals(4, lists.size(), lists.toString());
    assertTrue(lists.stream().allMatch(c -> c.args().size() == 2
        && java.util.Set.of(OFFER.id(), SmallTenant.ONBOARDING.id()).contains(c.arg(1))), lists.toString());
  }

  @Test
  @DisplayName("the header says the list holds onboarding stages too, in both languages (QA: '10 位候选人处于 Offer 阶段' "
      + "over a list of which 7 were in 待入职)")
  void headerNamesOnboardingToo() {
    // GIVEN a Backend candidate past the offer, in pending onboarding with the offer accepted
    Application joining = h.hire.addApplication(SmallTenant.BACKEND, h.hire.addTalent("Joining Person", "13922222222",
        "jp@example.com"), SmallTenant.ONBOARDING, h.clock.instant().minus(Duration.ofDays(3)));
    h.hire.addOffer(new Offer("offer_joining", joining.id(), 7, "2026-12-21", h.clock.instant()));

    // WHEN Backend's offers are asked for, in English and in Chinese
    Shown en = h.inGroup("offers for Backend Engineer");
    Shown zh = h.inGroup("Backend Engineer 的 Offer");

    // THEN the person at onboarding is listed, and the header does not say everyone is at the offer stage
    assertTrue(en.contains("Joining Person") && zh.contains("Joining Person"), en.all());
    assertEquals("2 candidates in offer or onboarding stages", en.subtitle());
    assertEquals("2 位候选人处于 Offer 或入职阶段", zh.subtitle());
  }

  @Test
  @DisplayName("pending offers: only offers still open (not applied, approving, approved, sent, created), in the "
      + "header too, and the next page keeps the filter")
  void pendingOffers() {
    // GIVEN beside the eleven sent offers on Data Scientist (and Backend's candidate without one), offers of every
    // other status on Backend
    int[] statuses = {1, 2, 3, 4, 5, 7, 8, 9, 10};
    for (int status : statuses) {
      Application a = h.hire.addApplication(SmallTenant.BACKEND, h.hire.addTalent("Status " + status + " Person",
          "1370000000" + status, "s" + status + "@example.com"), OFFER, h.clock.instant().minus(Duration.ofDays(5)));
      h.hire.addOffer(new Offer("offer_s" + status, a.id(), status, status == 7 ? "2026-12-21" : "", h.clock.instant()));
    }

    // WHEN someone asks for the pending ones, and turns the page
    Shown first = h.inGroup("pending offers");
    Shown second = h.click(first.button("offers.page", "page", 1), FeatureHarness.ALICE).card();

    // THEN both pages list the 15 still open (11 sent, not applied, approving, approved, created) and say so
    for (Shown page : List.of(first, second)) {
      assertTrue(page.title().startsWith("Pending offers"), page.title());
      assertTrue(page.contains("· 15 in all"), page.all());
      for (int closed : new int[] {3, 5, 7, 8, 9}) {
        assertFalse(page.contains("Status " + closed + " Person"), closed + " is no pending offer: " + page.all());
      }
      assertFalse(page.contains("Backend Offer"), "no offer yet is no pending offer: " + page.all());
    }
    String both = first.all() + second.all();
    for (int open : new int[] {1, 2, 4, 10}) {
      assertTrue(both.contains("Status " + open + " Person"), open + " is pending: " + both);
    }
    assertTrue(second.contains("Page 2 of 2"), second.all());

    // AND the job's pending ones, in Chinese, say so too
    Shown zh = h.inGroup("Backend Engineer 待处理的 offer");
    assertTrue(zh.contains("待处理的 Offer · Backend Engineer"), zh.all());
    assertTrue(zh.contains("Status 10 Person") && !zh.contains("Status 7 Person"), zh.all());
  }

  @Test
  @DisplayName("pending offers among more candidates at the offer stage than are read say how many were not checked")
  void pendingOffersBounded() {
    // GIVEN 95 more candidates at Backend's offer stage (107 in all with the 12 seeded), their offers accepted
    for (int i = 0; i < 95; i++) {
      Application a = h.hire.addApplication(SmallTenant.BACKEND, h.hire.addTalent("Accepted " + i, "1350000" + i,
          "acc" + i + "@example.com"), OFFER, h.clock.instant().minus(Duration.ofDays(5)));
      h.hire.addOffer(new Offer("offer_acc" + i, a.id(), 7, "", h.clock.instant()));
    }

    Shown pending = h.inGroup("pending offers");

    assertTrue(pending.subtitle().endsWith("(among the first 100 candidates at the offer stage; 7 more not checked)"),
        pending.subtitle());
  }

  @Test
  @DisplayName("a start date reads as on the profile and onboarding cards (Dec 21 / 12月21日), not as Hire's 2026-12-21")
  void startDateAsElsewhere() {
    // A date still to come (a fixed one would pass one day and read 'was to start').
    java.time.LocalDate start = java.time.LocalDate.now(h.clock.withZone(FeatureHarness.ZONE)).plusDays(19);
    Application a = h.hire.addApplication(SmallTenant.BACKEND, h.hire.addTalent("Starting Soon", "13922222222",
        "ss@example.com"), OFFER, h.clock.instant().minus(Duration.ofDays(9)));
    h.hire.addOffer(new Offer("offer_start", a.id(), 7, start.toString(), h.clock.instant()));

    Shown en = h.inGroup("offers for Backend Engineer");
    assertTrue(en.contains("**accepted** · starts " + h.day(start, Language.EN)), en.all());
    assertFalse(en.contains(start.toString()), en.all());
    Shown zh = h.inGroup("Backend Engineer 的 Offer");
    assertTrue(zh.contains("计划 " + h.day(start, Language.ZH) + "入职"), zh.all());
  }

  @Test
  @DisplayName("a start date that passed without a join reads 'was to start … · ⚠️ not joined yet', not as still to "
      + "come; in Chinese '原定 …入职 · ⚠️ 尚未入职'")
  void passedStartDate() {
    // GIVEN 陈明, pending onboarding, whose accepted offer planned the start two days ago; Hire says he has not joined
    java.time.LocalDate start = java.time.LocalDate.now(h.clock.withZone(FeatureHarness.ZONE)).minusDays(2);
    Application a = h.hire.addApplication(SmallTenant.BACKEND, h.hire.addTalent("陈明", "13933333333",
        "cm@example.com"), SmallTenant.ONBOARDING, h.clock.instant().minus(Duration.ofDays(30)));
    Offer offer = h.hire.addOffer(new Offer("offer_chen", a.id(), 7, start.toString(), h.clock.instant()));
    h.hire.progress(a.id(), new io.hirebot.hire.Progress(true, List.of(), List.of(), offer, false, null, null));

    Shown card = h.inGroup("offers for Backend Engineer");

    // THEN (on main: '陈明 · … · accepted · starts Nov 30', with no warning)
    assertTrue(card.contains("**accepted** · was to start " + h.day(start, Language.EN)
        + " · ⚠️ not joined yet"), card.all());
    assertTrue(card.contains("原定 " + h.day(start, Language.ZH) + "入职 · ⚠️ 尚未入职"), card.all());
    assertFalse(DayMentions.in(card.all(), "starts ", start), card.all());
  }
}
