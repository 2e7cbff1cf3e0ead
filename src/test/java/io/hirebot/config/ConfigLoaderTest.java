package io.hirebot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {
  private static final Map<String, String> REAL = Map.of("FEISHU_APP_ID", "cli_x", "FEISHU_APP_SECRET", "s",
      "FEISHU_VERIFICATION_TOKEN", "vt");

  @Test
  @DisplayName("no FEISHU_APP_ID means sandbox mode with DESIGN §3 defaults")
  void defaults() {
    BotConfig c = ConfigLoader.load(Map.of(), List.of());
    assertTrue(c.sandbox());
    assertEquals(8080, c.port());
    assertEquals(ZoneId.of("Asia/Shanghai"), c.timezone());
    assertEquals(BotConfig.Mode.WEBHOOK, c.mode());
    assertTrue(c.dbUrl().startsWith("jdbc:h2:file:./data/"));
  }

  @Test
  @DisplayName("credentials switch to real Feishu; PORT works when HIREBOT_PORT is absent; base URL loses its slash")
  void real() {
    var env = new java.util.HashMap<>(REAL);
    env.put("PORT", "9000");
    env.put("FEISHU_BASE_URL", "https://open.larksuite.com/");
    env.put("HIREBOT_ADMINS", "ou_a, ou_b");
    BotConfig c = ConfigLoader.load(env, List.of());
    assertFalse(c.sandbox());
    assertEquals(9000, c.port());
    assertEquals("https://open.larksuite.com", c.feishu().baseUrl());
    assertEquals(2, c.admins().size());
    assertFalse(c.feishu().toString().contains("\"s\""));
  }

  @org.junit.jupiter.api.Test
  @org.junit.jupiter.api.DisplayName("audit entries are kept 180 days unless HIREBOT_AUDIT_RETENTION_DAYS says otherwise")
  void auditRetention() {
    assertEquals(java.time.Duration.ofDays(180), ConfigLoader.load(REAL, List.of()).auditRetention());
    var env = new java.util.HashMap<>(REAL);
    env.put("HIREBOT_AUDIT_RETENTION_DAYS", "30");
    assertEquals(java.time.Duration.ofDays(30), ConfigLoader.load(env, List.of()).auditRetention());
  }

  @ParameterizedTest(name = "{0}={1} fails naming the variable")
  @CsvSource({
      "HIREBOT_PORT, 99999", "HIREBOT_PORT, abc", "HIREBOT_TIMEZONE, Mars/Base", "HIREBOT_MODE, pigeon",
      "FEISHU_BASE_URL, ftp://x", "HIREBOT_REMINDER_MINUTES, 0", "HIREBOT_FEEDBACK_ESCALATE_HOURS, soon", "HIREBOT_TASK_NUDGE_HOURS, 0", "HIREBOT_ADMINS, alice", "HIREBOT_CARDS_DIR, /no/such/dir",
      "HIREBOT_POLL_INTERVAL, 5", "HIREBOT_POLL_INTERVAL, soon", "HIREBOT_AUDIT_RETENTION_DAYS, 0",
      "HIREBOT_AUDIT_RETENTION_DAYS, forever"})
  void badValues(String variable, String value) {
    var env = new java.util.HashMap<>(REAL);
    env.put(variable, value);
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(env, List.of()));
    assertTrue(e.getMessage().startsWith(variable + ":"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
  }

  @Test
  @DisplayName("an app id without secret, or without any way to verify webhooks, stops start-up")
  void incompleteCredentials() {
    assertThrows(ConfigException.class, () -> ConfigLoader.load(Map.of("FEISHU_APP_ID", "cli_x"), List.of()));
    ConfigException e = assertThrows(ConfigException.class,
        () -> ConfigLoader.load(Map.of("FEISHU_APP_ID", "cli_x", "FEISHU_APP_SECRET", "s"), List.of()));
    assertTrue(e.getMessage().startsWith("FEISHU_VERIFICATION_TOKEN"));
  }

  @Test
  @DisplayName("--sandbox forces sandbox mode even with credentials")
  void sandboxFlag() {
    assertTrue(ConfigLoader.load(REAL, List.of("--sandbox")).sandbox());
  }

  @Test
  @DisplayName("the poll interval is read in seconds, one minute by default")
  void pollInterval() {
    assertEquals(java.time.Duration.ofMinutes(1), ConfigLoader.load(Map.of(), List.of()).pollInterval());
    assertEquals(java.time.Duration.ofSeconds(30),
        ConfigLoader.load(Map.of("HIREBOT_POLL_INTERVAL", "30"), List.of()).pollInterval());
  }

  @Test
  @DisplayName("HIREBOT_METRICS_TOKEN: unset leaves /metrics open; too short or with spaces is refused naming the "
      + "variable; set, it is never printed")
  void metricsToken() {
    assertTrue(ConfigLoader.load(Map.of(), List.of()).metricsToken().isEmpty());
    assertTrue(ConfigLoader.load(Map.of("HIREBOT_METRICS_TOKEN", "  "), List.of()).metricsToken().isEmpty());
    for (String weak : List.of("short", "sixteen chars ok", "0123456789abcde")) {
      ConfigException e = assertThrows(ConfigException.class,
          () -> ConfigLoader.load(Map.of("HIREBOT_METRICS_TOKEN", weak), List.of()), weak);
      assertTrue(e.getMessage().contains("HIREBOT_METRICS_TOKEN"), e.getMessage());
      assertTrue(!e.getMessage().contains(weak), "the refusal repeats the secret: " + e.getMessage());
    }
    BotConfig c = ConfigLoader.load(Map.of("HIREBOT_METRICS_TOKEN", "0123456789abcdef0123"), List.of());
    BearerToken token = c.metricsToken().orElseThrow();
    assertTrue(token.admits("Bearer 0123456789abcdef0123"));
    assertTrue(token.admits("bearer 0123456789abcdef0123"), "the scheme's name in any case");
    assertTrue(!token.admits("Bearer 0123456789abcdef012"), "a prefix of the token");
    assertTrue(!token.admits("0123456789abcdef0123"), "without the scheme");
    assertTrue(!token.admits(null));
    assertTrue(!c.toString().contains("0123456789abcdef0123"), c.toString());
  }
}
