package io.hirebot.feature.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.feature.understanding.UnderstandingFeature;
import io.hirebot.hire.Talent;
import io.hirebot.cards.SharedActions;
import io.hirebot.testing.FeatureHarness;
import io.hirebot.testing.Shown;
import io.hirebot.testing.SmallTenant;
import io.hirebot.testing.TestFeatures;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * "candidate NAME" that finds several people asks which, with a button each: the buttons name what the user picks
 * (the person, the job they applied to and where that application stands), never Hire's ids.
 */
class ProfilePickerTest {
  @RegisterExtension
  final FeatureHarness h = FeatureHarness.start().with(TestFeatures::profile, TestFeatures::understanding)
      .withLexicon();
  private Talent backendTwin;
  private Talent dataTwin;

  @BeforeEach
  void twins() {
    backendTwin = h.hire.addTalent("Zed Twin", "13700000001", "zed.a@example.com");
    dataTwin = h.hire.addTalent("Zed Twin", "13700000002", "zed.b@example.com");
    h.hire.addApplication(SmallTenant.BACKEND, backendTwin, SmallTenant.SCREENING,
        h.clock.instant().minus(Duration.ofDays(1)));
    h.hire.addApplication(SmallTenant.DATA, dataTwin, SmallTenant.OFFER, h.clock.instant().minus(Duration.ofDays(2)));
  }

  @Test
  @DisplayName("two people of one name: each button says name, job and stage, and no id")
  void buttonsNameJobAndStage() {
    Shown picker = h.inGroup("candidate Zed Twin");

    assertEquals(List.of("Zed Twin · Backend Engineer · Screening", "Zed Twin · Data Scientist · Offer"),
        picker.labels(ProfileButtons.PAGE), picker.all());
    assertEquals(List.of(backendTwin.id(), dataTwin.id()), picker.buttons(ProfileButtons.PAGE).stream()
        .map(v -> v.path("talent_id").asText()).toList());
  }

  @Test
  @DisplayName("in Chinese too; a person without applications says so; an ended application says it ended")
  void chineseNoApplicationsAndEnded() {
    h.hire.addTalent("Zed Twin", "13700000003", "zed.c@example.com");
    h.hire.terminated(h.hire.applicationOf(dataTwin, SmallTenant.DATA).id());

    Shown picker = h.inGroup("候选人 Zed Twin");

    List<String> labels = picker.labels(ProfileButtons.PAGE);
    assertEquals(List.of("Zed Twin · Backend Engineer · 简历筛选", "Zed Twin · Data Scientist · 已结束于 Offer 沟通",
        "Zed Twin · 暂无投递"), labels, picker.all());
    labels.forEach(l -> assertFalse(l.contains("talent_"), l));
  }

  @Test
  @DisplayName("a name that finds nobody suggests namesakes by word, labelled the same way")
  void suggestionsNameJobAndStage() {
    Shown notFound = h.inGroup("candidate Zed Twine");

    assertEquals(List.of("Zed Twin · Backend Engineer · Screening", "Zed Twin · Data Scientist · Offer"),
        notFound.labels(ProfileButtons.PAGE), notFound.all());
  }

  @Test
  @DisplayName("\"where is\" two people of one name: each profile button names job and stage and opens that person")
  void whereIsNamesakes() {
    Shown where = h.inGroup("where is Zed Twin");

    List<String> labels = where.labels(SharedActions.PROFILE_OPEN);
    assertEquals(List.of("Zed Twin · Backend Engineer · Screening", "Zed Twin · Data Scientist · Offer"), labels,
        where.all());
    // A group's answer: the profile replies to it.
    FeatureHarness.Clicked clicked = h.click(where.buttons(SharedActions.PROFILE_OPEN).get(1), SmallTenant.RECRUITER_LI);
    Shown profile = h.repliesTo(clicked.messageId()).get(0);
    assertEquals("Zed Twin", profile.title(), profile.all());
    // That person's profile, not the picker again: the Data Scientist application only.
    assertTrue(profile.contains("Data Scientist") && !profile.contains("Backend Engineer"), profile.all());
  }
}
