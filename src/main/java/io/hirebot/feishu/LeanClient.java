package io.hirebot.feishu;

import com.lark.oapi.Client;
import com.lark.oapi.core.Config;
import com.lark.oapi.core.cache.ICache;
import com.lark.oapi.core.enums.AppType;
import com.lark.oapi.core.httpclient.IHttpTransport;
import com.lark.oapi.core.token.AppTicketManager;
import com.lark.oapi.core.token.GlobalAppTicketManager;
import com.lark.oapi.core.token.GlobalTokenManager;
import com.lark.oapi.core.token.TokenManager;
import com.lark.oapi.service.application.ApplicationService;
import com.lark.oapi.service.hire.HireService;
import com.lark.oapi.service.im.ImService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The SDK client with only the services the bot calls (Hire, IM, Application), each built on first use. The SDK's
 * builder constructs all ~55 services and their thousands of classes eagerly: seconds of class loading before
 * the bot can take its first event. The raw {@code get}/{@code post} calls work as on any client; the services
 * the bot never calls are not built, and their accessors return null.
 */
final class LeanClient extends Client {
  private final Lazy<HireService> hire;
  private final Lazy<ImService> im;
  private final Lazy<ApplicationService> application;

  /**
   * The same configuration {@code Client.newBuilder(appId, appSecret)...build()} makes from these settings.
   *
   * @param processTokens whether {@code tokens} becomes the cache of the SDK's process-wide token managers, as the
   *     builder makes it; the warm-up's client ({@link CannedFeishu}) leaves them to the bot's client, whichever is
   *     built first (its tokens are kept under its own app id)
   */
  LeanClient(String appId, String appSecret, String baseUrl, ICache tokens, long timeoutSeconds,
      IHttpTransport transport, boolean processTokens) {
    Config config = new Config();
    config.setAppId(appId);
    config.setAppSecret(appSecret);
    config.setBaseUrl(baseUrl);
    config.setAppType(AppType.SELF_BUILT);
    config.setDisableTokenCache(false);
    config.setCache(tokens);
    config.setRequestTimeOut(timeoutSeconds);
    config.setTimeOutTimeUnit(TimeUnit.SECONDS);
    config.setHttpTransport(transport);
    config.setLogReqAtDebug(false);
    // What the builder does with a cache: the SDK keeps its token managers in these process-wide holders.
    if (processTokens) {
      GlobalAppTicketManager.setAppTicketManager(new AppTicketManager(tokens));
      GlobalTokenManager.setTokenManager(new TokenManager(tokens));
    }
    setConfig(config);
    hire = new Lazy<>(config, HireService::new);
    im = new Lazy<>(config, ImService::new);
    application = new Lazy<>(config, ApplicationService::new);
  }

  @Override
  public HireService hire() {
    return hire.get();
  }

  @Override
  public ImService im() {
    return im.get();
  }

  @Override
  public ApplicationService application() {
    return application.get();
  }

  /** A service built once, by the first thread that needs it (SDK calls run on several worker threads). */
  private static final class Lazy<S> {
    private final Config config;
    private final Function<Config, S> build;
    private volatile S service;

    Lazy(Config config, Function<Config, S> build) {
      this.config = config;
      this.build = build;
    }

    S get() {
      S s = service;
      if (s == null) {
        synchronized (this) {
          s = service;
          if (s == null) {
            s = build.apply(config);
            service = s;
          }
        }
      }
      return s;
    }
  }
}
