package io.hirebot.e2e;

import static io.hirebot.e2e.BotHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.config.ConfigLoader;
import io.hirebot.feature.candidates.CandidatesFeature;
import io.hirebot.feishu.inbound.FeishuCrypto;
import io.hirebot.testing.Eventually;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Hostile and broken webhook requests against a running bot: each gets a short 400 or 401 (or the 200 the protocol
 * asks for), never a 500, a stack trace or no answer at all; none is stored or answered in a chat; the bot serves on.
 */
class HostileWebhookTest {
  @RegisterExtension
  static final BotHarness h = BotHarness.encrypted();
  private static final String KEY = ConfigLoader.SANDBOX_ENCRYPT_KEY;
  private static final String TOKEN = ConfigLoader.SANDBOX_VERIFICATION_TOKEN;
  private static final String NONCE = "hostile";
  /** Well under the harness's 20 s: a request left unanswered fails its case quickly, naming it. */
  private static final int ANSWER_MS = 3000;

  private record Answer(int status, String body) {}

  @Test
  @DisplayName("refused requests: bodies, encryption, plaintexts, headers and methods of every wrong shape get a short "
      + "400/401/405, nothing is stored or sent, and the bot still serves")
  void refusedAndNothingChanges() throws Exception {
    long stored = settledEvents();
    long imCalls = h.sandbox.requests().count("POST", "/open-apis/im/.*");
    List<String> wrong = new ArrayList<>();
    // Bodies, unsigned.
    expect(wrong, 400, "empty", post(MultiMap.caseInsensitiveMultiMap(), new byte[0]));
    expect(wrong, 400, "not JSON", post(MultiMap.caseInsensitiveMultiMap(), utf8("hello")));
    for (String shape : List.of("[]", "5", "\"s\"", "null", "{} {}", "{\"a\":1,\"a\":2}")) {
      expect(wrong, 400, "body " + shape, post(MultiMap.caseInsensitiveMultiMap(), utf8(shape)));
    }
    expect(wrong, 400, "100,000 '['", post(MultiMap.caseInsensitiveMultiMap(), utf8("[".repeat(100_000))));
    expect(wrong, 400, "100,000 '{\"a\":'", post(MultiMap.caseInsensitiveMultiMap(), utf8("{\"a\":".repeat(100_000))));
    expect(wrong, 400, "invalid UTF-8", post(MultiMap.caseInsensitiveMultiMap(),
        new byte[] {'{', '"', (byte) 0xff, (byte) 0xfe, '"', ':', '1', '}'}));
    expect(wrong, 413, "3 MB", post(MultiMap.caseInsensitiveMultiMap(), new byte[3_000_000]));
    // The encrypt field, correctly signed: broken rather than forged.
    for (String sealed : List.of("", "!!!", "AA==AA==", b64(new byte[16]), b64(new byte[40]), b64(new byte[48]))) {
      expect(wrong, 400, "encrypt '" + sealed + "'", signedPost(utf8("{\"encrypt\":\"" + sealed + "\"}")));
    }
    expect(wrong, 400, "encrypt 5", signedPost(utf8("{\"encrypt\":5}")));
    expect(wrong, 400, "bad padding", signedPost(sealedRaw(utf8("{\"a\":1}\0\0\0\0\0\0\0\0\0"))));
    byte[] notUtf8 = new byte[16];
    java.util.Arrays.fill(notUtf8, (byte) 0xc3); // lead bytes with no continuation, then one byte of padding
    notUtf8[15] = 1;
    expect(wrong, 400, "plaintext not UTF-8", signedPost(sealedRaw(notUtf8)));
    // Decrypted plaintexts of the wrong shape.
    for (String plain : List.of("", "not json", "[]", "5", "null", "{}", "{\"header\":5}",
        v2Raw("{\"event_id\":{},\"event_type\":\"im.message.receive_v1\"}", "[]"),
        v2Raw("{\"event_id\":\"ev_hostile_1\",\"event_type\":5}", "{}"),
        v2Raw("{\"event_id\":\"ev_hostile_2\",\"event_type\":\"im.message.receive_v1\"}", "[]"),
        v2Raw("{\"event_id\":\"ev_hostile_3\",\"event_type\":\"card.action.trigger\"}", "{\"action\":[]}"),
        "{\"type\":\"url_verification\",\"challenge\":5,\"token\":\"" + TOKEN + "\"}",
        "{\"type\":\"url_verification\",\"challenge\":{},\"token\":\"" + TOKEN + "\"}",
        "{\"type\":\"event_callback\",\"uuid\":5,\"event\":[]}")) {
      expect(wrong, 400, "plaintext " + plain, signedPost(sealed(plain)));
    }
    expect(wrong, 401, "url_verification, token 5",
        signedPost(sealed("{\"type\":\"url_verification\",\"challenge\":\"c\",\"token\":5}")));
    // Headers.
    byte[] body = sealed(v2("im.message.receive_v1", "ev_hostile_4", "{}"));
    for (String timestamp : List.of("abc", "", "1e10", "99999999999999999999999", "-9223372036854775808",
        "9223372036854775807")) {
      expect(wrong, 401, "timestamp '" + timestamp + "'", post(signed(timestamp, body), body));
    }
    expect(wrong, 401, "signature too short", post(signed(now(), body).set("X-Lark-Signature", "ab"), body));
    expect(wrong, 401, "signature too long", post(signed(now(), body).set("X-Lark-Signature",
        FeishuCrypto.sha256Signature(now(), NONCE, KEY, body) + "00"), body));
    expect(wrong, 401, "no nonce", post(signed(now(), body).remove("X-Lark-Request-Nonce"), body));
    for (HttpMethod method : List.of(HttpMethod.GET, HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.valueOf("FOO"))) {
      expect(wrong, 405, method + " /webhook/card", send(method, "/webhook/card", signed(now(), body), body));
    }
    assertEquals(List.of(), wrong);

    assertEquals(stored, settledEvents(), "a refused request stored nothing");
    assertEquals(imCalls, h.sandbox.requests().count("POST", "/open-apis/im/.*"), "nor sent anything");
    assertEquals(200, await(h.web.getAbs(h.bot.url("/healthz")).send()).statusCode());
  }

  @Test
  @DisplayName("a signed Hire stage change whose update_time no Instant holds is taken (the time read as unknown), "
      + "not left without an answer")
  void updateTimeOutOfRange() throws Exception {
    // -2^63 is beyond Instant's range in seconds; -10^16 s is an Instant, but not one in milliseconds of a long.
    for (String time : List.of("-9223372036854775808", "-10000000000000000")) {
      String eventId = "ev_hostile_time" + time.length();
      Answer answer = signedPost(sealed(v2("hire.application.stage_changed_v1", eventId,
          "{\"application_id\":\"app_hostile\",\"target_stage_id\":\"stage_hostile\",\"update_time\":" + time + "}")));
      assertEquals(new Answer(200, "{\"msg\":\"success\"}"), answer, time);
      // A claim is durable in the journal before the 200 and reaches the table within a copy's delay.
      assertTrue(Eventually.holds(() -> storedEvents(" WHERE event_key = 'ev:" + eventId + "'") == 1, 10),
          "taken, so not lost: " + time);
    }
    assertEquals(200, await(h.web.getAbs(h.bot.url("/healthz")).send()).statusCode());
  }

  @Test
  @DisplayName("a signed message whose sender has no open_id to answer (a number, an object without one, an empty or "
      + "misshapen one) is refused with a short 400, not taken and then retried until its attempts run out")
  void senderWithoutOpenId() throws Exception {
    long stored = settledEvents();
    List<String> wrong = new ArrayList<>();
    int n = 0;
    for (String sender : List.of("{\"sender_id\":5,\"sender_type\":\"user\"}",
        "{\"sender_id\":{},\"sender_type\":\"user\"}",
        "{\"sender_id\":{\"open_id\":\"\",\"union_id\":\"on_x\"},\"sender_type\":\"user\"}",
        "{\"sender_id\":{\"open_id\":5},\"sender_type\":\"user\"}",
        "{\"sender_id\":{\"open_id\":\"../x\"},\"sender_type\":\"user\"}", "5", "{}")) {
      String message = "{\"message_id\":\"om_hostile_sender_" + (++n) + "\",\"chat_id\":\"oc_demo_team\","
          + "\"chat_type\":\"p2p\",\"message_type\":\"text\",\"create_time\":\"" + System.currentTimeMillis()
          + "\",\"content\":\"{\\\"text\\\":\\\"help\\\"}\"}";
      expect(wrong, 400, "sender " + sender, signedPost(sealed(v2("im.message.receive_v1", "ev_hostile_sender_" + n,
          "{\"sender\":" + sender + ",\"message\":" + message + "}"))));
    }
    assertEquals(List.of(), wrong);
    assertEquals(stored, settledEvents(), "a refused message stored nothing");
  }

  @Test
  @DisplayName("signed clicks with made-up action names get the unknown-action toast and are counted under one "
      + "'unknown' series, not one metric series per name a sender makes up")
  void madeUpActionNames() {
    for (int i = 1; i <= 3; i++) {
      Answer answer = click("made_up_" + i, "ev_hostile_click_" + i);
      assertEquals(200, answer.status(), answer.body());
      assertTrue(answer.body().contains("toast"), answer.body());
    }
    // A name a feature handles keeps its own series (a pager of a card the bot never sent: answered, not acted on).
    assertEquals(200, click(CandidatesFeature.PAGE, "ev_hostile_click_page").status());
    assertEquals(List.of(), h.registry.find("hirebot.card.actions").counters().stream()
        .map(c -> c.getId().getTag("action")).filter(name -> name.startsWith("made_up")).toList());
    assertEquals(3.0, h.registry.find("hirebot.card.actions").tag("action", "unknown").counter().count());
    assertEquals(1.0, h.registry.find("hirebot.card.actions").tag("action", CandidatesFeature.PAGE).counter().count());
  }

  private Answer click(String action, String eventId) {
    String event = "{\"operator\":{\"open_id\":\"ou_recruiter_li\"},\"token\":\"c-hostile\",\"action\":"
        + "{\"tag\":\"button\",\"value\":{\"action\":\"" + action + "\"}},\"context\":"
        + "{\"open_message_id\":\"om_hostile\",\"open_chat_id\":\"oc_demo_team\"}}";
    byte[] body = sealed(v2("card.action.trigger", eventId, event));
    return send(HttpMethod.POST, "/webhook/card", signed(now(), body), body);
  }

  private static void expect(List<String> wrong, int status, String what, Answer answer) {
    boolean clean = answer.body().length() < 200 && !answer.body().contains("Exception") && !answer.body().contains("\tat ");
    if (answer.status() != status || !clean) {
      wrong.add(what + " -> " + answer.status() + " " + answer.body());
    }
  }

  private Answer signedPost(byte[] body) {
    return post(signed(now(), body), body);
  }

  private Answer post(MultiMap headers, byte[] body) {
    return send(HttpMethod.POST, "/webhook/event", headers, body);
  }

  /** The answer, or status -1 when there was none within {@link #ANSWER_MS}. */
  private Answer send(HttpMethod method, String path, MultiMap headers, byte[] body) {
    HttpClient client = h.vertx.createHttpClient();
    try {
      return await(client.request(new RequestOptions().setMethod(method).setAbsoluteURI(h.bot.url(path))
          .setTimeout(ANSWER_MS)).compose(req -> {
            req.headers().addAll(headers);
            return req.send(Buffer.buffer(body)).compose(r -> r.body().map(b -> new Answer(r.statusCode(), b.toString())));
          }).recover(e -> io.vertx.core.Future.succeededFuture(new Answer(-1, "no answer: " + e))),
          Duration.ofMillis(2 * ANSWER_MS));
    } finally {
      client.close();
    }
  }

  private static MultiMap signed(String timestamp, byte[] body) {
    return MultiMap.caseInsensitiveMultiMap().add("Content-Type", "application/json")
        .add("X-Lark-Request-Timestamp", timestamp).add("X-Lark-Request-Nonce", NONCE)
        .add("X-Lark-Signature", FeishuCrypto.sha256Signature(timestamp, NONCE, KEY, body));
  }

  private static String now() {
    return String.valueOf(System.currentTimeMillis() / 1000);
  }

  private static String v2(String type, String eventId, String event) {
    return v2Raw("{\"event_id\":\"" + eventId + "\",\"event_type\":\"" + type + "\",\"create_time\":\""
        + System.currentTimeMillis() + "\",\"token\":\"" + TOKEN + "\"}", event);
  }

  private static String v2Raw(String header, String event) {
    return "{\"schema\":\"2.0\",\"header\":" + header + ",\"event\":" + event + "}";
  }

  private static byte[] sealed(String plain) {
    return utf8("{\"encrypt\":\"" + FeishuCrypto.encrypt(plain, KEY, new byte[16]) + "\"}");
  }

  /** {@code {"encrypt":…}} of whole blocks encrypted without padding, so the plaintext's own last byte is the "padding". */
  private static byte[] sealedRaw(byte[] blocks) {
    try {
      Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, FeishuCrypto.aesKey(KEY), new IvParameterSpec(new byte[16]));
      byte[] sealed = cipher.doFinal(blocks);
      byte[] raw = new byte[16 + sealed.length];
      System.arraycopy(sealed, 0, raw, 16, sealed.length);
      return utf8("{\"encrypt\":\"" + b64(raw) + "\"}");
    } catch (java.security.GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  private static String b64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Rows of processed_events once no copy from the claim journal is adding any (the same count twice, 400 ms apart:
   * longer than a copy's delay), so that other tests' claims do not land between a test's two counts.
   */
  private static long settledEvents() throws Exception {
    long[] last = {-1};
    assertTrue(Eventually.holds(() -> {
      long before = storedEvents("");
      Thread.sleep(400);
      long after = storedEvents("");
      last[0] = after;
      return before == after;
    }, 10), "the claims table kept changing");
    return last[0];
  }

  /** Rows of processed_events (the events taken), those {@code where} selects. */
  private static long storedEvents(String where) {
    return h.inDatabase(c -> {
      try (var q = c.prepareStatement("SELECT COUNT(*) FROM processed_events" + where); var r = q.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    });
  }
}
