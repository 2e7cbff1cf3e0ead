package io.hirebot.e2e;

import io.hirebot.cards.Markdown;
import io.hirebot.feature.profile.PhoneNumbers;
import io.hirebot.sandbox.hire.Talent;

/** A sandbox talent's phone as it stands in the bot's card markdown: with Hire's mobile_code, grouped, escaped. */
final class Phones {

  private Phones() {}

  static String shown(Talent t) {
    return Markdown.escape(PhoneNumbers.display(t.mobileCode(), t.mobile()));
  }
}
