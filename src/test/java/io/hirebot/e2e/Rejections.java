package io.hirebot.e2e;

import static io.hirebot.e2e.BotHarness.await;

import io.hirebot.sandbox.CardActionSpec;
import io.hirebot.sandbox.EphemeralCard;
import io.hirebot.sandbox.PushResult;
import io.hirebot.sandbox.SentMessage;
import io.hirebot.sandbox.hire.TerminationReason;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * Rejections made through the bot as a recruiter makes them: Reject on a card's row, then the reason form's submit
 * (in a group a form only the clicker sees, in a private chat the form in the card's place), or the Confirm of a
 * rejection typed in words.
 */
final class Rejections {
  private Rejections() {}

  /** The first reason Hire offers for "we rejected the candidate", which every reason select lists. */
  static TerminationReason reason(BotHarness h) {
    return h.sandbox.hire().terminationReasons().stream().filter(r -> r.type() == 1 && r.activeStatus() == 1)
        .findFirst().orElseThrow();
  }

  /** Clicks Reject on the application's row of {@code card} and submits the form with {@link #reason}. */
  static PushResult fromRow(BotHarness h, SentMessage card, String applicationId, String who) {
    String shown = h.sandbox.im().message(card.messageId()).orElseThrow().currentContent().toString();
    PushResult opened = await(h.sandbox.events().cardAction(CardActionSpec.on(card.messageId()).by(who)
        .tag("button").value(ButtonValues.only(shown, "reject", applicationId))));
    Optional<EphemeralCard> apart = h.sandbox.im().ephemeralCards().stream()
        .filter(e -> e.openId().equals(who) && e.chatId().equals(card.chatId())).reduce((x, y) -> y);
    String formMessage = apart.map(EphemeralCard::messageId).orElse(card.messageId());
    String form = apart.map(e -> e.card().toString())
        .orElseGet(() -> opened.jsonBody().getJsonObject("card", new JsonObject()).encode());
    return submit(h, formMessage, form, applicationId, who);
  }

  /** Confirms a rejection typed in words ({@code confirmation} is the bot's card asking) with {@link #reason}. */
  static PushResult typed(BotHarness h, SentMessage confirmation, String applicationId, String who) {
    return submit(h, confirmation.messageId(), confirmation.currentContent().toString(), applicationId, who);
  }

  private static PushResult submit(BotHarness h, String messageId, String form, String applicationId, String who) {
    return await(h.sandbox.events().cardAction(CardActionSpec.on(messageId).by(who).tag("button")
        .value(ButtonValues.only(form, "reject.confirm", applicationId))
        .formValue(new JsonObject().put("reason", reason(h).id()))));
  }
}
