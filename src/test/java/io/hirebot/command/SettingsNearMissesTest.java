package io.hirebot.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A chat-settings command (subscribe, digest, quiet hours, time zone) typed with its job left out is answered with
 * how to write it, not with the tenant's job list or a search for jobs named after the command: "订阅 职位" found
 * "0 jobs matching '订阅'", and "digest daily 09:00 for job" listed the open jobs without a word about the digest.
 */
@DisplayName("CommandParser: settings commands with a part missing, against the tenant's jobs")
class SettingsNearMissesTest {
  private final CommandParser parser = new CommandParser(Phrasings::lexicon);

  @DisplayName("with the job left out: how to write it")
  @ParameterizedTest(name = "\"{0}\" → \"{1}\"")
  @CsvSource(delimiter = '|', textBlock = """
      subscribe job        | subscribe job <name>
      subscribe to the job | subscribe job <name>
      订阅 职位             | 订阅 <职位>
      订阅职位              | 订阅 <职位>
      digest daily 09:00 for job | digest daily 09:00 for job <name>
      摘要 每天 9点 职位      | 摘要 每天 09:00 <职位>
      unsubscribe job      | unsubscribe job <name>
      取消订阅 职位          | 取消订阅 <职位>
      """)
  void missingJob(String text, String example) {
    ParseResult.Unknown unknown = assertInstanceOf(ParseResult.Unknown.class, parser.parse(text), text);
    assertEquals(example, unknown.suggestion());
  }

  @DisplayName("a settings command the grammar cannot read: no command, so the help card answers")
  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"quiet 22:00-08:00 for job", "免打扰 职位", "digest of job", "摘要 职位"})
  void unreadSetting(String text) {
    assertInstanceOf(ParseResult.Unknown.class, parser.parse(text), text);
  }

  @Test
  @DisplayName("\"timezone for job\": a zone no one has, said so")
  void notAZone() {
    ParseResult.Unknown unknown = assertInstanceOf(ParseResult.Unknown.class, parser.parse("timezone for job"));
    assertEquals(ParseResult.Problem.Kind.UNKNOWN_ZONE, unknown.problem().kind());
  }

  @DisplayName("the same words with a job, and job lists, read as before")
  @ParameterizedTest(name = "\"{0}\" → {1}")
  @CsvSource(delimiter = '|', textBlock = """
      subscribe job Backend Engineer                | Subscribe
      订阅 后端开发工程师                             | Subscribe
      digest daily 09:00 for job Backend Engineer   | ScheduleDigest
      jobs                                          | ListJobs
      backend jobs                                  | ListJobs
      后端 职位                                      | ListJobs
      职位                                          | ListJobs
      digest of backend candidates                  | ShowCandidates
      digest pipeline for backend                   | ShowPipeline
      quiet week? how many candidates for backend   | CountCandidates
      digest of interviews this week                | ListInterviews
      摘要 本周面试                                  | ListInterviews
      """)
  void stillRead(String text, String command) {
    ParseResult.Parsed parsed = assertInstanceOf(ParseResult.Parsed.class, parser.parse(text), text);
    assertEquals(command, parsed.command().getClass().getSimpleName());
  }
}
