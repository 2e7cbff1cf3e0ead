package io.hirebot.feature.actions;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.access.AccessPolicy;
import io.hirebot.bot.ActionResult;
import io.hirebot.bot.Toast;
import io.hirebot.bot.CommandContext;
import io.hirebot.bot.Refusal;
import io.hirebot.bot.Reply;
import io.hirebot.bot.inbound.CardAction;
import io.hirebot.bot.inbound.UserRef;
import io.hirebot.cards.Cards;
import io.hirebot.cards.ChoiceLabels;
import io.hirebot.cards.ReasonOptions;
import io.hirebot.cards.Markdown;
import io.hirebot.cards.RowsShown;
import io.hirebot.cards.QuickActions;
import io.hirebot.cards.SharedActions;
import io.hirebot.command.Command;
import io.hirebot.hire.TalentsByName.Applied;
import io.hirebot.hire.Application;
import io.hirebot.hire.Changes;
import io.hirebot.hire.HireDirectory;
import io.hirebot.hire.HireMeter;
import io.hirebot.bot.JobQueries;
import io.hirebot.hire.Job;
import io.hirebot.hire.JobMatch;
import io.hirebot.hire.JobMatcher;
import io.hirebot.hire.JobProcess;
import io.hirebot.hire.PipelineReader;
import io.hirebot.hire.Stage;
import io.hirebot.hire.TerminationReason;
import io.hirebot.i18n.Language;
import io.hirebot.i18n.Messages;
import io.hirebot.i18n.Names;
import io.hirebot.i18n.StageWords;
import io.hirebot.util.Kept;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Answers a change typed in words with a confirmation card, never with a write: finds the person's active
 * applications (asking with buttons when there are several), the target stage of a move (asking when several
 * match), checks the sender may change that job (the same refusal as the buttons), then shows what Confirm will
 * do. Confirm carries the candidate-row action's own callback value, so the click runs the candidates feature's
 * guarded path (permission, once-only, stale check, audit, Undo); Cancel writes nothing.
 */
final class TypedActions {
  /** How long a confirmation can be clicked: as long as an Undo is offered. */
  static final Duration VALID_FOR = Duration.ofMinutes(10);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
  private static final JobMatcher JOBS = new JobMatcher();

  private final HireMeter meter;
  private final AccessPolicy access;
  private final ChangeValues values;
  private final Cards cards;
  private final Messages messages;
  private final Clock clock;

  TypedActions(HireMeter meter, AccessPolicy access, Cards cards, Messages messages, Clock clock) {
    this.meter = meter;
    this.access = access;
    this.values = new ChangeValues(cards);
    this.cards = cards;
    this.messages = messages;
    this.clock = clock;
  }

  /** The typed change: a confirmation, a choice of applications, or a short answer saying why neither. */
  Future<Reply> handle(Command.Change change, CommandContext context) {
    Language lang = context.language();
    UserRef sender = context.message().sender();
    return meter.run("typed-action", hire -> Candidacies.find(hire, change.person()).compose(found -> {
      if (!found.anyone()) {
        return text(lang, "typed.none", change.person());
      }
      if (found.candidacies().isEmpty()) {
        return text(lang, "typed.noActive", change.person());
      }
      return ofJob(hire, change, found.candidacies(), lang).compose(named -> named.refusal() != null
          ? Future.succeededFuture(named.refusal())
          : changeable(named.candidacies(), sender).compose(mine -> {
        if (mine.allowed().isEmpty()) {
          return Refusal.of(messages, lang, mine.refusalKey());
        }
        // A hire is no choice for a change Hire refuses on one: offered alone, it is answered at once.
        List<Applied> takes = mine.allowed().stream().filter(c -> Candidacies.refusedOnAHire(change, c).isEmpty()).toList();
        if (takes.isEmpty()) {
          return text(lang, Candidacies.refusedOnAHire(change, mine.allowed().get(0)).orElseThrow(),
              Names.of(mine.allowed().get(0).application().talentName()), Names.of(mine.allowed().get(0).jobTitle()));
        }
        if (takes.size() > 1) {
          return Future.succeededFuture(Reply.card(applicationChoice(change, takes, found.unread(), lang)));
        }
        return confirmation(hire, change, takes.get(0), "", sender, lang, context.zone());
      }));
    }));
  }

  /** The candidacies of the job the change names (all of them when it names none), or why there are none. */
  /** @param refusal why none, or null */
  private record OfJob(List<Applied> candidacies, Reply.Text refusal) {}

  /**
   * Narrows to the applications of the job named ("reject Carol Davis for backend"), matched as every command
   * matches a job ({@link JobMatcher}); several jobs matching keep the person's applications to any of them.
   */
  private Future<OfJob> ofJob(HireDirectory hire, Command.Change change, List<Applied> all, Language lang) {
    if (change.jobQuery().isBlank()) {
      return Future.succeededFuture(new OfJob(all, null));
    }
    return JOBS.lookUp(hire, change.jobQuery()).map(match -> {
      List<Job> jobs = match instanceof JobMatch.One one ? List.of(one.job())
          : match instanceof JobMatch.Several several ? several.jobs() : List.of();
      if (jobs.isEmpty()) {
        return new OfJob(List.of(), Reply.text(messages, lang, "typed.jobNone", change.jobQuery()));
      }
      java.util.Set<String> ids = jobs.stream().map(Job::id).collect(Collectors.toSet());
      List<Applied> kept = all.stream().filter(c -> ids.contains(c.application().jobId())).toList();
      return !kept.isEmpty() ? new OfJob(kept, null) : new OfJob(List.of(), Reply.text(messages, lang, "typed.notForJob",
          Names.of(all.get(0).application().talentName()),
          jobs.size() == 1 ? JobQueries.label(jobs.get(0)) : change.jobQuery()));
    });
  }

  /** The candidacies the sender may change, and the buttons' refusal when that is none of them. */
  private record Changeable(List<Applied> allowed, String refusalKey) {}

  /**
   * Only applications of jobs the sender may change are offered: a choice they would be refused on is no choice, and
   * would tell them of applications to jobs that are not theirs. Confirm checks again, as every button does.
   */
  private Future<Changeable> changeable(List<Applied> all, UserRef sender) {
    String who = sender == null ? null : sender.openId();
    List<String> jobs = all.stream().map(c -> c.application().jobId()).distinct().toList();
    return Future.all(jobs.stream().map(j -> access.mayChange(who, j)).toList()).map(decisions -> {
      java.util.Set<String> allowed = new java.util.HashSet<>();
      String refusal = "";
      for (int i = 0; i < jobs.size(); i++) {
        AccessPolicy.Decision d = decisions.resultAt(i);
        if (d.allowed()) {
          allowed.add(jobs.get(i));
        } else if (refusal.isEmpty()) {
          refusal = d.reasonKey();
        }
      }
      return new Changeable(all.stream().filter(c -> allowed.contains(c.application().jobId())).toList(), refusal);
    });
  }

  /** A button of a choice card (which application, which stage): the confirmation for that choice. */
  Future<ActionResult> choose(CardAction action, Language lang) {
    Optional<Command.Change> change = values.read(action.value());
    String applicationId = action.value().path("application_id").asText("");
    if (change.isEmpty() || applicationId.isEmpty()) {
      return Future.succeededFuture(ActionResult.of(Toast.error(messages, "toast.expired")));
    }
    String stageId = action.value().path("stage_id").asText("");
    String clicker = action.operator() == null ? "" : action.operator().openId();
    return meter.run("typed-action", hire -> Candidacies.one(hire, applicationId).compose(c ->
        access.mayChange(clicker, c.application().jobId()).compose(decision -> {
          // Someone else's click on a choice shared in a group: refused, and the card stays for the one who asked.
          if (!decision.allowed()) {
            return Future.succeededFuture(ActionResult.of(Toast.error(messages, decision.reasonKey())));
          }
          Future<Reply> next = c.application().active()
              ? allowedConfirmation(hire, change.get(), c, stageId, clicker, lang, action.zone())
              : text(lang, "typed.noActive", Names.of(c.application().talentName()));
          return next.map(reply -> reply instanceof Reply.Card card
              ? new ActionResult(Toast.NONE, card.card())
              : new ActionResult(Toast.verbatim(Toast.Type.WARNING, ((Reply.Text) reply).text()), notice(lang,
                  "typed.title", ((Reply.Text) reply).asMarkdown(), "grey")));
        })));
  }

  /**
   * Cancel: nothing is written, and the card says so. In a group anyone sees the card, so only the asker, or someone
   * who could have confirmed it, may take it away from the others.
   */
  Future<ActionResult> cancel(CardAction action, Language lang) {
    String what = action.value().path("what").asText("");
    String clicker = action.operator() == null ? "" : action.operator().openId();
    Future<Boolean> may = clicker.equals(action.value().path("by").asText(null)) ? Future.succeededFuture(true)
        : access.mayChange(clicker, action.value().path("job_id").asText("")).map(AccessPolicy.Decision::allowed);
    return may.map(allowed -> allowed
        ? new ActionResult(Toast.info(messages, "typed.cancelledToast"),
            notice(lang, "typed.cancelled.title", Markdown.message(messages, lang, "typed.cancelled", what), "grey"))
        : ActionResult.of(Toast.error(messages, "typed.cancelRefused")));
  }

  /** @param zone the chat's, which the card's "valid until" time is in */
  private Future<Reply> confirmation(HireDirectory hire, Command.Change change, Applied c, String stageId,
      UserRef sender, Language lang, ZoneId zone) {
    String asker = sender == null ? "" : sender.openId();
    return access.mayChange(asker, c.application().jobId()).compose(decision -> !decision.allowed()
        ? text(lang, decision.reasonKey()) : allowedConfirmation(hire, change, c, stageId, asker, lang, zone));
  }

  /** The confirmation for someone who may change the application's job. */
  private Future<Reply> allowedConfirmation(HireDirectory hire, Command.Change change, Applied c, String stageId,
      String asker, Language lang, ZoneId zone) {
    Optional<String> refused = Candidacies.refusedOnAHire(change, c);
    if (refused.isPresent()) {
      return text(lang, refused.get(), Names.of(c.application().talentName()), Names.of(c.jobTitle()));
    }
    if (change instanceof Command.Reject) {
      return hire.terminationReasons().compose(all -> reject(change, c, TerminationReason.rejections(all), asker, lang,
          zone));
    }
    if (change instanceof Command.Note note) {
      return Future.succeededFuture(note(note, c, asker, lang, zone));
    }
    if (c.job() == null) {
      return text(lang, "typed.noActive", Names.of(c.application().talentName()));
    }
    return new PipelineReader(hire, clock).process(c.job()).compose(process -> move(change, c, process, stageId, asker,
        lang, zone));
  }

  private Future<Reply> move(Command.Change change, Applied c, JobProcess process, String stageId, String asker,
      Language lang, ZoneId zone) {
    Application app = c.application();
    String locale = lang.feishuLocale();
    if (change instanceof Command.Advance) {
      Changes allowed = Changes.of(process, app);
      Optional<Stage> next = allowed.advance();
      if (next.isEmpty()) {
        return text(lang, allowed.joinsInHire() ? "typed.joinsInHire" : "typed.lastStage", Names.of(app.talentName()),
            StageWords.name(messages, lang, app.stage()));
      }
      return Future.succeededFuture(confirm(c, "typed.advance", List.of(StageWords.name(messages, lang, next.get())),
          QuickActions.value(cards.model(), SharedActions.ADVANCE, app, lang), "", null, asker, lang, zone));
    }
    Command.Move move = (Command.Move) change;
    List<Stage> targets = stageId.isEmpty() ? StageTargets.match(move.stageQuery(), process)
        : process.movableFrom("").stream().filter(s -> s.id().equals(stageId)).toList();
    if (targets.isEmpty()) {
      String stages = process.movableFrom("").stream().map(s -> StageWords.name(messages, lang, s)).collect(Collectors.joining(" · "));
      return text(lang, "typed.stageNone", Names.of(c.jobTitle()), move.stageQuery(), stages);
    }
    if (targets.size() > 1) {
      return Future.succeededFuture(Reply.card(stageChoice(move, c, targets, process, lang)));
    }
    Stage to = targets.get(0);
    if (to.id().equals(app.stage().id())) {
      return text(lang, "typed.stageSame", Names.of(app.talentName()), StageWords.name(messages, lang, to));
    }
    ObjectNode value = QuickActions.value(cards.model(), SharedActions.MOVE_CONFIRM, app, lang);
    value.putObject(SharedActions.FIELDS).put("stage", to.id());
    return Future.succeededFuture(confirm(c, "typed.move", List.of(StageWords.name(messages, lang, to)), value, "", null, asker, lang,
        zone));
  }

  private Future<Reply> reject(Command.Change change, Applied c, List<TerminationReason> reasons, String asker,
      Language lang, ZoneId zone) {
    String remark = ((Command.Reject) change).remark();
    ObjectNode value = QuickActions.value(cards.model(), SharedActions.REJECT_CONFIRM, app(c), lang);
    value.putObject(SharedActions.FIELDS).put("note", remark);
    ObjectNode select = cards.model().put("name", "reason").put("placeholder", messages.get(lang, "typed.reason"));
    Optional<TerminationReason> named = reasonIn(remark, reasons);
    // Hundreds of reasons would break Feishu's limits: Hire's first ones are offered, and always the one named.
    ReasonOptions.fill(select.putArray("options"), reasons, named.map(TerminationReason::id).orElse(""), lang);
    select.put("more", ReasonOptions.more(messages, lang, reasons, Names.of(app(c).talentName())));
    named.ifPresent(r -> {
      // Preselected, and carried too: a click that sends no form value still names the reason the card showed.
      select.put("initial", r.id());
      ((ObjectNode) value.get(SharedActions.FIELDS)).put("reason", r.id());
    });
    // A remark that only says the reason shows in the select: quoted under it too, the card would say it twice.
    String quote = named.filter(r -> r.restatedBy(remark)).isPresent() ? "" : remark;
    return Future.succeededFuture(confirm(c, "typed.reject", List.of(), value, quote, select, asker, lang, zone));
  }

  /** The one reason the remark names ("经验不足", "Skills do not match"), in either language or script; else none. */
  static Optional<TerminationReason> reasonIn(String remark, List<TerminationReason> reasons) {
    List<TerminationReason> named = reasons.stream().filter(r -> r.namedIn(remark)).toList();
    return named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
  }

  private Reply note(Command.Note note, Applied c, String asker, Language lang, ZoneId zone) {
    ObjectNode value = QuickActions.value(cards.model(), SharedActions.NOTE_SUBMIT, app(c), lang);
    value.putObject(SharedActions.FIELDS).put("note", note.text());
    return confirm(c, "typed.note", List.of(), value, note.text(), null, asker, lang, zone);
  }

  /**
   * The confirmation card: the question (who, which job, from where, to where), the note or remark as typed, and
   * Confirm (the row action's value, valid for {@link #VALID_FOR}, until a time said in {@code zone}) and Cancel.
   */
  private Reply confirm(Applied c, String key, List<String> more, ObjectNode value, String quote, ObjectNode select,
      String asker, Language lang, ZoneId zone) {
    Application app = c.application();
    Object[] args = java.util.stream.Stream.concat(
        java.util.stream.Stream.of(Names.of(app.talentName()), Names.of(c.jobTitle()),
            StageWords.name(messages, lang, app.stage())),
        more.stream()).toArray();
    String question = Markdown.message(messages, lang, key, args);
    long expires = clock.millis() + VALID_FOR.toMillis();
    value.put("page", 0).put(SharedActions.EXPIRES, expires);
    ObjectNode model = cards.model();
    model.put("title", messages.get(lang, key + ".title", Names.of(app.talentName())));
    model.put("color", key.equals("typed.reject") ? "red" : "blue");
    model.put("question", question);
    if (!quote.isEmpty()) {
      // Feishu's card markdown has no block quotes: the text as typed, in quotation marks, on its own line.
      model.put("quote", Markdown.message(messages, lang, "typed.quote", quote));
    }
    if (select != null) {
      model.set("select", select);
    }
    model.put("confirmLabel", messages.get(lang, "typed.confirm"));
    model.put("confirmType", key.equals("typed.reject") ? "danger_filled" : "primary_filled");
    model.set("confirm", value);
    model.put("cancelLabel", messages.get(lang, "typed.cancel"));
    model.set("cancel", cards.model().put("action", ActionsFeature.CANCEL).put("lang", lang.feishuLocale())
        .put("what", Names.of(app.talentName()) + " · " + Names.of(c.jobTitle())).put("by", asker)
        .put("job_id", app.jobId()));
    model.put("hint", messages.get(lang, "typed.hint", TIME.format(java.time.Instant.ofEpochMilli(expires).atZone(zone))));
    return Reply.card(cards.render("typed-confirm", model));
  }

  private ObjectNode applicationChoice(Command.Change change, List<Applied> all, int unread, Language lang) {
    // Several people by the name are a choice of candidate; one person's several applications, of application.
    boolean people = all.stream().map(c -> c.application().talentId()).distinct().count() > 1;
    ObjectNode model = cards.model();
    model.put("title", messages.get(lang, people ? "typed.choose.people.title" : "typed.choose.title"));
    model.put("color", "wathet");
    model.put("text", Markdown.message(messages, lang, people ? "typed.choose.people" : "typed.choose.text",
        change.person()));
    ArrayNode choices = model.putArray("choices");
    for (Applied c : all) {
      Application a = c.application();
      ObjectNode value = values.write(change, lang).put("application_id", a.id());
      choices.addObject().put("label", ChoiceLabels.application(messages, lang, c)).set("value", value);
    }
    model.put("hint", unread > 0 ? messages.get(lang, "typed.choose.more", unread) + " "
        + messages.get(lang, "typed.choose.hint") : messages.get(lang, "typed.choose.hint"));
    return cards.render("choices", model);
  }

  /**
   * "Which stage?", a button per stage the words match (`to interview` in a process of ninety interview rounds matches
   * them all): as many as fit one Feishu card, those that matter most from where the candidate is
   * ({@link JobProcess#nearest}), in process order, and how to name another.
   */
  private ObjectNode stageChoice(Command.Move move, Applied c, List<Stage> stages, JobProcess process, Language lang) {
    return cards.fitRows("choices", stages.size(), n -> {
      ObjectNode model = cards.model();
      model.put("title", messages.get(lang, "typed.stage.title"));
      model.put("color", "wathet");
      model.put("text", Markdown.message(messages, lang, "typed.stage.text", Names.of(c.application().talentName()),
          Names.of(c.jobTitle()), move.stageQuery()));
      ArrayNode choices = model.putArray("choices");
      for (Stage s : Kept.inOrder(stages, n, process.nearest(c.application().stage().id()))) {
        ObjectNode value = values.write(move, lang).put("application_id", c.application().id()).put("stage_id", s.id());
        choices.addObject().put("label", StageWords.name(messages, lang, s)).set("value", value);
      }
      RowsShown.put(model, n, stages.size(), Markdown.message(messages, lang, "cards.shown.stages",
          Names.of(c.application().talentName())), messages, lang);
      model.put("hint", messages.get(lang, "typed.choose.hint"));
      return model;
    });
  }

  private ObjectNode notice(Language lang, String titleKey, String text, String color) {
    ObjectNode model = cards.model();
    model.put("title", messages.get(lang, titleKey));
    model.put("color", color);
    model.put("text", text);
    return cards.render("notice", model);
  }

  private static Application app(Applied c) {
    return c.application();
  }

  /** A short answer in words; the names and words in {@code args} are data ({@link Reply#text}). */
  private Future<Reply> text(Language lang, String key, Object... args) {
    return Future.succeededFuture(Reply.text(messages, lang, key, args));
  }
}
