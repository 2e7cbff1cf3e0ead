package io.hirebot.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.config.ConfigLoader;
import io.hirebot.feature.candidates.CandidatesFeature;
import io.hirebot.sandbox.CardActionSpec;
import io.hirebot.sandbox.FeishuSandbox;
import io.vertx.core.json.JsonObject;

/**
 * Plaintext v2 envelopes for the pushes the benchmark sends itself (to a bot in another JVM, or faster than
 * the emulator's pusher): a group text message and a card button click. Shapes as in reference §2 and §3.
 */
final class Envelopes {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  static final String SENDER = "ou_bench_user";

  /**
   * One member of many: the bot limits each user to a burst of commands, and the benchmark measures the
   * bot, not that limit.
   */
  static String sender(long n) {
    return SENDER + "_" + n;
  }

  /** The member behind the n-th card click: no sender of commands, so clicks and commands do not share budgets. */
  static String clicker(long n) {
    return SENDER + "_clicker_" + n;
  }

  private Envelopes() {}

  /** A group text message from {@link #SENDER}; {@code mention} starts it with an @-mention of the bot. */
  static String groupText(String messageId, String chatId, String text, String botOpenId, boolean mention) {
    return groupText(messageId, chatId, SENDER, text, botOpenId, mention);
  }

  /** A group text message from {@code sender}. */
  static String groupText(String messageId, String chatId, String sender, String text, String botOpenId,
      boolean mention) {
    ObjectNode message = JSON.objectNode().put("message_id", messageId).put("chat_id", chatId)
        .put("chat_type", "group").put("message_type", "text")
        .put("create_time", now()).put("update_time", now());
    ObjectNode content = JSON.objectNode().put("text", (mention ? "@_user_1 " : "") + text);
    message.put("content", content.toString());
    var mentions = message.putArray("mentions");
    if (mention) {
      mentions.addObject().put("key", "@_user_1").put("name", "HireBot").put("tenant_key", FeishuSandbox.TENANT_KEY)
          .set("id", user(botOpenId));
    }
    ObjectNode event = JSON.objectNode();
    event.putObject("sender").put("sender_type", "user").put("tenant_key", FeishuSandbox.TENANT_KEY)
        .set("sender_id", user(sender));
    event.set("message", message);
    return envelope("im.message.receive_v1", "ev_" + messageId, event);
  }

  /** A click on a card button whose callback value is {@code value}, on the card message {@code messageId}. */
  static String cardClick(String eventId, String operator, String messageId, String chatId, ObjectNode value) {
    ObjectNode event = JSON.objectNode().put("token", "c-" + eventId).put("host", "im_message");
    event.set("operator", user(operator).put("tenant_key", FeishuSandbox.TENANT_KEY));
    event.putObject("action").put("tag", "button").set("value", value);
    event.putObject("context").put("open_message_id", messageId).put("open_chat_id", chatId);
    return envelope("card.action.trigger", eventId, event);
  }

  /** The callback value of the candidates card's job and pager buttons. */
  static ObjectNode pageValue(String action, String jobId, int page) {
    return JSON.objectNode().put("action", action).put("job_id", jobId).put("page", page).put("lang", "en_us");
  }

  /** A click by {@code clicker} on the pager of the job's candidates card {@code card}, for the emulator to push. */
  static CardActionSpec pagerClick(String card, String jobId, int page, String clicker) {
    return CardActionSpec.on(card).by(clicker)
        .value(new JsonObject(pageValue(CandidatesFeature.PAGE, jobId, page).toString()));
  }

  private static String envelope(String type, String eventId, ObjectNode event) {
    ObjectNode root = JSON.objectNode().put("schema", "2.0");
    root.putObject("header").put("event_id", eventId).put("event_type", type).put("create_time", now())
        .put("token", ConfigLoader.SANDBOX_VERIFICATION_TOKEN).put("app_id", ConfigLoader.SANDBOX_APP_ID)
        .put("tenant_key", FeishuSandbox.TENANT_KEY);
    root.set("event", event);
    return root.toString();
  }

  private static ObjectNode user(String openId) {
    return JSON.objectNode().put("open_id", openId).put("union_id", "on_" + openId.substring(3))
        .put("user_id", openId.substring(3));
  }

  private static String now() {
    return String.valueOf(System.currentTimeMillis());
  }
}
