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
}
