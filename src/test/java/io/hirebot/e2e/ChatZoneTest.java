package io.hirebot.e2e;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.i18n.DateTexts;
import io.hirebot.i18n.DayMentions;
import io.hirebot.i18n.Language;
import io.hirebot.sandbox.HireTenant;
import io.hirebot.sandbox.ImState;
import io.hirebot.sandbox.MessageSpec;
import io.hirebot.sandbox.SentMessage;
import io.hirebot.sandbox.hire.Application;
import io.hirebot.sandbox.hire.DemoTenant;
import io.hirebot.sandbox.hire.Job;
import io.hirebot.sandbox.hire.StageTime;
import io.hirebot.sandbox.hire.Talent;
import io.hirebot.schedule.MutableClock;
import io.hirebot.testing.Shown;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A chat that set its own time zone ("timezone America/Los_Angeles") reads its dates in it: "today", "this week" and
 * the times its cards show are the chat's, not the bot's configured zone's (Asia/Shanghai here). The clock stands at
 * 10:00 in Shanghai, when Los Angeles is still on the day before.
 */
class ChatZoneTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
  private static final String TEAM = ImState.DEMO_TEAM_CHAT;
  private static final AtomicInteger SENT = new AtomicInteger();
  private static final MutableClock clock = shanghaiMorning();
  @RegisterExtension
  static final BotHarness h = BotHarness.start(Map.of("HIREBOT_PORT", "0", "HIREBOT_TIMEZONE", "Asia/Shanghai"), clock);

  /** The clock at the next 10:00 in Shanghai: 18:00 or 19:00 the day before in Los Angeles. */
  static MutableClock shanghaiMorning() {
    MutableClock c = MutableClock.atNow();
    ZonedDateTime now = c.instant().atZone(SHANGHAI);
    ZonedDateTime ten = now.toLocalDate().atTime(10, 0).atZone(SHANGHAI);
    c.advance(Duration.between(now, ten.isAfter(now) ? ten : ten.plusDays(1)));
    return c;
  }

  @BeforeAll
  static void losAngelesTeam() {
    assertTrue(card(TEAM, "timezone America/Los_Angeles").contains("America/Los_Angeles"));
  }

  /** The card (or text) the bot answered {@code text} with, asked by a new member each time (no rate limit). */
  private static Shown card(String chat, String text) {
    SentMessage m = h.ask(MessageSpec.group(chat).from("ou_user_alice_" + SENT.incrementAndGet()).mentioningBot()
        .text(text));
    var content = h.sandbox.im().message(m.messageId()).orElseThrow().currentContent();
    return content instanceof ObjectNode card ? Shown.of(card) : new Shown(content.toString(), null);
  }

  /** A new applicant to BE-001 who applied and entered its first stage at {@code at}. */
  private static Application applicant(String name, Instant at) {
    HireTenant hire = h.sandbox.hire();
    Job job = hire.jobByCode("BE-001").orElseThrow();
    String first = hire.stagesOf(job.id()).get(0).id();
    Talent t = hire.addTalent(name, "1390000" + (1000 + SENT.incrementAndGet()),
        name.replace(' ', '.') + "@example.com");
    Application a = hire.addApplication(job.id(), t.id(), first);
    long ms = at.toEpochMilli();
    Application dated = new Application(a.id(), a.jobId(), a.talentId(), first, Application.ACTIVE, ms, ms,
        List.of(new StageTime(first, ms, null)), null, List.of(), null, 2, 10003, null);
    hire.write(d -> d.applications.put(a.id(), dated));
    return dated;
  }

  @Test
  @DisplayName("'interviews today' in a Los Angeles chat lists Los Angeles' today, at Los Angeles times, and says so")
  void interviewsTodayInTheChatsZone() {
    // GIVEN an interview 12 hours ago (this morning in Los Angeles, last night in Shanghai) and one in 8 hours
    // (tonight in Shanghai, tomorrow in Los Angeles)
    Instant ours = clock.instant().minus(Duration.ofHours(12));
    Instant theirs = clock.instant().plus(Duration.ofHours(8));
    h.sandbox.hire().addInterview(applicant("Zone Morning", ours.minus(Duration.ofDays(3))).id(), ours.toEpochMilli(),
        DemoTenant.INTERVIEWER_LIU);
    h.sandbox.hire().addInterview(applicant("Zone Tonight", theirs.minus(Duration.ofDays(3))).id(),
        theirs.toEpochMilli(), DemoTenant.INTERVIEWER_LIU);

    // WHEN the Los Angeles team asks for today's interviews
    Shown today = card(TEAM, "interviews today");

    // THEN it lists the interview of their today, at its Los Angeles time, and names their zone
    assertTrue(today.contains("Zone Morning"), today.all());
    assertFalse(today.contains("Zone Tonight"), today.all());
    ZonedDateTime there = clock.instant().atZone(LOS_ANGELES);
    assertTrue(today.contains(DateTexts.dateTime(ours, there, Language.EN)), today.all());
    assertTrue(today.contains("America/Los_Angeles"), today.all());
    // AND the profile shows the interview at the same time
    Shown profile = card(TEAM, "candidate Zone Morning");
    assertTrue(profile.contains(DateTexts.dateTime(ours, there, Language.EN)), profile.all());
  }

  @Test
  @DisplayName("'applied today' and 'in stage since today' in a Los Angeles chat follow Los Angeles' day")
  void appliedTodayInTheChatsZone() {
    // GIVEN someone who applied 12 hours ago: this morning in Los Angeles, yesterday in Shanghai
    Instant applied = clock.instant().minus(Duration.ofHours(12));
    applicant("Zone Applicant", applied);

    // WHEN the Los Angeles team asks who applied today
    Shown list = card(TEAM, "candidates for BE-001 applied today");

    // THEN that applicant is listed, in stage since today, under a chip of Los Angeles' date
    assertTrue(list.contains("Zone Applicant"), list.all());
    assertTrue(list.contains("in stage since today"), list.all());
    ZonedDateTime there = clock.instant().atZone(LOS_ANGELES);
    assertTrue(list.contains(DateTexts.day(applied.atZone(LOS_ANGELES).toLocalDate(), there, Language.EN)), list.all());
    assertFalse(DayMentions.in(list.all(), "", applied.atZone(SHANGHAI).toLocalDate().plusDays(1)), list.all());
  }
}
