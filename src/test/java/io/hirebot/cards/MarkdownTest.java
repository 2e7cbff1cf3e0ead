package io.hirebot.cards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.i18n.Language;
import io.hirebot.i18n.Messages;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MarkdownTest {

  @Test
  @DisplayName("markup characters become Feishu's numeric entities; plain text, CJK and inner hyphens stay as they are")
  void escapes() {
    assertEquals("张伟 · BE-001 (Beijing) 14:00", Markdown.escape("张伟 · BE-001 (Beijing) 14:00"));
    assertEquals("&#60;at id=all&#62;&#60;/at&#62;", Markdown.escape("<at id=all></at>"));
    assertEquals("&#42;&#42;x&#42;&#42; &#126;&#126;y&#126;&#126; &#96;z&#96; a&#95;b", Markdown.escape("**x** ~~y~~ `z` a_b"));
    assertEquals("&#91;t&#93;(https://e) AT&#38;T &#35; h", Markdown.escape("[t](https://e) AT&T # h"));
    assertEquals("&#45; item", Markdown.escape("- item"), "a list marker at the start");
    assertEquals("1&#46; first", Markdown.escape("1. first"), "an ordered-list marker at the start");
    assertEquals("a b c", Markdown.escape("a\nb\r\nc"), "line breaks become spaces");
    assertEquals("", Markdown.escape(null));
  }

  @Test
  @DisplayName("a value longer than 1,000 characters is cut with an ellipsis before escaping, so no entity is split")
  void longValuesCut() {
    String cut = Markdown.escape("*".repeat(5_000));
    assertTrue(cut.endsWith("…") && cut.length() == 999 * "&#42;".length() + 1, cut.length() + "");
  }

  @Test
  @DisplayName("message() escapes text arguments, keeps numbers and Own markdown; person() only for well-formed ids")
  void messagesAndMentions() {
    Messages messages = Messages.load();
    String row = Markdown.message(messages, Language.EN, "candidates.stageHeading", "**Offer**", 3);
    assertEquals("**&#42;&#42;Offer&#42;&#42;** · 3", row);
    assertEquals("<person id=ou_admin_zhou show_name=true show_avatar=false style=normal></person>",
        Markdown.person("ou_admin_zhou").markdown());
    assertEquals("ou&#95;x&#62;&#60;/at&#62;&#60;at id=all", Markdown.person("ou_x></at><at id=all").markdown());
    assertEquals("**x**", Markdown.message(messages, Language.EN, "help.suggestion", new Markdown.Own("x"))
        .replace("Did you mean ", "").replace("?", ""));
  }

  @Test
  @DisplayName("textMessage() breaks what a text message obeys (<at>, <b>…</b>, [text](url)) and leaves other text as typed")
  void textMessageData() {
    assertEquals("＜at user_id=\"all\">＜/at> ＜b>x＜/b> [site］(https://evil.example)",
        Markdown.textMessage("<at user_id=\"all\"></at> <b>x</b> [site](https://evil.example)"));
    assertEquals("salary < 30k, [BE-001] (Beijing) **as typed**",
        Markdown.textMessage("salary < 30k, [BE-001] (Beijing) **as typed**"));
    assertEquals("", Markdown.textMessage(null));
  }

  @org.junit.jupiter.api.Test
  @org.junit.jupiter.api.DisplayName("a cut summary ends before a tag or entity it would split, closes its bold, and keeps "
      + "a short text whole")
  void cutKeepsMarkupWhole() {
    String person = "<person id=ou_recruiter_li show_name=true show_avatar=false style=normal></person>";
    String moved = "**Carol Davis moved** by " + person;
    // (on main: substring(0, 40) + "…" ended inside the person tag, which Feishu then showed as text)
    org.junit.jupiter.api.Assertions.assertEquals("**Carol Davis moved** by …", Markdown.cut(moved, 40));
    org.junit.jupiter.api.Assertions.assertEquals("**Carol Da…**", Markdown.cut(moved, 10));
    org.junit.jupiter.api.Assertions.assertEquals("a …", Markdown.cut("a &#42;b&#42;", 5));
    org.junit.jupiter.api.Assertions.assertEquals("ab…", Markdown.cut("ab\uD83D\uDE00c", 3));
    org.junit.jupiter.api.Assertions.assertEquals(moved, Markdown.cut(moved, moved.length()));
  }

  @Test
  @DisplayName("asText: our markdown as a text message's text: data shown as typed and never a tag or link, a person "
      + "named without a mention, our bold and line breaks kept")
  void asText() {
    String markdown = "**Rejected · " + Markdown.escape("<b>Ops</b> & [x](y) 5*3") + "**\n"
        + Markdown.escape("<at user_id=\"all\">") + " by " + Markdown.person("ou_li").markdown() + " · "
        + Markdown.escape("salary < 30k");
    assertEquals("**Rejected · \uFF1Cb>Ops\uFF1C/b> & [x\uFF3D(y) 5*3**\n\uFF1Cat user_id=\"all\"> by a teammate · "
        + "salary < 30k", Markdown.asText(markdown, "a teammate"));
    assertEquals("", Markdown.asText(null, "a teammate"));
  }
}
