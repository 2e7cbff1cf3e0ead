package io.hirebot.e2e;

import static io.hirebot.e2e.BotHarness.TIMEOUT;
import static io.hirebot.e2e.BotHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.i18n.DateTexts;
import io.hirebot.i18n.Language;
import io.hirebot.sandbox.HireTenant;
import io.hirebot.sandbox.ImState;
import io.hirebot.sandbox.MessageSpec;
import io.hirebot.sandbox.PushResult;
import io.hirebot.sandbox.SentMessage;
import io.hirebot.sandbox.hire.Application;
import io.hirebot.sandbox.hire.Job;
import io.hirebot.sandbox.hire.Offer;
import io.hirebot.sandbox.hire.Stage;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Whether someone joined, on the onboarding card, is what Hire's onboarding fields say (get_detail's
 * basic_info.onboard_status and the employee record's onboard_time, the real join time), not when the application was
 * last updated: the sandbox records a join as Feishu's transfer_onboard does, and the bot reads it from there.
 */
class OnboardingJoinedTest {
  private static final String TEAM = ImState.DEMO_TEAM_CHAT;
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  @RegisterExtension
  static final BotHarness h = BotHarness.encrypted();

  private static LocalDate monday;
  private static Instant longAgo;

  @BeforeAll
  static void start() {
    h.enableGroup(TEAM);
    HireTenant hire = h.sandbox.hire();
    Job backend = hire.jobByCode("BE-001").orElseThrow();
    monday = LocalDate.now(ZONE).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    longAgo = Instant.now().minus(Duration.ofDays(40));
    // Nina: her offer (accepted) says she starts this Monday; the team moved her to Pending Onboarding just now, so
    // her application was updated now. She has not joined.
    Application nina = accepted(hire, backend, "Nina Pending", Stage.OFFER);
    hire.moveApplication(nina.id(), stage(hire, backend, Stage.PENDING_ONBOARD));
    // Omar: his offer also says this Monday, but he really joined 40 days ago; the team recorded his onboarding in
    // Hire only now (transfer_onboard with that actual_onboard_time), so his application too was updated now.
    Application omar = accepted(hire, backend, "Omar Early", Stage.PENDING_ONBOARD);
    hire.onboard(omar.id(), longAgo.toEpochMilli());
  }

  @Test
  @DisplayName("onboarding: updated just now but not joined is not shown joined; joined 40 days ago but recorded just now "
      + "shows the real join date, not the offer's")
  void joinedIsHiresWord() {
    String en = inGroup("onboarding this week").currentContent().toString();
    String zh = inGroup("入职 本周").currentContent().toString();

    String nina = row(en, "Nina Pending");
    // Monday's start is still to come on Monday, and has passed without her by Tuesday.
    ZonedDateTime now = ZonedDateTime.now(ZONE);
    String planned = DateTexts.day(monday, now, Language.EN);
    assertEquals(monday.isBefore(LocalDate.now(ZONE)) ? "Nina Pending · was to start " + planned + " · ⚠️ not joined yet"
        : "Nina Pending · starts " + planned, nina, en);
    assertFalse(nina.contains("✅"), nina);

    String joined = DateTexts.day(longAgo.atZone(ZONE).toLocalDate(), now, Language.EN);
    String omar = row(en, "Omar Early");
    assertEquals("Omar Early · ✅ joined " + joined, omar, en);
    String joinedZh = DateTexts.day(longAgo.atZone(ZONE).toLocalDate(), now, Language.ZH);
    assertTrue(zh.contains("Omar Early · ✅ " + joinedZh + "已入职"), zh);
  }

  /** The row's line for {@code name}, as far as the end of its markdown string. */
  private static String row(String card, String name) {
    int at = card.indexOf(name + " · ");
    assertTrue(at >= 0, name + " not listed: " + card);
    return card.substring(at, card.indexOf('"', at));
  }

  private static Application accepted(HireTenant hire, Job job, String name, int stageType) {
    var talent = hire.addTalent(name, "139" + Math.abs(name.hashCode() % 100_000_000), name.replace(' ', '.') + "@x.com");
    Application a = hire.addApplication(job.id(), talent.id(), stage(hire, job, stageType));
    Offer o = hire.addOffer(a.id(), 7);
    hire.write(d -> d.offers.put(o.id(), new Offer(o.id(), o.applicationId(), o.jobId(), o.talentId(), o.status(),
        o.offerType(), o.createTime(), monday.toString(), o.ownerId(), o.leaderId())));
    return a;
  }

  private static String stage(HireTenant hire, Job job, int type) {
    return hire.stagesOf(job.id()).stream().filter(s -> s.type() == type).findFirst().orElseThrow().id();
  }

  private static SentMessage inGroup(String text) {
    PushResult push = await(h.sandbox.events().message(MessageSpec.group(TEAM).from("ou_user_onboarding")
        .mentioningBot().text(text)));
    assertEquals(200, push.status(), push.body());
    return await(h.sandbox.im().awaitMessage(m -> push.messageId().equals(m.parentId()), TIMEOUT));
  }
}
