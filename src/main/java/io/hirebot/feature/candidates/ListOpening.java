package io.hirebot.feature.candidates;

import io.hirebot.bot.ActionOnce;
import io.hirebot.bot.ActionResult;
import io.hirebot.bot.CardPlace;
import io.hirebot.bot.Messenger;
import io.hirebot.bot.Reply;
import io.hirebot.bot.SentCards;
import io.hirebot.bot.Toast;
import io.hirebot.bot.inbound.CardAction;
import io.hirebot.bot.inbound.ChatRef;
import io.hirebot.cards.SharedActions;
import io.hirebot.i18n.Language;
import io.hirebot.i18n.Messages;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a job's list opened from another card's "Show candidates" ({@link CandidatesFeature#SHOW}) shows, by the rule
 * a profile opened from a card follows. Feishu's JSON 2.0 cards are shared, so a card replaced by one member's click in
 * a group is replaced for every member: the jobs overview, a digest covering several jobs, a notification would be
 * gone for all. In a group, then, and wherever the bot does not know the card to be in a private chat (a notification
 * or a scheduled digest, which it does not record), the list is a new message replying to the clicked card, which
 * stays as it was; the clicker's toast says where it went, and a double click or a retried callback posts one ({@link
 * ActionOnce}, keyed by card, clicker and the list asked for: each member who asks gets a list of their own, which
 * their follow-ups then follow). The list is sent on the clicker's behalf, so it is recorded as a living candidates
 * card whose own buttons work as any list's.
 *
 * <p>The list takes the clicked card's place where that card is the clicker's own: in a private chat (one reader); for
 * words typed in a chat that the bot made a click of (its answer is a reply of its own already); and on a "Which job?"
 * or "no such job" card, which answers a question the clicker asked. The action is the same on those cards as on
 * shared ones; their buttons alone carry {@link SharedActions#PICKED}. A button without it is taken for a shared
 * card's, so a card the bot cannot place never loses what it shows for everyone.
 */
final class ListOpening {
  private final CandidatesPager pager;
  private final ActionOnce once;
  private final Messenger messenger;
  private final SentCards sentCards;
  private final Messages messages;

  /**
   * @param messenger records what it sends on the clicker's behalf, as a reply's card (the app's on-behalf messenger)
   * @param sentCards the kind of chat each card the bot sent is in
   */
  ListOpening(CandidatesPager pager, ActionOnce once, Messenger messenger, SentCards sentCards, Messages messages) {
    this.pager = pager;
    this.once = once;
    this.messenger = messenger;
    this.sentCards = sentCards;
    this.messages = messages;
  }

  Future<ActionResult> click(CardAction click, Language lang) {
    if (click.messageId() == null || click.value().path(SharedActions.PICKED).asBoolean(false)) {
      return pager.showPage(click, lang);
    }
    return kindOf(click).compose(kind -> kind.orElse(ChatRef.ChatType.GROUP) == ChatRef.ChatType.P2P
        ? pager.showPage(click, lang)
        : below(new CardPlace(click.chatId(), click.messageId(), click.operatorId(), kind.orElse(null), click.chat()),
            click, lang));
  }

  /** What the click says of its chat (a click made of typed words), else what the bot recorded with the card. */
  private Future<Optional<ChatRef.ChatType>> kindOf(CardAction click) {
    return click.chatType() != null ? Future.succeededFuture(Optional.of(click.chatType()))
        : sentCards.chatType(click.messageId()).otherwise(Optional.empty());
  }

  /** The list as a new message replying to the card, sent once per card, clicker and list; the card stays as it is. */
  private Future<ActionResult> below(CardPlace card, CardAction click, Language lang) {
    String key = "list:" + card.messageId() + ":" + card.viewer() + ":" + asked(click);
    return once.onceMarkingRepeats(key, () -> pager.drawn(click, lang).compose(drawn -> drawn.job() == null
        ? Future.succeededFuture(drawn.answer())
        : messenger.replyOnBehalf(card, Reply.card(drawn.answer().card(), drawn.answer().view()), key)
            .map(id -> ActionResult.of(Toast.info(messages, "toast.candidates.below", drawn.job().title())))));
  }

  /** The list a button asks for, short enough for a key: two buttons of one card for one job may differ in filter. */
  private static String asked(CardAction click) {
    String query = CandidatesQuery.readFrom(click.value()).writeTo(click.value().objectNode()).toString();
    return UUID.nameUUIDFromBytes(query.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
