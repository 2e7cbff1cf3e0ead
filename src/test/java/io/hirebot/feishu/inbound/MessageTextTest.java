package io.hirebot.feishu.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Content JSON → the text commands are parsed from; one row per rule of §2.1. */
class MessageTextTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String BOT = "ou_bot";

  /** mentions[]: @_user_1 is the bot, @_user_2 Bob, @_user_10 Carol, @_user_4 a name with regex specials. */
  static final ArrayNode MENTIONS = mentions();

  static ArrayNode mentions() {
    ArrayNode list = JSON.createArrayNode();
    String[][] rows = {{"@_user_1", BOT, "HireBot"}, {"@_user_2", "ou_bob", "Bob"}, {"@_user_10", "ou_carol", "Carol"},
        {"@_user_4", "ou_odd", "A$1\\B"}};
    for (String[] row : rows) {
      list.addObject().put("key", row[0]).put("name", row[2]).putObject("id").put("open_id", row[1]);
    }
    return list;
  }

  static String text(String text) {
    return JSON.createObjectNode().put("text", text).toString();
  }

  static Stream<Arguments> rows() {
    return Stream.of(
        Arguments.of("bot mention removed", "text", text("@_user_1 show candidates"), "show candidates", true),
        Arguments.of("bot mention mid-text", "text", text("please@_user_1show"), "please show", true),
        Arguments.of("other mention named", "text", text("hi @_user_2"), "hi @Bob", true),
        Arguments.of("@_all", "text", text("@_all standup"), "@all standup", true),
        Arguments.of("_10 is not _1", "text", text("@_user_10 @_user_1"), "@Carol", true),
        Arguments.of("unknown placeholder kept", "text", text("ask @_user_3"), "ask @_user_3", true),
        Arguments.of("replacement specials", "text", text("@_user_4"), "@A$1\\B", true),
        Arguments.of("whitespace collapsed", "text", text("  a \t b\u3000c\u00a0 d "), "a b c d", true),
        Arguments.of("lines kept, blank dropped", "text", text("one\r\n\n   two  "), "one\ntwo", true),
        Arguments.of("post plain", "post",
            "{\"title\":\"\",\"content\":[[{\"tag\":\"text\",\"text\":\"jobs\"}]]}", "jobs", true),
        Arguments.of("post by locale", "post",
            "{\"zh_cn\":{\"title\":\"标题\",\"content\":[[{\"tag\":\"text\",\"text\":\"你好\"}]]}}", "标题\n你好", true),
        Arguments.of("post at by raw bot open_id", "post",
            "{\"content\":[[{\"tag\":\"at\",\"user_id\":\"ou_bot\",\"user_name\":\"HireBot\"},{\"tag\":\"text\",\"text\":\"help\"}]]}",
            "help", true),
        Arguments.of("post at all, adjacent text", "post",
            "{\"content\":[[{\"tag\":\"at\",\"user_id\":\"all\"},{\"tag\":\"text\",\"text\":\"hi\"}]]}", "@all hi", true),
        Arguments.of("post link without text", "post",
            "{\"content\":[[{\"tag\":\"text\",\"text\":\"see \"},{\"tag\":\"a\",\"href\":\"https://x.invalid\"}]]}",
            "see https://x.invalid", true),
        Arguments.of("post code and image", "post",
            "{\"content\":[[{\"tag\":\"code_block\",\"language\":\"GO\",\"text\":\"x := 1\"}],[{\"tag\":\"img\",\"image_key\":\"k\"}]]}",
            "x := 1", true),
        Arguments.of("image has no text", "image", "{\"image_key\":\"img_1\"}", "", true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  @DisplayName("Content renders to the expected text")
  void renders(String name, String type, String content, String expected, boolean mentionsBot) {
    MessageText.Rendered r = MessageText.render(type, content, MENTIONS, BOT);
    assertEquals(expected, r.text());
    assertEquals(mentionsBot, r.mentionsBot());
  }

  @Test
  @DisplayName("mentionsBot is false when the bot is not among the mentions")
  void notMentioned() {
    JsonNode onlyBob = JSON.createArrayNode().add(MENTIONS.get(1));
    assertEquals(new MessageText.Rendered("hi @Bob", false), MessageText.render("text", text("hi @_user_2"), onlyBob, BOT));
    assertEquals(new MessageText.Rendered("x", false), MessageText.render("text", text("x"), null, BOT));
    assertEquals(new MessageText.Rendered("x", false), MessageText.render("text", text("x"), TextNode.valueOf("junk"), BOT));
  }

  @Test
  @DisplayName("A post at-element naming the bot by open_id counts as a mention even without mentions[]")
  void rawBotIdInPost() {
    String post = "{\"content\":[[{\"tag\":\"at\",\"user_id\":\"ou_bot\",\"user_name\":\"HireBot\"},"
        + "{\"tag\":\"at\",\"user_id\":\"ou_dan\",\"user_name\":\"Dan\"},{\"tag\":\"text\",\"text\":\"help\"}]]}";
    assertEquals(new MessageText.Rendered("@Dan help", true), MessageText.render("post", post, null, BOT));
    assertEquals(new MessageText.Rendered("@HireBot @Dan help", false), MessageText.render("post", post, null, "ou_other"));
  }

  @Test
  @DisplayName("Content that is not a JSON object is malformed")
  void badContent() {
    assertThrows(MalformedEventException.class, () -> MessageText.render("text", "not json", MENTIONS, BOT));
    assertThrows(MalformedEventException.class, () -> MessageText.render("post", "[]", MENTIONS, BOT));
    assertThrows(MalformedEventException.class, () -> MessageText.render("text", null, MENTIONS, BOT));
  }

  @Test
  @DisplayName("spaces and lines are normalised as the regexes \\h+ and \\R did: every character up to U+30FF, and random mixes")
  void normalizeSpaceAsTheRegexes() {
    for (char c = 0; c < 0x3100; c++) {
      for (String text : new String[] {"a" + c + c + "b", c + "x" + c, String.valueOf(c), "a " + c + " b\n" + c}) {
        assertEquals(regexNormalized(text), MessageText.normalizeSpace(text), "U+" + Integer.toHexString(c));
      }
    }
    char[] alphabet = {'a', 'b', ' ', ' ', '\t', '\u00A0', '\u1680', '\u180E', '\u2000', '\u2007', '\u200A', '\u200B',
        '\u202F', '\u205F', '\u3000', '\n', '\r', '\u000B', '\f', '\u0085', '\u2028', '\u2029', '\u001C', '\u001F',
        '\u0000', '\uD83D', '\uDE00'};
    java.util.Random random = new java.util.Random(15);
    for (int round = 0; round < 20_000; round++) {
      StringBuilder text = new StringBuilder();
      for (int k = random.nextInt(12); k > 0; k--) {
        text.append(alphabet[random.nextInt(alphabet.length)]);
      }
      assertEquals(regexNormalized(text.toString()), MessageText.normalizeSpace(text.toString()),
          text.chars().mapToObj(Integer::toHexString).toList().toString());
    }
  }

  /** The normalisation as it was written with regexes: the reference the one-pass version must agree with. */
  private static String regexNormalized(String text) {
    java.util.List<String> lines = new java.util.ArrayList<>();
    for (String line : text.split("\\R")) {
      String collapsed = line.replaceAll("\\h+", " ").strip();
      if (!collapsed.isEmpty()) {
        lines.add(collapsed);
      }
    }
    return String.join("\n", lines);
  }
}
