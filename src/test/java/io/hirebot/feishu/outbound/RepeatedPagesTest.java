package io.hirebot.feishu.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.hirebot.config.BotConfig.FeishuConfig;
import io.hirebot.feishu.FeishuClients;
import io.hirebot.hire.HireDirectory;
import io.hirebot.sandbox.FeishuSandbox;
import io.hirebot.sandbox.SandboxConfig;
import io.hirebot.util.RateBudget;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Hire list the bot reads keeps each item once when a page repeats items an earlier page gave (Hire's list
 * moving under its paging): a job, interview, note, offer or reason twice is a row shown twice and a count doubled.
 */
class RepeatedPagesTest {
  private final Vertx vertx = Vertx.vertx();
  private final FeishuSandbox sandbox = await(FeishuSandbox.start(vertx, SandboxConfig.defaults()));
  private final FeishuClients feishu = new FeishuClients(vertx, new FeishuConfig(sandbox.config().appId(),
      sandbox.config().appSecret(), "", "", sandbox.baseUrl()), new SimpleMeterRegistry(), RateBudget.Factory.LOCAL,
      Duration.ofSeconds(8));
  private final HireDirectory hire = new FeishuHireDirectory(feishu.client(), feishu.calls());

  @AfterEach
  void stop() {
    feishu.close();
    await(sandbox.close());
    await(vertx.close());
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static Stream<Arguments> lists() {
    return Stream.of(
        Arguments.of("jobs", "/open-apis/hire/v1/jobs", (Function<RepeatedPagesTest, Future<? extends List<?>>>)
            t -> t.hire.jobs()),
        Arguments.of("processes", "/open-apis/hire/v1/job_processes",
            (Function<RepeatedPagesTest, Future<? extends List<?>>>) t -> t.hire.processes()),
        Arguments.of("termination reasons", "/open-apis/hire/v1/termination_reasons",
            (Function<RepeatedPagesTest, Future<? extends List<?>>>) t -> t.hire.terminationReasons()),
        Arguments.of("interviews", "/open-apis/hire/v1/interviews",
            (Function<RepeatedPagesTest, Future<? extends List<?>>>) t -> t.hire.interviews(
                Instant.now().minus(Duration.ofDays(60)), Instant.now().plus(Duration.ofDays(60)))),
        Arguments.of("notes", "/open-apis/hire/v1/notes",
            (Function<RepeatedPagesTest, Future<? extends List<?>>>) t -> t.hire.notes(
                t.sandbox.hire().notes().get(0).talentId())),
        Arguments.of("offers", "/open-apis/hire/v1/offers",
            (Function<RepeatedPagesTest, Future<? extends List<?>>>) t -> t.hire.offersOfTalent(
                t.sandbox.hire().offers().get(0).talentId())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lists")
  @DisplayName("a list whose next page starts over is read with each item once, as without the repeat")
  void eachItemOnce(String what, String path, Function<RepeatedPagesTest, Future<? extends List<?>>> read) {
    List<?> plain = await(read.apply(this));
    assertFalse(plain.isEmpty(), what + ": the demo tenant has some");
    sandbox.faults().repeatingPages(path);
    List<?> repeated = await(read.apply(this));
    assertEquals(plain, repeated, what);
  }
}
