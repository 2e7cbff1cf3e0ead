package io.hirebot.feature.profile;

import io.hirebot.access.AccessPolicy;
import io.hirebot.access.AuditLog;
import io.hirebot.bot.Messenger;
import io.hirebot.cards.Cards;
import io.hirebot.hire.HireMeter;
import io.hirebot.i18n.DateTexts;
import io.hirebot.i18n.Messages;
import java.time.Clock;

/** Builds the profile feature's command handler and card actions, which share one reader and card. */
public record ProfileFeature(ShowProfileHandler handler, ProfileActions actions) {

  public static ProfileFeature create(HireMeter meter, Cards cards, Messages messages, DateTexts dates, Clock clock,
      AccessPolicy access, Messenger messenger, AuditLog audit) {
    ProfileReader reader = new ProfileReader(new ProfileCard(cards, messages, dates, clock));
    return new ProfileFeature(new ShowProfileHandler(meter, reader, cards, messages),
        new ProfileActions(meter, reader, messages, access, messenger, audit, clock));
  }
}
