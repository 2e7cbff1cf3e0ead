package io.hirebot.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quick benchmark's in-process sections (the others are in {@link BenchSmokeTest}); no timing is asserted. */
class BenchInProcessSmokeTest {

  @Test
  @DisplayName("the quick benchmark's in-process sections: every acknowledged event handled once, none lost in the outage")
  void inProcessSections(@TempDir Path out) throws Exception {
    // WHEN the benchmark runs them in its tiny configuration
    JsonNode r = BenchSmokeTest.quickRun(out, "intake,latency,card,outage");

    // THEN results.json has every one
    for (String section : new String[] {"intake", "command_latency", "card_action", "hire_outage"}) {
      assertTrue(r.has(section), "missing section " + section + " in " + r);
    }
    // AND nothing was lost or handled twice
    JsonNode flood = r.path("intake").path("no_mention");
    assertTrue(flood.path("acked").asLong() > 0, flood.toString());
    assertEquals(flood.path("acked").asLong(), flood.path("handled").asLong(), flood.toString());
    // (a post that got no answer is sent again, as Feishu redelivers: the bot then counts it a duplicate, and drops it)
    assertTrue(flood.path("duplicates").asLong() <= flood.path("redelivered").asLong(), flood.toString());
    // AND the flood against the bot in a JVM of its own (operators' flags) too, its CPU read from /proc
    JsonNode child = r.path("intake").path("child_jvm").path("no_mention");
    assertTrue(child.path("acked").asLong() > 0, child.toString());
    assertEquals(child.path("acked").asLong(), child.path("handled").asLong(), child.toString());
    assertTrue(child.path("duplicates").asLong() <= child.path("redelivered").asLong(), child.toString());
    assertTrue(child.path("cpu_us_per_event_by_threads").has("vert.x-eventloo"), child.toString());
    JsonNode mix = r.path("intake").path("mix");
    assertEquals(mix.path("acked").asLong(), mix.path("handled").asLong(), mix.toString());
    assertTrue(mix.path("mentions").asLong() > 0, mix.toString());
    assertEquals(mix.path("mentions").asLong(), mix.path("replied").asLong(), "each mention of the mix replied " + mix);
    assertEquals(0, mix.path("duplicate_replies").asLong(), mix.toString());
    assertEquals(0, mix.path("lost").asLong(), mix.toString());
    JsonNode help = r.path("intake").path("help_mentions");
    assertEquals(help.path("sent").asLong(), help.path("handled").asLong(), help.toString());
    assertEquals(0, help.path("duplicate_replies").asLong(), help.toString());
    // AND during the Hire outage no event was lost or answered twice
    assertTrue(r.path("hire_outage").path("per_user").size() > 0, r.path("hire_outage").toString());
    for (JsonNode user : r.path("hire_outage").path("per_user")) {
      assertEquals(0, user.path("lost").asLong(), user.toString());
      assertEquals(0, user.path("answered_twice").asLong(), user.toString());
    }
  }
}
