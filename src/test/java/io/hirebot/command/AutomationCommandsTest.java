package io.hirebot.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.hirebot.command.Command.NotificationKind;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("CommandParser: subscriptions, digests, time zone")
class AutomationCommandsTest {
  private final CommandParser parser = new CommandParser();

  private Command parsed(String text) {
    ParseResult r = parser.parse(text);
    return assertInstanceOf(ParseResult.Parsed.class, r, text + " → " + r).command();
  }

  @DisplayName("subscribe: job and kinds")
  @ParameterizedTest(name = "\"{0}\" → {1} {2}")
  @CsvSource(delimiter = '|', textBlock = """
      subscribe job Backend Engineer            | Backend Engineer | NEW STAGE OFFER
      subscribe to BE-001                       | BE-001           | NEW STAGE OFFER
      subscribe job Backend to offer            | Backend          | OFFER
      subscribe job Backend to new and stage    | Backend          | NEW STAGE
      subscribe job Data Scientist for offers   | Data Scientist   | OFFER
      please subscribe job BE-001 to new        | BE-001           | NEW
      订阅 后端开发工程师                         | 后端开发工程师    | NEW STAGE OFFER
      订阅 BE-001 的 offer                       | BE-001           | OFFER
      订阅 后端 新投递和阶段                       | 后端             | NEW STAGE
      """)
  void subscribe(String text, String job, String kinds) {
    Command.Subscribe s = assertInstanceOf(Command.Subscribe.class, parsed(text));
    assertEquals(job, s.jobQuery());
    Set<NotificationKind> expected = EnumSet.noneOf(NotificationKind.class);
    for (String k : kinds.split(" ")) {
      expected.add(NotificationKind.valueOf(k));
    }
    assertEquals(expected, s.kinds());
  }

  @DisplayName("unsubscribe and list")
  @ParameterizedTest(name = "\"{0}\" → {1}")
  @CsvSource(delimiter = '|', textBlock = """
      unsubscribe job Backend    | Backend
      unsubscribe from BE-001    | BE-001
      取消订阅 后端               | 后端
      subscriptions              |
      my subscriptions           |
      订阅列表                    |
      我的订阅                    |
      settings                   |
      quiet                      |
      digest                     |
      daily digest               |
      摘要                        |
      timezone                   |
      时区                        |
      """)
  void unsubscribeAndList(String text, String job) {
    Command c = parsed(text);
    if (job == null) {
      assertInstanceOf(Command.ListSubscriptions.class, c);
    } else {
      assertEquals(job, assertInstanceOf(Command.Unsubscribe.class, c).jobQuery());
    }
  }

  @DisplayName("digest schedules")
  @ParameterizedTest(name = "\"{0}\" → {1} at {2} job \"{3}\"")
  @CsvSource(delimiter = '|', textBlock = """
      digest daily 09:00                 | DAILY    | 09:00 |
      digest daily 9:00 job Backend      | DAILY    | 09:00 | Backend
      digest daily at 6pm for BE-001     | DAILY    | 18:00 | BE-001
      digest weekdays 18:00              | WEEKDAYS | 18:00 |
      digest weekly mon 09:00            | MONDAY   | 09:00 |
      digest weekly friday 17:30         | FRIDAY   | 17:30 |
      摘要 每天 09:00                     | DAILY    | 09:00 |
      摘要 工作日 18:00                   | WEEKDAYS | 18:00 |
      摘要 每周一 9点                      | MONDAY   | 09:00 |
      摘要 每天 9点半 后端                 | DAILY    | 09:30 | 后端
      """)
  void digest(String text, String cadence, String time, String job) {
    Command.ScheduleDigest d = assertInstanceOf(Command.ScheduleDigest.class, parsed(text));
    Set<DayOfWeek> days = switch (cadence) {
      case "DAILY" -> EnumSet.allOf(DayOfWeek.class);
      case "WEEKDAYS" -> EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
      default -> Set.of(DayOfWeek.valueOf(cadence));
    };
    assertEquals(days, d.days());
    assertEquals(LocalTime.parse(time), d.time());
    assertEquals(job == null ? "" : job, d.jobQuery());
  }

  @DisplayName("digest off / now, time zone")
  @ParameterizedTest(name = "\"{0}\" → {1}")
  @CsvSource(delimiter = '|', textBlock = """
      digest off                 | DigestOff
      关闭摘要                    | DigestOff
      digest now                 | DigestNow
      立即发送摘要                 | DigestNow
      timezone Europe/Berlin     | SetTimezone
      时区 Asia/Shanghai          | SetTimezone
      timezone utc               | SetTimezone
      quiet 22:00-08:00          | QuietHours
      quiet hours 22:00 to 8:00  | QuietHours
      免打扰 22:00-08:00          | QuietHours
      quiet off                  | QuietHoursOff
      关闭免打扰                   | QuietHoursOff
      """)
  void others(String text, String type) {
    assertEquals(type, parsed(text).getClass().getSimpleName());
  }

  @DisplayName("incomplete or invalid forms are not commands")
  @ParameterizedTest(name = "\"{0}\"")
  @CsvSource(delimiter = '|', textBlock = """
      subscribe
      digest daily 25:00
      timezone Mars/Olympus
      """)
  void refused(String text) {
    assertInstanceOf(ParseResult.Unknown.class, parser.parse(text), text);
  }

  @DisplayName("a known command with an argument out of range says what is wrong and how to write it")
  @ParameterizedTest(name = "\"{0}\" → {1} {2}, e.g. {3}")
  @CsvSource(delimiter = '|', textBlock = """
      quiet 25:00-08:00          | NOT_A_TIME     | 25:00  | quiet 22:00-08:00   | EN
      quiet 22:00-08:75          | NOT_A_TIME     | 08:75  | quiet 22:00-08:00   | EN
      quiet hours 22:00 to 123   | NOT_A_TIME     | 123    | quiet 22:00-08:00   | EN
      免打扰 25:00-08:00          | NOT_A_TIME     | 25:00  | 免打扰 22:00-08:00   | ZH
      quiet 08:00-08:00          | EMPTY_WINDOW   | 08:00-08:00 | quiet 22:00-08:00 | EN
      quiet 8am to 08:00         | EMPTY_WINDOW   | 8am-08:00   | quiet 22:00-08:00 | EN
      免打扰 8点到8点              | EMPTY_WINDOW   | 8点-8点      | 免打扰 22:00-08:00 | ZH
      digest daily 25:00         | NOT_A_TIME     | 25:00  | digest daily 09:00  | EN
      摘要 每天 25:00             | NOT_A_TIME     | 25:00  | 摘要 每天 09:00      | ZH
      audit 100000               | AUDIT_RANGE    | 100000 | audit 50            | EN
      audit 51                   | AUDIT_RANGE    | 51     | audit 50            | EN
      audit 0                    | AUDIT_RANGE    | 0      | audit 50            | EN
      审计 0                      | AUDIT_RANGE    | 0      | 审计 50              | ZH
      timezone Europe/Berlinn    | UNKNOWN_ZONE   | Europe/Berlinn | timezone Europe/Berlin | EN
      timezone asia/shangai      | UNKNOWN_ZONE   | asia/shangai   | timezone Asia/Shanghai | EN
      timezone Mars/Olympus      | UNKNOWN_ZONE   | Mars/Olympus   | timezone Asia/Shanghai | EN
      timezone PST               | UNKNOWN_ZONE   | PST            | timezone Asia/Shanghai | EN
      时区 火星                   | UNKNOWN_ZONE   | 火星            | 时区 Asia/Shanghai      | ZH
      """)
  void outOfRange(String text, ParseResult.Problem.Kind kind, String given, String example,
      io.hirebot.i18n.Language language) {
    ParseResult.Unknown refused = assertInstanceOf(ParseResult.Unknown.class, parser.parse(text), text);
    assertEquals(new ParseResult.Problem(kind, given), refused.problem(), text);
    assertEquals(example, refused.suggestion(), text);
    assertEquals(language, refused.language(), text);
  }

  @DisplayName("audit takes 1 to 50 entries")
  @ParameterizedTest(name = "\"{0}\" → {1}")
  @CsvSource(delimiter = '|', textBlock = """
      audit      | 20
      audit 1    | 1
      audit 50   | 50
      审计 5      | 5
      """)
  void auditInRange(String text, int limit) {
    assertEquals(new Command.Audit(limit), parsed(text));
  }

  @DisplayName("the time zone keeps its canonical spelling")
  @ParameterizedTest(name = "\"{0}\" → {1}")
  @CsvSource(delimiter = '|', textBlock = """
      timezone europe/berlin | Europe/Berlin
      """)
  void zoneSpelling(String text, String zone) {
    assertEquals(zone, assertInstanceOf(Command.SetTimezone.class, parsed(text)).zoneId());
  }
}
