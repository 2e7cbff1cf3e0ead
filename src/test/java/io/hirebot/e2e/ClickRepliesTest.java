package io.hirebot.e2e;

import static io.hirebot.e2e.BotHarness.TIMEOUT;
import static io.hirebot.e2e.BotHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.hirebot.sandbox.CardActionSpec;
import io.hirebot.sandbox.ImState;
import io.hirebot.sandbox.MessageSpec;
import io.hirebot.sandbox.PushResult;
import io.hirebot.sandbox.SentMessage;
import io.hirebot.sandbox.hire.DemoTenant;
import io.hirebot.sandbox.hire.Talent;
import io.hirebot.schedule.MutableClock;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A click answered by a new message (a group card's Profile) is never lost: a reply Feishu refuses past the bot's
 * own retries (the chat's 230020) is kept and sent again, under the same uuid, once the limit has passed; the clicker
 * is told it will follow, and gets it once.
 */
class ClickRepliesTest {
  private static final String TEAM = ImState.DEMO_TEAM_CHAT;
  /** How many times the bot sends one reply Feishu refuses with its frequency limit (FeishuCalls.MAX_ATTEMPTS). */
  private static final int SENDS_PER_REPLY = 3;

  private final MutableClock clock = MutableClock.atNow();
  @RegisterExtension
  final BotHarness h = BotHarness.start(Map.of("HIREBOT_PORT", "0"), clock);
  private final CardThreads threads = new CardThreads(h);

  @Test
  @DisplayName("a group card's Profile whose reply Feishu refuses with 230020 past the bot's retries: the clicker is told "
      + "it will follow, and the profile arrives once, replying to the card, when the limit has passed")
  void refusedProfileArrivesOnceLater() {
    SentMessage list = h.ask(MessageSpec.group(TEAM).from(DemoTenant.RECRUITER_LI).mentioningBot()
        .text("candidates for BE-001"));
    h.awaitCardRecorded(list.messageId());
    JsonNode more = list.currentContent().findValues("value").stream().filter(JsonNode::isObject)
        .filter(v -> "more".equals(v.path("action").asText())).findFirst().orElseThrow();
    Talent talent = h.sandbox.hire().talent(more.path("talent_id").asText()).orElseThrow();
    String reply = "/open-apis/im/v1/messages/" + list.messageId() + "/reply";
    h.sandbox.faults().failAlways("POST", reply, 400, 230020, "This operation triggers the frequency limit.");

    PushResult click = await(h.sandbox.events().cardAction(CardActionSpec.on(list.messageId())
        .by(DemoTenant.GUEST_SUN).tag("overflow").option("profile").value(new JsonObject(more.toString()))));
    await(h.sandbox.requests().await(r -> h.sandbox.requests().matching("POST", reply).stream()
        .filter(x -> x.status() == 400).count() >= SENDS_PER_REPLY, TIMEOUT));

    // The clicker is told, in both languages, that the profile will follow: no error, no "try again".
    threads.unchanged(list, click);
    CardThreads.infoToast(click, "will follow", "无需再次点击");
    assertEquals(0, threads.repliesTo(list).size(), "Feishu refused the reply");

    // The limit passes; the next run of the bot's routines sends the profile, once.
    h.sandbox.faults().clear();
    clock.advance(Duration.ofMinutes(1));
    h.runRoutines(h.bot);
    SentMessage profile = threads.awaitReplyTo(list);
    assertEquals(talent.name(), CardThreads.title(profile.currentContent()), profile.currentContent().toString());

    // Later runs, and the same click again, post nothing more.
    clock.advance(Duration.ofMinutes(5));
    h.runRoutines(h.bot);
    await(h.sandbox.events().cardAction(CardActionSpec.on(list.messageId())
        .by(DemoTenant.GUEST_SUN).tag("overflow").option("profile").value(new JsonObject(more.toString()))));
    h.runRoutines(h.bot);
    assertEquals(1, threads.repliesTo(list).size(), threads.repliesTo(list).toString());
  }
}
