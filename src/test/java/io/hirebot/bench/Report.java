package io.hirebot.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;

/** Prints one run's results as Markdown tables, one per section, then the targets. */
final class Report {
  private final JsonNode r;
  private final PrintStream out;

  Report(JsonNode results, PrintStream out) {
    this.r = results;
    this.out = out;
  }

  void print() {
    JsonNode m = r.path("machine");
    out.printf("%nhirebot benchmark, %s, %d CPUs (%s), %s GB, %s, load average %s at start, %s at end%n",
        m.path("date").asText(), m.path("cpus").asInt(), m.path("cpu_model").asText(), m.path("memory_gb").asText(),
        m.path("jdk").asText(), m.path("load_average_at_start").asText(), m.path("load_average_at_end").asText());
    intake(r.path("intake"));
    latency(r.path("command_latency"));
    card(r.path("card_action"));
    if (r.has("digest_fan_out")) {
      var d = r.path("digest_fan_out");
      out.printf("%n4. Digest fan-out: %d chats subscribed across %d jobs, one digest slot due for all%n",
          d.path("chats").asInt(), d.path("jobs").asInt());
      out.printf("   %.1f s, %d digests delivered, %d messages sent, %d Hire calls, rate-limited answers: IM %d,"
          + " Hire %d%n", d.path("seconds").asDouble(), d.path("digests_delivered").asLong(),
          d.path("messages_sent").asLong(), d.path("hire_calls").asLong(), d.path("im_rate_limited_answers").asLong(),
          d.path("hire_rate_limited_answers").asLong());
      if (d.has("reply_max_ms")) {
        out.printf("   a user's command meanwhile: answered in %d ms median, %d ms at most (%d asked)%n",
            d.path("reply_median_ms").asLong(), d.path("reply_max_ms").asLong(), d.path("replies_during").asInt());
      }
    }
    outage(r.path("hire_outage"));
    memory(r.path("memory"));
    out.printf("%nTargets%n");
    TextTable t = new TextTable("target", "measured", "met");
    r.path("targets").forEach(x -> t.row(x.path("target").asText(), x.path("measured").asText(),
        x.path("met").asBoolean() ? "yes" : "NO"));
    t.print(out);
  }

  private void outage(JsonNode o) {
    if (o.isMissingNode()) {
      return;
    }
    out.printf("%n5. Hire outage of %d s (%s): %d users, a command or a click each every %d s%n",
        o.path("outage_s").asInt(), o.path("phases").asText(), o.path("users").asInt(), o.path("action_every_s").asInt());
    TextTable t = new TextTable("user", "actions", "during outage", "slowest answer ms", "named the failure",
        "with log id", "ok (cached)", "first success after lift ms", "lost", "answered twice");
    o.path("per_user").forEach(u -> t.row(u.path("user").asText(), u.path("actions").asInt(),
        u.path("during_outage").asInt(), u.path("slowest_during_ms").asLong(), u.path("named_failure").asInt(),
        u.path("with_log_id").asInt(), u.path("ok_during").asInt(), u.path("first_success_after_lift_ms").asLong(),
        u.path("lost").asInt(), u.path("answered_twice").asInt()));
    t.print(out);
  }

  private void intake(JsonNode i) {
    if (i.isMissingNode()) {
      return;
    }
    JsonNode flood = i.path("no_mention");
    out.printf("%n1. Intake: signed + encrypted im.message.receive_v1, %d connections, keep-alive, no pipelining;"
        + " generator: %s (%s)%n", flood.path("connections").asInt(), flood.path("generator").asText(),
        flood.path("generator_detail").asText());
    TextTable t = new TextTable("run", "events/s", "ack p50 ms", "ack p99 ms", "ack max ms", "sent", "acked", "handled",
        "duplicates", "lost");
    row(t, "group text, no mention (acked, dropped)", flood, "duplicates");
    JsonNode mix = i.path("mix");
    if (!mix.isMissingNode()) {
      row(t, "mix: 1 in " + mix.path("mention_every").asInt() + " \"@HireBot help\", rest as above", mix, "duplicates");
    }
    row(t, "\"@HireBot help\" (one reply each)", i.path("help_mentions"), "duplicate_replies");
    t.print(out);
    JsonNode warm = i.path("warm_up");
    out.printf("warm: before the measured runs the same flood ran %d rounds of distinct events (%,d events, JIT %s ms)%n",
        warm.path("rounds").asInt(), warm.path("events").asLong(), warm.path("jit_ms").asText());
    if (!mix.isMissingNode()) {
      out.printf("mix: %d mentions, %d replied (%d twice) within %.2f s; mentions counted exactly: %s; load average %s%n",
          mix.path("mentions").asLong(), mix.path("replied").asLong(), mix.path("duplicate_replies").asLong(),
          mix.path("all_replied_s").asDouble(), mix.path("mentions_exact").asBoolean(), mix.path("load_average").asText());
    }
    JsonNode h = i.path("help_mentions");
    out.printf("help run: every message replied after %.2f s (%d replies/s; the bot keeps to Feishu's 50 msg/s)%n",
        h.path("all_replied_s").asDouble(), h.path("replies_per_s").asLong());
    out.printf("flood: this JVM's CPU %s us per event (%s; by threads %s; JIT %s ms meanwhile), generator CPU %s us"
            + " per event, database commits per event %s, load average %s%n",
        flood.path("bot_cpu_us_per_event").asText(), flood.path("cpu_includes_generator").asBoolean()
            ? "bot, idle emulator and the java generator" : "bot and idle emulator; the generator runs apart",
        flood.path("cpu_us_per_event_by_threads"), flood.path("jit_ms").asText(),
        flood.path("generator_cpu_us_per_event").asText("-"), flood.path("db_commits_per_event").asText("-"),
        flood.path("load_average").asText());
    out.printf("flood: bytes allocated per event by threads %s%n", flood.path("allocated_bytes_per_event_by_threads"));
    JsonNode child = i.path("child_jvm");
    if (!child.isMissingNode()) {
      JsonNode c = child.path("no_mention");
      JsonNode w = child.path("warm_up");
      out.printf("flood, bot in a JVM of its own (%s): %s events/s, ack p90/p99/p99.9 %s/%s/%s ms, lost %d, CPU %s us per event (by"
              + " threads %s; JVM threads %s), JIT settled: %s after %d rounds (last round's JIT share %s); load"
              + " average %s%n", child.path("jvm").asText() + ", " + child.path("child_jdk").asText("this JVM's JDK"), c.path("events_per_s").asText(),
          c.path("ack").path("p90_ms").asText("-"), c.path("ack").path("p99_ms").asText(),
          c.path("ack").path("p999_ms").asText("-"), c.path("lost").asLong(), c.path("bot_cpu_us_per_event").asText(),
          c.path("cpu_us_per_event_by_threads"), c.path("jvm_cpu_us_per_event"), w.path("settled").asBoolean(),
          w.path("rounds").asInt(), w.path("last_round_jit_share").asText(), c.path("load_average").asText());
      JsonNode gc = c.path("gc");
      if (!gc.isMissingNode()) {
        out.printf("flood, bot in a JVM of its own, its collector: young pauses %s (%s/s, p50 %s, p90 %s, p99 %s, max %s"
                + " ms; survivors p50 %s KB of a %s KB young generation), full %s (max %s ms), paused %s of the run;"
                + " allocated %s and promoted %s bytes per event%n",
            gc.path("young").path("count").asText(), gc.path("young").path("per_s").asText(),
            gc.path("young").path("p50_ms").asText("-"), gc.path("young").path("p90_ms").asText("-"),
            gc.path("young").path("p99_ms").asText("-"), gc.path("young").path("max_ms").asText("-"),
            gc.path("young_survived_kb_p50").asText("-"), gc.path("young_capacity_kb").asText("-"),
            gc.path("full").path("count").asText(), gc.path("full").path("max_ms").asText("-"),
            gc.path("paused_share").asText(), gc.path("allocated_bytes_per_event").asText(),
            gc.path("promoted_bytes_per_event").asText());
      }
    }
    // The README's section 1 rows, ready to paste (same columns as its table).
    out.printf("README rows:%n");
    out.println(readmeRow("group text without a mention (acked, dropped)", flood, "duplicates", flood.path("handled")
        .asLong() + ""));
    if (!mix.isMissingNode()) {
      out.println(readmeRow("mix: 1 in " + mix.path("mention_every").asInt() + " mentions the bot (`help`, one reply "
          + "each), the rest as above", mix, "duplicates", mix.path("handled").asLong() + " (" + mix.path("replied")
          .asLong() + " replies)"));
    }
    out.println(readmeRow("`@HireBot help` (one reply each)", h, "duplicate_replies", h.path("handled").asLong()
        + " replies"));
  }

  private static String readmeRow(String name, JsonNode run, String duplicates, String handled) {
    return String.join(" | ", "| " + name, String.format("%,d", run.path("events_per_s").asLong()),
        ms(run.path("ack"), "p50_ms"), ms(run.path("ack"), "p99_ms"), ms(run.path("ack"), "max_ms"),
        String.format("%,d", run.path("sent").asLong()), handled.matches("\\d+")
            ? String.format("%,d", Long.parseLong(handled)) : handled,
        String.valueOf(run.path(duplicates).asLong()), run.path("lost").asLong() + " |");
  }

  private static void row(TextTable t, String name, JsonNode run, String duplicates) {
    t.row(name, run.path("events_per_s").asLong(), ms(run.path("ack"), "p50_ms"), ms(run.path("ack"), "p99_ms"),
        ms(run.path("ack"), "max_ms"), run.path("sent").asLong(), run.path("acked").asLong(),
        run.path("handled").asLong(), run.path(duplicates).asLong(), run.path("lost").asLong());
  }

  private void latency(JsonNode l) {
    if (l.isMissingNode()) {
      return;
    }
    out.printf("%n2. \"candidates for job X\": push -> reply (ms); round trips = sequential Hire waves + the IM reply;"
        + " Hire calls %s; sandbox rate limits %s%n", l.path("hire_calls_counted").asText(),
        l.path("sandbox_rate_limits").asText());
    TextTable t = new TextTable("apps", "upstream ms", "cold p50", "cold p99", "cold Hire calls", "cold round trips",
        "warm p50", "warm p99", "warm Hire calls", "warm round trips", "naive ms", "naive Hire calls", "naive/cold",
        "naive/warm");
    for (JsonNode c : l.path("cells")) {
      t.row(c.path("applications").asInt(), c.path("upstream_ms").asInt(), ms(c.path("cold"), "p50_ms"),
          ms(c.path("cold"), "p99_ms"), c.path("cold").path("hire_calls").asDouble(),
          roundTrips(c.path("cold")), ms(c.path("warm"), "p50_ms"), ms(c.path("warm"), "p99_ms"),
          c.path("warm").path("hire_calls").asDouble(), roundTrips(c.path("warm")), ms(c.path("naive"), "ms"),
          c.path("naive").path("hire_calls").asLong(), c.path("speedup_cold").asDouble() + "x",
          c.path("speedup_warm").asDouble() + "x");
    }
    t.print(out);
  }

  private static String roundTrips(JsonNode series) {
    return series.has("round_trips") ? series.path("round_trips").asText() : "-";
  }

  private void card(JsonNode c) {
    if (c.isMissingNode()) {
      return;
    }
    JsonNode f = c.path("upstream_50ms");
    JsonNode s = c.path("upstream_2500ms");
    out.printf("%n3. Card action \"candidates.page\" (%d applications; lists cached by the command, page details not)%n",
        c.path("applications").asInt());
    TextTable t = new TextTable("upstream", "answer p50 ms", "answer p99 ms", "answer max ms",
        "slowest Hire call p50 / p99 ms", "bot's share p50 / p99 ms", "Hire calls", "outcome");
    JsonNode hire = f.path("slowest_hire_call");
    JsonNode bot = f.path("bot_share");
    t.row("50 ms", ms(f, "p50_ms"), ms(f, "p99_ms"), ms(f, "max_ms"), ms(hire, "p50_ms") + " / " + ms(hire, "p99_ms"),
        ms(bot, "p50_ms") + " / " + ms(bot, "p99_ms"), f.path("hire_calls").asDouble(),
        f.path("answered_with_toast_and_card").asInt() + "/" + f.path("n").asInt() + " answered with toast + card");
    t.row("2.5 s", ms(s, "answer_ms"), "-", "-", "-", "-", "-", "HTTP " + s.path("status").asInt() + ", toast \""
        + s.path("toast").asText() + "\", card in answer: " + s.path("card_in_answer").asBoolean()
        + ", delayed update at " + ms(s, "delayed_update_ms") + " ms");
    t.print(out);
  }

  private void memory(JsonNode m) {
    if (m.isMissingNode()) {
      return;
    }
    JsonNode i = m.path("intake_child_jvm");
    out.printf("%n5. Memory and start-up: bot in its own JVM (sandbox mode, %s; %s)%n", m.path("heap").asText(),
        m.path("child_jdk").asText());
    TextTable t = new TextTable("healthy ms", "CPU ms to healthy", "identity ms", "RSS warm MB", "RSS after runs MB", "RSS peak MB",
        "intake events/s", "ack p99 ms", "lost", "bot CPU us/event", "card reads ok");
    t.row(ms(m, "healthy_ms"), ms(m, "cpu_ms_to_healthy"), ms(m, "identity_known_ms"), m.path("rss_after_warm_up_mb").asDouble(),
        m.path("rss_after_runs_mb").asDouble(), m.path("rss_peak_mb").asDouble(), i.path("events_per_s").asLong(),
        ms(i.path("ack"), "p99_ms"), i.path("lost").asLong(), m.path("bot_cpu_us_per_event").asDouble(),
        m.path("card_reads_ok_warm_up").asInt() + m.path("card_reads_ok_load").asInt());
    t.print(out);
    TextTable start = new TextTable("measured on", "first command ms", "warm command ms", "first ÷ warm", "jobs read",
        "archive MB", "first ÷ warm per JVM", "first / warm CPU ms");
    String archive = m.has("cds_error") ? m.path("cds_error").asText() : String.valueOf(m.path("cds_archive_mb").asDouble());
    // The medians of fresh real-mode JVMs (FirstCommands), on which the target is judged, then the first start's
    // single sample in sandbox mode, as earlier sessions reported it.
    firstCommandRow(start, "real-mode restarts", m, archive);
    JsonNode c = m.path("first_command_with_cache");
    if (!c.isMissingNode()) {
      firstCommandRow(start, "the same from the AOT cache", c, archive);
    }
    start.row("sandbox first start, one sample", ms(m, "sandbox_first_command_ms"), ms(m, "sandbox_warm_command_ms"),
        ratio(m, "sandbox_first_command_ms", "sandbox_warm_command_ms"), m.path("sandbox_first_command_jobs").asText(),
        archive, "", ms(m, "sandbox_first_command_cpu_ms") + " / " + ms(m, "sandbox_warm_command_cpu_ms"));
    start.print(out);
    TextTable healthy = new TextTable("start", "healthy ms", "CPU ms to healthy", "with archive: healthy ms",
        "with archive: CPU ms");
    healthy.row("first (empty database: all migrations)", ms(m, "healthy_ms"), ms(m, "cpu_ms_to_healthy"),
        ms(m, "healthy_ms_with_cds"), ms(m, "cpu_ms_to_healthy_with_cds"));
    healthy.row("restart (migrated database)", ms(m, "healthy_ms_restart"), ms(m, "cpu_ms_to_healthy_restart"),
        ms(m, "healthy_ms_with_cds_restart"), ms(m, "cpu_ms_to_healthy_with_cds_restart"));
    healthy.row("restart, real mode (emulator outside, TLS): the targets'", ms(m, "healthy_ms_real_restart"),
        ms(m, "cpu_ms_to_healthy_real_restart"), ms(m, "healthy_ms_real_with_cds_restart"),
        ms(m, "cpu_ms_to_healthy_real_with_cds_restart"));
    // The same restart on this JVM's JDK, when the Dockerfile names another (MemoryAndStartup: "…_jdk<N>").
    m.fieldNames().forEachRemaining(field -> {
      if (field.startsWith("healthy_ms_real_restart_jdk") && !field.endsWith("_runs")) {
        String jdk = field.substring("healthy_ms_real_restart_".length());
        healthy.row("restart, real mode, " + jdk + " (this JVM's JDK, for comparison)",
            ms(m, field), ms(m, "cpu_ms_to_healthy_real_restart_" + jdk),
            ms(m, "healthy_ms_real_with_cds_restart_" + jdk), ms(m, "cpu_ms_to_healthy_real_with_cds_restart_" + jdk));
      }
    });
    healthy.print(out);
  }

  /** One row of FirstCommands' medians ({@code m}: the memory section's, or its {@code first_command_with_cache}). */
  private static void firstCommandRow(TextTable start, String label, JsonNode m, String archive) {
    start.row(label + ", medians of " + m.path("first_command_ms_runs").size() + " JVMs",
        ms(m, "first_command_ms"), ms(m, "warm_command_ms"), ratio(m, "first_command_ms", "warm_command_ms"),
        m.path("first_command_jobs").asText(), archive, m.path("first_over_warm_runs").toString(),
        ms(m, "first_command_cpu_ms") + " / " + ms(m, "warm_command_cpu_ms"));
    if (m.has("first_click_ms")) {
      start.row(label + ": the first click (the card's pager)", ms(m, "first_click_ms"), ms(m, "warm_click_ms"),
          ratio(m, "first_click_ms", "warm_click_ms"), "the command's card", archive,
          m.path("first_click_over_warm_runs").toString(), "-");
    }
  }

  private static String ratio(JsonNode node, String numerator, String denominator) {
    return String.format("%.2f", node.path(numerator).asDouble() / Math.max(0.001, node.path(denominator).asDouble()));
  }

  private static String ms(JsonNode node, String field) {
    double v = node.path(field).asDouble();
    return v >= 100 ? String.valueOf(Math.round(v)) : String.valueOf(v);
  }
}
