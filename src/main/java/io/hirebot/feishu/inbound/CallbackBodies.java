package io.hirebot.feishu.inbound;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.bot.ActionResult;
import java.util.Locale;

/** Feishu's answer to a card callback (reference §3.2): {"toast":{type,content}, "card":{"type":"raw","data":…}}. */
final class CallbackBodies {
  ObjectNode of(ActionResult result) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    if (result.toast() != null && !result.toast().isEmpty()) {
      body.putObject("toast")
          .put("type", result.toastType().name().toLowerCase(Locale.ROOT))
          .put("content", result.toast());
    }
    if (result.card() != null) {
      body.putObject("card").put("type", "raw").set("data", result.card());
    }
    return body;
  }
}
