package io.hirebot.e2e;

import static io.hirebot.e2e.BotHarness.TIMEOUT;
import static io.hirebot.e2e.BotHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.sandbox.CardActionSpec;
import io.hirebot.sandbox.ImState;
import io.hirebot.sandbox.MessageSpec;
import io.hirebot.sandbox.PushResult;
import io.hirebot.sandbox.SentMessage;
import io.hirebot.testing.Shown;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** "settings": one card of everything the bot posts in a chat unasked, each with how to change it. */
class ChatSettingsTest {
  private static final String ALICE = "ou_user_alice";
  private static final AtomicInteger SENT = new AtomicInteger();
  @RegisterExtension
  static final BotHarness h = BotHarness.start(Map.of("HIREBOT_PORT", "0"));

  /** The bot's answer to {@code text}, from a new member each time (the per-user rate limit never answers instead). */
  private static SentMessage ask(String chat, String text) {
    return h.ask(MessageSpec.group(chat).from(ALICE + "_" + SENT.incrementAndGet()).mentioningBot().text(text));
  }

  private static Shown shown(SentMessage m) {
    return Shown.of((ObjectNode) h.sandbox.im().message(m.messageId()).orElseThrow().currentContent());
  }

  @Test
  @DisplayName("settings shows the followed jobs with Unfollow, the digest, quiet hours (quiet now) and the zone")
  void everythingSetInOneCard() {
    String chat = ImState.DEMO_TEAM_CHAT;
    DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
    ZoneId shanghai = ZoneId.of("Asia/Shanghai");
    String from = hhmm.format(Instant.now().minus(Duration.ofHours(1)).atZone(shanghai));
    String to = hhmm.format(Instant.now().plus(Duration.ofHours(1)).atZone(shanghai));
    ask(chat, "subscribe job BE-001 to stage");
    ask(chat, "subscribe job FE-001");
    ask(chat, "digest weekdays 09:00");
    ask(chat, "quiet " + from + "-" + to);

    // WHEN someone asks what is set here
    Shown card = shown(ask(chat, "settings"));

    // THEN one card says it all, each line with the command that changes it
    assertEquals("What I post in this chat", card.title(), card.all());
    assertTrue(card.contains("Following 2 jobs"), card.all());
    assertTrue(card.contains("**Backend Engineer (BE-001)** · stage changes"), card.all());
    assertTrue(card.contains("**Frontend Engineer (FE-001)** · new applications, stage changes, offer updates"),
        card.all());
    assertEquals(List.of("Unfollow", "Unfollow"), card.labels("unfollow"), card.all());
    assertTrue(card.contains("**Digest** · on weekdays at 09:00 (Asia/Shanghai)") && card.contains("`digest off`"),
        card.all());
    assertTrue(card.contains("**Quiet hours** · " + from + "–" + to + " · 🌙 now: notifications are held until " + to),
        card.all());
    assertTrue(card.contains("**Time zone** · Asia/Shanghai, the bot's default"), card.all());
    // AND in Chinese, as a Chinese client shows the same card
    assertTrue(card.contains("订阅了 2 个职位") && card.contains("取消订阅") && card.contains("**免打扰** · " + from),
        card.all());

    // AND bare "quiet" and "设置" answer with the same card instead of the help card
    assertEquals("What I post in this chat", shown(ask(chat, "quiet")).title());
    assertEquals("我在这里推送的内容", shown(ask(chat, "设置")).title());

    // WHEN Unfollow is clicked on the card
    SentMessage settings = ask(chat, "settings");
    Shown before = shown(settings);
    PushResult unfollowed = await(h.sandbox.events().cardAction(CardActionSpec.on(settings.messageId()).by(ALICE)
        .tag("button").value(new JsonObject(before.button("unfollow", "job_id", jobId("BE-001")).toString()))));

    // THEN the chat follows the job no more, and the card is drawn again without it
    assertEquals("success", unfollowed.jsonBody().getJsonObject("toast").getString("type"), unfollowed.body());
    Shown after = shown(settings);
    assertTrue(after.contains("Following 1 job") && !after.contains("Backend Engineer (BE-001)"), after.all());
    assertEquals(List.of("Unfollow"), after.labels("unfollow"), after.all());
    assertFalse(shown(ask(chat, "subscriptions")).contains("Backend Engineer (BE-001)"));
  }

  @Test
  @DisplayName("bare \"digest\" and \"timezone\", in either language, open the settings card as bare \"quiet\" does")
  void bareDigestAndTimezoneOpenSettings() {
    String chat = ImState.DEMO_TEAM_CHAT;
    // WHEN the digest's and the zone's words are typed with nothing after them
    // THEN each answers with the card that shows what is set and how to change it, not a "did you mean" hint
    for (String bare : List.of("digest", "timezone")) {
      assertEquals("What I post in this chat", shown(ask(chat, bare)).title(), bare);
    }
    for (String bare : List.of("摘要", "时区")) {
      assertEquals("我在这里推送的内容", shown(ask(chat, bare)).title(), bare);
    }
  }

  @Test
  @DisplayName("a chat with nothing set is told how to set each thing")
  void nothingSet() {
    h.enableGroup(ImState.DEMO_BACKEND_CHAT);
    Shown card = shown(ask(ImState.DEMO_BACKEND_CHAT, "settings"));
    assertTrue(card.contains("Following no job") && card.contains("`subscribe job Backend Engineer`"), card.all());
    assertTrue(card.contains("**Digest** · none") && card.contains("**Quiet hours** · none"), card.all());
    assertEquals(List.of(), card.buttons("unfollow"), card.all());
  }

  private static String jobId(String code) {
    return h.sandbox.hire().jobByCode(code).orElseThrow().id();
  }
}
