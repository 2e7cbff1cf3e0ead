package io.hirebot.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Fault injection for tests: latency, scripted errors and rate-limit settings; thread-safe. */
public final class Faults {

  /** An error the sandbox answers instead of handling a matching request. */
  public record Fault(String method, String pathRegex, int httpStatus, int code, String msg, boolean always) {
    boolean matches(String m, String path) {
      return method.equalsIgnoreCase(m) && path.matches(pathRegex);
    }
  }

  private static final String HIRE_PATHS = "/open-apis/hire/.*";

  private final List<Fault> faults = new ArrayList<>();
  private final Map<String, Duration> latencies = new LinkedHashMap<>();
  private final Map<String, Integer> rateOverrides = new HashMap<>();
  private boolean rateLimitsEnabled = true;

  /** Adds this delay to every Hire call. */
  public synchronized Faults latency(Duration delay) {
    return latency(HIRE_PATHS, delay);
  }

  /** Adds this delay to every call whose path matches the regex (the largest matching delay wins). */
  public synchronized Faults latency(String pathRegex, Duration delay) {
    latencies.put(pathRegex, delay);
    return this;
  }

  /** The next matching request (one only) gets this error. */
  public synchronized Faults failNext(String method, String pathRegex, int httpStatus, int code, String msg) {
    faults.add(new Fault(method, pathRegex, httpStatus, code, msg, false));
    return this;
  }

  /** Every matching request gets this error until {@link #clear()}. */
  public synchronized Faults failAlways(String method, String pathRegex, int httpStatus, int code, String msg) {
    faults.add(new Fault(method, pathRegex, httpStatus, code, msg, true));
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

  /** Removes every fault, latency and rate-limit override and turns rate limits back on. */
  public synchronized void clear() {
    faults.clear();
    latencies.clear();
    rateOverrides.clear();
    rateLimitsEnabled = true;
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

  synchronized boolean rateLimitsEnabled() {
    return rateLimitsEnabled;
  }

  synchronized int rateFor(String endpoint, int defaultPerSecond) {
    return rateOverrides.getOrDefault(endpoint, defaultPerSecond);
  }
}
