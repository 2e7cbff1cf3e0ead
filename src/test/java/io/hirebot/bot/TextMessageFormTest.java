package io.hirebot.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.i18n.Language;
import io.hirebot.i18n.Messages;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What a text reply sends to Feishu: the text message's own markup, not the markdown our patterns share with cards. */
class TextMessageFormTest {
  private static final Messages MESSAGES = Messages.load();

  @Test
  @DisplayName("our **bold** goes out as <b>, a single asterisk and a code span as typed")
  void boldBecomesTheTextMessagesOwn() {
    assertEquals("Move <b>Ann</b> to <b>Offer</b>? Type `yes` (2 * 3)",
        new Reply.Text("Move **Ann** to **Offer**? Type `yes` (2 * 3)").asTextMessage());
    assertEquals("", new Reply.Text(null).asTextMessage());
  }

  @Test
  @DisplayName("a filled pattern's bold is <b> while a tag in its data still opens nothing")
  void dataStaysInert() {
    Reply.Text text = Reply.text(MESSAGES, Language.EN, "subs.subscribed", "Ops <b>now</b>", "new applications");
    String sent = text.asTextMessage();
    assertTrue(sent.contains("<b>Ops ＜b>now＜/b></b>"), sent);
  }
}
