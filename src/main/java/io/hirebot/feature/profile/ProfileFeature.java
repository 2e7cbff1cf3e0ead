package io.hirebot.feature.profile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.access.AccessPolicy;
import io.hirebot.access.HiringDataRule;
import io.hirebot.bot.ActionOnce;
import io.hirebot.bot.ActionResult;
import io.hirebot.bot.CardPlace;
import io.hirebot.bot.Feature;
import io.hirebot.bot.FeatureRegistry;
import io.hirebot.bot.Messenger;
import io.hirebot.bot.ProfileView;
import io.hirebot.bot.Reply;
import io.hirebot.bot.inbound.CardAction;
import io.hirebot.bot.middleware.CardChats;
import io.hirebot.cards.Cards;
import io.hirebot.cards.SharedActions;
import io.hirebot.command.Command;
import io.hirebot.hire.HireMeter;
import io.hirebot.hire.OwnChanges;
import io.hirebot.i18n.DateTexts;
import io.hirebot.i18n.Language;
import io.hirebot.i18n.Messages;
import io.vertx.core.Future;
import java.time.Clock;

/**
 * A talent's profile: "candidate NAME", the pager over their applications, "full details (private)", the profile
 * card other features answer with ({@link ProfileView}), and the profile opened from any card's Profile button
 * ({@link ProfileOpening}: a new message in a group, in place with Back in a private chat); its pages, the profile a
 * change made on it answers with, and its living re-renders keep a private chat's contact data by one rule
 * ({@link ContactRule}); whose profile a viewer may see, typed or clicked, is one rule too ({@link ProfileAccess}).
 */
public final class ProfileFeature implements Feature, ProfileView {
  private final ProfileCommand command;
  private final ProfileButtons buttons;
  private final ProfileOpening opening;

  /**
   * @param hiringData whose profiles a viewer may see where ({@link HiringDataRule#profiles}), typed or clicked alike
   * @param messenger the on-behalf messenger: a profile sent as a reply to a group's card is recorded as a reply is
   * @param cardChats the kind of chat each card the bot sent is in (a private chat's profile pages keep contact data;
   *     a profile opened from a group's card is sent apart from it), and the view it recorded (the way back)
   * @param once a profile a group click sends is sent once per card, talent and clicker
   * @param moves who made the moves made through the bot, which the history shows
   */
  public ProfileFeature(HireMeter meter, Cards cards, Messages messages, DateTexts dates, Clock clock,
      AccessPolicy access, HiringDataRule hiringData, Messenger messenger, CardChats cardChats, ActionOnce once,
      OwnChanges moves) {
    ProfileReader reader = new ProfileReader(new ProfileCard(cards, messages, dates, clock), access, moves);
    ProfileAccess whose = new ProfileAccess(hiringData, cardChats);
    this.command = new ProfileCommand(meter, reader, whose, cards, messages);
    this.buttons = new ProfileButtons(meter, reader, whose, messages, messenger, cardChats);
    this.opening = new ProfileOpening(buttons::drawn, buttons::refusal, once, messenger, cardChats, messages);
  }

  @Override
  public void register(FeatureRegistry registry) {
    registry.command(Command.ShowProfile.class, command)
        .action(ProfileButtons.PAGE, buttons::show)
        .action(SharedActions.PROFILE_OPEN, opening::click)
        .action(ProfileButtons.PRIVATE, buttons::sendPrivately)
        .view(ProfileButtons.PAGE, (view, place) ->
            buttons.rerender(view, place, Language.ofFeishuLocale(view.path("lang").asText("en_us"))));
  }

  @Override
  public Future<Reply.Card> render(String talentId, int page, CardPlace place, boolean contact, ObjectNode back,
      Language lang) {
    return buttons.render(talentId, page, place, contact, back, lang);
  }

  @Override
  public Future<ActionResult> open(CardAction click, Opened profile, Language lang) {
    return opening.open(click, profile, lang);
  }
}
