package io.hirebot.feature.candidates;

import io.hirebot.access.AccessPolicy;
import io.hirebot.bot.CardPlace;
import io.hirebot.bot.ChatFollows;
import io.hirebot.bot.CommandContext;
import io.hirebot.bot.SentCards;
import io.hirebot.bot.inbound.CardAction;
import io.hirebot.bot.inbound.ChatRef;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works out a candidates card's {@link Audience} from where it is shown: a command's chat, or the clicked card's (a
 * living card re-rendered later is a click on it by its viewer, whom the bot stored with it). Never fails: what
 * cannot be read now leaves the card as it was before it knew (Follow offered, every button shown; following again is
 * harmless, and a button the viewer may not use refuses when clicked).
 */
final class Audiences {
  private static final Logger log = LoggerFactory.getLogger(Audiences.class);

  private final ChatFollows follows;
  private final AccessPolicy access;
  private final SentCards sentCards;

  /** @param sentCards the kind of chat each card the bot sent is in (a click names its chat, not the chat's kind) */
  Audiences(ChatFollows follows, AccessPolicy access, SentCards sentCards) {
    this.follows = follows;
    this.access = access;
    this.sentCards = sentCards;
  }

  /** The answer to a command, in the chat it was typed in. */
  Future<Audience> of(String jobId, CommandContext context) {
    CardPlace place = new CardPlace(context.message().chat().chatId(), null, context.message().senderId(), null,
        context.chat());
    return of(jobId, place, Future.succeededFuture(!context.message().chat().isGroup()));
  }

  /**
   * The answer to a click: in the kind of chat it says (a page or "back" typed in words, made a click on no card), else
   * as {@link #of(String, CardPlace)} for the clicked card.
   */
  Future<Audience> of(String jobId, CardAction action) {
    CardPlace place = CardPlace.of(action);
    return action.chatType() == null ? of(jobId, place)
        : of(jobId, place, Future.succeededFuture(action.chatType() == ChatRef.ChatType.P2P));
  }

  /** The answer to a click on a card (or a re-render of a living one), in that card's chat. */
  Future<Audience> of(String jobId, CardPlace place) {
    Future<Boolean> privately = place.messageId() == null ? Future.succeededFuture(false)
        : sentCards.chatType(place.messageId())
            .map(type -> type.orElse(ChatRef.ChatType.GROUP) == ChatRef.ChatType.P2P);
    return of(jobId, place, privately);
  }

  private Future<Audience> of(String jobId, CardPlace place, Future<Boolean> privately) {
    Future<Boolean> following = follows.follows(place.chatId(), jobId);
    Future<Boolean> viewOnly = privately.compose(p -> !p ? Future.succeededFuture(false)
        : access.mayChange(place.viewer(), jobId).map(decision -> !decision.allowed()));
    return Future.all(known(following, "following", place, jobId), known(viewOnly, "view-only", place, jobId))
        .map(all -> new Audience(all.resultAt(0), all.resultAt(1), place.zone()));
  }

  private static Future<Boolean> known(Future<Boolean> read, String what, CardPlace place, String jobId) {
    return read.recover(e -> {
      log.warn("candidates card {} not known chat_id={} message_id={} job_id={} cause={}", what, place.chatId(),
          place.messageId(), jobId, e.toString());
      return Future.succeededFuture(false);
    });
  }
}
