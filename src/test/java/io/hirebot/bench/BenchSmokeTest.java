package io.hirebot.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the benchmark in its tiny configuration: it must finish and report its sections; no timing is asserted.
 * The sections that start a bot JVM of their own or fan a digest out run here, the in-process ones in
 * {@link BenchInProcessSmokeTest}: two classes, so the suite's JVMs run the halves at once (together they were the
 * suite's longest class).
 */
class BenchSmokeTest {

  /** {@code bench --quick --sections <sections>} into {@code out}; returns its results.json. */
  static JsonNode quickRun(Path out, String sections) throws IOException {
    Bench.run(BenchOptions.parse(new String[] {"--quick", "--sections", sections, "--out", out.toString()}));
    JsonNode r = new ObjectMapper().readTree(Files.readString(out.resolve("results.json")));
    for (String section : new String[] {"machine", "targets"}) {
      assertTrue(r.has(section), "missing section " + section + " in " + r);
    }
    return r;
  }

  @Test
  @DisplayName("the quick benchmark's child-JVM and digest sections: every click answered, every digest delivered")
  void childJvmAndDigest(@TempDir Path out) throws Exception {
    // WHEN the benchmark runs those sections in its tiny configuration
    JsonNode r = quickRun(out, "memory,digest");

    // THEN results.json has them
    for (String section : new String[] {"digest_fan_out", "memory"}) {
      assertTrue(r.has(section), "missing section " + section + " in " + r);
    }
    // AND every digest arrived within Feishu's IM limits
    JsonNode digests = r.path("digest_fan_out");
    assertEquals(digests.path("chats").asLong(), digests.path("digests_delivered").asLong(), digests.toString());
    assertEquals(0, digests.path("im_rate_limited_answers").asLong(), digests.toString());
    assertTrue(r.path("memory").path("rss_after_runs_mb").asDouble() > 0, r.path("memory").toString());
    // AND every "show candidates" click on the child bot was answered with the card (not a refusal)
    JsonNode memory = r.path("memory");
    assertTrue(memory.path("card_reads_load").asLong() > 0, memory.toString());
    assertEquals(memory.path("card_reads_warm_up").asLong(), memory.path("card_reads_ok_warm_up").asLong(), memory.toString());
    assertEquals(memory.path("card_reads_load").asLong(), memory.path("card_reads_ok_load").asLong(), memory.toString());
    // AND a restart on the first child's database became healthy too (with and without the class-data archive)
    assertTrue(memory.path("healthy_ms_restart").asDouble() > 0, memory.toString());
    assertTrue(memory.has("cds_error") || memory.path("healthy_ms_with_cds_restart").asDouble() > 0, memory.toString());
    // AND so did a restart in real mode, against the emulator in the benchmark's JVM over TLS (with and without it)
    assertTrue(memory.path("healthy_ms_real_restart").asDouble() > 0, memory.toString());
    assertTrue(memory.has("cds_error") || memory.path("healthy_ms_real_with_cds_restart").asDouble() > 0,
        memory.toString());
    // AND a fresh real-mode JVM answered its first click and the warm ones with their twin job's card (else the
    // section fails), on each JVM
    assertEquals(BenchOptions.quick(out).firstCommands(), memory.path("first_over_warm_runs").size(), memory.toString());
    // AND each clicked its first card's pager, and warm ones, each answered with its job's card in place
    assertEquals(BenchOptions.quick(out).firstCommands(), memory.path("first_click_over_warm_runs").size(),
        memory.toString());
  }
}
