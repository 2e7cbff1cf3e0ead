package io.hirebot.e2e;

import static io.hirebot.e2e.BotHarness.TIMEOUT;
import static io.hirebot.e2e.BotHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.i18n.DateTexts;
import io.hirebot.i18n.DayMentions;
import io.hirebot.i18n.Language;
import io.hirebot.sandbox.HireTenant;
import io.hirebot.sandbox.ImState;
import io.hirebot.sandbox.MessageSpec;
import io.hirebot.sandbox.PushResult;
import io.hirebot.sandbox.hire.Application;
import io.hirebot.sandbox.hire.Job;
import io.hirebot.sandbox.hire.Offer;
import io.hirebot.sandbox.hire.Stage;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A planned start date reads as it is, through the sandbox's Hire (offer_basic.onboard_date, basic_info.onboard_status):
 * a start that passed without a join is not shown as still to come, and a declined offer's date is not shown at all.
 */
class StartDatesTest {
  private static final String TEAM = ImState.DEMO_TEAM_CHAT;
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  @RegisterExtension
  static final BotHarness h = BotHarness.encrypted();

  private static LocalDate passed;
  private static LocalDate declinedStart;

  @BeforeAll
  static void start() {
    h.enableGroup(TEAM);
    HireTenant hire = h.sandbox.hire();
    Job backend = hire.jobByCode("BE-001").orElseThrow();
    LocalDate today = LocalDate.now(ZONE);
    passed = today.minusDays(2);
    declinedStart = today.plusDays(21);
    // Pat accepted an offer to start two days ago, waits in Pending Onboarding, and has not joined.
    withOffer(hire, backend, "Pat Passed", Stage.PENDING_ONBOARD, 7, passed);
    // Dee declined an offer that had planned a start in three weeks.
    withOffer(hire, backend, "Dee Declined", Stage.OFFER, 8, declinedStart);
  }

  @Test
  @DisplayName("a start passed without a join, on the candidates row and the profile: 'was to start … · ⚠️ not joined "
      + "yet' / '原定 …入职 · ⚠️ 尚未入职', never 'starts'")
  void passedStart() {
    String list = inGroup("candidates for BE-001 in stage Pending Onboarding");
    String profile = inGroup("candidate Pat Passed");

    ZonedDateTime now = ZonedDateTime.now(ZONE);
    String en = "was to start " + DateTexts.day(passed, now, Language.EN) + " · ⚠️ not joined yet";
    String zh = "原定 " + DateTexts.day(passed, now, Language.ZH) + "入职 · ⚠️ 尚未入职";
    for (String card : new String[] {list, profile}) {
      assertTrue(card.contains(en) && card.contains(zh), card);
      assertFalse(DayMentions.in(card, "starts ", passed), card);
    }
  }

  @Test
  @DisplayName("a declined offer's profile shows no start date: 'Offer: declined', not '· starts Dec 23'")
  void declinedOfferHasNoStart() {
    String profile = inGroup("candidate Dee Declined");

    assertTrue(profile.contains("Offer: **declined**"), profile);
    assertFalse(DayMentions.in(profile, "", declinedStart), profile);
    assertFalse(profile.contains(DateTexts.day(declinedStart, ZonedDateTime.now(ZONE), Language.ZH)), profile);
  }

  @Test
  @DisplayName("an 'offer accepted' notification whose planned start has passed: 'was to start … · ⚠️ not joined yet' "
      + "/ '原定 …入职 · ⚠️ 尚未入职', never 'starts …' as if still to come")
  void acceptedNotificationWithPassedStart() {
    // GIVEN the team follows BE-001's offers, and Otto's accepted offer planned a start three days ago
    inGroup("subscribe job BE-001 to offer");
    LocalDate planned = LocalDate.now(ZONE).minusDays(3);
    Offer offer = withOffer(h.sandbox.hire(), h.sandbox.hire().jobByCode("BE-001").orElseThrow(), "Otto Overdue",
        Stage.PENDING_ONBOARD, 7, planned);

    // WHEN Hire says the offer's status changed (accepted)
    await(h.sandbox.events().raw("hire.offer.status_changed_v1",
        new JsonObject().put("offer_id", offer.id()).put("offer_status", 7)));

    // THEN the notification words the start as every card does: passed, not joined
    String card = await(h.sandbox.im().awaitMessage(m -> TEAM.equals(m.chatId()) && m.parentId() == null
        && m.currentContent().toString().contains("Otto Overdue"), TIMEOUT)).currentContent().toString();
    ZonedDateTime now = ZonedDateTime.now(ZONE);
    assertTrue(card.contains("was to start " + DateTexts.day(planned, now, Language.EN) + " · ⚠️ not joined yet"),
        card);
    assertTrue(card.contains("原定 " + DateTexts.day(planned, now, Language.ZH) + "入职 · ⚠️ 尚未入职"), card);
    assertFalse(DayMentions.in(card, "starts ", planned), card);
  }

  private static Offer withOffer(HireTenant hire, Job job, String name, int stageType, int status, LocalDate start) {
    var talent = hire.addTalent(name, "139" + Math.abs(name.hashCode() % 100_000_000), name.replace(' ', '.') + "@x.com");
    String stage = hire.stagesOf(job.id()).stream().filter(s -> s.type() == stageType).findFirst().orElseThrow().id();
    Application a = hire.addApplication(job.id(), talent.id(), stage);
    Offer o = hire.addOffer(a.id(), status);
    Offer dated = new Offer(o.id(), o.applicationId(), o.jobId(), o.talentId(), o.status(), o.offerType(),
        o.createTime(), start.toString(), o.ownerId(), o.leaderId());
    hire.write(d -> d.offers.put(o.id(), dated));
    return dated;
  }

  private static String inGroup(String text) {
    PushResult push = await(h.sandbox.events().message(MessageSpec.group(TEAM).from("ou_recruiter_li")
        .mentioningBot().text(text)));
    assertEquals(200, push.status(), push.body());
    return await(h.sandbox.im().awaitMessage(m -> push.messageId().equals(m.parentId()), TIMEOUT)).currentContent()
        .toString();
  }
}
