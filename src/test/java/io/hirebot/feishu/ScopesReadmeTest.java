package io.hirebot.feishu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The README's scope and event lists are {@link FeishuScopes#readmeSection()}, and the table covers every call
 * the code makes. Run with {@code -Dreadme.write=true} to rewrite the README block from the table.
 */
class ScopesReadmeTest {
  /** {@code calls.call("op"}, {@code calls.raw("op"}, {@code collect("op"} and probes' {@code new Probe("op"}. */
  private static final Pattern CALL = Pattern.compile("(?:calls\\.(?:<[^>]*>)?(?:call|raw)|new Probe)\\(\\s*\"([a-z_.]+)\"");

  @Test
  @DisplayName("the README's scope table, events and callback are exactly what FeishuScopes generates")
  void readmeMatchesTable() throws IOException {
    String expected = FeishuScopes.readmeSection();
    if (Boolean.getBoolean("readme.write")) {
      String text = Files.readString(ReadmeScopes.README);
      Files.writeString(ReadmeScopes.README, text.substring(0, text.indexOf(ReadmeScopes.BEGIN)
          + ReadmeScopes.BEGIN.length()) + expected + text.substring(text.indexOf(ReadmeScopes.END)));
    }
    assertEquals(expected, ReadmeScopes.block(), "README scopes block is stale: run mvn test -Dtest=ScopesReadmeTest "
        + "-Dreadme.write=true");
    assertEquals(List.copyOf(FeishuScopes.required()), ReadmeScopes.scopes());
  }

  @Test
  @DisplayName("the README asks for what the issue names: notes, interviews, offers, bot-added and every Hire event")
  void listsWhatTheBotUses() throws IOException {
    List<String> scopes = ReadmeScopes.scopes();
    for (String s : List.of("im:message:send_as_bot", "im:message.p2p_msg:readonly", "im:message.group_at_msg:readonly",
        "im:chat:readonly", "hire:note:readonly", "hire:note", "hire:interview:readonly", "hire:offer:readonly",
        "hire:application", "hire:talent:readonly")) {
      assertTrue(scopes.contains(s), s + " missing from " + scopes);
    }
    String block = ReadmeScopes.block();
    for (String e : List.of("im.message.receive_v1", "im.chat.member.bot.added_v1", "card.action.trigger",
        "hire.application.stage_changed_v1", "hire.application.deleted_v1", "hire.offer.status_changed_v1",
        "application.bot.menu_v6")) {
      assertTrue(block.contains("`" + e + "`"), e + " missing from the README");
    }
  }

  @Test
  @DisplayName("every Feishu call in the code is in the table (a new call without a scope row fails here)")
  void everyCallIsInTheTable() throws IOException {
    Set<String> called = new TreeSet<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java/io/hirebot/feishu"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher m = CALL.matcher(Files.readString(f));
        while (m.find()) {
          called.add(m.group(1));
        }
      }
    }
    assertTrue(called.size() >= 20, "found too few calls to be believable: " + called);
    Set<String> unknown = new TreeSet<>();
    called.stream().filter(op -> FeishuScopes.of(op).isEmpty()).forEach(unknown::add);
    assertEquals(Set.of(), unknown, "calls without a FeishuScopes row");
  }

  @Test
  @DisplayName("every event type the inbound mapper handles is in the table, and no other")
  void everyHandledEventIsInTheTable() {
    Set<String> table = new TreeSet<>(FeishuScopes.events(FeishuScopes.Kind.EVENT));
    table.addAll(FeishuScopes.events(FeishuScopes.Kind.CALLBACK));
    assertEquals(new TreeSet<>(io.hirebot.feishu.inbound.InboundMapper.HANDLED_TYPES), table);
  }

  @Test
  @DisplayName("a refusal names our scope when Feishu lists it among the acceptable ones, else Feishu's first")
  void namingTheRefusedScope() {
    assertEquals("hire:offer:readonly", FeishuScopes.toName("hire.offer.get", List.of("hire:offer", "hire:offer:readonly")));
    assertEquals("hire:offer:readonly", FeishuScopes.toName("hire.offer.get", List.of()));
    assertEquals("other:scope", FeishuScopes.toName("hire.offer.get", List.of("other:scope")));
    assertEquals("x:y", FeishuScopes.toName("not.in.the.table", List.of("x:y")));
    assertEquals("", FeishuScopes.toName("not.in.the.table", List.of()));
  }
}
