package io.hirebot.e2e;

import static io.hirebot.e2e.BotHarness.TIMEOUT;
import static io.hirebot.e2e.BotHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.sandbox.ImState;
import io.hirebot.sandbox.MessageSpec;
import io.hirebot.sandbox.PushResult;
import io.hirebot.sandbox.SentMessage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A reply card Feishu refuses (230025 too large, 230099 with 11310 "element exceeds the limit") still answers the
 * asker: a short text saying what happened, with the log id of the refused call.
 */
class RefusedCardTest {
  private static final String REPLY = "/open-apis/im/v1/messages/[^/]+/reply";
  private static final Pattern LOG_ID = Pattern.compile("Log id: (\\S+)|日志 ID：(\\S+)");
  @RegisterExtension
  static final BotHarness h = BotHarness.encrypted();

  private static SentMessage ask(String text) {
    MessageSpec spec = MessageSpec.group(ImState.DEMO_TEAM_CHAT).from("ou_recruiter_li").mentioningBot().text(text);
    PushResult push = await(h.sandbox.events().message(spec));
    assertEquals(200, push.status(), push.body());
    return await(h.sandbox.im().awaitMessage(m -> push.messageId().equals(m.parentId()), TIMEOUT));
  }

  private static void assertLogId(String text) {
    Matcher m = LOG_ID.matcher(text);
    assertTrue(m.find(), "names the log id: " + text);
    String id = m.group(1) != null ? m.group(1) : m.group(2);
    assertTrue(id.length() > 5 && !id.equals("-"), text);
  }

  @Test
  @DisplayName("help's card refused with 230099/11310 is answered in words naming the code and the log id")
  void tooManyElements() {
    h.sandbox.faults().failNext("POST", REPLY, 400, 230099,
        "Failed to create card content, ext=ErrCode: 11310; ErrMsg: element exceeds the limit; ErrorValue: 201 elements;");
    SentMessage reply = ask("help");

    assertEquals("text", reply.msgType(), reply.currentContent().toString());
    assertTrue(reply.text().contains("Feishu refused the card") && reply.text().contains("230099"), reply.text());
    assertLogId(reply.text());
  }

  @Test
  @DisplayName("a card refused as over 30 KB (230025) is answered in words, in the asker's language")
  void tooLong() {
    h.sandbox.faults().failNext("POST", REPLY, 400, 230025, "The length of the message content reaches its limit");
    SentMessage reply = ask("帮助");

    assertEquals("text", reply.msgType(), reply.currentContent().toString());
    assertTrue(reply.text().contains("卡片过大"), reply.text());
    assertLogId(reply.text());
  }
}
