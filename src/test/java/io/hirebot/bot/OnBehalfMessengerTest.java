package io.hirebot.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.hirebot.bot.inbound.ChatRef;
import io.hirebot.error.FeishuApiException;
import io.hirebot.error.ReplyOwedException;
import io.hirebot.schedule.MutableClock;
import io.vertx.core.Future;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What a click's reply below its card comes to when Feishu refuses it: owed and sent again once, or not kept. */
class OnBehalfMessengerTest {
  private static final CardPlace CARD = new CardPlace("oc_group", "om_card", "ou_clicker", ChatRef.ChatType.GROUP,
      null);
  private static final String KEY = "profile:om_card:t1:ou_clicker";
  private static final Reply PROFILE = Reply.card(JsonNodeFactory.instance.objectNode().put("title", "profile"));

  private final MutableClock clock = MutableClock.atNow();
  /** The uuid of every reply Feishu was asked to post. */
  private final List<String> asked = new ArrayList<>();
  /** What Feishu answers the next replies (then: posted). */
  private final Deque<FeishuApiException> refusals = new ArrayDeque<>();
  private final List<String> recorded = new ArrayList<>();
  private final OnBehalfMessenger messenger = new OnBehalfMessenger(feishu(),
      card -> recorded.add(card.messageId()), new Conversations(Duration.ofMinutes(10), clock), clock);

  /** A messenger whose replies Feishu refuses while {@link #refusals} last; its bulk lane is itself. */
  private Messenger feishu() {
    return (Messenger) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Messenger.class},
        (proxy, method, args) -> switch (method.getName()) {
          case "bulk" -> proxy;
          case "reply" -> {
            asked.add((String) args[3]);
            FeishuApiException refused = refusals.poll();
            yield refused != null ? Future.failedFuture(refused) : Future.succeededFuture("om_reply");
          }
          default -> throw new UnsupportedOperationException(method.getName());
        });
  }

  private static FeishuApiException refused(int httpStatus, int code) {
    return new FeishuApiException("im.message.reply", httpStatus, code, "refused", "log-1");
  }

  private Throwable failure() {
    Future<String> f = messenger.replyOnBehalf(CARD, PROFILE, KEY);
    assertTrue(f.failed(), "refused: " + f);
    return f.cause();
  }

  @Test
  @DisplayName("a reply refused with 230020 is owed, lands on the next resend under its uuid, recorded, and only once")
  void rateLimitedReplyIsSentAgainOnce() {
    refusals.add(refused(400, 230020));
    assertInstanceOf(ReplyOwedException.class, failure());

    clock.advance(Duration.ofMinutes(1));
    assertTrue(messenger.resendOwed(clock.instant()).succeeded());
    messenger.resendOwed(clock.instant());

    assertEquals(List.of(KEY, KEY), asked, "sent again once, under the click's uuid");
    assertEquals(List.of("om_reply"), recorded, "recorded as a reply below the card is");
  }

  @Test
  @DisplayName("a reply still refused is sent again on every resend, until Feishu's uuid window would pass: given up")
  void givenUpBeforeTheUuidWindowEnds() {
    refusals.add(refused(503, 1));
    refusals.add(refused(429, 99991400));
    assertInstanceOf(ReplyOwedException.class, failure());
    messenger.resendOwed(clock.instant());

    clock.advance(Messenger.UUID_WINDOW.minus(OnBehalfMessenger.RESEND_TAKES).plusSeconds(1));
    messenger.resendOwed(clock.instant());

    assertEquals(List.of(KEY, KEY), asked, "no send that could reach Feishu past the first one's uuid window");
    assertEquals(List.of(), recorded);
  }

  @Test
  @DisplayName("a reply Feishu refuses for good (the card itself) is not kept: the click fails as it did")
  void refusedCardIsNotOwed() {
    refusals.add(refused(400, FeishuApiException.CARD_INVALID));
    assertInstanceOf(FeishuApiException.class, failure());
    messenger.resendOwed(clock.instant());
    assertEquals(List.of(KEY), asked);
  }

  @Test
  @DisplayName("the same click again, landing first, settles the owed reply: the resend posts nothing")
  void aLaterClickSettlesIt() {
    refusals.add(refused(400, 230020));
    assertInstanceOf(ReplyOwedException.class, failure());
    assertTrue(messenger.replyOnBehalf(CARD, PROFILE, KEY).succeeded());
    messenger.resendOwed(clock.instant());
    assertEquals(List.of(KEY, KEY), asked);
  }
}
