package io.hirebot.command;

import io.hirebot.i18n.Language;
import io.hirebot.util.EditDistance;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Grammar rows for digests and the chat's time zone: "digest daily 09:00 [job X]", "digest weekdays 18:00",
 * "digest weekly mon 09:00", "digest off", "digest now", "timezone Europe/Berlin", and "摘要 每天 09:00",
 * "摘要 工作日 18:00", "摘要 每周一 09:00", "关闭摘要", "立即发送摘要", "时区 Europe/Berlin".
 */
final class DigestRules {

  private static final String EN_DAY = "(?<day>mon|tue|wed|thu|fri|sat|sun)[a-z]*";
  private static final String EN_CADENCE = "(?<cadence>daily|every day|weekdays|every weekday|weekly (?:on )?" + EN_DAY
      + "|every " + EN_DAY.replace("day>", "day2>") + ")";
  private static final String ZH_CADENCE = "(?<cadence>每天|每日|工作日|每个工作日|每周(?<zhday>[一二三四五六日天]))";
  private static final String EN_TIME = "(?:at )?(?<time>\\d{1,2}(?::\\d{2})? ?(?:am|pm)?)";
  private static final String ZH_TIME = "(?<time>\\d{1,2}(?::\\d{2}|点半|点)?)";
  /** What a user may type for a time, in range or not ("25:00", "8:75", "123"): the refusal rows read it. */
  static final String ANY_TIME = "\\d{1,4}(?::\\d{1,4})?(?: ?am| ?pm|点半|点)?";

  private static final Map<String, DayOfWeek> ZH_DAYS = Map.of("一", DayOfWeek.MONDAY, "二", DayOfWeek.TUESDAY,
      "三", DayOfWeek.WEDNESDAY, "四", DayOfWeek.THURSDAY, "五", DayOfWeek.FRIDAY, "六", DayOfWeek.SATURDAY,
      "日", DayOfWeek.SUNDAY, "天", DayOfWeek.SUNDAY);
  private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

  /** A UTC offset as typed after "UTC"/"GMT": "+8", "-5", "+05:30", "+0530". */
  private static final String OFFSET = "[+-] ?\\d{1,2}(?::?\\d{2})?";
  private static final ReusableMatcher OFFSET_OF = ReusableMatcher.compile("([+-]) ?(\\d{1,2})(?::?(\\d{2}))?$", 0);

  static final List<CommandRule> RULES = List.of(
      PatternRule.phrases(new Command.DigestOff(), List.of("digest off", "stop digest", "stop the digest",
          "disable digest", "cancel digest", "关闭摘要", "摘要 关闭", "取消摘要", "停止摘要")),
      PatternRule.phrases(new Command.DigestNow(), List.of("digest now", "send digest", "send the digest now",
          "send digest now", "立即发送摘要", "现在发送摘要", "摘要 现在", "发送摘要")),
      PatternRule.groups(enSchedule(EN_TIME), DigestRules::schedule),
      PatternRule.groups(zhSchedule(ZH_TIME), DigestRules::schedule),
      // "digest daily 25:00": the time is wrong, not the command.
      OutOfRangeRule.of(enSchedule("(?:at )?(?<time>" + ANY_TIME + ")"), m -> OutOfRangeRule.notATime(m, "time"),
          DigestRules::example),
      OutOfRangeRule.of(zhSchedule("(?<time>" + ANY_TIME + ")"), m -> OutOfRangeRule.notATime(m, "time"),
          DigestRules::example),
      PatternRule.of("^(?:timezone|time zone|tz|时区) ?(?<arg>[A-Za-z_]+(?:/[A-Za-z_+\\-0-9]+)*"
          + "|(?:UTC|GMT) ?" + OFFSET + ")$", DigestRules::timezone),
      // A zone no one has ("timezone Mars/Olympus", "时区 北京"): an example of one, not the bare help.
      // A zone no one has: says so, with the zone a slip of the keyboard was meant to be, else an example.
      OutOfRangeRule.of("^(?:timezone|time zone|tz|时区) ?(?<zone>.+)$",
          m -> Optional.of(new ParseResult.Problem(ParseResult.Problem.Kind.UNKNOWN_ZONE, m.group("zone").strip())),
          (m, language) -> timezoneExample(m.group("zone"), language)),
      // "digest daily 09:00 for job", "摘要 每天 9点 职位": a digest of one job, the job left out.
      MissingArgumentRule.of(enSchedule(EN_TIME, " (?:for )?(?:the )?job"), DigestRules::missingJob),
      MissingArgumentRule.of(zhSchedule(ZH_TIME, " ?(?:职位|岗位)"), DigestRules::missingJob));

  private DigestRules() {}

  private static String enSchedule(String time) {
    return enSchedule(time, "(?: (?:for )?(?:(?:the )?job )?(?<job>.+))?");
  }

  private static String enSchedule(String time, String job) {
    return "^(?:digest|daily digest) " + EN_CADENCE + " " + time + job + "$";
  }

  private static String zhSchedule(String time) {
    return zhSchedule(time, "(?: ?(?<job>.+))?");
  }

  private static String zhSchedule(String time, String job) {
    return "^摘要 ?" + ZH_CADENCE + " ?" + time + job + "$";
  }

  private static Optional<Command> schedule(Matcher m) {
    Optional<LocalTime> time = time(PatternRule.group(m, "time"));
    Optional<Set<DayOfWeek>> days = days(m);
    String rawJob = PatternRule.group(m, "job");
    Optional<String> job = rawJob.isEmpty() ? Optional.of("") : Slots.jobQuery(rawJob);
    if (time.isEmpty() || days.isEmpty() || job.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Command.ScheduleDigest(days.get(), time.get(), job.get()));
  }

  private static Optional<Set<DayOfWeek>> days(Matcher m) {
    String cadence = PatternRule.group(m, "cadence").toLowerCase(Locale.ROOT);
    if (cadence.startsWith("daily") || cadence.equals("every day") || cadence.equals("每天") || cadence.equals("每日")) {
      return Optional.of(EnumSet.allOf(DayOfWeek.class));
    }
    if (cadence.contains("weekday") || cadence.contains("工作日")) {
      return Optional.of(WEEKDAYS);
    }
    String zh = PatternRule.group(m, "zhday");
    if (!zh.isEmpty()) {
      return Optional.of(Set.of(ZH_DAYS.get(zh)));
    }
    String en = PatternRule.group(m, "day").isEmpty() ? PatternRule.group(m, "day2") : PatternRule.group(m, "day");
    for (DayOfWeek d : DayOfWeek.values()) {
      if (d.name().toLowerCase(Locale.ROOT).startsWith(en.toLowerCase(Locale.ROOT))) {
        return Optional.of(Set.of(d));
      }
    }
    return Optional.empty();
  }

  /** "9", "09:00", "6pm", "6:30 pm", "9点", "9点半" → a time of day; empty when out of range. */
  static Optional<LocalTime> time(String raw) {
    String t = raw.toLowerCase(Locale.ROOT).replace(" ", "");
    boolean pm = t.endsWith("pm");
    boolean am = t.endsWith("am");
    int minute = t.endsWith("点半") ? 30 : 0;
    t = t.replaceAll("(am|pm|点半|点)$", "");
    String[] parts = t.split(":");
    try {
      int hour = Integer.parseInt(parts[0]);
      if (parts.length > 1) {
        minute = Integer.parseInt(parts[1]);
      }
      if ((am || pm) && (hour < 1 || hour > 12)) {
        return Optional.empty();
      }
      hour = pm && hour < 12 ? hour + 12 : (am && hour == 12 ? 0 : hour);
      return Optional.of(LocalTime.of(hour, minute));
    } catch (NumberFormatException | DateTimeException e) {
      return Optional.empty();
    }
  }

  private static Optional<Command> timezone(String raw) {
    // "UTC+8" is an offset; "Etc/GMT+8", an IANA name (whose sign POSIX inverts), is looked up as typed.
    Matcher offset = OFFSET_OF.on(raw);
    if (!raw.contains("/") && offset.find()) {
      return offsetZone(offset);
    }
    for (String id : ZoneId.getAvailableZoneIds()) {
      if (id.equalsIgnoreCase(raw)) {
        return Optional.of(new Command.SetTimezone(id));
      }
    }
    return raw.equalsIgnoreCase("UTC") || raw.equalsIgnoreCase("GMT")
        ? Optional.of(new Command.SetTimezone("UTC")) : Optional.empty();
  }

  /** "UTC+8", "GMT-05:30": a fixed offset, as the zone "UTC+08:00"; empty past Java's ±18 hours. */
  private static Optional<Command> offsetZone(Matcher m) {
    try {
      int hours = Integer.parseInt(m.group(2));
      int minutes = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
      int sign = m.group(1).equals("-") ? -1 : 1;
      ZoneOffset offset = ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
      return Optional.of(new Command.SetTimezone(ZoneId.ofOffset("UTC", offset).getId()));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /** The example for a zone no one has: the zone a slip of the keyboard was meant to be, else Asia/Shanghai. */
  static String timezoneExample(String typed, Language language) {
    String zone = nearestZone(typed.strip()).orElse("Asia/Shanghai");
    return (language == Language.EN ? "timezone " : "时区 ") + zone;
  }

  private static Optional<String> nearestZone(String typed) {
    String wanted = typed.toLowerCase(java.util.Locale.ROOT);
    if (!wanted.contains("/")) {
      return Optional.empty();
    }
    int limit = Typos.allowedTypos(wanted);
    String best = null;
    int bestDistance = limit + 1;
    for (String id : new java.util.TreeSet<>(ZoneId.getAvailableZoneIds())) {
      int d = EditDistance.distance(wanted, id.toLowerCase(java.util.Locale.ROOT), limit);
      if (d < bestDistance) {
        best = id;
        bestDistance = d;
      }
    }
    return Optional.ofNullable(best);
  }

  static String missingJob(Language language) {
    return language == Language.EN ? "digest daily 09:00 for job <name>" : "摘要 每天 09:00 <职位>";
  }

  static String example(Language language) {
    return language == Language.EN ? "digest daily 09:00" : "摘要 每天 09:00";
  }
}
