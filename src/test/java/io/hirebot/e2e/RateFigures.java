package io.hirebot.e2e;

import io.hirebot.sandbox.RecordedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * What the emulator saw of the bot's call rate, per Feishu budget: every IM call spends the app's one IM budget,
 * each Hire endpoint its own. Reads the sandbox's request log, so it measures what reached "Feishu".
 */
final class RateFigures {
  /** Path segments that are ids (they carry digits or capitals), folded so one endpoint is one key. */
  private static final Pattern ID_SEGMENT = Pattern.compile("/[^/]*[0-9A-Z][^/]*(?=/|$)");
  private static final Duration SECOND = Duration.ofSeconds(1);

  private RateFigures() {}

  /** The budget a request spends: {@code im} for every IM call, else the Hire endpoint's path with ids folded. */
  static String budget(RecordedRequest r) {
    if (r.path().startsWith("/open-apis/im/") || r.path().startsWith("/open-apis/interactive/")) {
      return "im";
    }
    return r.method() + " " + ID_SEGMENT.matcher(r.path().replaceFirst("^/open-apis/hire/", "")).replaceAll("/:id");
  }

  static boolean isFeishuCall(RecordedRequest r) {
    return r.path().startsWith("/open-apis/") && !r.path().startsWith("/open-apis/auth/");
  }

  /** Refused by Feishu's limits: HTTP 429 / 99991400 (per app) or 230020 (per chat). */
  static boolean rateLimited(RecordedRequest r) {
    return r.status() == 429 || (r.responseBody() != null
        && (r.responseBody().contains("\"code\":99991400") || r.responseBody().contains("\"code\":230020")));
  }

  /** The most calls any one second (a sliding window) saw, per budget. */
  static Map<String, Integer> busiestSecond(List<RecordedRequest> requests, Predicate<RecordedRequest> which) {
    Map<String, List<RecordedRequest>> byBudget = new TreeMap<>();
    requests.stream().filter(which).forEach(r -> byBudget.computeIfAbsent(budget(r), k -> new ArrayList<>()).add(r));
    Map<String, Integer> out = new TreeMap<>();
    byBudget.forEach((budget, list) -> {
      list.sort((a, b) -> a.time().compareTo(b.time()));
      int max = 0;
      int first = 0;
      for (int i = 0; i < list.size(); i++) {
        while (!list.get(first).time().plus(SECOND).isAfter(list.get(i).time())) {
          first++;
        }
        max = Math.max(max, i - first + 1);
      }
      out.put(budget, max);
    });
    return out;
  }

  /** Calls per second of one budget from its first call to its last. */
  static double meanRate(List<RecordedRequest> requests, String budget) {
    List<RecordedRequest> list = requests.stream().filter(r -> budget(r).equals(budget)).toList();
    if (list.size() < 2) {
      return list.size();
    }
    Duration span = Duration.between(list.get(0).time(), list.get(list.size() - 1).time());
    return (list.size() - 1) / Math.max(0.001, span.toNanos() / 1e9);
  }
}
