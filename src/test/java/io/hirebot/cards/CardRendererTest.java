package io.hirebot.cards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CardRendererTest {
  private final ObjectMapper json = new ObjectMapper();
  private final CardRenderer renderer = new CardRenderer();

  private ObjectNode obj(String s) throws Exception {
    return (ObjectNode) json.readTree(s.replace('\'', '"'));
  }

  @Test
  @DisplayName("placeholders inside text are replaced and escaped as JSON, never spliced into JSON text")
  void textPlaceholders() throws Exception {
    ObjectNode out = renderer.render(obj("{'a':'Hi ${user.name}, ${n} new'}"),
        obj("{'user':{'name':'Bob \\\"the\\\" <b>'},'n':3}"));
    assertEquals("Hi Bob \"the\" <b>, 3 new", out.get("a").asText());
    assertTrue(json.writeValueAsString(out).contains("\\\"the\\\""));
  }

  @Test
  @DisplayName("a string that is exactly one placeholder takes the value's JSON type (callback value objects)")
  void wholeValue() throws Exception {
    ObjectNode out = renderer.render(obj("{'v':'${value}','d':'${flag}'}"),
        obj("{'value':{'action':'advance','id':'1'},'flag':true}"));
    assertEquals("advance", out.get("v").get("action").asText());
    assertTrue(out.get("d").isBoolean());
  }

  @Test
  @DisplayName("$each repeats its body per item, nested loops see outer bindings, $if keeps truthy branches")
  void eachAndIf() throws Exception {
    ObjectNode template = obj("{'els':[{'tag':'hr'},"
        + "{'$each':'groups','as':'g','do':[{'t':'${g.name}'},{'$each':'g.rows','as':'r','do':{'t':'${g.name}/${r}'}}]},"
        + "{'$if':'empty','then':{'t':'none'},'else':{'t':'some'}}]}");
    ObjectNode out = renderer.render(template,
        obj("{'groups':[{'name':'A','rows':['x','y']},{'name':'B','rows':[]}],'empty':false}"));
    assertEquals("[{\"tag\":\"hr\"},{\"t\":\"A\"},{\"t\":\"A/x\"},{\"t\":\"A/y\"},{\"t\":\"B\"},{\"t\":\"some\"}]",
        out.get("els").toString());
  }

  @Test
  @DisplayName("message keys with dots resolve as flat keys (${t.button.next})")
  void flatKeys() throws Exception {
    ObjectNode out = renderer.render(obj("{'a':'${t.button.next}'}"), obj("{'t':{'button.next':'Next'}}"));
    assertEquals("Next", out.get("a").asText());
  }

  @Test
  @DisplayName("missing values render as empty text rather than failing")
  void missing() throws Exception {
    ObjectNode out = renderer.render(obj("{'a':'x${nope}y','b':'${nope}'}"), obj("{}"));
    assertEquals("xy", out.get("a").asText());
    assertEquals("", out.get("b").asText());
  }

  /** What Feishu shows for escaped markdown text: the numeric entities decoded back to their characters. */
  static String shown(String markdown) {
    return java.util.regex.Pattern.compile("&#(\\d+);").matcher(markdown)
        .replaceAll(m -> java.util.regex.Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1)))));
  }

  @Test
  @DisplayName("a value in markdown content is data: mentions, fonts, links, emphasis, code, headings and newlines stay literal")
  void markdownValuesEscaped() throws Exception {
    String hostile = "# Hi <at id=all></at> <at user_id=\"ou_1\"></at> <font color='red'>x</font> [link](https://evil.example)"
        + " **bold** ~~gone~~ `code` a_b\n# heading\r\n- item";
    ObjectNode model = json.createObjectNode().put("note", hostile).put("own", "**Notes**");
    ObjectNode out = renderer.render(obj("{'els':[{'tag':'markdown','content':'${md:own}: ${note}'},"
        + "{'tag':'markdown','content':'${note}'},{'tag':'plain_text','content':'${note}'}]}"), model);
    String composed = out.get("els").get(0).get("content").asText();
    String alone = out.get("els").get(1).get("content").asText();

    assertTrue(composed.startsWith("**Notes**: "), "our own markdown is kept: " + composed);
    for (String md : java.util.List.of(composed.substring("**Notes**: ".length()), alone)) {
      for (String live : java.util.List.of("<", ">", "*", "[", "]", "~", "`", "#", "_", "\n", "\r")) {
        assertTrue(!md.replaceAll("&#\\d+;", "").contains(live), live + " is escaped in " + md);
      }
      assertEquals(hostile.replace("\r\n", " ").replace("\n", " "), shown(md), "it reads as typed");
    }
    assertEquals(hostile, out.get("els").get(2).get("content").asText(), "plain_text shows text as it is");
  }

  @Test
  @DisplayName("button and option texts are cut to Feishu's 100 characters with an ellipsis; other plain_text is not")
  void labelsCut() throws Exception {
    String longTitle = "Senior Principal Staff Backend Platform Infrastructure Reliability Engineer ".repeat(3);
    ObjectNode out = renderer.render(obj("{'els':[{'tag':'button','text':{'tag':'plain_text','content':'${t}'}},"
        + "{'tag':'overflow','options':[{'text':{'tag':'plain_text','content':'${t}'},'value':'a'}]},"
        + "{'tag':'markdown','content':'${t}'}]}"), json.createObjectNode().put("t", longTitle));
    String button = out.get("els").get(0).get("text").get("content").asText();
    String option = out.get("els").get(1).get("options").get(0).get("text").get("content").asText();
    assertTrue(button.codePointCount(0, button.length()) <= 100, button);
    assertTrue(button.endsWith("…") && longTitle.startsWith(button.substring(0, button.length() - 1)), button);
    assertEquals(button, option);
    assertEquals(longTitle, out.get("els").get(2).get("content").asText(), "markdown keeps the whole title");
  }
}
