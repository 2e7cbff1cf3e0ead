package io.hirebot.feature.understanding;

import static io.hirebot.testing.SmallTenant.BACKEND;
import static io.hirebot.testing.SmallTenant.DATA;
import static io.hirebot.testing.SmallTenant.OFFER;
import static io.hirebot.testing.SmallTenant.SCREENING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hirebot.hire.Offer;
import io.hirebot.testing.FeatureHarness;
import io.hirebot.testing.RecordingMessenger;
import io.hirebot.testing.Shown;
import io.hirebot.testing.SmallTenant;
import io.hirebot.testing.TestFeatures;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Follow-ups of the last card a user was shown in a chat (issue 17, conversation context), through the features. */
class FollowUpsTest {
  private static final String BOB = "ou_user_bob";
  private static final String WHICH_JOB = "Which job?";
  private static final String WHICH_PERSON = "Which person?";

  @RegisterExtension
  final FeatureHarness h = FeatureHarness.start()
      .with(TestFeatures::candidates, TestFeatures::profile, TestFeatures::pipeline, TestFeatures::offers,
          TestFeatures::understanding, TestFeatures::typedActions, TestFeatures::interviews)
      .withLexicon();

  @BeforeEach
  void twoPagesOfBackend() {
    // Backend Engineer gets 11 candidates: Alice, Bob and Carol of the small tenant and 8 more in screening.
    for (int i = 0; i < 8; i++) {
      h.hire.addApplication(BACKEND, h.hire.addTalent("Later Person " + i, "1370000000" + i, "later" + i + "@x.com"),
          SCREENING, h.clock.instant().minus(Duration.ofDays(40 + i)));
    }
  }

  @Test
  @DisplayName("\"next page\" after a candidates list shows its second page; \"previous page\" after a pager click goes back")
  void nextAndPreviousPage() {
    Shown first = h.inGroup("candidates for Backend Engineer");
    assertTrue(first.contains("Page 1 of 2"), first.all());

    Shown second = h.inGroup("next page");
    assertTrue(second.title().contains("Backend Engineer") && second.contains("Page 2 of 2"), second.all());

    // A click on the first card's pager moves the context too: typed "上一页" then goes back from where the click went.
    Shown clicked = h.click(pager(first, 1), FeatureHarness.ALICE).card();
    assertTrue(clicked.contains("Page 2 of 2"), clicked.all());
    Shown back = h.inGroup("上一页");
    assertTrue(back.contains("Page 1 of 2"), back.all());
  }

  @Test
  @DisplayName("\"next page\" typed while the list's reply is still on its way (shown, Feishu's answer not back) reads "
      + "that list: the context is remembered before the send, not after it")
  void followUpWhileTheListIsStillBeingSent() throws Exception {
    RecordingMessenger.HeldReply held = h.messenger.holdNextReply();
    Future<Shown> first = h.inGroupPending("candidates for Backend Engineer");
    assertTrue(held.awaitSent().shown().contains("Page 1 of 2"), held.awaitSent().shown().all());

    Shown second = h.inGroup("next page");
    assertFalse(second.contains(WHICH_JOB), "read against the older context: " + second.all());
    assertTrue(second.title().contains("Backend Engineer") && second.contains("Page 2 of 2"), second.all());

    held.release();
    assertTrue(first.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).contains("Page 1 of 2"));
  }

  @Test
  @DisplayName("\"only the ones in interview\", then \"那数据科学家呢\": the filter, then the same question for another job")
  void stageFilterThenAnotherJob() {
    h.inGroup("candidates for Backend Engineer");

    Shown interview = h.inGroup("only the ones in interview");
    assertTrue(interview.contains("stage: **Interview**"), interview.all());
    assertTrue(interview.contains("**Carol Wu** · applied"), interview.all());
    assertFalse(interview.contains("**Alice Chen** · applied"), "Alice is in screening: " + interview.all());

    Shown data = h.inGroup("那数据科学家呢");
    assertTrue(data.title().contains("Data Scientist"), data.all());
    // The follow-up keeps the filter it follows: Data Scientist's interview stage is empty.
    assertFalse(data.contains("**Dan Ma** · applied"), data.all());
  }

  @Test
  @DisplayName("\"第二个人的简历\" opens the profile of the card's second row; \"her profile\" after a profile is that person")
  void secondPersonsProfile() {
    String second = nameOnRow(h.inGroup("candidates for Backend Engineer"), "advance", 1);
    assertProfileOf(second, h.inGroup("第二个人的简历"));

    Shown again = h.inGroup("his resume");
    assertTrue(again.title().contains(second), again.all());
  }

  @Test
  @DisplayName("context never crosses users or chats: Bob in the same group, and Alice privately, are asked which job")
  void neverCrossesUsersOrChats() {
    h.inGroup("candidates for Backend Engineer");

    Shown bob = h.inGroup(FeatureHarness.TEAM_CHAT, BOB, "next page");
    assertEquals(WHICH_JOB, bob.title(), bob.all());
    Shown alicePrivately = h.privately(FeatureHarness.ALICE, "next page");
    assertEquals(WHICH_JOB, alicePrivately.title(), alicePrivately.all());
    Shown bobsPerson = h.inGroup(FeatureHarness.TEAM_CHAT, BOB, "the second one");
    assertEquals(WHICH_PERSON, bobsPerson.title(), bobsPerson.all());

    // And Alice's own context in the group is still hers.
    assertTrue(h.inGroup("next page").contains("Page 2 of 2"));
  }

  @Test
  @DisplayName("\"next page\" after an offers card of one page pages that card: there is no page 2, it says, not "
      + "\"which job's candidates?\"; its rows still follow")
  void pageAfterAnotherListPagesThatList() {
    String first = nameOnRow(h.inGroup("offers"), "profile", 0);

    Shown none = h.inGroup("next page");
    assertFalse(none.isCard(), none.all());
    assertTrue(none.contains("This card has one page, so there is no page 2"), none.all());
    assertFalse(none.contains("candidates"), none.all());

    // Nothing new was shown: the offers card and its rows are still what follows.
    assertProfileOf(first, h.inGroup("the first one"));
  }

  @Test
  @DisplayName("\"next page\" after a job's offers shows their second page, which still answers \"offers for that job\": "
      + "\"what about Backend Engineer?\" asks the same of Backend")
  void pageOfOffersThenAnotherJob() {
    for (int i = 0; i < 10; i++) {
      var a = h.hire.addApplication(DATA, h.hire.addTalent("Offer Person " + i, "1380000000" + i, "o" + i + "@x.com"),
          OFFER, h.clock.instant().minus(Duration.ofDays(5)));
      h.hire.addOffer(new Offer("offer_more_" + i, a.id(), SmallTenant.OFFER_SENT, "", h.clock.instant()));
    }
    Shown first = h.inGroup("offers for Data Scientist");
    assertTrue(first.contains("Page 1 of 2"), first.all());

    Shown second = h.inGroup("next page");
    assertTrue(second.title().contains("Data Scientist") && second.contains("Page 2 of 2"), second.all());
    Shown back = h.inGroup("上一页");
    assertTrue(back.title().contains("Data Scientist") && back.contains("第 1/2 页"), back.all());

    Shown backend = h.inGroup("what about Backend Engineer?");
    assertTrue(backend.title().contains("Offers") && backend.title().contains("Backend Engineer"), backend.all());
  }

  @Test
  @DisplayName("\"page 2\" after a card with no pages (a pipeline): which job's candidates, saying there is no list to "
      + "page here")
  void pageAfterACardWithoutPages() {
    h.inGroup("pipeline for Backend Engineer");

    Shown asked = h.inGroup("page 2");
    assertEquals(WHICH_JOB, asked.title(), asked.all());
    assertTrue(asked.contains("There is no list to page in this chat"), asked.all());
    assertFalse(asked.contains("continues a list of candidates"), asked.all());
  }

  /** The name a card's row carries in its buttons' value ({@code action}), rows counted from 0. */
  private static String nameOnRow(Shown card, String action, int row) {
    String name = card.buttons(action).get(row).path("name").asText();
    assertFalse(name.isEmpty(), card.all());
    return name;
  }

  private static void assertProfileOf(String name, Shown profile) {
    assertTrue(profile.title().contains(name), "wanted " + name + "'s profile: " + profile.all());
  }

  @Test
  @DisplayName("after the window (10 minutes) a follow-up has nothing to follow and is asked about")
  void expiresAfterTheWindow() {
    h.inGroup("candidates for Backend Engineer");
    h.clock.advance(FeatureHarness.CONTEXT_WINDOW.plusSeconds(1));

    Shown asked = h.inGroup("只看面试中的");
    assertEquals("哪个职位？", asked.title(), asked.all());
  }

  @Test
  @DisplayName("\"Which job?\" offers each open job; a click runs the follow-up for it (here: the interview stage)")
  void whichJobButtonsRunTheFollowUp() {
    Shown asked = h.inGroup("only the ones in interview");
    assertEquals(WHICH_JOB, asked.title(), asked.all());
    assertTrue(asked.contains("Backend Engineer (BE-001)") && asked.contains("Data Scientist (DS-001)"), asked.all());
    assertFalse(asked.contains("FE-009"), "a closed job is no choice: " + asked.all());

    JsonNode backend = asked.buttons(UnderstandingFeature.RUN).stream()
        .filter(v -> v.path("args").path("jobQuery").asText().equals("BE-001")).findFirst().orElseThrow();
    Shown shown = h.click(backend, FeatureHarness.ALICE).card();
    assertTrue(shown.contains("stage: **Interview**") && shown.contains("**Carol Wu** · applied"), shown.all());

    // The click's list is now what follow-ups follow.
    assertTrue(h.inGroup("show everyone").contains("Page 1 of 2"));
  }

  @Test
  @DisplayName("a list whose stage filter a click set (not typed) is followed with that filter: \"那数据科学家呢\" "
      + "keeps it, and \"all stages\" clicked drops it")
  void clickSetFilterIsFollowed() {
    Shown asked = h.inGroup("only the ones in interview");
    JsonNode backend = asked.buttons(UnderstandingFeature.RUN).stream()
        .filter(v -> v.path("args").path("jobQuery").asText().equals("BE-001")).findFirst().orElseThrow();
    Shown filtered = h.click(backend, FeatureHarness.ALICE).card();
    assertTrue(filtered.contains("stage: **Interview**"), filtered.all());

    Shown data = h.inGroup("那数据科学家呢");
    assertTrue(data.title().contains("Data Scientist"), data.all());
    assertFalse(data.contains("**Dan Ma** · applied"), "the clicked list's filter is kept: " + data.all());

    // The list's own "all stages" button widens it; what follows is then every stage.
    Shown listed = h.inGroup("candidates for Backend Engineer in interview");
    Shown widened = h.click(listed.buttons("candidates.page").stream().filter(v -> !v.has("stages")).findFirst()
        .orElseThrow(), FeatureHarness.ALICE).card();
    assertTrue(widened.contains("Page 1 of 2"), widened.all());
    Shown next = h.inGroup("next page");
    assertTrue(next.contains("Page 2 of 2"), "unfiltered after the widening click: " + next.all());
  }

  @Test
  @DisplayName("\"the second one\" or \"move the second one to interview\" after a card showing one person: "
      + "\"Which person?\", never that one person offered as the only choice")
  void positionPastACardOfOne() {
    h.inGroup("candidate Alice Chen");

    Shown second = h.inGroup("the second one");
    assertEquals(WHICH_PERSON, second.title(), second.all());
    Shown move = h.inGroup("move the second one to interview");
    assertEquals(WHICH_PERSON, move.title(), move.all());
    assertFalse(move.contains("Alice Chen"), move.all());
  }

  @Test
  @DisplayName("\"same for sales manager\" after a candidates list, for a job the tenant does not have: the same "
      + "question for it, answered with the closest jobs, not the help card; a person on the card is not read as a job")
  void otherJobNobodyHas() {
    h.inGroup("candidates for Backend Engineer");

    Shown sales = h.inGroup("same for sales manager");
    assertEquals("No job matches “sales manager”", sales.title(), sales.all());
    assertFalse(sales.contains("I did not understand"), sales.all());
    Shown director = h.inGroup("那销售总监呢");
    assertEquals("没有找到职位“销售总监”", director.title(), director.all());
    // Nothing near: some open jobs are offered, not called the closest (they are not)
    Shown astronaut = h.inGroup("same for astronaut");
    assertTrue(astronaut.contains("None is close. Some open jobs:"), astronaut.all());
    assertFalse(astronaut.contains("Closest"), astronaut.all());

    // "what about Alice Chen": Alice Chen is on the Backend list, not a job: not answered as a job search
    h.inGroup("candidates for Backend Engineer");
    Shown alice = h.inGroup("what about Alice Chen");
    assertFalse(alice.title().startsWith("No job matches"), alice.all());
  }

  @Test
  @DisplayName("\"pipeline for that job\" and \"what about frontend\" with nothing shown: asked, never guessed")
  void noContextQuestions() {
    Shown pipeline = h.inGroup("pipeline for that job");
    assertEquals(WHICH_JOB, pipeline.title(), pipeline.all());
    Shown person = h.inGroup("her profile");
    assertEquals(WHICH_PERSON, person.title(), person.all());
    assertTrue(person.buttons(UnderstandingFeature.RUN).isEmpty());

    h.inGroup("candidates for Backend Engineer");
    Shown funnel = h.inGroup("pipeline for that job");
    assertTrue(funnel.title().contains("Backend Engineer"), funnel.all());
  }

  @Test
  @DisplayName("\"把他推进到下一轮\" after Carol's profile: the typed advance's confirmation card for Carol, and no write")
  void advanceHimAsksToConfirm() {
    String li = io.hirebot.testing.SmallTenant.RECRUITER_LI;
    h.inGroup(FeatureHarness.TEAM_CHAT, li, "candidate Carol Wu");

    Shown card = h.inGroup(FeatureHarness.TEAM_CHAT, li, "把他推进到下一轮");
    assertTrue(card.contains("Carol Wu"), card.all());
    assertEquals(1, card.buttons("typed.cancel").size(), "a confirmation card: " + card.all());
    assertTrue(h.hire.calls("transferStage").isEmpty(), h.hire.calls().toString());

    // On a list, "reject the second one" is about the second row; "advance him" there asks which one.
    Shown list = h.inGroup(FeatureHarness.TEAM_CHAT, li, "candidates for Backend Engineer");
    String second = list.buttons("advance").get(1).path("name").asText();
    Shown reject = h.inGroup(FeatureHarness.TEAM_CHAT, li, "reject the second one");
    assertTrue(reject.contains(second) && reject.buttons("typed.cancel").size() == 1, reject.all());
    h.inGroup(FeatureHarness.TEAM_CHAT, li, "candidates for Backend Engineer");
    Shown which = h.inGroup(FeatureHarness.TEAM_CHAT, li, "advance him");
    assertEquals(8, which.buttons(UnderstandingFeature.RUN).size(), "a profile button per row: " + which.all());
    assertTrue(h.hire.calls("terminate").isEmpty() && h.hire.calls("transferStage").isEmpty());
  }

  private static JsonNode pager(Shown card, int page) {
    List<JsonNode> pages = card.buttons("candidates.page").stream().filter(v -> v.path("page").asInt() == page)
        .toList();
    assertFalse(pages.isEmpty(), card.all());
    return pages.get(0);
  }

  @Test
  @DisplayName("\"candidates backend next monday\" asks: the job's candidates, or next week's interviews; each button runs")
  void dayToComeAsks() {
    Shown ask = h.inGroup("candidates Backend Engineer next monday");
    List<JsonNode> readings = ask.buttons(UnderstandingFeature.RUN);
    assertEquals(2, readings.size(), ask.all());
    assertTrue(ask.contains("interviews next week"), ask.all());

    Shown interviews = h.click(readings.get(1), FeatureHarness.ALICE).card();
    assertTrue(interviews.title().toLowerCase(java.util.Locale.ROOT).contains("interview"), interviews.all());
    Shown candidates = h.click(readings.get(0), FeatureHarness.ALICE).card();
    assertTrue(candidates.title().contains("Backend Engineer"), candidates.all());
  }
}
