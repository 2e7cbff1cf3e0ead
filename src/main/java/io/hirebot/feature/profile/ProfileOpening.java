package io.hirebot.feature.profile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.bot.ActionOnce;
import io.hirebot.bot.ActionResult;
import io.hirebot.bot.CardPlace;
import io.hirebot.bot.Messenger;
import io.hirebot.bot.ProfileView;
import io.hirebot.bot.Reply;
import io.hirebot.bot.Toast;
import io.hirebot.bot.inbound.CardAction;
import io.hirebot.bot.inbound.ChatRef;
import io.hirebot.bot.middleware.CardChats;
import io.hirebot.cards.QuickActions;
import io.hirebot.hire.Talent;
import io.hirebot.i18n.Language;
import io.hirebot.i18n.Messages;
import io.vertx.core.Future;
import java.util.Optional;

/**
 * Where a profile opened from another card's button shows (a list's row, a schedule, my tasks, offers, onboarding, a
 * reminder, a notification, a "where is" answer): one rule for all of them. Feishu's JSON 2.0 cards are shared, so a
 * card replaced by one member's click in a group is replaced for every member. In a group, then, and wherever the bot
 * does not know the card to be in a private chat (a card it never recorded), the profile is a new message replying to
 * the clicked card, which stays as it was; the clicker's toast says where it went, and a double click or a retried
 * callback sends one ({@link ActionOnce}, keyed by card, talent and clicker: each member who asks gets the profile
 * drawn for them). It has no Back: the card it came from is right above. In a private chat (one viewer) the profile
 * replaces the card, with a Back button to it: the one the button names (a list's row knows its page and filter), or
 * else the view the bot recorded with the clicked card, which draws it again as its own pager would.
 */
final class ProfileOpening {
  /** Draws a talent's profile at a page for a place ({@link ProfileButtons#drawn}). */
  @FunctionalInterface
  interface Drawing {
    Future<Reply.Card> draw(Talent talent, int page, boolean claimed, CardPlace place, ObjectNode back, Language lang);
  }

  /** The refusal's key when a viewer may not see a talent's profile at a place, null when they may. */
  @FunctionalInterface
  interface Access {
    Future<String> refusal(String talentId, CardPlace place);
  }

  private final Drawing profiles;
  private final Access access;
  private final ActionOnce once;
  private final Messenger messenger;
  private final CardChats cardChats;
  private final Messages messages;

  /**
   * @param messenger records what it sends on the clicker's behalf, as a reply's card (the app's on-behalf messenger)
   * @param cardChats the kind of chat each card the bot sent is in, and the view it recorded with it
   */
  ProfileOpening(Drawing profiles, Access access, ActionOnce once, Messenger messenger, CardChats cardChats,
      Messages messages) {
    this.profiles = profiles;
    this.access = access;
    this.once = once;
    this.messenger = messenger;
    this.cardChats = cardChats;
    this.messages = messages;
  }

  /** The profile button of other features' cards ({@code SharedActions.PROFILE_OPEN}): its value names the talent. */
  Future<ActionResult> click(CardAction click, Language lang) {
    ObjectNode value = click.value();
    return open(click, new ProfileView.Opened(value.path("talent_id").asText(""), value.path("name").asText(""),
        Math.max(0, value.path("page").asInt(0)), value.path(QuickActions.CONTACT).asBoolean(false),
        QuickActions.back(value)), lang);
  }

  /**
   * See {@link ProfileView#open}: shown only to a clicker who may see it there, by the rule a typed profile follows
   * ({@link ProfileAccess}); anyone else's click is refused with the words "candidate NAME" would get.
   */
  Future<ActionResult> open(CardAction click, ProfileView.Opened profile, Language lang) {
    if (profile.talentId().isEmpty()) {
      return Future.succeededFuture(ActionResult.of(Toast.error(messages, "toast.expired")));
    }
    CardPlace place = CardPlace.of(click);
    return access.refusal(profile.talentId(), place).compose(refused -> refused != null
        ? Future.succeededFuture(ActionResult.of(Toast.error(messages, refused)))
        : opened(click, place, profile, lang));
  }

  private Future<ActionResult> opened(CardAction click, CardPlace place, ProfileView.Opened profile, Language lang) {
    if (place.messageId() == null) {
      // A click the bot made of words typed in a chat: its answer is a reply of its own already.
      return inPlace(place, profile, profile.back(), lang);
    }
    return cardChats.kindOf(place).otherwise(Optional.empty()).compose(kind -> kind.orElse(ChatRef.ChatType.GROUP)
        == ChatRef.ChatType.P2P
        ? wayBack(place, profile).compose(back -> inPlace(place, profile, back, lang))
        : below(new CardPlace(place.chatId(), place.messageId(), place.viewer(), kind.orElse(null), place.chat()),
            profile, lang));
  }

  /** The profile in place of the clicked card, leading back to {@code back} (null: nowhere). */
  private Future<ActionResult> inPlace(CardPlace place, ProfileView.Opened p, ObjectNode back, Language lang) {
    return profiles.draw(talent(p), p.page(), p.contact(), place, back, lang)
        .map(shown -> new ActionResult(opened(p.name()), shown.card(), shown.view()));
  }

  /** What a private chat's profile leads back to: the button's own way back, else the clicked card's recorded view. */
  private Future<ObjectNode> wayBack(CardPlace place, ProfileView.Opened p) {
    if (p.back() != null) {
      return Future.succeededFuture(p.back());
    }
    return cardChats.viewOf(place.messageId()).map(view -> view.map(QuickActions::view).orElse(null))
        .otherwise((ObjectNode) null);
  }

  /**
   * The profile as a new message replying to the card, sent once per card, talent and clicker; the card stays as it
   * is. Never with phone and email (a group's), and without Back (the card is right above it).
   */
  private Future<ActionResult> below(CardPlace card, ProfileView.Opened p, Language lang) {
    String key = "profile:" + card.messageId() + ":" + p.talentId() + ":" + card.viewer();
    return once.onceMarkingRepeats(key, () -> profiles.draw(talent(p), p.page(), false, card, null, lang)
        .compose(shown -> messenger.replyOnBehalf(card, shown, key))
        .map(id -> ActionResult.of(p.name().isBlank() ? Toast.info(messages, "toast.profile.below.anyone")
            : Toast.info(messages, "toast.profile.below", p.name()))));
  }

  /** Opening a profile names whose it is; only its pager's buttons say which page. */
  private Toast opened(String name) {
    return name.isBlank() ? Toast.info(messages, "toast.profile.opened") : Toast.info(messages, "toast.profile", name);
  }

  private static Talent talent(ProfileView.Opened p) {
    return new Talent(p.talentId(), p.name(), "", "");
  }
}
