package io.hirebot.feature.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.bot.Toast;
import io.hirebot.cards.SharedActions;
import io.hirebot.hire.Talent;
import io.hirebot.testing.FeatureHarness;
import io.hirebot.testing.Shown;
import io.hirebot.testing.SmallTenant;
import io.hirebot.testing.TestFeatures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A profile shows only the actions its viewer can take: an interviewer who opens a candidate from "my tasks" reads
 * the profile without Advance / Reject / Add note (Hire lets only the job's recruiter, its hiring managers and admins
 * change it), the recruiter gets them; and a click the viewer may not make is still refused in words, writing nothing.
 * Opened in a private chat it replaces the card, leading back to it; opened on a group's card it is a new message
 * replying to that card, which stays as it was.
 */
class ProfileActionsTest {
  private static final String LIST = SharedActions.CANDIDATES_PAGE;
  private static final List<String> CHANGES = List.of(SharedActions.ADVANCE, SharedActions.REJECT, SharedActions.NOTE);

  @RegisterExtension
  final FeatureHarness h = FeatureHarness.start().with(TestFeatures::candidates, TestFeatures::profile);

  private ObjectNode profileButton(Talent talent) {
    return h.cards.model().put("action", SharedActions.PROFILE_OPEN).put("talent_id", talent.id())
        .put("name", talent.name()).put("lang", "en_us");
  }

  /** {@code viewer} opens the talent's profile from a card in their private chat (my tasks is always private). */
  private FeatureHarness.Clicked open(Talent talent, String viewer) {
    return h.clickPrivately(profileButton(talent), viewer);
  }

  @Test
  @DisplayName("an interviewer's profile (opened from my tasks) has no Advance / Reject / Add note; the recruiter's has")
  void buttonsFollowTheViewer() {
    Talent carol = h.hire.talent("Carol Wu");
    Shown interviewer = open(carol, SmallTenant.INTERVIEWER_LIU).card();
    assertTrue(interviewer.contains("Carol Wu"), interviewer.all());
    for (String action : CHANGES) {
      assertTrue(interviewer.buttons(action).isEmpty(), action + " shown to an interviewer: " + interviewer.all());
    }
    // Contact details are refused to interviewers too: no "Full details (private)" button either.
    assertTrue(interviewer.buttons(ProfileButtons.PRIVATE).isEmpty(), interviewer.all());
    Shown recruiter = open(carol, SmallTenant.RECRUITER_LI).card();
    for (String action : CHANGES) {
      assertEquals(1, recruiter.buttons(action).size(), action + " missing for the recruiter: " + recruiter.all());
    }
    assertEquals(1, recruiter.buttons(ProfileButtons.PRIVATE).size(), recruiter.all());
  }

  @Test
  @DisplayName("opening a profile toasts whose it is, not 'Page 1'")
  void openingToastIsNotAPage() {
    FeatureHarness.Clicked opened = open(h.hire.talent("Carol Wu"), SmallTenant.RECRUITER_LI);
    assertTrue(opened.card().contains("Carol Wu"), opened.card().all());
    assertEquals("Profile of Carol Wu", opened.toast());
  }

  @Test
  @DisplayName("an Advance an interviewer could not see, clicked anyway (a shared card): refused in words, no write")
  void interviewerClickRefused() {
    Shown recruiter = open(h.hire.talent("Carol Wu"), SmallTenant.RECRUITER_LI).card();
    JsonNode advance = recruiter.buttons(SharedActions.ADVANCE).get(0);
    h.hire.resetCalls();
    FeatureHarness.Clicked refused = h.click(advance, SmallTenant.INTERVIEWER_LIU);
    assertEquals(Toast.Type.ERROR, refused.toastType());
    assertTrue(refused.toast().contains("Only the job's recruiter"), refused.toast());
    assertTrue(h.hire.calls("transferStage").isEmpty(), h.hire.calls().toString());
  }

  /**
   * Backend Engineer with two pages of candidates: the recruiter opens page 2 in their private chat, then a row's
   * profile from its ⋯ menu.
   */
  private FeatureHarness.Clicked profileFromSecondPage() {
    SmallTenant.addLaterPeople(h.hire, h.clock);
    Shown first = h.privately(SmallTenant.RECRUITER_LI, "candidates for Backend Engineer");
    Shown second = h.clickPrivately(first.button(LIST, "page", 1), SmallTenant.RECRUITER_LI).card();
    assertTrue(second.contains("Page 2 of 2"), second.all());
    JsonNode row = second.buttons("more").get(0);
    FeatureHarness.Clicked opened = h.clickPrivately(row, SmallTenant.RECRUITER_LI, "profile", Map.of());
    assertEquals(row.path("name").asText(), opened.card().title(), opened.card().all());
    return opened;
  }

  @Test
  @DisplayName("on a group's list, ⋯ → Profile leaves the list as it is and replies to it with the profile, drawn for "
      + "the clicker, without \"Back to the list\"; a second click of that member sends no second profile")
  void groupProfileIsAReply() {
    Shown list = h.inGroup("candidates for Backend Engineer");
    JsonNode row = list.buttons("more").get(0);

    FeatureHarness.Clicked opened = h.click(row, SmallTenant.RECRUITER_LI, "profile", Map.of());

    assertEquals(null, opened.card(), "the group's list stays");
    assertEquals("Profile of " + row.path("name").asText() + " sent below, in reply to this card", opened.toast());
    List<Shown> replies = h.repliesTo(opened.messageId());
    assertEquals(1, replies.size(), h.messenger.sent().toString());
    Shown profile = replies.get(0);
    assertEquals(row.path("name").asText(), profile.title(), profile.all());
    assertTrue(profile.buttons(LIST).isEmpty(), "no Back to the list: the list is right above: " + profile.all());
    assertFalse(profile.buttons(SharedActions.ADVANCE).isEmpty(), "drawn for the recruiter: " + profile.all());
  }

  @Test
  @DisplayName("a Profile click on a group's card is sent once per card, talent and clicker: a repeat sends nothing "
      + "more, another member gets the profile drawn for them")
  void groupProfileOncePerClicker() {
    ObjectNode button = profileButton(h.hire.talent("Carol Wu"));
    FeatureHarness.Clicked first = h.click(button, SmallTenant.RECRUITER_LI);
    assertEquals(1, h.repliesTo(first.messageId()).size(), h.messenger.sent().toString());

    // The same button of the same card, clicked again (a double click, a retried callback): nothing more is sent.
    FeatureHarness.Clicked again = h.clickOn(first.messageId(), button, SmallTenant.RECRUITER_LI);
    assertEquals(first.toast(), again.toast());
    assertEquals(1, h.repliesTo(first.messageId()).size(), h.messenger.sent().toString());

    // Another member asks too: the profile comes again, drawn for them (an interviewer: no Advance).
    h.clickOn(first.messageId(), button, SmallTenant.INTERVIEWER_LIU);
    List<Shown> replies = h.repliesTo(first.messageId());
    assertEquals(2, replies.size(), h.messenger.sent().toString());
    assertFalse(replies.get(0).buttons(SharedActions.ADVANCE).isEmpty(), replies.get(0).all());
    assertTrue(replies.get(1).buttons(SharedActions.ADVANCE).isEmpty(), replies.get(1).all());
  }

  @Test
  @DisplayName("a profile opened from a row's ⋯ menu has \"Back to the list\", which shows the list at the page it left")
  void profileLeadsBackToTheList() {
    FeatureHarness.Clicked opened = profileFromSecondPage();
    Shown profile = opened.card();

    // It offers "Back to the list", also once the living card is refreshed, which shows the list at page 2 again.
    assertEquals(List.of("Back to the list"), profile.labels(LIST), profile.all());
    Shown refreshed = h.rerender(opened.view(), SmallTenant.RECRUITER_LI);
    assertEquals(List.of("Back to the list"), refreshed.labels(LIST), refreshed.all());
    Shown back = h.click(profile.buttons(LIST).get(0), SmallTenant.RECRUITER_LI).card();
    assertTrue(back.title().contains("Backend Engineer") && back.contains("Page 2 of 2"), back.all());
  }

  @Test
  @DisplayName("Advance on that profile answers with the profile, still with \"Back to the list\"")
  void actionsKeepTheWayBack() {
    Shown profile = profileFromSecondPage().card();

    Shown advanced = h.click(profile.buttons(SharedActions.ADVANCE).get(0), SmallTenant.RECRUITER_LI).card();
    assertTrue(advanced.contains("Offer"), "moved to the next stage: " + advanced.all());
    assertEquals(List.of("Back to the list"), advanced.labels(LIST), advanced.all());
    Shown back = h.click(advanced.buttons(LIST).get(0), SmallTenant.RECRUITER_LI).card();
    assertTrue(back.contains("Page 2 of 2"), back.all());
  }

  @Test
  @DisplayName("a hire's profile offers no Advance and no Reject (Hire takes neither), only Add note; one in pending "
      + "onboarding Reject and Add note but no Advance, saying where the join is done")
  void profileOffersWhatHireTakes() {
    // GIVEN Owen Hu, onboarded on Ops Engineer, and Pia, in Backend Engineer's pending onboarding stage
    SmallTenant.addOpsWithHire(h.hire, h.clock);
    Talent pia = h.hire.addTalent("Pia Pending", "13955555555", "pia@example.com");
    h.hire.addApplication(SmallTenant.BACKEND, pia, SmallTenant.ONBOARDING, h.clock.instant());

    Shown owen = open(h.hire.talent("Owen Hu"), SmallTenant.RECRUITER_LI).card();
    Shown pending = open(pia, SmallTenant.RECRUITER_LI).card();

    // THEN Owen's has Add note only (on main: Advance, which Hire has nowhere to take, and Reject, refused with 1002205)
    assertEquals(List.of(), owen.buttons(SharedActions.ADVANCE), owen.all());
    assertEquals(List.of(), owen.buttons(SharedActions.REJECT), owen.all());
    assertEquals(1, owen.buttons(SharedActions.NOTE).size(), owen.all());
    // AND Pia's Reject and Add note, no Advance, and a line saying where she joins
    assertEquals(List.of(), pending.buttons(SharedActions.ADVANCE), pending.all());
    assertEquals(1, pending.buttons(SharedActions.REJECT).size(), pending.all());
    assertEquals(1, pending.buttons(SharedActions.NOTE).size(), pending.all());
    assertTrue(pending.contains("onboarding is done in Feishu Hire") && pending.contains("入职在飞书招聘中办理"),
        pending.all());
  }
}
