package io.hirebot.bot.inbound;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.bot.ChatSettings;
import io.hirebot.i18n.Language;
import java.time.ZoneId;
import java.util.Map;

/**
 * A click on a card component ({@code card.action.trigger}, or the legacy v1 callback).
 *
 * @param value the component's callback value object (always an object: reference §0 item 7)
 * @param token the delayed-update token ({@code c-…}), valid 30 min for 2 updates
 * @param formValue submitted form fields (name → value), empty when the action was not a form submit
 * @param chatType the kind of chat, when the event itself says it: a click the bot makes of words typed in a chat (a
 *     page asked for in words) says the message's; Feishu's clicks do not (null), and the kind the bot recorded with
 *     the clicked card stands for it
 * @param chat the clicked chat's settings (whether it is enabled, the zone the answer's dates are in), as the click
 *     read them once ({@code io.hirebot.bot.ChatSettingsReader}); null until the dispatcher read them (Feishu's clicks
 *     do not say them)
 */
public record CardAction(
    String eventId,
    UserRef operator,
    String messageId,
    String chatId,
    String token,
    String tag,
    ObjectNode value,
    String option,
    Map<String, Object> formValue,
    String inputValue,
    ChatRef.ChatType chatType,
    ChatSettings chat)
    implements InboundEvent {

  /** A click as Feishu delivers it: its chat's kind is not said. */
  public CardAction(String eventId, UserRef operator, String messageId, String chatId, String token, String tag,
      ObjectNode value, String option, Map<String, Object> formValue, String inputValue) {
    this(eventId, operator, messageId, chatId, token, tag, value, option, formValue, inputValue, null);
  }

  /**
   * A click whose chat's kind the event says (one the bot makes of words typed in a chat); its chat's settings not yet
   * read.
   */
  public CardAction(String eventId, UserRef operator, String messageId, String chatId, String token, String tag,
      ObjectNode value, String option, Map<String, Object> formValue, String inputValue, ChatRef.ChatType chatType) {
    this(eventId, operator, messageId, chatId, token, tag, value, option, formValue, inputValue, chatType, null);
  }

  @Override
  public String dedupKey() {
    return "card:" + eventId;
  }

  /** The zone the answer's dates are in (the chat's own, else the configured one); null until the settings are read. */
  public ZoneId zone() {
    return chat == null ? null : chat.zone();
  }

  /** The clicker's open_id, or null when the event named none. */
  public String operatorId() {
    return operator == null ? null : operator.openId();
  }

  /** The {@code action} key of the callback value, or empty when the card carries none. */
  public String actionName() {
    return value == null ? "" : value.path("action").asText("");
  }

  /** The language of the clicked card (its callback value's {@code lang}), which the answer is written in. */
  public Language language() {
    return Language.ofFeishuLocale(value == null ? "" : value.path("lang").asText());
  }

  /** The same click, as if its value had named another action (a menu option that opens another card). */
  public CardAction withAction(String action) {
    ObjectNode v = value == null ? null : value.deepCopy().put("action", action);
    return new CardAction(eventId, operator, messageId, chatId, token, tag, v, option, formValue, inputValue, chatType,
        chat);
  }

  /** The same click, answered with its chat's settings as read. */
  public CardAction in(ChatSettings settings) {
    return new CardAction(eventId, operator, messageId, chatId, token, tag, value, option, formValue, inputValue,
        chatType, settings);
  }
}
