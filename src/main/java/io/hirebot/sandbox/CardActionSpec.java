package io.hirebot.sandbox;

import io.vertx.core.json.JsonObject;

/** A fluent description of a click / selection / form submit on a card the bot sent; build then push. */
public final class CardActionSpec {

  private final String messageId;
  private String operatorOpenId = "ou_recruiter_li";
  private JsonObject value = new JsonObject();
  private String tag = "button";
  private String name;
  private String option;
  private JsonObject formValue;
  private String inputValue;

  private CardActionSpec(String messageId) {
    this.messageId = messageId;
  }

  /** An action on the card message {@code messageId} (as returned by the bot's send/reply). */
  public static CardActionSpec on(String messageId) {
    return new CardActionSpec(messageId);
  }

  public CardActionSpec by(String openId) {
    this.operatorOpenId = openId;
    return this;
  }

  /** The callback value of the clicked component's behaviors (an object, as the SDK requires). */
  public CardActionSpec value(JsonObject callbackValue) {
    this.value = callbackValue;
    return this;
  }

  public CardActionSpec tag(String componentTag) {
    this.tag = componentTag;
    return this;
  }

  public CardActionSpec name(String componentName) {
    this.name = componentName;
    return this;
  }

  /** The chosen option of a select_static / overflow. */
  public CardActionSpec option(String chosen) {
    this.option = chosen;
    return this;
  }

  /** A submitted form: field name → value. */
  public CardActionSpec formValue(JsonObject values) {
    this.formValue = values;
    return this;
  }

  public CardActionSpec inputValue(String text) {
    this.inputValue = text;
    return this;
  }

  public String messageId() {
    return messageId;
  }

  /** The {@code event} object of the card.action.trigger callback. */
  JsonObject event(String token, String chatId) {
    JsonObject action = new JsonObject().put("value", value).put("tag", tag);
    if (name != null) {
      action.put("name", name);
    }
    if (option != null) {
      action.put("option", option);
    }
    if (formValue != null) {
      action.put("form_value", formValue);
    }
    if (inputValue != null) {
      action.put("input_value", inputValue);
    }
    return new JsonObject()
        .put("operator", MessageSpec.userId(operatorOpenId).put("tenant_key", FeishuSandbox.TENANT_KEY))
        .put("token", token).put("action", action).put("host", "im_message")
        .put("context", new JsonObject().put("open_message_id", messageId).put("open_chat_id", chatId));
  }
}
