package io.hirebot.feature.candidates;

import io.hirebot.bot.CardPlace;
import io.hirebot.bot.ChatFollows;
import io.hirebot.bot.CommandContext;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works out a candidates card's {@link Audience} from where it is shown: a command's chat, or the clicked card's (a
 * living card re-rendered later is a click on it by its viewer). Never fails: what cannot be read now leaves the card
 * as it was before it knew (Follow offered; following it again is harmless).
 */
final class Audiences {
  private static final Logger log = LoggerFactory.getLogger(Audiences.class);

  private final ChatFollows follows;

  Audiences(ChatFollows follows) {
    this.follows = follows;
  }

  /** The answer to a command, in the chat it was typed in. */
  Future<Audience> of(String jobId, CommandContext context) {
    return of(jobId, new CardPlace(context.message().chat().chatId(), null, context.message().senderId()));
  }

  /** The answer to a click on a card (or a re-render of a living one), in that card's chat. */
  Future<Audience> of(String jobId, CardPlace place) {
    return follows.follows(place.chatId(), jobId).recover(e -> {
      log.warn("whether the chat follows the job not read chat_id={} job_id={} cause={}", place.chatId(), jobId,
          e.toString());
      return Future.succeededFuture(false);
    }).map(Audience::new);
  }
}
