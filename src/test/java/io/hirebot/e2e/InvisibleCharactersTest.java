package io.hirebot.e2e;

import static io.hirebot.e2e.BotHarness.TIMEOUT;
import static io.hirebot.e2e.BotHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hirebot.sandbox.ImState;
import io.hirebot.sandbox.MessageSpec;
import io.hirebot.sandbox.PushResult;
import io.hirebot.sandbox.hire.Job;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Zero-width characters Feishu clients paste into a typed name (U+200B, U+200C, U+200D, U+FEFF, U+2060): between two
 * words of a name written with spaces they part the words as the space they stand for would; inside a Chinese name,
 * written without spaces, they are dropped.
 */
class InvisibleCharactersTest {
  private static final String TEAM = ImState.DEMO_TEAM_CHAT;
  private static final AtomicInteger SENDERS = new AtomicInteger();
  @RegisterExtension
  static final BotHarness h = BotHarness.encrypted();

  /** Carol Davis is the demo tenant's own; 陈思远 joins her. */
  @BeforeAll
  static void start() {
    var hire = h.sandbox.hire();
    Job backend = hire.jobByCode("BE-001").orElseThrow();
    String screening = hire.stagesOf(backend.id()).get(1).id();
    hire.addApplication(backend.id(), hire.addTalent("陈思远", "13100000022", "chen@example.com").id(), screening);
  }

  /** The title of the card the bot answers {@code text} with. */
  private static String answerTitle(String text) {
    PushResult push = await(h.sandbox.events().message(MessageSpec.group(TEAM)
        .from("ou_user_invisible_" + SENDERS.incrementAndGet()).mentioningBot().text(text)));
    assertEquals(200, push.status(), push.body());
    return await(h.sandbox.im().awaitMessage(m -> push.messageId().equals(m.parentId()), TIMEOUT)).currentContent()
        .path("header").path("title").path("content").asText();
  }

  @ParameterizedTest(name = "U+{0}")
  @ValueSource(strings = {"200B", "200C", "200D", "FEFF", "2060"})
  @DisplayName("'candidate Carol<zero-width>Davis' opens Carol Davis's profile, as 'candidate Carol Davis' does")
  void betweenWordsOfAName(String code) {
    String zw = Character.toString(Integer.parseInt(code, 16));

    assertEquals("Carol Davis", answerTitle("candidate Carol" + zw + "Davis"));
    assertEquals("Carol Davis", answerTitle("candidate Carol " + zw + "Davis"));
  }

  @ParameterizedTest(name = "U+{0}")
  @ValueSource(strings = {"200B", "FEFF", "2060"})
  @DisplayName("'候选人 陈<zero-width>思远' opens 陈思远's profile: a Chinese name has no space to stand for")
  void insideAChineseName(String code) {
    String zw = Character.toString(Integer.parseInt(code, 16));

    assertEquals("陈思远", answerTitle("候选人 陈" + zw + "思远"));
    assertEquals("陈思远", answerTitle("candidate 陈思" + zw + "远"));
  }

  @Test
  @DisplayName("a zero-width space inside one word of a job ('Back<U+200B>end') still finds it: the job search reads "
      + "'Back end' as 'Backend'")
  void insideAJobWord() {
    assertEquals("Candidates · Backend Engineer", answerTitle("candidates for Back\u200Bend"));
  }
}
