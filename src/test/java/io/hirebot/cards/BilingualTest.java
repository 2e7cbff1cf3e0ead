package io.hirebot.cards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.i18n.Language;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Bilingual")
class BilingualTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static ObjectNode card(String title, String line, String lang, int rows) throws Exception {
    StringBuilder elements = new StringBuilder();
    for (int i = 0; i < rows; i++) {
      elements.append(i == 0 ? "" : ",").append("{\"tag\":\"markdown\",\"content\":\"").append(line).append("\"}");
    }
    return (ObjectNode) JSON.readTree("{\"schema\":\"2.0\",\"config\":{\"summary\":{\"content\":\"" + title + "\"}},"
        + "\"header\":{\"title\":{\"tag\":\"plain_text\",\"content\":\"" + title + "\"}},"
        + "\"body\":{\"elements\":[" + elements + ",{\"tag\":\"button\",\"text\":{\"tag\":\"plain_text\","
        + "\"content\":\"张伟\"},\"behaviors\":[{\"type\":\"callback\",\"value\":{\"lang\":\"" + lang + "\"}}]}]}}");
  }

  @Test
  @DisplayName("texts that differ get i18n_content with both languages; equal texts and callback values stay as written")
  void merges() throws Exception {
    ObjectNode en = card("Candidates", "applied Nov 16", "en_us", 1);
    ObjectNode zh = card("候选人", "11月16日 投递", "zh_cn", 1);

    ObjectNode merged = Bilingual.merge(en, Language.EN, zh, Language.ZH).orElseThrow();

    assertEquals("Candidates", merged.at("/header/title/content").asText());
    assertEquals("候选人", merged.at("/header/title/i18n_content/zh_cn").asText());
    assertEquals("Candidates", merged.at("/header/title/i18n_content/en_us").asText());
    assertEquals("候选人", merged.at("/config/summary/i18n_content/zh_cn").asText());
    assertEquals("11月16日 投递", merged.at("/body/elements/0/i18n_content/zh_cn").asText());
    assertTrue(merged.at("/body/elements/1/text/i18n_content").isMissingNode(), "same text in both");
    assertEquals("en_us", merged.at("/body/elements/1/behaviors/0/value/lang").asText());
    assertEquals("[\"en_us\",\"zh_cn\"]", merged.at("/config/locales").toString());
  }

  @Test
  @DisplayName("renderings that differ in shape are not merged")
  void refusesDifferentShapes() throws Exception {
    assertTrue(Bilingual.merge(card("a", "b", "en_us", 1), Language.EN, card("甲", "乙", "zh_cn", 2), Language.ZH)
        .isEmpty());
  }
}
