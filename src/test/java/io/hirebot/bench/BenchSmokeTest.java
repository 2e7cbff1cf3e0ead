package io.hirebot.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the benchmark in its tiny configuration: it must finish and report every section; no timing is asserted. */
class BenchSmokeTest {

  @Test
  @DisplayName("the quick benchmark writes every section, and every acknowledged event was handled once")
  void quickRun(@TempDir Path out) throws Exception {
    // WHEN the benchmark runs in its tiny configuration
    Bench.run(BenchOptions.quick(out));

    // THEN results.json has every section
    JsonNode r = new ObjectMapper().readTree(Files.readString(out.resolve("results.json")));
    for (String section : new String[] {"machine", "intake", "command_latency", "card_action", "digest_fan_out",
        "memory", "targets"}) {
      assertTrue(r.has(section), "missing section " + section + " in " + r);
    }
    // AND nothing was lost or handled twice
    JsonNode flood = r.path("intake").path("no_mention");
    assertTrue(flood.path("acked").asLong() > 0, flood.toString());
    assertEquals(flood.path("acked").asLong(), flood.path("handled").asLong(), flood.toString());
    assertEquals(0, flood.path("duplicates").asLong(), flood.toString());
    JsonNode help = r.path("intake").path("help_mentions");
    assertEquals(help.path("sent").asLong(), help.path("handled").asLong(), help.toString());
    assertEquals(0, help.path("duplicate_replies").asLong(), help.toString());
    JsonNode digests = r.path("digest_fan_out");
    assertEquals(digests.path("chats").asLong(), digests.path("digests_delivered").asLong(), digests.toString());
    assertEquals(0, digests.path("im_rate_limited_answers").asLong(), digests.toString());
    assertTrue(r.path("memory").path("rss_after_runs_mb").asDouble() > 0, r.path("memory").toString());
    // AND every "show candidates" click on the child bot was answered with the card (not a refusal)
    JsonNode memory = r.path("memory");
    assertTrue(memory.path("card_reads_load").asLong() > 0, memory.toString());
    assertEquals(memory.path("card_reads_warm_up").asLong(), memory.path("card_reads_ok_warm_up").asLong(), memory.toString());
    assertEquals(memory.path("card_reads_load").asLong(), memory.path("card_reads_ok_load").asLong(), memory.toString());
  }
}
