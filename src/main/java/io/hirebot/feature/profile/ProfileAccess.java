package io.hirebot.feature.profile;

import io.hirebot.access.HiringDataRule;
import io.hirebot.bot.CardPlace;
import io.hirebot.bot.ChatSettings;
import io.hirebot.bot.inbound.ChatRef;
import io.hirebot.bot.middleware.CardChats;
import io.hirebot.hire.HireDirectory;
import io.hirebot.hire.Talent;
import io.vertx.core.Future;
import java.util.List;

/**
 * Whose profile a viewer may see where the profile would show: {@link HiringDataRule#profiles}, the one rule for a
 * profile typed ("candidate NAME", a follow-up) and one opened by any button, its pager or a living re-render. The
 * chat's kind is what the event says, else what the bot recorded with the clicked card (none: unknown).
 */
final class ProfileAccess {
  /** The talents a viewer may see of those found, and the refusal's key when they may see none of them. */
  record Seen(List<Talent> talents, String refusal) {}

  private final HiringDataRule rule;
  private final CardChats cardChats;

  ProfileAccess(HiringDataRule rule, CardChats cardChats) {
    this.rule = rule;
    this.cardChats = cardChats;
  }

  /** Null when the viewer at {@code place} may see the talent's profile, else the refusal's i18n key. */
  Future<String> refusal(HireDirectory hire, String talentId, CardPlace place) {
    return profiles(place).compose(p -> hire.applicationIdsOfTalent(talentId).compose(p::refusal));
  }

  /**
   * The talents of {@code found} whose profiles the viewer at {@code place} may see: all of them for whom the rule
   * refuses no one (nothing is read); else each is weighed, and when none is left (or none was found), the refusal,
   * so that someone who may see only their own candidates learns nothing of anyone else, not even whether they exist.
   */
  Future<Seen> visible(HireDirectory hire, List<Talent> found, CardPlace place) {
    return profiles(place).compose(p -> p.refusal(List.of()).compose(anyone -> {
      if (anyone == null || found.isEmpty()) {
        return Future.succeededFuture(new Seen(anyone == null ? found : List.of(), anyone));
      }
      List<Future<String>> refusals = found.stream()
          .map(t -> hire.applicationIdsOfTalent(t.id()).compose(p::refusal)).toList();
      return Future.all(refusals).map(done -> {
        List<Talent> seen = java.util.stream.IntStream.range(0, found.size())
            .filter(i -> refusals.get(i).result() == null).mapToObj(found::get).toList();
        return new Seen(seen, seen.isEmpty() ? anyone : null);
      });
    }));
  }

  private Future<HiringDataRule.Profiles> profiles(CardPlace place) {
    Future<HiringDataRule.Place> where = cardChats.kindOf(place).otherwise(java.util.Optional.empty())
        .map(kind -> kind.map(k -> k == ChatRef.ChatType.P2P ? HiringDataRule.Place.PRIVATE : HiringDataRule.Place.GROUP)
            .orElse(HiringDataRule.Place.UNKNOWN));
    // The chat's switch as the command or click read it with its zone, unless the card is drawn for another chat.
    ChatSettings read = place.chat();
    Future<Boolean> enabled = read != null && read.isOf(place.chatId()) ? Future.succeededFuture(read.enabled())
        : rule.enabled(place.chatId());
    return rule.profiles(enabled, where, place.viewer());
  }
}
