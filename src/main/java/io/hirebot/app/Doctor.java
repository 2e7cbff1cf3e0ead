package io.hirebot.app;

import io.hirebot.bot.BotDispatcher;
import io.hirebot.config.BotConfig;
import io.hirebot.config.ConfigException;
import io.hirebot.config.ConfigLoader;
import io.hirebot.error.FeishuApiException;
import io.hirebot.feishu.FeishuClients;
import io.hirebot.util.RateBudget;
import io.hirebot.feishu.FeishuScopes;
import io.hirebot.feishu.outbound.FeishuBotInfo;
import io.hirebot.feishu.outbound.ScopeProbes;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code hirebot doctor} (or {@code --check}): with the credentials of the environment, checks the token, the
 * bot's identity, every scope the README asks for and the reachability of the event and callback URLs, and prints
 * one line per finding with what to fix. Exit code 0 when nothing is wrong, 1 on problems, 2 on bad configuration.
 */
public final class Doctor {
  static final String PUBLIC_URL = "HIREBOT_PUBLIC_URL";
  static final long CALL_TIMEOUT_SECONDS = 30;

  private final PrintStream out;
  private int problems;

  private Doctor(PrintStream out) {
    this.out = out;
  }

  /** Runs every check against the app the environment names; blocking (a command-line program). */
  public static int run(Map<String, String> env, PrintStream out) {
    BotConfig config;
    try {
      config = ConfigLoader.load(env, List.of());
    } catch (ConfigException e) {
      out.println("FAIL  configuration: " + e.getMessage());
      return 2;
    }
    if (config.sandbox()) {
      out.println("FAIL  FEISHU_APP_ID is not set: doctor checks a real Feishu app; set FEISHU_APP_ID, "
          + "FEISHU_APP_SECRET and FEISHU_VERIFICATION_TOKEN / FEISHU_ENCRYPT_KEY as for running the bot");
      return 2;
    }
    Vertx vertx = Vertx.vertx();
    // A handful of checks from one process: its own budgets, no database.
    FeishuClients feishu = new FeishuClients(vertx, config.feishu(), new SimpleMeterRegistry(),
        RateBudget.Factory.LOCAL, BotDispatcher.COMMAND_DEADLINE);
    try {
      Doctor d = new Doctor(out);
      d.check(config, feishu, env.get(PUBLIC_URL));
      out.println(d.problems == 0 ? "doctor: no problems found" : "doctor: " + d.problems + " problem(s) to fix");
      return d.problems == 0 ? 0 : 1;
    } finally {
      feishu.close();
      vertx.close();
    }
  }

  private void check(BotConfig config, FeishuClients feishu, String publicUrl) {
    var f = config.feishu();
    FeishuBotInfo info = new FeishuBotInfo(feishu.client(), feishu.calls());
    ok("feishu base URL " + f.baseUrl() + ", app " + f.appId());
    Optional<Integer> expire = await(info.tenantToken(f.appId(), f.appSecret()), "token",
        "check FEISHU_APP_ID / FEISHU_APP_SECRET (10003: unknown app id, 10014: wrong secret) and FEISHU_BASE_URL");
    if (expire.isEmpty()) {
      out.println("SKIP  bot, scopes: they need a token");
      return;
    }
    ok("token: tenant_access_token issued (" + expire.get() + " s left)");
    await(info.fetch(), "bot identity", "enable the Bot capability (developer console → Features → Bot) and publish")
        .ifPresent(bot -> {
          if (bot.activateStatus() == FeishuBotInfo.ENABLED) {
            ok("bot: " + bot.appName() + " open_id=" + bot.openId());
          } else {
            fail("bot: " + bot.appName() + " is not enabled in the tenant (activate_status=" + bot.activateStatus()
                + "); publish a version and have a tenant admin approve it");
          }
        });
    checkScopes(config, feishu);
    checkUrls(config, publicUrl);
  }

  private void checkScopes(BotConfig config, FeishuClients feishu) {
    ScopeProbes probes = new ScopeProbes(feishu.client(), feishu.calls());
    List<ScopeProbes.Finding> findings = await(probes.check(), "scopes", "").orElse(List.of());
    for (ScopeProbes.Finding s : findings) {
      switch (s.outcome()) {
        case GRANTED -> ok("scope " + s.scope());
        case MISSING -> fail("scope " + s.scope() + " is missing (" + FeishuScopes.usedFor(s.scope()) + "): add it at "
            + consoleUrl(config, s.scope()) + " and publish a new version");
        case UNKNOWN -> warn("scope " + s.scope() + " could not be checked: " + s.detail());
      }
    }
    for (String scope : probes.uncheckable()) {
      out.println("INFO  scope " + scope + " (" + FeishuScopes.usedFor(scope) + ") is only used by events, which "
          + "no call can check: make sure it is added (" + consoleUrl(config, scope) + ")");
    }
    out.println("INFO  events to subscribe (not readable through the API): "
        + String.join(", ", FeishuScopes.events(FeishuScopes.Kind.EVENT)) + "; callback: "
        + String.join(", ", FeishuScopes.events(FeishuScopes.Kind.CALLBACK)));
  }

  private void checkUrls(BotConfig config, String publicUrl) {
    if (config.mode() == BotConfig.Mode.WEBSOCKET) {
      ok("events and callbacks come over the long connection: no public URL needed");
      return;
    }
    if (publicUrl == null || publicUrl.isBlank()) {
      warn(PUBLIC_URL + " is not set: event and callback URLs not checked (set it to the public base URL, e.g. "
          + "https://hirebot.example.com, with the bot running)");
      return;
    }
    String base = publicUrl.strip().replaceAll("/+$", "");
    UrlCheck check = new UrlCheck(config.feishu().verificationToken(), config.feishu().encryptKey());
    for (String path : List.of("/webhook/event", "/webhook/card")) {
      String url = base + path;
      check.problem(url).ifPresentOrElse(p -> fail("URL " + url + " " + p), () -> ok("URL " + url
          + " answers Feishu's url_verification"));
    }
    String metrics = base + "/metrics";
    check.statusWithoutCredentials(metrics).ifPresent(status -> {
      if (status == 200) {
        warn(metrics + " answers anyone: set HIREBOT_METRICS_TOKEN (and give Prometheus the same token as a bearer "
            + "token), or keep /metrics behind your proxy");
      } else if (status == 401) {
        ok(metrics + " asks for HIREBOT_METRICS_TOKEN");
      } else {
        ok(metrics + " is not served there (HTTP " + status + ")");
      }
    });
  }

  /** The console page where the scope is added (Lark's console for Lark, Feishu's otherwise). */
  static String consoleUrl(BotConfig config, String scope) {
    return config.feishu().baseUrl() + "/app/" + config.feishu().appId() + "/auth?q=" + scope;
  }

  /** The call's value, or empty after one FAIL line naming the step, Feishu's answer and the fix. */
  private <T> Optional<T> await(Future<T> call, String step, String fix) {
    try {
      return Optional.of(call.toCompletionStage().toCompletableFuture().get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS));
    } catch (Exception e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      String why = cause instanceof FeishuApiException fe
          ? (fe.code() < 0 ? fe.feishuMsg() : "code " + fe.code() + " " + fe.feishuMsg() + " (log id " + fe.logId() + ")")
          : String.valueOf(cause);
      fail(step + ": " + why + (fix.isEmpty() ? "" : "; " + fix));
      return Optional.empty();
    }
  }

  private void ok(String line) {
    out.println("ok    " + line);
  }

  private void warn(String line) {
    out.println("WARN  " + line);
  }

  private void fail(String line) {
    problems++;
    out.println("FAIL  " + line);
  }
}
