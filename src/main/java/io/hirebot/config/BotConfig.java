package io.hirebot.config;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the bot is configured with, validated once at start-up (DESIGN §3).
 *
 * @param pollInterval how often Hire is polled for new applications of subscribed jobs
 * @param reminders when interviewers are reminded and nudged
 * @param auditRetention how long audit entries are kept ({@code HIREBOT_AUDIT_RETENTION_DAYS})
 * @param contextWindow how long a card can be followed up ("next page", "her profile") by the user it was shown to
 *     ({@code HIREBOT_CONTEXT_MINUTES})
 * @param metricsToken when set ({@code HIREBOT_METRICS_TOKEN}), {@code /metrics} answers only a request bearing it
 * @param sandbox true when no Feishu credentials are set (or {@code --sandbox}): the bot starts its own
 *     Feishu emulator and talks to it
 */
public record BotConfig(
    boolean sandbox,
    FeishuConfig feishu,
    int port,
    String dbUrl,
    String dbUser,
    String dbPassword,
    Set<String> admins,
    ZoneId timezone,
    Optional<Path> cardsDir,
    Mode mode,
    java.time.Duration pollInterval,
    Reminders reminders,
    java.time.Duration auditRetention,
    java.time.Duration contextWindow,
    Optional<BearerToken> metricsToken) {

  /**
   * Interview reminders: {@code lead} before an interview each interviewer gets a private reminder; a missing
   * feedback is nudged once a day, and after {@code escalateAfter} the job's hiring managers are told. Hire tasks
   * (evaluations, tests to mark, feedback) waiting longer than {@code taskNudgeAfter} are nudged once a day.
   */
  public record Reminders(java.time.Duration lead, java.time.Duration escalateAfter,
      java.time.Duration taskNudgeAfter) {}

  /** How events reach the bot. */
  public enum Mode { WEBHOOK, WEBSOCKET }

  /** Feishu app credentials and endpoints; the secrets come only from the environment. */
  public record FeishuConfig(
      String appId, String appSecret, String verificationToken, String encryptKey, String baseUrl) {

    public boolean hasEncryptKey() {
      return encryptKey != null && !encryptKey.isEmpty();
    }

    /** A copy pointing at another base URL (sandbox mode points at the emulator's random port). */
    public FeishuConfig withBaseUrl(String url) {
      return new FeishuConfig(appId, appSecret, verificationToken, encryptKey, url);
    }

    @Override
    public String toString() {
      // Never print secrets, not even by accident in a debug log.
      return "FeishuConfig[appId=" + appId + ", baseUrl=" + baseUrl
          + ", verificationToken=" + (verificationToken == null ? "unset" : "set")
          + ", encryptKey=" + (hasEncryptKey() ? "set" : "unset") + "]";
    }
  }

  public BotConfig withFeishu(FeishuConfig f) {
    return new BotConfig(sandbox, f, port, dbUrl, dbUser, dbPassword, admins, timezone, cardsDir, mode, pollInterval, reminders, auditRetention, contextWindow, metricsToken);
  }

  public BotConfig withAdmins(Set<String> a) {
    return new BotConfig(sandbox, feishu, port, dbUrl, dbUser, dbPassword, Set.copyOf(a), timezone, cardsDir, mode,
        pollInterval, reminders, auditRetention, contextWindow, metricsToken);
  }

  public BotConfig withPort(int p) {
    return new BotConfig(sandbox, feishu, p, dbUrl, dbUser, dbPassword, admins, timezone, cardsDir, mode, pollInterval, reminders, auditRetention, contextWindow, metricsToken);
  }
}
