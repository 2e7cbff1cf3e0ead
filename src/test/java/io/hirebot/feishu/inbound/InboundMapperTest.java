package io.hirebot.feishu.inbound;

import static io.hirebot.feishu.inbound.Webhooks.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.bot.inbound.BotAddedToChat;
import io.hirebot.bot.inbound.BotRemovedFromChat;
import io.hirebot.bot.inbound.CardAction;
import io.hirebot.bot.inbound.ChatRef;
import io.hirebot.bot.inbound.ChatRef.ChatType;
import io.hirebot.bot.inbound.HireEvent;
import io.hirebot.bot.inbound.InboundEvent;
import io.hirebot.bot.inbound.IncomingMessage;
import io.hirebot.bot.inbound.UnhandledEvent;
import io.hirebot.bot.inbound.UserRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Fixture envelopes → the bot's inbound records, field by field (records compare by value). */
class InboundMapperTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final UserRef ALICE = new UserRef("ou_alice", "on_alice", "alice");
  final InboundMapper mapper = new InboundMapper(() -> "ou_bot");

  static ObjectNode json(String text) {
    try {
      return (ObjectNode) JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ObjectNode load(String fixture) {
    return json(new String(fixture(fixture), java.nio.charset.StandardCharsets.UTF_8));
  }

  static Stream<Arguments> fixtures() {
    return Stream.of(
        Arguments.of("im_message_group_mention.json", new IncomingMessage("ev_0001", "om_0001",
            new ChatRef("oc_team", ChatType.GROUP), ALICE, "text", "show candidates for @Bob", true,
            Instant.ofEpochMilli(1_700_000_000_123L))),
        Arguments.of("im_message_p2p_text.json", new IncomingMessage("ev_0002", "om_0002",
            new ChatRef("oc_p2p_alice", ChatType.P2P), ALICE, "text", "jobs", false,
            Instant.ofEpochMilli(1_700_000_001_000L))),
        Arguments.of("im_message_post_with_at.json", new IncomingMessage("ev_0003", "om_0003",
            new ChatRef("oc_team", ChatType.GROUP), ALICE, "post",
            "Hiring\nshow candidates for job Backend\ncc @Bob see spec", true,
            Instant.ofEpochMilli(1_700_000_002_000L))),
        Arguments.of("card_action_trigger.json", new CardAction("ev_cb_01", ALICE, "om_card_01", "oc_team",
            "c-0123456789abcdef", "button",
            json("{\"action\":\"candidates.approve\",\"candidate\":\"c42\",\"page\":2}"), "phone",
            Map.of("note", "strong", "stage", "onsite", "score", 4, "tags", List.of("java", "go")), "hello")),
        Arguments.of("card_action_legacy.json", new CardAction(
            CardActions.legacyEventId("om_card_02", "c-legacy0123456789"),
            new UserRef("ou_alice", null, "alice"), "om_card_02", "oc_team", "c-legacy0123456789", "button",
            json("{\"action\":\"candidates.page\",\"page\":3}"), null, Map.of(), null)),
        Arguments.of("im_chat_member_bot_added.json",
            new BotAddedToChat("ev_0004", "oc_new", ALICE, "Backend hiring")),
        Arguments.of("im_chat_member_bot_deleted.json", new BotRemovedFromChat("ev_0006", "oc_new", ALICE)),
        Arguments.of("v1_p2p_chat_create.json", new UnhandledEvent("uuid_0005", "p2p_chat_create")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  @DisplayName("Each fixture maps to the expected record")
  void mapsFixture(String fixture, InboundEvent expected) {
    assertEquals(expected, mapper.map(load(fixture)));
  }

  @Test
  @DisplayName("The mapped card action reads its action name from value.action")
  void cardActionName() {
    assertEquals("candidates.approve", ((CardAction) mapper.map(load("card_action_trigger.json"))).actionName());
  }

  @ParameterizedTest(name = "update_time {0}")
  @CsvSource({
      "1764630000123, 1764630000123",      // milliseconds, as the SDK model documents it
      "'\"1764630000123\"', 1764630000123", // milliseconds as a string of digits
      "1764630000, 1764630000000",         // seconds, as other Hire times arrive
      "'\"1764630000\"', 1764630000000",    // seconds as a string of digits
      "99999999999, 99999999999000",       // the largest value read as seconds (the year 5138)
      "100000000000, 100000000000",        // the smallest read as milliseconds (March 1973)
      "'null', 0"})                        // absent: unknown
  @DisplayName("A stage change's update_time in seconds or milliseconds (a number or a string) is read as its moment")
  void stageChangeTime(String updateTime, long expectedMillis) {
    ObjectNode plain = json("{\"schema\":\"2.0\",\"header\":{\"event_id\":\"ev_hire_1\","
        + "\"event_type\":\"hire.application.stage_changed_v1\"},\"event\":{\"application_id\":\"6992822358\","
        + "\"origin_stage_id\":\"6960663240925956573\",\"target_stage_id\":\"6960663240925956574\","
        + "\"update_time\":" + updateTime + "}}");
    assertEquals(new HireEvent.StageChanged("ev_hire_1", "6992822358", "6960663240925956573", "6960663240925956574",
        expectedMillis), mapper.map(plain));
  }

  @Test
  @DisplayName("An unknown v2 event type is an UnhandledEvent with its id and type")
  void unhandledV2() {
    ObjectNode plain = load("im_chat_member_bot_added.json");
    ((ObjectNode) plain.get("header")).put("event_type", "im.message.reaction.created_v1");
    assertEquals(new UnhandledEvent("ev_0004", "im.message.reaction.created_v1"), mapper.map(plain));
  }

  @Test
  @DisplayName("A legacy card id is stable for one click and differs between clicks, and hides the token")
  void legacyIdStable() {
    String id = CardActions.legacyEventId("om_card_02", "c-1");
    assertEquals(id, CardActions.legacyEventId("om_card_02", "c-1"));
    assertNotEquals(id, CardActions.legacyEventId("om_card_02", "c-2"));
    assertTrue(id.matches("legacy_[0-9a-f]{32}"), id);
  }

  @Test
  @DisplayName("A string or missing action.value becomes an empty object; a missing form_value an empty map")
  void cardValueNotObject() {
    ObjectNode plain = load("card_action_trigger.json");
    ObjectNode action = (ObjectNode) plain.at("/event/action");
    action.put("value", "approve");
    action.remove("form_value");
    CardAction mapped = (CardAction) mapper.map(plain);
    assertEquals(JSON.createObjectNode(), mapped.value());
    assertEquals(Map.of(), mapped.formValue());
    action.remove("value");
    assertEquals(JSON.createObjectNode(), ((CardAction) mapper.map(plain)).value());
  }

  @Test
  @DisplayName("Without message.create_time the envelope's create_time is used")
  void createdAtFallback() {
    ObjectNode plain = load("im_message_p2p_text.json");
    ((ObjectNode) plain.at("/event/message")).remove("create_time");
    assertEquals(Instant.ofEpochMilli(1_700_000_001_000L), ((IncomingMessage) mapper.map(plain)).createdAt());
  }

  @Test
  @DisplayName("Before the bot's open_id is known, no mention counts as the bot's")
  void botIdUnknown() {
    IncomingMessage m = (IncomingMessage) new InboundMapper(() -> null).map(load("im_message_group_mention.json"));
    assertEquals("@HireBot show candidates for @Bob", m.text());
    assertEquals(false, m.mentionsBot());
  }

  @Test
  @DisplayName("A non-text message keeps its type and has empty text")
  void imageMessage() {
    ObjectNode plain = load("im_message_p2p_text.json");
    ObjectNode message = (ObjectNode) plain.at("/event/message");
    message.put("message_type", "image").put("content", "{\"image_key\":\"img_1\"}");
    IncomingMessage m = (IncomingMessage) mapper.map(plain);
    assertEquals("image", m.messageType());
    assertEquals("", m.text());
  }

  @ParameterizedTest(name = "{0} without {1}/{2}")
  @CsvSource({
    "im_message_group_mention.json, /header, event_id",
    "im_message_group_mention.json, /header, event_type",
    "im_message_group_mention.json, '', header",
    "im_message_group_mention.json, '', event",
    "im_message_group_mention.json, /event, message",
    "im_message_group_mention.json, /event/message, message_id",
    "im_message_group_mention.json, /event/message, chat_id",
    "im_message_group_mention.json, /event/message, content",
    "card_action_trigger.json, /event, action",
    "card_action_legacy.json, '', token",
    "im_chat_member_bot_added.json, /event, chat_id",
    "v1_p2p_chat_create.json, '', uuid",
    "v1_p2p_chat_create.json, /event, type",
  })
  @DisplayName("A missing required field is a MalformedEventException naming it")
  void missingField(String fixture, String parent, String field) {
    ObjectNode plain = load(fixture);
    ((ObjectNode) plain.at(parent)).remove(field);
    MalformedEventException e = assertThrows(MalformedEventException.class, () -> mapper.map(plain));
    assertTrue(e.getMessage().contains(field), e.getMessage());
  }

  @Test
  @DisplayName("Without create_time anywhere, or with content that is not JSON, a message is malformed")
  void malformedMessage() {
    ObjectNode noTime = load("im_message_p2p_text.json");
    ((ObjectNode) noTime.at("/event/message")).remove("create_time");
    ((ObjectNode) noTime.get("header")).remove("create_time");
    assertThrows(MalformedEventException.class, () -> mapper.map(noTime));
    ObjectNode badContent = load("im_message_p2p_text.json");
    ((ObjectNode) badContent.at("/event/message")).put("content", "{text");
    assertThrows(MalformedEventException.class, () -> mapper.map(badContent));
  }

  @Test
  @DisplayName("url_verification, an empty object, a non-object and null are not events")
  void notEvents() {
    for (JsonNode node : new JsonNode[] {load("url_verification_plain.json"), json("{}"), JSON.createArrayNode(), null}) {
      assertThrows(MalformedEventException.class, () -> mapper.map(node));
    }
  }

  @Test
  @DisplayName("A message's dedup key is its message_id, an unhandled event's its event id")
  void dedupKeys() {
    assertEquals("msg:om_0001", mapper.map(load("im_message_group_mention.json")).dedupKey());
    assertInstanceOf(UnhandledEvent.class, mapper.map(load("v1_p2p_chat_create.json")));
    assertEquals("ev:uuid_0005", mapper.map(load("v1_p2p_chat_create.json")).dedupKey());
  }
}
