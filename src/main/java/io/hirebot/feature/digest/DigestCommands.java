package io.hirebot.feature.digest;

import io.hirebot.bot.ChatDigests;
import io.hirebot.bot.CommandContext;
import io.hirebot.bot.JobQueries;
import io.hirebot.bot.Reply;
import io.hirebot.command.Command;
import io.hirebot.i18n.DateTexts;
import io.hirebot.i18n.Language;
import io.hirebot.i18n.Messages;
import io.hirebot.schedule.WeeklySlots;
import io.hirebot.store.ChatSettingsStore;
import io.hirebot.store.DigestStore;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** "digest daily 09:00 [job X]" and friends, "digest off", "digest now" and "timezone Z" for one chat. */
final class DigestCommands {
  /** "digest now" with no digest sent before covers the last day. */
  static final Duration DEFAULT_NOW_PERIOD = Duration.ofDays(1);
  private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

  private final DigestStore digests;
  private final ChatSettingsStore settings;
  private final DigestComposer composer;
  private final JobQueries jobQueries;
  private final Messages messages;
  private final Clock clock;
  private final ZoneId defaultZone;

  DigestCommands(DigestStore digests, ChatSettingsStore settings, DigestComposer composer,
      JobQueries jobQueries, Messages messages, Clock clock, ZoneId defaultZone) {
    this.digests = digests;
    this.settings = settings;
    this.composer = composer;
    this.jobQueries = jobQueries;
    this.messages = messages;
    this.clock = clock;
    this.defaultZone = defaultZone;
  }

  public Future<Reply> schedule(Command.ScheduleDigest command, CommandContext context) {
    Language lang = context.language();
    String chatId = chat(context);
    Future<JobQueries.Resolved> job = command.jobQuery().isEmpty()
        ? Future.succeededFuture(new JobQueries.Resolved(null, null))
        : jobQueries.resolve(command.jobQuery(), lang);
    return job.compose(r -> {
      if (!command.jobQuery().isEmpty() && !r.found()) {
        return Future.succeededFuture(r.reply());
      }
      String jobId = r.found() ? r.job().id() : "";
      String what = r.found() ? JobQueries.label(r.job()) : messages.get(lang, "digest.set.subscribed");
      return digests.put(chatId, command.days(), command.time(), jobId, lang.feishuLocale())
          .compose(replaced -> {
            ZoneId zone = context.zone();
            Instant next = new WeeklySlots(command.days(), command.time(), zone).nextAfter(clock.instant());
            Reply.Text set = text(lang, "digest.set", phrase(command.days(), command.time(), zone, what, lang),
                DateTexts.dateTime(next, clock.instant().atZone(zone), lang));
            // A chat has one digest: say which one this replaced, so no one is left expecting the old one.
            return replaced.isEmpty() ? Future.succeededFuture(set)
                : describe(replaced.get(), lang).map(old -> set.plus(text(lang, "digest.replaced", old)));
          });
    });
  }

  /** The chat's digest in words ({@link ChatDigests}); empty when it has none. */
  Future<Optional<Reply.Text>> describe(String chatId, Language lang) {
    return digests.get(chatId).compose(schedule -> schedule.isEmpty() ? Future.succeededFuture(Optional.empty())
        : describe(schedule.get(), lang).map(Optional::of));
  }

  private Future<Reply.Text> describe(DigestStore.Schedule schedule, Language lang) {
    Future<String> what = schedule.jobId().isEmpty()
        ? Future.succeededFuture(messages.get(lang, "digest.set.subscribed")) : jobQueries.label(schedule.jobId());
    return what.map(w -> phrase(schedule.days(), schedule.time(), schedule.zone().orElse(defaultZone), w, lang));
  }

  /** "every day at 09:00 (Asia/Shanghai) for Backend Engineer (BE-001)". */
  private Reply.Text phrase(Set<DayOfWeek> days, LocalTime time, ZoneId zone, String what, Language lang) {
    return text(lang, "digest.schedule", cadence(days, lang), time.toString(), zone.getId(), what);
  }

  public Future<Reply> off(Command.DigestOff command, CommandContext context) {
    Language lang = context.language();
    return digests.remove(chat(context)).map(had -> text(lang, had ? "digest.off" : "digest.off.none"));
  }

  /** Sends the digest at once (outside any slot, so nothing is claimed), for the chat's schedule or subscriptions. */
  public Future<Reply> now(Command.DigestNow command, CommandContext context) {
    Language lang = context.language();
    String chatId = chat(context);
    Instant now = clock.instant();
    ZoneId zone = context.zone();
    return digests.get(chatId).compose(schedule -> {
      Instant since = schedule.flatMap(DigestStore.Schedule::lastSent).orElse(now.minus(DEFAULT_NOW_PERIOD));
      String jobId = schedule.map(DigestStore.Schedule::jobId).orElse("");
      return composer.single().compose(chatId, jobId, lang, new DigestCard.Period(since, now, zone));
    });
  }

  public Future<Reply> timezone(Command.SetTimezone command, CommandContext context) {
    ZoneId zone = ZoneId.of(command.zoneId());
    return settings.setZone(chat(context), zone)
        .map(v -> text(context.language(), "digest.timezone", zone.getId()));
  }

  private String cadence(Set<DayOfWeek> days, Language lang) {
    if (days.size() == DayOfWeek.values().length) {
      return messages.get(lang, "digest.cadence.daily");
    }
    if (days.equals(WEEKDAYS)) {
      return messages.get(lang, "digest.cadence.weekdays");
    }
    Locale locale = lang == Language.ZH ? Locale.CHINA : Locale.ENGLISH;
    return messages.get(lang, "digest.cadence.weekly",
        days.stream().sorted().map(d -> d.getDisplayName(TextStyle.FULL, locale)).reduce((a, b) -> a + ", " + b)
            .orElse(""));
  }

  private static String chat(CommandContext context) {
    return context.message().chat().chatId();
  }

  private Reply.Text text(Language lang, String key, Object... args) {
    return Reply.text(messages, lang, key, args);
  }
}
