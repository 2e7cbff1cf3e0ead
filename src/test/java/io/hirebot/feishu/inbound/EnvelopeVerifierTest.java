package io.hirebot.feishu.inbound;

import static io.hirebot.feishu.inbound.Webhooks.KEY;
import static io.hirebot.feishu.inbound.Webhooks.TOKEN;
import static io.hirebot.feishu.inbound.Webhooks.encrypted;
import static io.hirebot.feishu.inbound.Webhooks.fixture;
import static io.hirebot.feishu.inbound.Webhooks.legacySigned;
import static io.hirebot.feishu.inbound.Webhooks.signed;
import static io.hirebot.feishu.inbound.Webhooks.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hirebot.feishu.inbound.Verification.Accepted;
import io.hirebot.feishu.inbound.Verification.Challenge;
import io.hirebot.feishu.inbound.Verification.Rejected;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every rule of the webhook contract: 401 forged or stale, 400 malformed, never an exception. */
class EnvelopeVerifierTest {

  static final long NOW = 1_700_000_000L;
  static final String TS = Long.toString(NOW);
  static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
  static final ObjectMapper JSON = new ObjectMapper();

  static EnvelopeVerifier verifier(String token, String key) {
    return new EnvelopeVerifier(token, key, CLOCK);
  }

  static int status(Verification v) {
    return assertInstanceOf(Rejected.class, v).status();
  }

  @Nested
  @DisplayName("With an encrypt key configured")
  class WithKey {
    final EnvelopeVerifier verifier = verifier(TOKEN, KEY);

    @Test
    @DisplayName("A signed encrypted event is accepted with the decrypted JSON")
    void signedEncryptedEvent() throws Exception {
      byte[] plain = fixture("im_message_p2p_text.json");
      byte[] body = encrypted(plain, KEY);
      Verification v = verifier.verify(signed(TS, body, KEY), body);
      assertEquals(JSON.readTree(plain), assertInstanceOf(Accepted.class, v).plain());
    }

    @ParameterizedTest
    @ValueSource(strings = {"im_message_group_mention.json", "im_message_p2p_text.json", "im_message_post_with_at.json",
        "card_action_trigger.json", "im_chat_member_bot_added.json", "v1_p2p_chat_create.json"})
    @DisplayName("Every event fixture, encrypted and signed, is accepted and maps to a record")
    void everyFixtureThroughTheEdge(String fixture) throws Exception {
      byte[] plain = fixture(fixture);
      byte[] body = encrypted(plain, KEY);
      Accepted accepted = assertInstanceOf(Accepted.class, verifier.verify(signed(TS, body, KEY), body));
      assertEquals(JSON.readTree(plain), accepted.plain());
      assertEquals(new InboundMapper(() -> "ou_bot").map(JSON.readTree(plain)), new InboundMapper(() -> "ou_bot").map(accepted.plain()));
    }

    @Test
    @DisplayName("A signed plain event is accepted as is")
    void signedPlainEvent() throws Exception {
      byte[] body = fixture("card_action_trigger.json");
      Verification v = verifier.verify(signed(TS, body, KEY), body);
      assertEquals(JSON.readTree(body), assertInstanceOf(Accepted.class, v).plain());
    }

    @Test
    @DisplayName("A forged signature is 401")
    void forgedSignature() {
      byte[] body = encrypted(fixture("im_message_p2p_text.json"), KEY);
      Map<String, String> headers = new HashMap<>(signed(TS, body, KEY));
      headers.put(EnvelopeVerifier.SIGNATURE, FeishuCrypto.sha256Signature(TS, "abc", "other key", body));
      assertEquals(401, status(verifier.verify(headers, body)));
    }

    @Test
    @DisplayName("A body changed after signing is 401")
    void tamperedBody() {
      byte[] body = fixture("card_action_trigger.json");
      Map<String, String> headers = signed(TS, body, KEY);
      byte[] tampered = new String(body).replace("approve", "reject_").getBytes();
      assertEquals(401, status(verifier.verify(headers, tampered)));
    }

    @Test
    @DisplayName("The signature must be lower-case hex exactly")
    void upperCaseSignatureRefused() {
      byte[] body = fixture("card_action_trigger.json");
      Map<String, String> headers = new HashMap<>(signed(TS, body, KEY));
      headers.computeIfPresent(EnvelopeVerifier.SIGNATURE, (k, s) -> s.toUpperCase());
      assertEquals(401, status(verifier.verify(headers, body)));
    }

    @Test
    @DisplayName("A plain body without a signature is 401 even with the right token")
    void plainUnsigned() {
      assertEquals(401, status(verifier.verify(Map.of(), fixture("im_message_group_mention.json"))));
    }

    @Test
    @DisplayName("An encrypted event without a signature is 401 although it decrypts")
    void encryptedUnsigned() {
      byte[] body = encrypted(fixture("im_message_group_mention.json"), KEY);
      assertEquals(401, status(verifier.verify(Map.of(), body)));
    }

    @Test
    @DisplayName("A signature without a timestamp header is 401")
    void signatureWithoutTimestamp() {
      byte[] body = fixture("card_action_trigger.json");
      Map<String, String> headers = new HashMap<>(signed(TS, body, KEY));
      headers.remove(EnvelopeVerifier.TIMESTAMP);
      Rejected r = assertInstanceOf(Rejected.class, verifier.verify(headers, body));
      assertEquals(new Rejected(401, "missing x-lark-request-timestamp"), r);
    }

    @ParameterizedTest(name = "timestamp {0} is outside the window")
    @ValueSource(longs = {NOW - 301, NOW + 301, (NOW - 301) * 1000, 0})
    @DisplayName("A correctly signed but stale or future timestamp is 401")
    void staleTimestamp(long timestamp) {
      byte[] body = fixture("card_action_trigger.json");
      Verification v = verifier.verify(signed(Long.toString(timestamp), body, KEY), body);
      assertEquals(new Rejected(401, "timestamp outside the replay window"), v);
    }

    @ParameterizedTest(name = "event timestamp {0} is inside Feishu's retry horizon")
    @ValueSource(longs = {NOW - 301, NOW - 3600, NOW - 6 * 3600 - 5 * 60 - 15, NOW - 7 * 3600, NOW + 300})
    @DisplayName("A correctly signed event is accepted for as long as Feishu may re-push it (retries may keep the first timestamp)")
    void retriedEvent(long timestamp) {
      byte[] body = fixture("im_message_group_mention.json");
      assertInstanceOf(Accepted.class, verifier.verify(signed(Long.toString(timestamp), body, KEY), body));
    }

    @ParameterizedTest(name = "event timestamp {0} is outside the window")
    @ValueSource(longs = {NOW - 7 * 3600 - 36 * 60, NOW - 24 * 3600, NOW + 301})
    @DisplayName("A correctly signed event older than Feishu's retry horizon (or from the future) is 401")
    void eventBeyondHorizon(long timestamp) {
      byte[] body = fixture("im_message_group_mention.json");
      assertEquals(new Rejected(401, "timestamp outside the replay window"),
          verifier.verify(signed(Long.toString(timestamp), body, KEY), body));
    }

    @Test
    @DisplayName("An hour-old timestamp with a forged signature is 401")
    void forgedOldEvent() {
      byte[] body = fixture("im_message_group_mention.json");
      Map<String, String> headers = new HashMap<>(signed(Long.toString(NOW - 3600), body, KEY));
      headers.put(EnvelopeVerifier.SIGNATURE, "0".repeat(64));
      assertEquals(401, status(verifier.verify(headers, body)));
    }

    @ParameterizedTest(name = "timestamp {0} is inside the window")
    @ValueSource(longs = {NOW - 300, NOW + 299, (NOW - 299) * 1000, NOW * 1000 + 999})
    @DisplayName("Timestamps inside the window, in seconds or milliseconds, are accepted")
    void freshTimestamp(long timestamp) {
      byte[] body = fixture("card_action_trigger.json");
      assertInstanceOf(Accepted.class, verifier.verify(signed(Long.toString(timestamp), body, KEY), body));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "1.7e9", "99999999999999999999", "-9223372036854775808"})
    @DisplayName("An unparseable timestamp header is 401")
    void badTimestamp(String timestamp) {
      byte[] body = fixture("card_action_trigger.json");
      assertEquals(401, status(verifier.verify(signed(timestamp, body, KEY), body)));
    }

    @Test
    @DisplayName("The encrypted url_verification (unsigned, reference vector) is answered with its challenge")
    void encryptedChallenge() {
      Verification v = verifier.verify(Map.of(), fixture("url_verification_encrypted.json"));
      assertEquals(new Challenge("ajls384kdjx98XX"), v);
    }

    @Test
    @DisplayName("An encrypted url_verification naming another token is 401")
    void encryptedChallengeWrongToken() {
      byte[] body = encrypted(utf8("{\"challenge\":\"x\",\"token\":\"evil\",\"type\":\"url_verification\"}"), KEY);
      assertEquals(401, status(verifier.verify(Map.of(), body)));
    }

    @Test
    @DisplayName("A plain url_verification is answered only when it names our token")
    void plainChallenge() {
      assertEquals(new Challenge("ajls384kdjx98XX"), verifier.verify(Map.of(), fixture("url_verification_plain.json")));
      byte[] wrong = utf8("{\"challenge\":\"x\",\"token\":\"evil\",\"type\":\"url_verification\"}");
      assertEquals(401, status(verifier.verify(Map.of(), wrong)));
    }

    @Test
    @DisplayName("Without a token configured, decrypting with our key is the proof of a url_verification")
    void keyOnlyChallenge() {
      EnvelopeVerifier keyOnly = verifier(null, KEY);
      assertEquals(new Challenge("ajls384kdjx98XX"), keyOnly.verify(Map.of(), fixture("url_verification_encrypted.json")));
      assertEquals(401, status(keyOnly.verify(Map.of(), fixture("url_verification_plain.json"))));
    }

    @Test
    @DisplayName("A url_verification encrypted with another key is 401")
    void challengeWithOtherKey() {
      byte[] body = encrypted(fixture("url_verification_plain.json"), "other key");
      assertEquals(401, status(verifier.verify(Map.of(), body)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"encrypt\":\"not base64!!\"}", "{\"encrypt\":\"AAECAwQFBgcICQoLDA0ODw==\"}", "{\"encrypt\":42}"})
    @DisplayName("A signed body whose encrypt field is broken is 400; unsigned it is 401")
    void brokenEncrypt(String json) {
      byte[] body = utf8(json);
      assertEquals(400, status(verifier.verify(signed(TS, body, KEY), body)));
      assertEquals(401, status(verifier.verify(Map.of(), body)));
    }

    @Test
    @DisplayName("The encrypted body is read the same whatever its JSON spelling: spaces, an escaped '/' in the base64 "
        + "or \\u0041 in the base64 (read by the general parser); a second encrypt field or trailing data is 400")
    void encryptedBodySpellings() throws Exception {
      byte[] plain = fixture("im_message_group_mention.json");
      String base64 = JSON.readTree(encrypted(plain, KEY)).get("encrypt").asText();
      java.util.List<String> bodies = new java.util.ArrayList<>(java.util.List.of(
          "{\"encrypt\":\"" + base64 + "\"}",
          " \r\n{ \"encrypt\" :\t\"" + base64 + "\" }\n",
          "{\"encrypt\":\"" + base64.replace("/", "\\/").replace("A", "\\u0041") + "\"}"));
      for (String text : bodies) {
        byte[] body = utf8(text);
        Accepted accepted = assertInstanceOf(Accepted.class, verifier.verify(signed(TS, body, KEY), body), text);
        assertEquals(JSON.readTree(plain), accepted.plain(), text);
      }
      for (String text : new String[] {
          "{\"encrypt\":\"AAAA\",\"encrypt\":\"" + base64 + "\"}",
          "{\"encrypt\":\"" + base64 + "\",\"encrypt\":\"" + base64 + "\"}",
          "{\"encrypt\":\"" + base64 + "\"} {}",
          "{\"encrypt\":\"" + base64 + "\"}]"}) {
        byte[] body = utf8(text);
        assertEquals(400, status(verifier.verify(signed(TS, body, KEY), body)), text);
      }
    }

    @Test
    @DisplayName("A signed encrypted event whose plaintext repeats a key is 400: the signed text and the value read "
        + "could differ")
    void duplicateKeyInPlaintext() {
      for (String text : new String[] {
          "{\"schema\":\"2.0\",\"header\":{\"event_id\":\"e1\",\"event_type\":\"x\",\"token\":\"a\",\"token\":\"b\"}}",
          "{\"schema\":\"2.0\",\"schema\":\"2.0\",\"header\":{\"event_id\":\"e1\",\"event_type\":\"x\"}}",
          "{\"schema\":\"2.0\",\"header\":{\"event_id\":\"e1\",\"event_type\":\"x\"},\"event\":{\"a\":[{\"b\":1,\"b\":2}]}}"}) {
        byte[] body = encrypted(utf8(text), KEY);
        assertEquals(400, status(verifier.verify(signed(TS, body, KEY), body)), text);
      }
    }

    @Test
    @DisplayName("A signed body that decrypts to something other than a JSON object is 400")
    void decryptsToNonJson() {
      byte[] body = encrypted(utf8("hello world"), KEY);
      assertEquals(400, status(verifier.verify(signed(TS, body, KEY), body)));
    }

    @Test
    @DisplayName("A legacy card callback signed with SHA-1 over the verification token is accepted")
    void legacyCard() throws Exception {
      byte[] body = fixture("card_action_legacy.json");
      Verification v = verifier.verify(legacySigned(TS, body, TOKEN), body);
      assertEquals(JSON.readTree(body), assertInstanceOf(Accepted.class, v).plain());
      assertEquals(401, status(verifier.verify(legacySigned(TS, body, "other"), body)));
      assertEquals(401, status(verifier.verify(Map.of(), body)));
    }

    @Test
    @DisplayName("The SHA-1 signature is accepted only for the legacy card shape")
    void legacySignatureOnlyForLegacyShape() {
      byte[] body = fixture("im_message_group_mention.json");
      assertEquals(401, status(verifier.verify(legacySigned(TS, body, TOKEN), body)));
    }

    @Test
    @DisplayName("A stale legacy card callback is 401")
    void staleLegacyCard() {
      byte[] body = fixture("card_action_legacy.json");
      assertEquals(401, status(verifier.verify(legacySigned(Long.toString(NOW - 3600), body, TOKEN), body)));
    }
  }

  @Nested
  @DisplayName("With only a verification token configured")
  class TokenOnly {
    final EnvelopeVerifier verifier = verifier(TOKEN, null);

    @ParameterizedTest
    @ValueSource(strings = {"im_message_group_mention.json", "card_action_trigger.json", "v1_p2p_chat_create.json"})
    @DisplayName("v2 header.token and v1 top-level token are accepted when they match")
    void rightToken(String fixture) {
      assertInstanceOf(Accepted.class, verifier.verify(Map.of(), fixture(fixture)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"im_message_group_mention.json", "card_action_trigger.json", "v1_p2p_chat_create.json"})
    @DisplayName("A wrong token is 401")
    void wrongToken(String fixture) {
      byte[] body = new String(fixture(fixture)).replace("\"vt_test\"", "\"vt_evil\"").getBytes();
      assertEquals(401, status(verifier.verify(Map.of(), body)));
    }

    @Test
    @DisplayName("A missing token is 401, and a top-level token does not stand in for header.token")
    void missingToken() {
      assertEquals(401, status(verifier.verify(Map.of(), utf8("{\"schema\":\"2.0\",\"header\":{\"event_id\":\"e\"},\"token\":\"vt_test\"}"))));
      assertEquals(401, status(verifier.verify(Map.of(), utf8("{\"type\":\"event_callback\",\"uuid\":\"u\"}"))));
    }

    @Test
    @DisplayName("url_verification is answered when its token matches, 401 otherwise")
    void challenge() {
      assertEquals(new Challenge("ajls384kdjx98XX"), verifier.verify(Map.of(), fixture("url_verification_plain.json")));
      byte[] wrong = utf8("{\"challenge\":\"x\",\"token\":\"evil\",\"type\":\"url_verification\"}");
      assertEquals(401, status(verifier.verify(Map.of(), wrong)));
    }

    @Test
    @DisplayName("A url_verification without a challenge is 400")
    void challengeMissing() {
      assertEquals(400, status(verifier.verify(Map.of(), utf8("{\"token\":\"vt_test\",\"type\":\"url_verification\"}"))));
    }

    @Test
    @DisplayName("An encrypted body is 400 naming FEISHU_ENCRYPT_KEY")
    void encryptedWithoutKey() {
      Rejected r = assertInstanceOf(Rejected.class, verifier.verify(Map.of(), fixture("url_verification_encrypted.json")));
      assertEquals(400, r.status());
      assertTrue(r.reason().contains("FEISHU_ENCRYPT_KEY"), r.reason());
    }

    @Test
    @DisplayName("A legacy card callback is verified by its SHA-1 signature, not by its c- token")
    void legacyCard() {
      byte[] body = fixture("card_action_legacy.json");
      assertInstanceOf(Accepted.class, verifier.verify(legacySigned(TS, body, TOKEN), body));
      assertEquals(401, status(verifier.verify(Map.of(), body)));
      byte[] withOurToken = new String(body).replace("c-legacy0123456789", TOKEN).getBytes();
      assertEquals(401, status(verifier.verify(Map.of(), withOurToken)));
    }

    @Test
    @DisplayName("A timestamp header beyond Feishu's retry horizon is 401 even where no signature is needed")
    void staleTimestamp() {
      Map<String, String> headers = Map.of(EnvelopeVerifier.TIMESTAMP, Long.toString(NOW - 8 * 3600));
      assertEquals(401, status(verifier.verify(headers, fixture("im_message_group_mention.json"))));
    }
  }

  @Nested
  @DisplayName("With neither secret configured (tests only)")
  class Open {
    final EnvelopeVerifier verifier = verifier(null, " ");

    @Test
    @DisplayName("Any well-formed envelope is accepted and url_verification answered")
    void acceptsAll() {
      byte[] wrong = new String(fixture("im_message_group_mention.json")).replace("vt_test", "x").getBytes();
      assertInstanceOf(Accepted.class, verifier.verify(Map.of(), wrong));
      assertEquals(new Challenge("ajls384kdjx98XX"), verifier.verify(null, fixture("url_verification_plain.json")));
    }

    @Test
    @DisplayName("An encrypted body is still 400")
    void encrypted() {
      assertEquals(400, status(verifier.verify(Map.of(), fixture("url_verification_encrypted.json"))));
    }
  }

  @Nested
  @DisplayName("Malformed bodies")
  class Malformed {
    @ParameterizedTest
    @ValueSource(strings = {"", " ", "null", "[]", "\"s\"", "42", "{", "{\"a\":1} {}", "{\"a\":1,\"a\":2}", "not json"})
    @DisplayName("Anything but one JSON object is 400 whatever the configuration")
    void notAnObject(String text) {
      byte[] body = utf8(text);
      for (EnvelopeVerifier v : new EnvelopeVerifier[] {verifier(TOKEN, KEY), verifier(TOKEN, null), verifier(null, null)}) {
        assertEquals(400, status(v.verify(signed(TS, body, KEY), body)), text);
      }
    }

    @Test
    @DisplayName("Invalid UTF-8 and UTF-16 are 400; a null body is 400")
    void notUtf8() {
      EnvelopeVerifier v = verifier(TOKEN, null);
      byte[] latin1 = {'{', '"', 'a', '"', ':', '"', (byte) 0xE9, '"', '}'};
      assertEquals(400, status(v.verify(Map.of(), latin1)));
      assertEquals(400, status(v.verify(Map.of(), "{\"token\":\"vt_test\"}".getBytes(java.nio.charset.StandardCharsets.UTF_16))));
      assertEquals(400, status(v.verify(Map.of(), null)));
    }

    @Test
    @DisplayName("Random and truncated bodies never throw and never get through")
    void neverThrows() {
      Random random = new Random(42);
      EnvelopeVerifier v = verifier(TOKEN, KEY);
      byte[] good = encrypted(fixture("im_message_group_mention.json"), KEY);
      for (int i = 0; i < 2000; i++) {
        byte[] body = i % 2 == 0 ? new byte[random.nextInt(64)] : java.util.Arrays.copyOf(good, random.nextInt(good.length));
        if (i % 2 == 0) {
          random.nextBytes(body);
        }
        Verification result = v.verify(signed(TS, good, KEY), body);
        assertInstanceOf(Rejected.class, result);
      }
    }
  }
}
