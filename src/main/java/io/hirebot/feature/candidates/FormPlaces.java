package io.hirebot.feature.candidates;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.bot.ActionResult;
import io.hirebot.bot.CardSentListener.SentCard;
import io.hirebot.bot.Messenger;
import io.hirebot.bot.Reply;
import io.hirebot.bot.SentCards;
import io.hirebot.bot.Toast;
import io.hirebot.bot.inbound.CardAction;
import io.hirebot.bot.inbound.ChatRef;
import io.hirebot.cards.Cards;
import io.hirebot.cards.Markdown;
import io.hirebot.i18n.Language;
import io.hirebot.i18n.Messages;
import io.vertx.core.Future;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a form opens and where its outcome lands. JSON 2.0 cards are shared, so a form replacing a group's card
 * would replace it for every member: in a group the form opens as a card only the clicker sees (Feishu's
 * ephemeral card), or, when Feishu refuses that (a topic group, an old client), in the clicker's private chat
 * with a toast saying so; the group's card stays as it was until the outcome updates it in place. In a private
 * chat the form simply replaces the card.
 */
final class FormPlaces {
  private static final Logger log = LoggerFactory.getLogger(FormPlaces.class);

  private final Messenger messenger;
  private final SentCards sentCards;
  private final Messages messages;
  private final Cards cards;

  FormPlaces(Messenger messenger, SentCards sentCards, Messages messages, Cards cards) {
    this.messenger = messenger;
    this.sentCards = sentCards;
    this.messages = messages;
    this.cards = cards;
  }

  /** Opens the form {@code render} draws for the target placed where the clicker alone sees it. */
  Future<ActionResult> open(CardAction action, ActionTarget t, Language lang, Function<ActionTarget, ObjectNode> render) {
    String clicker = action.operatorId();
    return sentCards.chatType(action.messageId()).recover(e -> Future.succeededFuture(java.util.Optional.empty()))
        .compose(type -> {
          // A card the bot never recorded may sit in a group: treat it as one.
          if (type.orElse(ChatRef.ChatType.GROUP) == ChatRef.ChatType.P2P || clicker == null) {
            return Future.succeededFuture(new ActionResult(Toast.NONE, render.apply(t)));
          }
          ObjectNode ephemeral = render.apply(t.placed(ActionTarget.EPHEMERAL, action.messageId()));
          return messenger.sendEphemeral(action.chatId(), clicker, ephemeral)
              .map(id -> new ActionResult(Toast.NONE, null))
              .recover(e -> {
                log.info("form not shown in the group, sent privately message_id={} chat_id={} cause={}",
                    action.messageId(), action.chatId(), e.toString());
                ObjectNode privately = render.apply(t.placed(ActionTarget.PRIVATELY, action.messageId()));
                return messenger.sendToUser(clicker, Reply.card(privately), "form-" + action.eventId())
                    .map(id -> ActionResult.of(Toast.info(messages, "toast.formPrivate")));
              });
        });
  }

  /**
   * Puts a submitted form's outcome where the form came from: a form that replaced the card already shows it; one
   * opened apart from the group's card updates that card in place (the outcome was drawn for the group: {@link
   * ActionTarget#of}), and the clicker's own form is removed (the ephemeral card) or turns into a line saying the
   * group's card shows the outcome (the private chat: a second copy of the list there would follow, and be
   * followed, as the private chat, not the group).
   */
  Future<ActionResult> land(CardAction action, ActionTarget t, ActionResult outcome, Language lang) {
    if (t.via().isEmpty() || t.origin().isEmpty() || outcome.card() == null) {
      return Future.succeededFuture(outcome);
    }
    String clicker = action.operatorId();
    String groupChat = t.clicked().chatId();
    Future<Void> group = messenger.updateCard(t.origin(), outcome.card())
        .onSuccess(v -> sentCards.sent(new SentCard(groupChat, t.origin(), outcome.card(), outcome.view(), null,
            clicker)))
        .recover(e -> {
          log.warn("group card not updated after a form message_id={} origin={} cause={}", action.messageId(),
              t.origin(), e.toString());
          return Future.succeededFuture();
        });
    if (!ActionTarget.EPHEMERAL.equals(t.via())) {
      return group.map(v -> new ActionResult(outcome.toast(), done(outcome.toast(), lang)));
    }
    return group.compose(v -> close(action.messageId()))
        .map(v -> ActionResult.of(outcome.toast()));
  }

  /** What a form sent privately becomes once submitted: what it did, and where that shows. */
  private ObjectNode done(Toast toast, Language lang) {
    ObjectNode model = cards.model();
    model.put("title", toast.text(lang));
    model.put("color", "green");
    model.put("text", Markdown.message(messages, lang, "form.private.done"));
    return cards.render("notice", model);
  }

  /** Removes a form shown to the clicker alone (its Back button, or once submitted). */
  Future<Void> close(String ephemeralMessageId) {
    return messenger.deleteEphemeral(ephemeralMessageId).recover(e -> {
      log.warn("ephemeral form not deleted message_id={} cause={}", ephemeralMessageId, e.toString());
      return Future.succeededFuture();
    });
  }
}
