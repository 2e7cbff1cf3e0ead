package io.hirebot.e2e;

import static io.hirebot.e2e.BotHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.bench.DigestChats;
import io.hirebot.sandbox.ImState;
import io.hirebot.sandbox.MessageSpec;
import io.hirebot.sandbox.RecordedRequest;
import io.hirebot.sandbox.SentMessage;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Replies go ahead of bulk sends (issue 13): while a digest fans out to many chats, which needs many seconds of
 * the app's IM budget (50 messages/s and 1000/min, enforced by the sandbox as Feishu does), a user's command is answered at
 * once, and neither the app's nor any chat's IM limit is exceeded.
 */
class ReplyDuringDigestTest {
  /** Override with -Dhirebot.test.digestChats=1000 for the figure; 600 chats need 12 s of IM budget. */
  static final int CHATS = Integer.getInteger("hirebot.test.digestChats", 600);
  static final int JOBS = 20;
  /** Generous: the reply needs one IM permit, ~22 ms away, but the machine is shared (3 s seen under a full suite). */
  static final Duration PROMPT = Duration.ofSeconds(6);
  @RegisterExtension
  static final BotHarness h = BotHarness.encrypted();

  @Test
  @DisplayName("a command during a large digest fan-out is answered promptly, within Feishu's IM limits")
  void replyDuringDigest() throws InterruptedException {
    // GIVEN many enabled chats, each with a digest due now
    h.seedDigestChats(JOBS, CHATS);
    int before = h.sandbox.requests().all().size();

    // WHEN the digests are on their way and a user asks for help in another chat
    Future<Void> fanOut = h.bot.scheduler().runNow();
    while (digestsDelivered() < 50) {
      Thread.sleep(50);
    }
    long asked = System.nanoTime();
    SentMessage reply = h.ask(MessageSpec.group(ImState.DEMO_TEAM_CHAT).from("ou_user_alice").mentioningBot()
        .text("help"));
    long replyMs = (System.nanoTime() - asked) / 1_000_000;
    long waiting = CHATS - digestsDelivered();
    await(fanOut, Duration.ofMinutes(5));

    // THEN the reply came at once, every digest arrived, and no IM limit was exceeded
    List<RecordedRequest> during = h.sandbox.requests().all().subList(before, h.sandbox.requests().all().size());
    Map<String, Integer> busiest = RateFigures.busiestSecond(during, RateFigures::isFeishuCall);
    long imRefused = during.stream().filter(r -> RateFigures.rateLimited(r) && "im".equals(RateFigures.budget(r)))
        .count();
    System.out.printf("[reply-during-digest] %d-chat digest: reply in %d ms while %d digests still waited for the IM budget; "
            + "IM busiest second %d calls, mean %.1f/s; IM refused %d; Hire refused %d (retried)%n",
        CHATS, replyMs, waiting, busiest.get("im"), RateFigures.meanRate(during, "im"), imRefused,
        during.stream().filter(RateFigures::rateLimited).count() - imRefused);
    assertTrue(reply.content().toString().length() > 0);
    assertTrue(waiting > 300, "the fan-out was still sending when the user asked: " + waiting + " to go");
    assertTrue(replyMs < PROMPT.toMillis(), "reply took " + replyMs + " ms");
    assertEquals(CHATS, digestsDelivered());
    assertEquals(0, imRefused, "Feishu refused IM calls as too fast (per app or per chat)");
  }

  private static long digestsDelivered() {
    return h.sandbox.im().messages().stream()
        .filter(m -> m.chatId().startsWith(DigestChats.CHAT_PREFIX) && m.parentId() == null)
        .map(SentMessage::chatId).distinct().count();
  }
}
