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
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A text reply arrives in Feishu's text-message markup: a text message renders {@code <b>} and shows a markdown
 * {@code **} as two asterisks, so the bold our i18n patterns share with cards must reach Feishu as {@code <b>}.
 */
class TextMessageMarkupTest {
  @RegisterExtension
  static final BotHarness h = BotHarness.encrypted();

  @Test
  @DisplayName("'subscribe job BE-001' is confirmed in a text message whose bold is <b>, with no asterisks")
  void boldIsTheTextMessagesOwn() {
    h.enableGroup(ImState.DEMO_TEAM_CHAT);
    MessageSpec spec = MessageSpec.group(ImState.DEMO_TEAM_CHAT).from("ou_recruiter_li").mentioningBot()
        .text("subscribe job BE-001");
    PushResult push = await(h.sandbox.events().message(spec));
    assertEquals(200, push.status(), push.body());
    SentMessage reply = await(h.sandbox.im().awaitMessage(m -> push.messageId().equals(m.parentId()), TIMEOUT));

    assertEquals("text", reply.msgType(), reply.currentContent().toString());
    String text = reply.text();
    assertTrue(text.contains("now follows <b>Backend Engineer (BE-001)</b>"), text);
    assertFalse(text.contains("**"), "markdown asterisks a text message would show: " + text);
  }
}
