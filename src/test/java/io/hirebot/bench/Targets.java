package io.hirebot.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The targets checked against one run's results; a target whose section did not run is left out. */
final class Targets {
  private static final int TARGET_APPS = 50;
  private static final int TARGET_UPSTREAM_MS = 50;

  private final ArrayNode rows = JsonNodeFactory.instance.arrayNode();

  private Targets() {}

  static ArrayNode evaluate(JsonNode results) {
    Targets t = new Targets();
    t.intake(results.path("intake"));
    t.latency(results.path("command_latency"));
    t.card(results.path("card_action"));
    t.digest(results.path("digest_fan_out"));
    t.memory(results.path("memory"));
    return t.rows;
  }

  private void intake(JsonNode intake) {
    JsonNode flood = intake.path("no_mention");
    if (flood.isMissingNode()) {
      return;
    }
    add("intake >= 10,000 events/s", flood.path("events_per_s").asLong() + " events/s",
        flood.path("events_per_s").asLong() >= 10_000);
    add("intake ack p99 <= 10 ms", flood.path("ack").path("p99_ms").asDouble() + " ms",
        flood.path("ack").path("p99_ms").asDouble() <= 10);
    // The figure of the bot as operators run it (a JVM of its own) when measured, warm only if its JIT settled.
    JsonNode child = intake.path("child_jvm").path("no_mention");
    double cpu = child.path("bot_cpu_us_per_event").asDouble(-1);
    if (cpu >= 0) {
      boolean warm = child.path("warm").asBoolean();
      add("bot CPU per event <= 100 us (warm)", cpu + " us (child JVM" + (warm ? ")" : ", JIT not settled)"),
          warm && cpu <= 100);
    } else if (flood.path("bot_cpu_us_per_event").asDouble(-1) >= 0) {
      cpu = flood.path("bot_cpu_us_per_event").asDouble();
      boolean withGenerator = flood.path("cpu_includes_generator").asBoolean();
      add("bot CPU per event <= 100 us (warm)", cpu + " us" + (withGenerator ? " (includes the java generator)" : ""),
          !withGenerator && cpu <= 100);
    }
    JsonNode help = intake.path("help_mentions");
    JsonNode mix = intake.path("mix");
    long lost = flood.path("lost").asLong() + unexplained(flood) + help.path("lost").asLong()
        + help.path("duplicate_replies").asLong() + mix.path("lost").asLong() + unexplained(mix)
        + mix.path("duplicate_replies").asLong();
    add("intake: zero lost, zero duplicated", lost + " lost or duplicated", lost == 0);
  }

  /**
   * Deliveries the bot recognised as already received, beyond the generator's own redeliveries (a post that got no
   * answer is sent again, as Feishu does): the bot dropping those is right, anything more is not.
   */
  private static long unexplained(JsonNode run) {
    return Math.max(0, run.path("duplicates").asLong() - run.path("redelivered").asLong());
  }

  private void latency(JsonNode latency) {
    for (JsonNode cell : latency.path("cells")) {
      if (cell.path("applications").asInt() != TARGET_APPS || cell.path("upstream_ms").asInt() != TARGET_UPSTREAM_MS) {
        continue;
      }
      double cold = cell.path("cold").path("round_trips").asDouble(Double.NaN);
      add("candidates (50 apps) cold <= 4 upstream round trips", cold + " (Hire waves + the reply)", cold <= 4);
      double warm = cell.path("warm").path("round_trips").asDouble(Double.NaN);
      add("candidates (50 apps) warm <= 1 upstream round trip", warm + " (" + cell.path("warm").path("hire_calls")
          .asDouble() + " Hire calls + the reply)", warm <= 1);
      double speedup = cell.path("speedup_cold").asDouble();
      add("candidates (50 apps, 50 ms) >= 20x faster than naive", speedup + "x cold, "
          + cell.path("speedup_warm").asDouble() + "x warm", speedup >= 20);
    }
  }

  private void card(JsonNode card) {
    JsonNode fast = card.path("upstream_50ms");
    if (fast.isMissingNode()) {
      return;
    }
    JsonNode bot = fast.path("bot_share");
    add("card action <= 1 round trip + 20 ms: the bot's share", "p50 " + bot.path("p50_ms").asDouble() + " ms, p99 "
        + bot.path("p99_ms").asDouble() + " ms (answer p50 " + fast.path("p50_ms").asDouble() + " ms, p99 "
        + fast.path("p99_ms").asDouble() + " ms; slowest Hire call p50 "
        + fast.path("slowest_hire_call").path("p50_ms").asDouble() + " ms)",
        bot.path("p99_ms").asDouble() <= fast.path("bot_share_target_ms").asDouble());
    JsonNode slow = card.path("upstream_2500ms");
    add("card action at 2.5 s upstream: answer < 3 s, then delayed update",
        slow.path("answer_ms").asDouble() + " ms, update at " + slow.path("delayed_update_ms").asDouble() + " ms",
        slow.path("answered_within_3s").asBoolean() && slow.path("delayed_update_ms").asDouble() > 0);
  }

  /** Per job: a digest pass reads each job's list, its applications' details and its team (3 each here). */
  private static final int DIGEST_HIRE_CALLS_PER_JOB = 10;

  private void digest(JsonNode d) {
    if (d.isMissingNode()) {
      return;
    }
    // Feishu allows 1000 messages a minute on top of 50/s: 1,000 chats in 24 s use the app's whole minute, which the
    // bot does not (it keeps a 10% margin and leaves 10% of the rest to replies), so past ~800 chats this row fails.
    add("digest " + d.path("chats").asInt() + " chats x " + d.path("jobs").asInt() + " jobs <= 24 s (Feishu's "
            + "1000 msgs/min makes it possible for 1,000 chats only when nothing else is sent that minute)",
        d.path("seconds").asDouble() + " s", d.path("seconds").asDouble() <= 24);
    long perJob = d.path("hire_calls").asLong() / Math.max(1, d.path("jobs").asLong());
    add("digest Hire calls proportional to jobs (<= " + DIGEST_HIRE_CALLS_PER_JOB + " per job)",
        d.path("hire_calls").asLong() + " calls, " + perJob + " per job", perJob <= DIGEST_HIRE_CALLS_PER_JOB);
    add("command during the digest fan-out answered < 1 s", d.path("reply_max_ms").asLong(-1) + " ms at most",
        d.has("reply_max_ms") && d.path("reply_max_ms").asLong() < 1000);
  }

  private void memory(JsonNode memory) {
    if (memory.isMissingNode()) {
      return;
    }
    add("RSS <= 256 MB", memory.path("rss_after_runs_mb").asDouble() + " MB after runs, peak "
        + memory.path("rss_peak_mb").asDouble() + " MB", memory.path("rss_peak_mb").asDouble() <= 256);
    // Judged on a restart (a database already migrated), what every deploy but the first does, in real mode (the
    // emulator outside the bot's JVM, over TLS: what operators run); the sandbox restart, which also builds the
    // emulator and its demo tenant in the bot's JVM, and the first start on an empty database are shown beside it.
    double restart = memory.path("healthy_ms_real_restart").asDouble(-1);
    add("healthy within 2 s (restart, real mode)", restart + " ms restart in real mode, "
        + memory.path("healthy_ms_restart").asDouble() + " ms in sandbox mode, " + memory.path("healthy_ms").asDouble()
        + " ms first start (sandbox)", restart >= 0 && restart <= 2000);
    double cds = memory.path("healthy_ms_real_with_cds_restart").asDouble(-1);
    add("healthy within 1 s with the Dockerfile's class-data archive (restart, real mode)", cds < 0 ? "not measured"
        : cds + " ms restart in real mode, " + memory.path("healthy_ms_with_cds_restart").asDouble()
            + " ms in sandbox mode, " + memory.path("healthy_ms_with_cds").asDouble() + " ms first start (sandbox)",
        cds >= 0 && cds <= 1000);
    // Judged without an archive and, when measured, from the Dockerfile's (whose starts skip the throwaway bot).
    JsonNode cached = memory.path("first_command_with_cache");
    add("first command within 1.5x of a warm one", firstCommand(memory) + (cached.isMissingNode() ? ""
        : "; from the AOT cache " + firstCommand(cached)), firstWithin(memory)
        && (cached.isMissingNode() || firstWithin(cached)));
  }

  private static String firstCommand(JsonNode m) {
    return m.path("first_command_ms").asDouble() + " ms vs " + m.path("warm_command_ms").asDouble()
        + " ms (medians of " + m.path("first_command_ms_runs").size() + " fresh real-mode JVMs; per JVM "
        + m.path("first_over_warm_runs") + ")";
  }

  private static boolean firstWithin(JsonNode m) {
    double first = m.path("first_command_ms").asDouble();
    double warm = m.path("warm_command_ms").asDouble();
    return first > 0 && warm > 0 && first <= 1.5 * warm;
  }

  private void add(String target, String measured, boolean met) {
    ObjectNode o = rows.addObject();
    o.put("target", target);
    o.put("measured", measured);
    o.put("met", met);
  }
}
