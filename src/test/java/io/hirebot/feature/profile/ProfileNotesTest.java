package io.hirebot.feature.profile;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.testing.FeatureHarness;
import io.hirebot.testing.Shown;
import io.hirebot.testing.SmallTenant;
import io.hirebot.testing.TestFeatures;
import io.hirebot.testing.WholeCharacters;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A profile's latest notes say who wrote each. */
class ProfileNotesTest {
  @RegisterExtension
  final FeatureHarness h = FeatureHarness.start().with(TestFeatures::candidates, TestFeatures::profile);

  @Test
  @DisplayName("each of the latest notes names its author, without mentioning (pinging) them")
  void notesNameTheirAuthor() {
    var alice = h.hire.applicationOf(h.hire.talent("Alice Chen"), SmallTenant.BACKEND);
    h.await(() -> h.hire.createNote(h.hire.talent("Alice Chen").id(), alice.id(), SmallTenant.MANAGER_ZHANG,
        "Strong on system design"));
    Shown profile = h.inGroup("candidate Alice Chen");
    assertTrue(profile.contains("Strong on system design"), profile.all());
    assertTrue(profile.contains("<person id=" + SmallTenant.MANAGER_ZHANG + " show_name=true"), profile.all());
    assertTrue(!profile.contains("<at id=" + SmallTenant.MANAGER_ZHANG), profile.all());
  }

  @Test
  @DisplayName("a long note is quoted to 200 characters, an emoji at the cut kept whole or left out, never split")
  void longNoteCutWhole() {
    var alice = h.hire.applicationOf(h.hire.talent("Alice Chen"), SmallTenant.BACKEND);
    h.await(() -> h.hire.createNote(h.hire.talent("Alice Chen").id(), alice.id(), SmallTenant.MANAGER_ZHANG,
        "n".repeat(199) + "😀" + "n".repeat(20)));
    Shown profile = h.inGroup("candidate Alice Chen");
    WholeCharacters.assertWhole(profile.all());
    assertTrue(profile.contains("n".repeat(199) + "…"), profile.all());
  }
}
