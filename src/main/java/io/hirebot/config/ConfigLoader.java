package io.hirebot.config;

import io.hirebot.config.BotConfig.FeishuConfig;
import io.hirebot.config.BotConfig.Mode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads {@link BotConfig} from environment variables (DESIGN §3), applying defaults in one place. */
public final class ConfigLoader {
  public static final String DEFAULT_BASE_URL = "https://open.feishu.cn";
  public static final int DEFAULT_PORT = 8080;
  public static final String DEFAULT_DB_URL = "jdbc:h2:file:./data/hirebot";
  public static final String DEFAULT_TIMEZONE = "Asia/Shanghai";
  public static final java.time.Duration DEFAULT_POLL_INTERVAL = java.time.Duration.ofMinutes(1);

  /** Sandbox credentials: the emulator accepts exactly these. */
  /** Half a year of "who did what" by default; an operator with other rules sets HIREBOT_AUDIT_RETENTION_DAYS. */
  static final long DEFAULT_AUDIT_RETENTION_DAYS = 180;
  public static final String SANDBOX_APP_ID = "cli_sandbox";
  public static final String SANDBOX_APP_SECRET = "sandbox_secret";
  public static final String SANDBOX_VERIFICATION_TOKEN = "vt_sandbox";
  public static final String SANDBOX_ENCRYPT_KEY = "sandbox encrypt key";

  private ConfigLoader() {}

  /** Loads from the process environment and command-line arguments. */
  public static BotConfig load(Map<String, String> env, List<String> args) {
    boolean sandbox = args.contains("--sandbox") || blank(env.get("FEISHU_APP_ID"));
    FeishuConfig feishu = sandbox ? sandboxFeishu() : realFeishu(env);
    return new BotConfig(
        sandbox,
        feishu,
        port(env),
        orDefault(env.get("HIREBOT_DB_URL"), DEFAULT_DB_URL),
        orDefault(env.get("HIREBOT_DB_USER"), ""),
        orDefault(env.get("HIREBOT_DB_PASSWORD"), ""),
        admins(env.get("HIREBOT_ADMINS")),
        zone(env.get("HIREBOT_TIMEZONE")),
        cardsDir(env.get("HIREBOT_CARDS_DIR")),
        mode(env.get("HIREBOT_MODE")),
        pollInterval(env.get("HIREBOT_POLL_INTERVAL")),
        new BotConfig.Reminders(
            java.time.Duration.ofMinutes(positive(env, "HIREBOT_REMINDER_MINUTES", DEFAULT_REMINDER_MINUTES)),
            java.time.Duration.ofHours(positive(env, "HIREBOT_FEEDBACK_ESCALATE_HOURS", DEFAULT_ESCALATE_HOURS)),
            java.time.Duration.ofHours(positive(env, "HIREBOT_TASK_NUDGE_HOURS", DEFAULT_TASK_NUDGE_HOURS))),
        java.time.Duration.ofDays(positive(env, "HIREBOT_AUDIT_RETENTION_DAYS", DEFAULT_AUDIT_RETENTION_DAYS)),
        java.time.Duration.ofMinutes(positive(env, "HIREBOT_CONTEXT_MINUTES", DEFAULT_CONTEXT_MINUTES)),
        metricsToken(env.get("HIREBOT_METRICS_TOKEN")));
  }

  private static Optional<BearerToken> metricsToken(String raw) {
    if (blank(raw)) {
      return Optional.empty();
    }
    String token = raw.trim();
    if (token.length() < BearerToken.MIN_LENGTH || token.chars().anyMatch(c -> c <= ' ' || c > '~')) {
      throw new ConfigException("HIREBOT_METRICS_TOKEN", "expected at least " + BearerToken.MIN_LENGTH
          + " printable ASCII characters without spaces (e.g. the output of openssl rand -hex 16), got "
          + token.length() + " characters");
    }
    return Optional.of(new BearerToken(token));
  }

  private static FeishuConfig sandboxFeishu() {
    // The base URL is filled in once the emulator has bound its random port.
    return new FeishuConfig(SANDBOX_APP_ID, SANDBOX_APP_SECRET, SANDBOX_VERIFICATION_TOKEN,
        SANDBOX_ENCRYPT_KEY, "");
  }

  private static FeishuConfig realFeishu(Map<String, String> env) {
    String appSecret = env.get("FEISHU_APP_SECRET");
    if (blank(appSecret)) {
      throw new ConfigException("FEISHU_APP_SECRET", "must be set when FEISHU_APP_ID is set");
    }
    String token = emptyToNull(env.get("FEISHU_VERIFICATION_TOKEN"));
    String key = emptyToNull(env.get("FEISHU_ENCRYPT_KEY"));
    if (token == null && key == null
        && !"websocket".equalsIgnoreCase(orDefault(env.get("HIREBOT_MODE"), ""))) {
      // Without either, a webhook cannot tell Feishu from anyone else on the internet.
      throw new ConfigException("FEISHU_VERIFICATION_TOKEN",
          "set it (or FEISHU_ENCRYPT_KEY) so webhooks can be verified");
    }
    return new FeishuConfig(env.get("FEISHU_APP_ID").trim(), appSecret.trim(), token, key,
        baseUrl(env.get("FEISHU_BASE_URL")));
  }

  private static String baseUrl(String raw) {
    String url = orDefault(raw, DEFAULT_BASE_URL).trim();
    try {
      URI uri = URI.create(url);
      if (uri.getScheme() == null || uri.getHost() == null
          || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
        throw new IllegalArgumentException();
      }
    } catch (IllegalArgumentException e) {
      throw new ConfigException("FEISHU_BASE_URL", "not an http(s) URL: " + url);
    }
    // The SDK concatenates base + path, so a trailing slash would double it.
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static int port(Map<String, String> env) {
    String name = env.containsKey("HIREBOT_PORT") ? "HIREBOT_PORT" : "PORT";
    String raw = env.get(name);
    if (blank(raw)) {
      return DEFAULT_PORT;
    }
    try {
      int port = Integer.parseInt(raw.trim());
      if (port < 0 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new ConfigException(name, "not a port number (0-65535): " + raw);
    }
  }

  private static Set<String> admins(String raw) {
    if (blank(raw)) {
      return Set.of();
    }
    Set<String> ids = Arrays.stream(raw.split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .collect(Collectors.toCollection(LinkedHashSet::new));
    for (String id : ids) {
      if (!id.startsWith("ou_")) {
        throw new ConfigException("HIREBOT_ADMINS", "expected comma-separated open_ids (ou_…), got " + id);
      }
    }
    return Set.copyOf(ids);
  }

  private static ZoneId zone(String raw) {
    try {
      return ZoneId.of(orDefault(raw, DEFAULT_TIMEZONE).trim());
    } catch (DateTimeException e) {
      throw new ConfigException("HIREBOT_TIMEZONE", "unknown time zone: " + raw);
    }
  }

  private static Optional<Path> cardsDir(String raw) {
    if (blank(raw)) {
      return Optional.empty();
    }
    Path dir = Path.of(raw.trim());
    if (!Files.isDirectory(dir)) {
      throw new ConfigException("HIREBOT_CARDS_DIR", "not a directory: " + raw);
    }
    return Optional.of(dir);
  }

  public static final int DEFAULT_REMINDER_MINUTES = 30;
  public static final int DEFAULT_ESCALATE_HOURS = 48;
  public static final int DEFAULT_TASK_NUDGE_HOURS = 24;
  /** Follow-ups ("next page") refer to a card shown this recently; see {@code bot/Conversations}. */
  public static final int DEFAULT_CONTEXT_MINUTES = 10;

  private static long positive(Map<String, String> env, String name, long def) {
    String raw = env.get(name);
    if (blank(raw)) {
      return def;
    }
    try {
      long v = Long.parseLong(raw.trim());
      if (v < 1) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new ConfigException(name, "expected a whole number of at least 1, got " + raw);
    }
  }

  /** Seconds between polls of Hire for new applications; at least 10, Hire's quota is shared. */
  private static java.time.Duration pollInterval(String raw) {
    if (blank(raw)) {
      return DEFAULT_POLL_INTERVAL;
    }
    try {
      long seconds = Long.parseLong(raw.trim());
      if (seconds < 10) {
        throw new NumberFormatException();
      }
      return java.time.Duration.ofSeconds(seconds);
    } catch (NumberFormatException e) {
      throw new ConfigException("HIREBOT_POLL_INTERVAL", "expected whole seconds, at least 10, got " + raw);
    }
  }

  private static Mode mode(String raw) {
    String value = orDefault(raw, "webhook").trim().toLowerCase(Locale.ROOT);
    return switch (value) {
      case "webhook" -> Mode.WEBHOOK;
      case "websocket" -> Mode.WEBSOCKET;
      default -> throw new ConfigException("HIREBOT_MODE", "must be webhook or websocket, got " + raw);
    };
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String orDefault(String s, String def) {
    return blank(s) ? def : s;
  }

  private static String emptyToNull(String s) {
    return blank(s) ? null : s.trim();
  }
}
