package io.hirebot.feature.understanding;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.command.Command;
import io.hirebot.hire.Talent;
import io.hirebot.i18n.Language;
import io.hirebot.testing.FeatureHarness;
import io.hirebot.testing.SmallTenant;
import io.hirebot.testing.TestFeatures;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A button that runs a reading (a "did you mean" or "which one?" choice) runs it as typed in the chat the card is in,
 * as the bot recorded that card (buttons used to carry the chat's kind, so a private chat's card forwarded to a
 * group ran as private there): phone and email must not follow such a card to a group.
 */
class ForwardedReadingTest {
  @RegisterExtension
  final FeatureHarness h = FeatureHarness.start().with(TestFeatures::understanding, TestFeatures::profile,
      TestFeatures::candidates);

  private ObjectNode privateButton() {
    return new CommandCodec(h.cards.mapper()).button(new Command.ShowProfile("Alice Chen"), Language.EN);
  }

  @Test
  @DisplayName("the reading's button on the private card it was sent on: the profile with phone and email")
  void privately() {
    Talent alice = h.hire.talent("Alice Chen");
    String card = h.clickPrivately(privateButton(), SmallTenant.RECRUITER_LI).card().all();
    assertTrue(card.contains(alice.mobile()) && card.contains(alice.email()), card);
  }

  @Test
  @DisplayName("the same button clicked on a card in a group (forwarded there): the profile without them")
  void forwardedToAGroup() {
    Talent alice = h.hire.talent("Alice Chen");
    String card = h.click(privateButton(), SmallTenant.RECRUITER_LI).card().all();
    assertTrue(card.contains("Alice Chen"), card);
    assertFalse(card.contains(alice.mobile()) || card.contains(alice.email()), card);
  }
}
