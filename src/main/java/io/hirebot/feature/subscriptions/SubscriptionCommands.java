package io.hirebot.feature.subscriptions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.bot.ChatDigests;
import io.hirebot.bot.CommandContext;
import io.hirebot.bot.JobQueries;
import io.hirebot.bot.Reply;
import io.hirebot.command.Command;
import io.hirebot.command.Command.NotificationKind;
import io.hirebot.i18n.Language;
import io.hirebot.hire.HireDirectory;
import io.hirebot.hire.Job;
import io.hirebot.i18n.Messages;
import io.hirebot.store.ChatSettingsStore;
import io.hirebot.store.SubscriptionStore;
import io.hirebot.store.SubscriptionStore.Subscription;
import io.vertx.core.Future;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** "subscribe job X [to …]", "unsubscribe job X", quiet hours and "settings" for the chat the command came from. */
final class SubscriptionCommands {
  private static final Logger log = LoggerFactory.getLogger(SubscriptionCommands.class);

  private final SubscriptionStore store;
  private final JobQueries jobQueries;
  private final HireDirectory hire;
  private final Messages messages;
  private final ChatSettingsStore settings;
  private final QuietHours quiet;
  private final NewApplicationsPoller poller;
  private final ChatDigests digests;
  private final SettingsCard settingsCard;

  SubscriptionCommands(SubscriptionStore store, JobQueries jobQueries, HireDirectory hire, Messages messages,
      ChatSettingsStore settings, QuietHours quiet, NewApplicationsPoller poller, ChatDigests digests,
      SettingsCard settingsCard) {
    this.store = store;
    this.jobQueries = jobQueries;
    this.hire = hire;
    this.messages = messages;
    this.settings = settings;
    this.quiet = quiet;
    this.poller = poller;
    this.digests = digests;
    this.settingsCard = settingsCard;
  }

  public Future<Reply> quietHours(Command.QuietHours command, CommandContext context) {
    String chatId = context.message().chat().chatId();
    // The zone the command read with its chat's settings: reading the row again would only say the same.
    return settings.setQuietHours(chatId, command.start(), command.end())
        .map(v -> text(context.language(), "quiet.set", command.start(), command.end(), context.zone().getId()));
  }

  public Future<Reply> quietHoursOff(Command.QuietHoursOff command, CommandContext context) {
    String chatId = context.message().chat().chatId();
    return settings.quietHours(chatId).compose(had -> had.isEmpty()
        ? Future.succeededFuture(text(context.language(), "quiet.off.none"))
        : settings.setQuietHours(chatId, null, null).map(v -> text(context.language(), "quiet.off")));
  }

  public Future<Reply> subscribe(Command.Subscribe command, CommandContext context) {
    Language lang = context.language();
    String chatId = context.message().chat().chatId();
    return jobQueries.resolve(command.jobQuery(), lang).compose(r -> {
      if (!r.found()) {
        return Future.succeededFuture(r.reply());
      }
      Set<String> kinds = command.kinds().stream().map(SubscriptionCommands::kindName).collect(Collectors.toSet());
      String by = context.message().senderId();
      // A subscription replaces the chat's earlier one to the job: what it no longer gets is said, not dropped quietly.
      return store.ofChat(chatId).compose(before -> {
        Set<String> dropped = before.stream().filter(s -> s.jobId().equals(r.job().id()))
            .flatMap(s -> s.kinds().stream()).filter(k -> !kinds.contains(k))
            .collect(Collectors.toCollection(java.util.TreeSet::new));
        return follows(new Subscription(chatId, r.job().id(), kinds, lang.feishuLocale()), r.job(), by)
            .map(v -> dropped.isEmpty()
                ? text(lang, "subs.subscribed", JobQueries.label(r.job()), kindsText(kinds, lang))
                : text(lang, "subs.changed", JobQueries.label(r.job()), kindsText(kinds, lang),
                    kindsText(dropped, lang)));
      });
    });
  }

  /**
   * Stores the subscription and, when it includes new applications, has the poller note the job's applications
   * now: one that arrives after the answer is news. If Hire cannot be read now, the first poll does it later.
   */
  Future<Void> follows(Subscription s, Job job, String by) {
    return store.put(s, by).compose(v -> !s.kinds().contains(NewApplicationsPoller.KIND) ? Future.succeededFuture()
        : poller.startFollowing(job).recover(e -> {
          log.warn("new-application baseline deferred to the first poll job_id={} cause={}", job.id(), e.toString());
          return Future.succeededFuture();
        }));
  }

  public Future<Reply> unsubscribe(Command.Unsubscribe command, CommandContext context) {
    Language lang = context.language();
    return jobQueries.resolve(command.jobQuery(), lang).compose(r -> {
      if (!r.found()) {
        return Future.succeededFuture(r.reply());
      }
      return store.remove(context.message().chat().chatId(), r.job().id()).map(removed ->
          text(lang, removed ? "subs.unsubscribed" : "subs.notSubscribed", JobQueries.label(r.job())));
    });
  }

  /**
   * "settings" / "subscriptions": the chat's settings card ({@link SettingsCard}), everything the bot posts here
   * unasked and how to change it.
   */
  public Future<Reply> list(Command.ListSubscriptions command, CommandContext context) {
    return settings(context.message().chat().chatId(), context.language()).map(Reply::card);
  }

  /** The settings card of a chat, written in {@code lang} first. */
  Future<ObjectNode> settings(String chatId, Language lang) {
    Future<Optional<Reply.Text>> digestEn = digests.describe(chatId, Language.EN);
    Future<Optional<Reply.Text>> digestZh = digests.describe(chatId, Language.ZH);
    Future<List<SettingsCard.Followed>> follows = store.ofChat(chatId).compose(this::followed);
    Future<Optional<LocalTime[]>> hours = settings.quietHours(chatId);
    Future<Optional<ZoneId>> own = settings.zone(chatId);
    return Future.all(List.of(digestEn, digestZh, follows, hours, own)).map(all -> {
      Map<Language, Reply.Text> digest = new EnumMap<>(Language.class);
      digestEn.result().ifPresent(d -> digest.put(Language.EN, d));
      digestZh.result().ifPresent(d -> digest.put(Language.ZH, d));
      ZoneId zone = quiet.zoneOr(own.result());
      LocalTime[] window = hours.result().orElse(null);
      return settingsCard.render(new SettingsCard.Settings(follows.result(), digest, window,
          window != null && quiet.isQuiet(window, zone), zone, own.result().isPresent()), lang);
    });
  }

  /** The chat's subscriptions with their jobs' labels, in the order Hire lists the jobs; a job Hire no longer lists by id. */
  private Future<List<SettingsCard.Followed>> followed(List<Subscription> subs) {
    if (subs.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    return hire.jobs().map(jobs -> {
      Map<String, Job> byId = jobs.stream().collect(Collectors.toMap(Job::id, Function.identity(), (a, b) -> a));
      return subs.stream().map(s -> new SettingsCard.Followed(s.jobId(),
          byId.containsKey(s.jobId()) ? JobQueries.label(byId.get(s.jobId())) : s.jobId(), s.kinds())).toList();
    });
  }

  static String kindName(NotificationKind kind) {
    return kind.name().toLowerCase(Locale.ROOT);
  }

  private String kindsText(Set<String> kinds, Language lang) {
    return kindsText(messages, kinds, lang);
  }

  /** "new applications, stage changes, offers" in a fixed order. */
  static String kindsText(Messages messages, Set<String> kinds, Language lang) {
    List<String> names = Arrays.stream(NotificationKind.values()).map(SubscriptionCommands::kindName)
        .filter(kinds::contains).map(k -> messages.get(lang, "subs.kind." + k)).toList();
    return messages.list(lang, names);
  }

  private Reply.Text text(Language lang, String key, Object... args) {
    return Reply.text(messages, lang, key, args);
  }
}
