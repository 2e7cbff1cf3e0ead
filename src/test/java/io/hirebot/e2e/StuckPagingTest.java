package io.hirebot.e2e;

import static io.hirebot.e2e.BotHarness.TIMEOUT;
import static io.hirebot.e2e.BotHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.sandbox.ImState;
import io.hirebot.sandbox.MessageSpec;
import io.hirebot.sandbox.PushResult;
import io.hirebot.sandbox.RecordedRequest;
import io.hirebot.sandbox.SentMessage;
import io.hirebot.sandbox.hire.DemoTenant;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A Hire whose paging loops (has_more stays true with the same page_token) still gets every command its outcome at
 * once: the repeated token ends the read as a failed Hire call, instead of 200 pages read at Hire's rate limit while
 * the card says "still waiting". Like every failed Hire call, it reaches the user with its X-Tt-Logid: the one Hire
 * answered the repeating page with, so an admin can look that answer up.
 */
class StuckPagingTest {
  private static final String TEAM = ImState.DEMO_TEAM_CHAT;
  private static final AtomicInteger SENDERS = new AtomicInteger();
  @RegisterExtension
  static final BotHarness h = BotHarness.encrypted();

  @AfterEach
  void clear() {
    h.sandbox.faults().clear();
  }

  private static void sleep() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  // "offers" last: its card reads every job's application lists (paging well then), which the bot keeps for a few
  // seconds, so a later case would be answered from them without a page of its own looping.
  @ParameterizedTest(name = "{1} while {0} loops")
  @CsvSource({
      "/open-apis/hire/v1/applications, candidates for job BE-001",
      "/open-apis/hire/v1/applications, pipeline for job BE-001",
      "/open-apis/hire/v1/applications, jobs",
      "/open-apis/hire/v1/interviews, interviews this week",
      "/open-apis/hire/v1/applications, 后端开发工程师的候选人",
      "/open-apis/hire/v1/offers, offers"})
  void loopingPagesStillAnswer(String path, String text) {
    h.sandbox.faults().stuckPaging(path);
    int before = h.sandbox.requests().all().size();
    long start = System.nanoTime();
    PushResult push = await(h.sandbox.events().message(MessageSpec.group(TEAM)
        .from(DemoTenant.ADMIN_ZHOU + "_" + SENDERS.incrementAndGet()).mentioningBot().text(text)));
    assertEquals(200, push.status(), push.body());
    SentMessage reply = await(h.sandbox.im().awaitMessage(m -> push.messageId().equals(m.parentId()), TIMEOUT));
    // The answer may come as an update of the first reply ("Still waiting…" replaced): read it anew each time.
    java.util.function.Supplier<String> now = () -> h.sandbox.im().message(reply.messageId()).orElseThrow()
        .currentContent().toString();
    while (Replies.stillWaiting(now.get()) && System.nanoTime() - start < Duration.ofSeconds(30).toNanos()) {
      sleep();
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    String shown = now.get();
    assertFalse(shown.contains("Exception"), shown);
    assertFalse(shown.contains("\tat "), shown);
    assertFalse(Replies.stillWaiting(shown), "no outcome after " + took + ": " + shown);
    List<RecordedRequest> secondPages = h.sandbox.requests().all().stream().skip(before)
        .filter(r -> r.is("GET", path) && r.queryParam("page_token") != null).toList();
    List<String> repeatedPages = secondPages.stream().map(RecordedRequest::logId).toList();
    assertFalse(repeatedPages.isEmpty(), "the sandbox saw no second page of " + path + ": " + shown);
    // Failed at the first repeated token, not followed to the 200-page limit: one second page per list, however many
    // lists the command reads at once (a count of them grew with the list's budget: 21 at 50/s against 18/s).
    java.util.Map<String, Long> perList = secondPages.stream().collect(java.util.stream.Collectors.groupingBy(
        r -> new java.util.TreeMap<>(r.query()).entrySet().stream().filter(e -> !e.getKey().equals("page_token"))
            .map(Object::toString).collect(java.util.stream.Collectors.joining("&")),
        java.util.stream.Collectors.counting()));
    assertTrue(perList.values().stream().allMatch(n -> n == 1), "second pages per list of " + path + ": " + perList);
    assertTrue(repeatedPages.stream().allMatch(id -> id != null && !id.isEmpty()), repeatedPages::toString);
    assertTrue(repeatedPages.stream().anyMatch(shown::contains),
        "the error shows none of the log ids " + repeatedPages + " the repeating pages were answered with: " + shown);
  }
}
