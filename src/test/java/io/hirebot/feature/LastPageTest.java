package io.hirebot.feature;

import static io.hirebot.testing.SmallTenant.BACKEND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hirebot.bot.Toast;
import io.hirebot.hire.Application;
import io.hirebot.hire.HireTask;
import io.hirebot.testing.FeatureHarness;
import io.hirebot.testing.Shown;
import io.hirebot.testing.SmallTenant;
import io.hirebot.testing.TestFeatures;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * "Next page" on a list card past the list's end (the list shrank since the card was sent): every paged list shows
 * its last real page, and the toast says that was the last page, in the card's language, instead of "Page 3".
 */
class LastPageTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  final FeatureHarness h = FeatureHarness.start().with(TestFeatures::candidates, TestFeatures::profile,
      TestFeatures::jobs, TestFeatures::offers, TestFeatures::interviews, TestFeatures::tasks);

  @Test
  @DisplayName("candidates: page 2 of a list that shrank to one page shows page 1, toasting that it was the last")
  void candidatesShrank() {
    // GIVEN Backend Engineer's card at page 1 of 2
    SmallTenant.addLaterPeople(h.hire, h.clock);
    Shown card = h.inGroup("candidates for Backend Engineer");
    assertTrue(card.contains("Page 1 of 2"), card.all());
    JsonNode next = card.button("candidates.page", "page", 1);
    // WHEN the list shrinks to one page (people rejected in Hire) and "next page" is clicked on the old card
    for (int i = 0; i < SmallTenant.LATER_PEOPLE; i++) {
      h.hire.terminated(h.hire.applicationOf(h.hire.talent("Later Person " + i), BACKEND).id());
    }
    h.cachedHire.invalidateJob(BACKEND.id());
    FeatureHarness.Clicked clicked = h.click(next, SmallTenant.RECRUITER_LI);

    // THEN the toast says so and the card shows the one page there is, with its rows
    assertEquals("That was the last page", clicked.toast());
    assertEquals(Toast.Type.INFO, clicked.toastType());
    assertTrue(clicked.card().contains("Alice Chen") && !clicked.card().contains("Page 2"), clicked.card().all());
  }

  @Test
  @DisplayName("candidates: a typed page past the end shows the last page and says it is the last")
  void typedPagePastTheEnd() {
    SmallTenant.addLaterPeople(h.hire, h.clock);
    assertTrue(h.inGroup("candidates for Backend Engineer").contains("Page 1 of 2"));
    Shown last = h.inGroup("page 5");
    assertTrue(last.contains("Page 2 of 2") && last.contains("There are 2 pages; this is the last."), last.all());
    Shown zh = h.inGroup("第9页");
    assertTrue(zh.contains("共 2 页，这是最后一页。"), zh.all());
  }

  @ParameterizedTest(name = "{0} in {2}")
  @CsvSource(delimiter = '|', textBlock = """
      jobs       | {"action":"jobs.page","keyword":"","page":2}                                 | en_us | Backend Engineer | That was the last page
      jobs       | {"action":"jobs.page","keyword":"","page":2}                                 | zh_cn | Backend Engineer | 已经是最后一页了
      candidates | {"action":"candidates.page","job_id":"job_backend","page":2}                 | zh_cn | Alice Chen       | 已经是最后一页了
      offers     | {"action":"offers.page","job_id":"","pending":false,"page":2}                | en_us | 张伟             | That was the last page
      interviews | {"action":"interviews.page","period":"UPCOMING","mine":false,"page":2}       | en_us | Carol Wu         | That was the last page
      tasks      | {"action":"tasks.page","page":2}                                             | zh_cn | Carol Wu         | 已经是最后一页了
      profile    | {"action":"profile.page","talent_id":"CAROL","name":"Carol Wu","page":2}     | en_us | Backend Engineer | That was the last page
      """)
  @DisplayName("a stale card's page past the end of each paged list: its last page, and the toast says so")
  void everyList(String list, String value, String lang, String row, String toast) throws Exception {
    Application carol = h.hire.applicationOf(h.hire.talent("Carol Wu"), BACKEND);
    h.hire.addTask(SmallTenant.RECRUITER_LI, new HireTask(HireTask.Kind.EVALUATION, "evaluation_carol",
        BACKEND.id(), carol.talentId(), carol.id()));
    JsonNode stale = ((com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(
        value.replace("CAROL", carol.talentId()))).put("lang", lang);

    FeatureHarness.Clicked clicked = h.click(stale, SmallTenant.RECRUITER_LI);

    assertEquals(toast, clicked.toast(), list);
    assertTrue(clicked.card() != null && clicked.card().contains(row), list + ": " + clicked.card());
  }
}
