package io.hirebot.e2e;

import static io.hirebot.e2e.BotHarness.TIMEOUT;
import static io.hirebot.e2e.BotHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.sandbox.ImState;
import io.hirebot.sandbox.MessageSpec;
import io.hirebot.sandbox.PushResult;
import io.hirebot.sandbox.SentMessage;
import io.hirebot.sandbox.hire.Job;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Nothing a sender types and nothing Hire holds can make the bot mention anyone: the sandbox reads each message the
 * bot sends as Feishu would ({@code <at user_id=…>} in a text, {@code <at id=…>} in card markdown) and records whom
 * it notifies; in a group that must be no one, in text answers and on profiles alike.
 */
class MentionInjectionTest {
  private static final String TEAM = ImState.DEMO_TEAM_CHAT;
  private static final String AT_ALL = "<at user_id=\"all\"></at>";
  private static final String AT_ADMIN = "<at user_id=\"ou_admin_zhou\">Zhou</at>";
  @RegisterExtension
  static final BotHarness h = BotHarness.encrypted();

  @BeforeAll
  static void start() {
    h.enableGroup(TEAM);
    var hire = h.sandbox.hire();
    Job backend = hire.jobByCode("BE-001").orElseThrow();
    hire.addJob("Ops " + AT_ALL + " [win](https://evil.example) <b>now</b>", "OPS-666", backend.processId(),
        backend.recruiterId(), backend.hiringManagerIds().get(0));
  }

  private static SentMessage say(String text) {
    MessageSpec spec = MessageSpec.group(TEAM).from("ou_recruiter_li").mentioningBot().text(text);
    PushResult push = await(h.sandbox.events().message(spec));
    assertEquals(200, push.status(), push.body());
    return await(h.sandbox.im().awaitMessage(m -> push.messageId().equals(m.parentId()), TIMEOUT));
  }

  private static void assertPingsNoOne(SentMessage reply) {
    assertEquals(List.of(), reply.mentions(), "whom the reply notifies: " + reply.currentContent());
  }

  @Test
  @DisplayName("a typed <at user_id=\"all\"> in a job search, a person's name or a typed change is echoed in a text that mentions no one")
  void typedMentionsInTextAnswers() {
    for (String typed : List.of("candidates for " + AT_ALL, "where is " + AT_ADMIN + " " + AT_ALL,
        "move " + AT_ALL + " to offer", "subscribe job " + AT_ALL)) {
      SentMessage reply = say(typed);
      assertPingsNoOne(reply);
    }
  }

  @Test
  @DisplayName("a job title from Hire holding <at user_id=\"all\">, a link and <b> shows in a text answer as typed and obeys none of it")
  void hireTitleInTextAnswer() {
    SentMessage reply = say("subscribe job OPS-666");

    assertEquals("text", reply.msgType(), reply.currentContent().toString());
    assertPingsNoOne(reply);
    String text = reply.text();
    assertTrue(text.contains("Ops ＜at user_id=\"all\">＜/at>"), text);
    assertFalse(text.contains("](https://evil"), "a live link: " + text);
    assertFalse(text.contains("<b>now"), "live styling from the title: " + text);
    assertTrue(text.contains("<b>Ops ＜at"), "the title in our own bold: " + text);
  }

  @Test
  @DisplayName("a profile names its evaluators without notifying them")
  void profileEvaluatorsAreNotPinged() {
    String name = h.sandbox.hire().read(d -> d.evaluations.values().stream()
        .map(e -> d.talents.get(d.applications.get(e.applicationId()).talentId()).name()).findFirst().orElseThrow());
    SentMessage reply = say("candidate " + name);

    assertEquals("interactive", reply.msgType());
    assertTrue(reply.currentContent().toString().contains("Evaluations"), reply.currentContent().toString());
    assertPingsNoOne(reply);
  }
}
