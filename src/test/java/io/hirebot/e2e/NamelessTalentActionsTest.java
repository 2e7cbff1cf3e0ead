package io.hirebot.e2e;

import static io.hirebot.e2e.BotHarness.TIMEOUT;
import static io.hirebot.e2e.BotHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.sandbox.CardActionSpec;
import io.hirebot.sandbox.EphemeralCard;
import io.hirebot.sandbox.ImState;
import io.hirebot.sandbox.MessageSpec;
import io.hirebot.sandbox.PushResult;
import io.hirebot.sandbox.SentMessage;
import io.hirebot.sandbox.hire.Application;
import io.hirebot.sandbox.hire.DemoTenant;
import io.hirebot.sandbox.hire.Job;
import io.hirebot.sandbox.hire.Stage;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A talent Hire sends without a name (null or blank) is named by its id in what the buttons answer too, as on the
 * list cards: the forms, toasts and outcomes read "Move ** to …" and "Rejected  " before.
 */
class NamelessTalentActionsTest {
  private static final String RECRUITER = DemoTenant.RECRUITER_LI;
  @RegisterExtension
  final BotHarness h = BotHarness.encrypted();
  private Job job;
  private Stage first;
  private Stage second;

  @BeforeEach
  void start() {
    Job backend = h.sandbox.hire().jobByCode("BE-001").orElseThrow();
    job = h.sandbox.hire().addJob("Nameless Job", "NL-002", backend.processId(), RECRUITER,
        backend.hiringManagerIds().get(0));
    List<Stage> stages = h.sandbox.hire().stagesOf(job.id());
    first = stages.get(0);
    second = stages.get(1);
  }

  /** The group's candidates card of the job, asked for by the recruiter. */
  private SentMessage card() {
    PushResult ask = await(h.sandbox.events().message(MessageSpec.group(ImState.DEMO_TEAM_CHAT)
        .from(RECRUITER).mentioningBot().text("candidates for job NL-002")));
    return await(h.sandbox.im().awaitMessage(m -> ask.messageId().equals(m.parentId()), TIMEOUT));
  }

  private Application nameless(String name) {
    String talent = h.sandbox.hire().addTalent(name, "13900000001", "nameless@example.com").id();
    return h.sandbox.hire().addApplication(job.id(), talent, first.id());
  }

  private JsonObject value(String action, Application a) {
    return new JsonObject().put("action", action).put("application_id", a.id()).put("job_id", job.id())
        .put("talent_id", a.talentId()).put("stage_id", a.stageId()).put("page", 0).put("lang", "en_us");
  }

  private PushResult click(SentMessage card, JsonObject value) {
    return await(h.sandbox.events().cardAction(CardActionSpec.on(card.messageId()).by(RECRUITER).tag("button")
        .value(value)));
  }

  private EphemeralCard form() {
    return h.sandbox.im().ephemeralCards().stream().filter(e -> e.openId().equals(RECRUITER)).reduce((x, y) -> y)
        .orElseThrow(() -> new AssertionError("no form for " + RECRUITER));
  }

  /** What a person reads on a card: its texts, without the buttons' callback values (which carry the ids). */
  private static String shown(Object card) {
    StringBuilder out = new StringBuilder();
    texts(new JsonObject(card.toString()).getMap(), out);
    return out.toString();
  }

  private static void texts(Object node, StringBuilder out) {
    if (node instanceof java.util.Map<?, ?> m) {
      m.forEach((k, v) -> {
        if ("content".equals(k) && v instanceof String text) {
          out.append(text).append('\n');
        } else if (!"behaviors".equals(k) && !"value".equals(k)) {
          texts(v, out);
        }
      });
    } else if (node instanceof List<?> list) {
      list.forEach(e -> texts(e, out));
    }
  }

  private static void named(String shown, Application a) {
    assertTrue(shown.contains(a.talentId()), a.talentId() + " in " + shown);
    assertFalse(shown.contains("****") || shown.contains("** **") || shown.contains("null"), shown);
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "  "})
  @DisplayName("advance: the toast and the card's outcome name the nameless talent by its id")
  void advance(String name) {
    Application a = nameless(name);
    SentMessage card = card();
    PushResult r = click(card, value("advance", a));
    assertEquals("success", r.jsonBody().getJsonObject("toast", new JsonObject()).getString("type"), r.body());
    assertEquals(second.id(), h.sandbox.hire().application(a.id()).orElseThrow().stageId());
    named(shown(r.jsonBody().getJsonObject("toast")), a);
    named(shown(h.sandbox.im().message(card.messageId()).orElseThrow().currentContent()), a);
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "  "})
  @DisplayName("reject, move and note: each form names the nameless talent by its id")
  void forms(String name) {
    Application a = nameless(name);
    SentMessage card = card();
    for (String option : List.of("reject", "move", "note")) {
      int before = h.sandbox.im().ephemeralCards().size();
      CardActionSpec spec = CardActionSpec.on(card.messageId()).by(RECRUITER);
      await(h.sandbox.events().cardAction("reject".equals(option) ? spec.tag("button").value(value("reject", a))
          : spec.tag("overflow").value(value("more", a)).option(option)));
      assertTrue(h.sandbox.im().ephemeralCards().size() > before, option + " opened no form");
      named(shown(form().card()), a);
    }
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "  "})
  @DisplayName("Profile from the row's menu: the profile that arrives is titled with the talent's id")
  void profile(String name) {
    Application a = nameless(name);
    SentMessage card = card();
    com.fasterxml.jackson.databind.JsonNode more = card.currentContent().findValues("value").stream()
        .filter(v -> "more".equals(v.path("action").asText()) && a.id().equals(v.path("application_id").asText()))
        .findFirst().orElseThrow(() -> new AssertionError("no menu for " + a.id() + " on " + card.currentContent()));
    await(h.sandbox.events().cardAction(CardActionSpec.on(card.messageId()).by(RECRUITER).tag("overflow")
        .option("profile").value(new JsonObject(more.toString()))));
    SentMessage profile = new CardThreads(h).awaitReplyTo(card);
    assertEquals(a.talentId(), CardThreads.title(profile.currentContent()), profile.currentContent().toString());
    named(shown(profile.currentContent()), a);
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "  "})
  @DisplayName("\"Full details (private)\" of a nameless talent searches no talent by their id as a name, and "
      + "names them by it privately")
  void privateDetailsSearchNoId(String name) {
    Application a = nameless(name);
    SentMessage card = card();
    com.fasterxml.jackson.databind.JsonNode more = card.currentContent().findValues("value").stream()
        .filter(v -> "more".equals(v.path("action").asText()) && a.id().equals(v.path("application_id").asText()))
        .findFirst().orElseThrow(() -> new AssertionError("no menu for " + a.id() + " on " + card.currentContent()));
    await(h.sandbox.events().cardAction(CardActionSpec.on(card.messageId()).by(RECRUITER).tag("overflow")
        .option("profile").value(new JsonObject(more.toString()))));
    SentMessage profile = new CardThreads(h).awaitReplyTo(card);
    com.fasterxml.jackson.databind.JsonNode details = profile.currentContent().findValues("value").stream()
        .filter(v -> "profile.private".equals(v.path("action").asText())).findFirst()
        .orElseThrow(() -> new AssertionError("no Full details on " + profile.currentContent()));
    int before = h.sandbox.im().messages().size();
    PushResult clicked = await(h.sandbox.events().cardAction(CardActionSpec.on(profile.messageId()).by(RECRUITER)
        .tag("button").value(new JsonObject(details.toString()))));
    assertEquals(200, clicked.status(), clicked.body());
    SentMessage sent = await(h.sandbox.im().awaitMessage(m -> h.sandbox.im().messages().indexOf(m) >= before
        && !m.chatId().equals(profile.chatId()), TIMEOUT));
    named(shown(sent.currentContent()), a);
    assertEquals(0, h.sandbox.requests().all().stream().filter(r -> r.is("GET", "/open-apis/hire/v1/talents")
        && a.talentId().equals(r.queryParam("keyword"))).count(), "a talent search for the id");
  }
}
