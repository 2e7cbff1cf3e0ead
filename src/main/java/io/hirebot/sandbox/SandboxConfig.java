package io.hirebot.sandbox;

import io.hirebot.sandbox.hire.DemoTenant;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Immutable settings of one {@link FeishuSandbox}: the app's credentials and keys, the bot's identity,
 * the port, whether to seed the demo tenant, the clock that drives token expiry, rate limits and
 * demo-data times, and the zone whose working days and office hours the demo's week keeps.
 *
 * @param encryptKey the app's Encrypt Key; {@code null} means pushed envelopes are plain JSON and unsigned
 * @param clock drives token expiry, rate-limit refills and demo times; with a fixed clock rate-limit budgets never
 *     refill, so either move the clock or turn limits off ({@code faults().rateLimits(false)})
 * @param demoZone the bot's configured zone (HIREBOT_TIMEZONE): the demo's interviews sit in its office hours
 */
public record SandboxConfig(
    String appId,
    String appSecret,
    String verificationToken,
    String encryptKey,
    String botOpenId,
    String botName,
    int port,
    boolean seedDemoTenant,
    Clock clock,
    ZoneId demoZone) {

  /** The encrypt key of {@link #defaults()}: fixed so that a bot started next to the sandbox can share it. */
  public static final String DEFAULT_ENCRYPT_KEY = "sandbox-encrypt-key";

  public SandboxConfig {
    Objects.requireNonNull(appId, "appId");
    Objects.requireNonNull(appSecret, "appSecret");
    Objects.requireNonNull(verificationToken, "verificationToken");
    Objects.requireNonNull(botOpenId, "botOpenId");
    Objects.requireNonNull(botName, "botName");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(demoZone, "demoZone");
    if (encryptKey != null && encryptKey.isEmpty()) {
      encryptKey = null;
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, was " + port);
    }
  }

  private static final AtomicLong APPS = new AtomicLong();

  /** Settings whose demo keeps the bot's default zone. */
  public SandboxConfig(String appId, String appSecret, String verificationToken, String encryptKey, String botOpenId,
      String botName, int port, boolean seedDemoTenant, Clock clock) {
    this(appId, appSecret, verificationToken, encryptKey, botOpenId, botName, port, seedDemoTenant, clock,
        DemoTenant.DEFAULT_ZONE);
  }

  /**
   * An app of its own ({@link #freshAppId()}, secret &lt;app id&gt;_secret) / vt_sandbox / {@value #DEFAULT_ENCRYPT_KEY}
   * / ou_hirebot / HireBot / free port / demo tenant / system clock.
   */
  public static SandboxConfig defaults() {
    String appId = freshAppId();
    return new SandboxConfig(appId, appId + "_secret", "vt_sandbox", DEFAULT_ENCRYPT_KEY, "ou_hirebot", "HireBot", 0,
        true, Clock.systemUTC());
  }

  /**
   * An app id no other emulator in this JVM has (cli_sandbox_1, cli_sandbox_2, …). The Feishu SDK keeps every
   * client's tokens in one process-wide cache keyed by app id alone ({@code GlobalTokenManager}, keys
   * {@code tenant_access_token-<app id>-}): two emulators with one app id in a JVM would hand a client the other
   * emulator's token, which its own emulator refuses.
   */
  public static String freshAppId() {
    return "cli_sandbox_" + APPS.incrementAndGet();
  }

  public SandboxConfig withEncryptKey(String key) {
    return new SandboxConfig(appId, appSecret, verificationToken, key, botOpenId, botName, port, seedDemoTenant, clock, demoZone);
  }

  public SandboxConfig withPort(int newPort) {
    return new SandboxConfig(appId, appSecret, verificationToken, encryptKey, botOpenId, botName, newPort, seedDemoTenant, clock, demoZone);
  }

  public SandboxConfig withSeedDemoTenant(boolean seed) {
    return new SandboxConfig(appId, appSecret, verificationToken, encryptKey, botOpenId, botName, port, seed, clock, demoZone);
  }

  public SandboxConfig withClock(Clock newClock) {
    return new SandboxConfig(appId, appSecret, verificationToken, encryptKey, botOpenId, botName, port, seedDemoTenant, newClock, demoZone);
  }

  public SandboxConfig withCredentials(String newAppId, String newSecret) {
    return new SandboxConfig(newAppId, newSecret, verificationToken, encryptKey, botOpenId, botName, port, seedDemoTenant, clock, demoZone);
  }

  public SandboxConfig withVerificationToken(String token) {
    return new SandboxConfig(appId, appSecret, token, encryptKey, botOpenId, botName, port, seedDemoTenant, clock, demoZone);
  }

  public SandboxConfig withDemoZone(ZoneId zone) {
    return new SandboxConfig(appId, appSecret, verificationToken, encryptKey, botOpenId, botName, port, seedDemoTenant, clock, zone);
  }

  /** Whether pushed envelopes are encrypted and signed. */
  public boolean encrypted() {
    return encryptKey != null;
  }
}
