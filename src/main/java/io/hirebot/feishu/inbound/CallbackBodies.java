package io.hirebot.feishu.inbound;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.bot.ActionResult;
import io.hirebot.bot.Toast;
import io.hirebot.i18n.Language;
import java.util.Locale;

/**
 * Feishu's answer to a card callback (reference §3.2): {"toast":{type, content, i18n:{en_us, zh_cn}},
 * "card":{"type":"raw","data":…}}. Feishu shows each clicker the toast in their client's language; {@code content},
 * in the clicked card's language, is for clients that read no {@code i18n}.
 */
final class CallbackBodies {
  ObjectNode of(ActionResult result, Language lang) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    Toast toast = result.toast();
    if (toast != null && !toast.isEmpty()) {
      ObjectNode json = body.putObject("toast")
          .put("type", toast.type().name().toLowerCase(Locale.ROOT))
          .put("content", toast.text(lang));
      ObjectNode i18n = json.putObject("i18n");
      for (Language l : Language.values()) {
        i18n.put(l.feishuLocale(), toast.text(l));
      }
    }
    if (result.card() != null) {
      body.putObject("card").put("type", "raw").set("data", result.card());
    }
    return body;
  }
}
