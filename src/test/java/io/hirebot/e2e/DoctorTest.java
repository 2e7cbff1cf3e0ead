package io.hirebot.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.app.Doctor;
import io.hirebot.config.ConfigLoader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code hirebot doctor} against the sandbox (FEISHU_BASE_URL pointed at it) and a running bot behind a "public" URL. */
class DoctorTest {
  @RegisterExtension
  static final BotHarness h = BotHarness.encrypted();

  @AfterEach
  void allScopesAgain() {
    h.sandbox.scopes().grantAll();
  }

  record Run(int exit, String output) {}

  private static Map<String, String> env() {
    return envFor(h);
  }

  /** What an operator sets to check the app behind {@code h}'s sandbox, with {@code h}'s bot as the public URL. */
  static Map<String, String> envFor(BotHarness h) {
    Map<String, String> env = new HashMap<>();
    env.put("FEISHU_APP_ID", h.config.feishu().appId());
    env.put("FEISHU_APP_SECRET", h.config.feishu().appSecret());
    env.put("FEISHU_VERIFICATION_TOKEN", ConfigLoader.SANDBOX_VERIFICATION_TOKEN);
    env.put("FEISHU_ENCRYPT_KEY", ConfigLoader.SANDBOX_ENCRYPT_KEY);
    env.put("FEISHU_BASE_URL", h.sandbox.baseUrl());
    env.put("HIREBOT_PUBLIC_URL", h.bot.url(""));
    return env;
  }

  static Run doctor(Map<String, String> env) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int exit = Doctor.run(env, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    System.out.println("--- doctor output (exit " + exit + ") ---\n" + out);
    return new Run(exit, out);
  }

  @Test
  @DisplayName("with every scope and the bot reachable, doctor passes: token, identity, each scope, both URLs")
  void allGood() {
    Run r = doctor(env());
    assertEquals(0, r.exit(), r.output());
    assertTrue(r.output().contains("ok    token"), r.output());
    assertTrue(r.output().contains("ok    bot: HireBot open_id=ou_hirebot"), r.output());
    assertTrue(r.output().contains("ok    scope hire:offer:readonly"), r.output());
    assertTrue(r.output().contains("/webhook/event answers Feishu's url_verification"), r.output());
    assertTrue(r.output().contains("/webhook/card answers Feishu's url_verification"), r.output());
    assertTrue(r.output().contains("WARN  " + h.bot.url("/metrics") + " answers anyone: set HIREBOT_METRICS_TOKEN"),
        r.output());
    assertFalse(r.output().contains("FAIL"), r.output());
  }

  @Test
  @DisplayName("a tenant without hire:offer:readonly and hire:note: doctor names both, says how to fix, exits 1")
  void missingScopes() {
    h.sandbox.scopes().revoke("hire:offer:readonly", "hire:offer", "hire:offer:low_sensitive_info:readonly", "hire:note");
    Run r = doctor(env());
    assertEquals(1, r.exit(), r.output());
    assertTrue(r.output().contains("FAIL  scope hire:offer:readonly is missing (offer status in profiles"), r.output());
    assertTrue(r.output().contains("/app/" + h.config.feishu().appId() + "/auth?q=hire:offer:readonly"), r.output());
    assertTrue(r.output().contains("FAIL  scope hire:note is missing (Add note)"), r.output());
    assertTrue(r.output().contains("ok    scope hire:note:readonly"), "the read scope is still there: " + r.output());
    assertTrue(r.output().contains("doctor: 2 problem(s) to fix"), r.output());
  }

  @Test
  @DisplayName("a wrong secret fails at the token with the fix, and nothing after it is claimed")
  void wrongSecret() {
    Map<String, String> env = env();
    env.put("FEISHU_APP_SECRET", "not-the-secret");
    Run r = doctor(env);
    assertEquals(1, r.exit(), r.output());
    assertTrue(r.output().contains("FAIL  token: code 10014"), r.output());
    assertTrue(r.output().contains("FEISHU_APP_SECRET"), r.output());
    assertFalse(r.output().contains("ok    scope"), r.output());
  }

  @Test
  @DisplayName("a bot with another verification token behind the public URL fails the URL check")
  void urlOfAnotherBot() {
    Map<String, String> env = env();
    env.put("FEISHU_ENCRYPT_KEY", "another key");
    env.put("FEISHU_VERIFICATION_TOKEN", "another-token");
    Run r = doctor(env);
    assertTrue(r.output().contains("FAIL  URL " + h.bot.url("/webhook/event")), r.output());
    env.put("HIREBOT_PUBLIC_URL", "http://127.0.0.1:1");
    Run down = doctor(env);
    assertTrue(down.output().contains("is unreachable"), down.output());
  }

  @Test
  @DisplayName("without FEISHU_APP_ID doctor says it checks a real app and exits 2")
  void noCredentials() {
    Run r = doctor(Map.of());
    assertEquals(2, r.exit());
    assertTrue(r.output().contains("FEISHU_APP_ID is not set"), r.output());
  }
}
