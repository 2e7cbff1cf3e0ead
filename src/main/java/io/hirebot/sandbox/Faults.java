package io.hirebot.sandbox;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fault injection for tests and for trying the bot against a failing Feishu: latency, hangs, scripted errors
 * (Feishu-shaped JSON, gateway 429s with their reset header, or a proxy's non-JSON 5xx page) and rate-limit
 * settings, per endpoint by path regex, switchable at any time; thread-safe.
 */
public final class Faults {

  /**
   * An error the sandbox answers instead of handling a matching request.
   *
   * @param method an HTTP method, or {@code *} for any
   * @param headers extra response headers (the X-Tt-Logid header is on every response anyway)
   * @param rawBody when not null, the body is this text as {@code text/html} instead of Feishu's JSON error
   */
  public record Fault(String method, String pathRegex, int httpStatus, int code, String msg, boolean always,
      Map<String, String> headers, String rawBody) {
    public Fault {
      headers = Map.copyOf(headers);
    }

    boolean matches(String m, String path) {
      return (method.equals(ANY_METHOD) || method.equalsIgnoreCase(m)) && path.matches(pathRegex);
    }
  }

  /** Every Hire endpoint, as a path regex. */
  public static final String HIRE_PATHS = "/open-apis/hire/.*";
  private static final String ANY_METHOD = "*";
  /** Long enough that every client gives up first; a hung request is dropped when its client has gone. */
  static final Duration HANG = Duration.ofMinutes(2);
  /** What a reverse proxy in front of an unreachable upstream answers: HTML, not Feishu's JSON. */
  static final String BAD_GATEWAY_PAGE = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
      + "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

  private final List<Fault> faults = new ArrayList<>();
  private final Map<String, Duration> latencies = new LinkedHashMap<>();
  private final List<String> lostAnswers = new ArrayList<>();
  private final List<String> stuckPaging = new ArrayList<>();
  private final List<String> repeatingPages = new ArrayList<>();
  private final Map<String, Integer> rateOverrides = new HashMap<>();
  private final Map<String, Integer> perMinuteOverrides = new HashMap<>();
  private final Map<String, Hold> holds = new LinkedHashMap<>();
  private boolean rateLimitsEnabled = true;
  /** The error every card message gets ({@link #refuseCards}), or null. */
  private Fault cardRefusal;
  private Duration answerTransit = Duration.ZERO;

  /** Adds this delay to every Hire call. */
  public synchronized Faults latency(Duration delay) {
    return latency(HIRE_PATHS, delay);
  }

  /** Adds this delay to every call whose path matches the regex (the largest matching delay wins). */
  public synchronized Faults latency(String pathRegex, Duration delay) {
    latencies.put(pathRegex, delay);
    return this;
  }

  /** Every request whose path matches never gets an answer (until its client gives up). */
  public synchronized Faults hang(String pathRegex) {
    return latency(pathRegex, HANG);
  }

  /**
   * Requests whose path matches wait, unhandled, until {@link Hold#release()} (or {@link #clear()}), then are handled
   * as usual: a Hire that is slow on one call for exactly as long as a test needs, say until a second click has been
   * answered, instead of for a guessed number of milliseconds. A client that gives up meanwhile gets no answer.
   */
  public synchronized Hold hold(String pathRegex) {
    Hold hold = new Hold(pathRegex);
    holds.put(pathRegex, hold);
    return hold;
  }

  /** Matching requests held until {@link #release()}; {@link #arrived()} tells when the first one came. */
  public static final class Hold {
    private final String pathRegex;
    private final Promise<Void> arrived = Promise.promise();
    private final Promise<Void> released = Promise.promise();

    private Hold(String pathRegex) {
      this.pathRegex = pathRegex;
    }

    /** Completes when the first matching request has arrived (and waits). */
    public Future<Void> arrived() {
      return arrived.future();
    }

    /** Lets every request held, and every later one, go on. */
    public void release() {
      released.tryComplete();
    }

    Future<Void> released() {
      return released.future();
    }
  }

  /** The hold a request to {@code path} waits for (its arrival noted), if any. */
  synchronized Optional<Hold> heldBy(String path) {
    for (Hold hold : holds.values()) {
      if (path.matches(hold.pathRegex) && !hold.released.future().isComplete()) {
        hold.arrived.tryComplete();
        return Optional.of(hold);
      }
    }
    return Optional.empty();
  }

  /**
   * Every request whose path matches is handled (a send posts its message), but its answer never comes (until its
   * client gives up): the client cannot tell whether it took effect, as when Feishu's answer is lost on the way.
   */
  public synchronized Faults answerLost(String pathRegex) {
    lostAnswers.add(pathRegex);
    return this;
  }

  /**
   * Every list request whose path matches answers its first page again, with has_more true and the same page_token,
   * until {@link #clear()}: a Hire whose paging loops.
   */
  public synchronized Faults stuckPaging(String pathRegex) {
    stuckPaging.add(pathRegex);
    return this;
  }

  synchronized boolean pagingStuck(String path) {
    return stuckPaging.stream().anyMatch(path::matches);
  }

  /**
   * Every list request whose path matches and asks for the first page answers it with has_more true and a page_token
   * that starts the list over, until {@link #clear()}: the next page repeats every item already given, then paging
   * ends as usual. A Hire whose list moved under its paging (or whose looping paging stopped mid-read) overlaps so.
   */
  public synchronized Faults repeatingPages(String pathRegex) {
    repeatingPages.add(pathRegex);
    return this;
  }

  synchronized boolean pagesRepeat(String path) {
    return repeatingPages.stream().anyMatch(path::matches);
  }

  /** The next matching request (one only) gets this error. */
  public synchronized Faults failNext(String method, String pathRegex, int httpStatus, int code, String msg) {
    return add(new Fault(method, pathRegex, httpStatus, code, msg, false, Map.of(), null));
  }

  /** Every matching request gets this error until {@link #clear()}. */
  public synchronized Faults failAlways(String method, String pathRegex, int httpStatus, int code, String msg) {
    return add(new Fault(method, pathRegex, httpStatus, code, msg, true, Map.of(), null));
  }

  /**
   * Every card message sent or replied (msg_type {@code interactive}) gets this error until {@link #clear()}, as
   * Feishu answers a card it will not show (230025 over 30 KB, 230099 a card it cannot convert): it judges the card,
   * not the call, so a text message to the same chat still goes through.
   */
  public synchronized Faults refuseCards(int code, String msg) {
    cardRefusal = new Fault("POST", ImRoutes.MESSAGES + ".*", 400, code, msg, true, Map.of(), null);
    return this;
  }

  /** The error a card message gets now ({@link #refuseCards}), if any. */
  synchronized java.util.Optional<Fault> cardRefusal() {
    return java.util.Optional.ofNullable(cardRefusal);
  }

  /**
   * Every request (any method) whose path matches gets Feishu's gateway rate limit until {@link #clear()}: HTTP 429,
   * code 99991400, {@code x-ogw-ratelimit-limit} and {@code x-ogw-ratelimit-reset} (seconds to wait).
   */
  public synchronized Faults rateLimitAlways(String pathRegex, int limit, long resetSeconds) {
    return add(new Fault(ANY_METHOD, pathRegex, 429, 99991400, "request trigger frequency limit", true,
        Map.of("x-ogw-ratelimit-limit", String.valueOf(limit), "x-ogw-ratelimit-reset", String.valueOf(resetSeconds)),
        null));
  }

  /**
   * Every request (any method) whose path matches gets a proxy's error page until {@link #clear()}: this HTTP status
   * with an HTML body (not JSON), still carrying X-Tt-Logid as Feishu's gateway does.
   */
  public synchronized Faults gatewayErrorAlways(String pathRegex, int httpStatus) {
    return add(new Fault(ANY_METHOD, pathRegex, httpStatus, httpStatus, "bad gateway", true, Map.of(),
        BAD_GATEWAY_PAGE.replace("502 Bad Gateway", httpStatus + " Bad Gateway")));
  }

  private Faults add(Fault fault) {
    faults.add(fault);
    return this;
  }

  /** Turns every rate limit on or off (on by default). */
  public synchronized Faults rateLimits(boolean enabled) {
    rateLimitsEnabled = enabled;
    return this;
  }

  /**
   * Overrides the per-second limit of one endpoint, named by its path template
   * (e.g. {@code /open-apis/hire/v1/applications/:application_id/get_detail}), or {@code im} for the app-wide
   * IM limit, or {@code im-chat} for the per-chat limit.
   */
  public synchronized Faults rateLimit(String endpoint, int perSecond) {
    rateOverrides.put(endpoint, perSecond);
    return this;
  }

  /**
   * Overrides the per-minute ceiling (any 60 s) of one endpoint named as in {@link #rateLimit}; 0 removes it. Feishu's
   * IM budget ({@code im}) and the Hire lists documented "1000/min & 50/s" have 1000 by default.
   */
  public synchronized Faults rateLimitPerMinute(String endpoint, int perMinute) {
    perMinuteOverrides.put(endpoint, perMinute);
    return this;
  }

  /**
   * How long a bot's answer to a card callback travels before Feishu has it (the network between the bot and
   * Feishu's callback proxy; zero in-process). Until then Feishu takes the click as unanswered: the card is not
   * changed yet and its delayed-update token refuses updates, as the delayed-update doc says of updates made
   * before (or in parallel with) the answer.
   */
  public synchronized Faults answerTransit(Duration transit) {
    answerTransit = transit;
    return this;
  }

  synchronized Duration answerTransit() {
    return answerTransit;
  }

  /** Removes every fault, latency and rate-limit override and turns rate limits back on. */
  public synchronized void clear() {
    holds.values().forEach(Hold::release);
    holds.clear();
    faults.clear();
    latencies.clear();
    lostAnswers.clear();
    stuckPaging.clear();
    repeatingPages.clear();
    rateOverrides.clear();
    perMinuteOverrides.clear();
    rateLimitsEnabled = true;
    answerTransit = Duration.ZERO;
    cardRefusal = null;
  }

  /**
   * What is switched on now, named as POST /sandbox/faults names it: delays first (a "hang", or a "latency" in ms),
   * then errors ("rate_limit" with its reset, "bad_gateway", or an "error" with its code, next or always), then rate
   * settings that differ from Feishu's; each with the path regex it applies to.
   */
  public synchronized List<Map<String, Object>> active() {
    List<Map<String, Object>> on = new ArrayList<>();
    latencies.forEach((path, delay) -> on.add(delay.equals(HANG) ? Map.of("fault", "hang", "path", path)
        : Map.of("fault", "latency", "path", path, "ms", delay.toMillis())));
    holds.values().stream().filter(h -> !h.released.future().isComplete())
        .forEach(h -> on.add(Map.of("fault", "hold", "path", h.pathRegex)));
    lostAnswers.forEach(path -> on.add(Map.of("fault", "answer_lost", "path", path)));
    stuckPaging.forEach(path -> on.add(Map.of("fault", "stuck_paging", "path", path)));
    repeatingPages.forEach(path -> on.add(Map.of("fault", "repeating_pages", "path", path)));
    if (cardRefusal != null) {
      on.add(Map.of("fault", "refuse_cards", "path", cardRefusal.pathRegex(), "code", cardRefusal.code()));
    }
    for (Fault f : faults) {
      if (f.rawBody() != null) {
        on.add(Map.of("fault", "bad_gateway", "path", f.pathRegex(), "status", f.httpStatus()));
      } else if (f.headers().containsKey("x-ogw-ratelimit-reset")) {
        on.add(Map.of("fault", "rate_limit", "path", f.pathRegex(),
            "reset_seconds", Integer.parseInt(f.headers().get("x-ogw-ratelimit-reset"))));
      } else {
        on.add(Map.of("fault", "error", "method", f.method(), "path", f.pathRegex(), "status", f.httpStatus(),
            "code", f.code(), "times", f.always() ? "always" : "next"));
      }
    }
    rateOverrides.forEach((endpoint, perSecond) -> on.add(Map.of("fault", "rate", "endpoint", endpoint,
        "per_second", perSecond)));
    perMinuteOverrides.forEach((endpoint, perMinute) -> on.add(Map.of("fault", "rate", "endpoint", endpoint,
        "per_minute", perMinute)));
    if (!rateLimitsEnabled) {
      on.add(Map.of("fault", "rate_limits_off"));
    }
    if (!answerTransit.isZero()) {
      on.add(Map.of("fault", "answer_transit", "ms", answerTransit.toMillis()));
    }
    return on;
  }

  synchronized Optional<Fault> take(String method, String path) {
    for (Iterator<Fault> it = faults.iterator(); it.hasNext(); ) {
      Fault f = it.next();
      if (f.matches(method, path)) {
        if (!f.always()) {
          it.remove();
        }
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  synchronized Duration latencyFor(String path) {
    Duration max = Duration.ZERO;
    for (Map.Entry<String, Duration> e : latencies.entrySet()) {
      if (path.matches(e.getKey()) && e.getValue().compareTo(max) > 0) {
        max = e.getValue();
      }
    }
    return max;
  }

  synchronized boolean losesAnswer(String path) {
    return lostAnswers.stream().anyMatch(path::matches);
  }

  synchronized boolean rateLimitsEnabled() {
    return rateLimitsEnabled;
  }

  synchronized int rateFor(String endpoint, int defaultPerSecond) {
    return rateOverrides.getOrDefault(endpoint, defaultPerSecond);
  }

  synchronized int perMinuteFor(String endpoint, int defaultPerMinute) {
    return perMinuteOverrides.getOrDefault(endpoint, defaultPerMinute);
  }
}
