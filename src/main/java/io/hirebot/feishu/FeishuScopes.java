package io.hirebot.feishu;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one table of what hirebot asks of Feishu: every OpenAPI operation it calls (named as in
 * {@code FeishuCalls}), every response field that needs a scope of its own, and every event and callback it
 * subscribes to, each with the scopes that allow it (any one of them; the first is the one the README asks
 * for). Sources: reference/feishu-hire-api.md (addendum), feishu-bot-protocol.md (§2, §5, addendum) and the
 * open-platform pages of send/reply/patch (im:message:send_as_bot). The README's scope and event lists are
 * generated from it ({@link #readmeSection()}); immutable.
 */
public final class FeishuScopes {

  /** What kind of thing needs the scope. */
  public enum Kind {
    /** An OpenAPI call: without the scope Feishu answers 99991672. */
    API,
    /** A field of a response: without the scope Feishu leaves it out (no error). */
    FIELD,
    /** An event subscription: without the scope the console refuses it and nothing is delivered. */
    EVENT,
    /** A card callback subscription (needs no scope). */
    CALLBACK
  }

  /**
   * @param operation the call's name in {@code FeishuCalls} (API), {@code call#field} (FIELD), or the event type
   * @param anyOf the scopes that allow it, preferred first; empty when none is needed
   * @param usedFor what the user loses without it, in a few words
   */
  public record Need(String operation, Kind kind, List<String> anyOf, String usedFor) {
    public Need {
      anyOf = List.copyOf(anyOf);
    }

    /** The scope the README asks for, if any. */
    public Optional<String> preferred() {
      return anyOf.isEmpty() ? Optional.empty() : Optional.of(anyOf.get(0));
    }
  }

  private static final List<String> SEND = List.of("im:message:send_as_bot", "im:message", "im:message:send");
  private static final List<String> APPLICATION_READ = List.of("hire:application:readonly", "hire:application");
  private static final List<String> INTERVIEW_READ = List.of("hire:interview:readonly", "hire:interview");
  private static final List<String> OFFER_READ = List.of("hire:offer:readonly", "hire:offer",
      "hire:offer:low_sensitive_info:readonly");
  private static final List<String> TALENT_READ = List.of("hire:talent:readonly", "hire:talent");
  private static final List<String> APPLICATION_WRITE = List.of("hire:application");

  public static final String DETAIL = "hire.application.get_detail";

  /** Every need, in the order the README lists them. */
  public static final List<Need> NEEDS = List.of(
      api("auth.tenant_access_token", List.of(), "every call (the app's credentials)"),
      api("bot.info", List.of(), "learn the bot's own open_id (to see @-mentions)"),
      api("im.message.reply", SEND, "answers to commands"),
      api("im.message.create", SEND, "notifications, digests, reminders, private answers"),
      api("im.message.patch", List.of("im:message:send_as_bot", "im:message", "im:message:update"),
          "cards kept current"),
      api("im.card.delayed_update", List.of(), "completing a slow button click"),
      // UNVERIFIED: the ephemeral-card page's scope row was not readable; the IM send scopes are assumed.
      api("im.ephemeral.send", List.of("im:message:send_as_bot", "im:message"), "forms opened for one group member"),
      api("im.ephemeral.delete", List.of("im:message:send_as_bot", "im:message"), "closing those forms"),
      api("hire.job.list", List.of("hire:job:readonly"), "finding jobs"),
      api("hire.probe", List.of("hire:job:readonly"), "checking Feishu Hire answers again after an outage (one job)"),
      api("hire.job.recruiter", List.of("hire:job:readonly"), "who may query and act (recruiters, hiring managers)"),
      api("hire.job_process.list", List.of("hire:job_process:readonly"), "stages of each job"),
      api("hire.application.list", APPLICATION_READ, "candidates of a job or a talent"),
      api(DETAIL, APPLICATION_READ, "each candidate's stage"),
      field(DETAIL + "#talent", TALENT_READ, "candidate names in lists"),
      field(DETAIL + "#job", List.of("hire:job:readonly"), "job titles in profiles"),
      field(DETAIL + "#interview_aggregation", INTERVIEW_READ, "interviews in profiles"),
      field(DETAIL + "#offer", OFFER_READ, "offer status in profiles and the offers list"),
      // Issue 16 (flow-read): each step's outcome (reference §4 field scopes, docs hire-v1/test/search).
      field(DETAIL + "#evaluations", List.of("hire:evaluation:readonly"),
          "resume evaluations in profiles and candidate rows"),
      field(DETAIL + "#employee", List.of("hire:employee:readonly", "hire:employee"),
          "whether a candidate joined, in profiles and the onboarding list"),
      api("hire.test.search", List.of("hire:exam:readonly", "hire:exam"), "written tests in profiles and candidate rows"),
      api("hire.evaluation.list", List.of("hire:evaluation:readonly"), "the self-check of the evaluations scope"),
      api("hire.employee.get_by_application", List.of("hire:employee:readonly", "hire:employee"),
          "the self-check of the onboarding scope"),
      api("hire.termination_reason.list", APPLICATION_READ, "reasons in the Reject form"),
      api("hire.application.transfer_stage", APPLICATION_WRITE, "Advance, Move to stage, Undo"),
      api("hire.application.terminate", APPLICATION_WRITE, "Reject"),
      api("hire.application.recover", APPLICATION_WRITE, "Undo of a rejection"),
      api("hire.talent.list", TALENT_READ, "finding a candidate by name"),
      api("hire.note.list", List.of("hire:note:readonly", "hire:note"), "notes in profiles"),
      api("hire.note.create", List.of("hire:note"), "Add note"),
      api("hire.interview.list", INTERVIEW_READ, "interview schedules, reminders, digests"),
      api("hire.offer.get", OFFER_READ, "offer notifications"),
      api("hire.offer.list", OFFER_READ, "offer status in the offers list and digests"),
      api("hire.evaluation_task.list", List.of("hire:evaluation:readonly"),
          "resumes to evaluate in my tasks, nudges and digests"),
      api("hire.exam_marking_task.list", List.of("hire:exam:readonly"),
          "written tests to mark in my tasks, nudges and digests"),
      api("hire.interview_task.list", INTERVIEW_READ, "interview feedback due in my tasks, nudges and digests"),
      event("im.message.receive_v1", List.of("im:message.p2p_msg:readonly", "im:message.p2p_msg"),
          "commands in private chats"),
      event("im.message.receive_v1", List.of("im:message.group_at_msg:readonly", "im:message.group_at_msg",
          "im:message.group_msg"), "commands that @-mention the bot in groups"),
      event("im.chat.member.bot.added_v1", List.of("im:chat:readonly", "im:chat.members:bot_access", "im:chat"),
          "the welcome card when added to a group"),
      event("im.chat.member.bot.deleted_v1", List.of("im:chat:readonly", "im:chat.members:bot_access", "im:chat"),
          "ending a group's notifications and digests when the bot is removed from it"),
      event("application.bot.menu_v6", List.of(), "the bot menu"),
      event("hire.application.stage_changed_v1", APPLICATION_READ, "stage-change notifications and living cards"),
      event("hire.application.deleted_v1", APPLICATION_READ, "deletion notifications"),
      event("hire.offer.status_changed_v1", OFFER_READ, "offer notifications"),
      new Need("card.action.trigger", Kind.CALLBACK, List.of(), "every button"));

  private FeishuScopes() {}

  private static Need api(String op, List<String> anyOf, String usedFor) {
    return new Need(op, Kind.API, anyOf, usedFor);
  }

  private static Need field(String op, List<String> anyOf, String usedFor) {
    return new Need(op, Kind.FIELD, anyOf, usedFor);
  }

  private static Need event(String type, List<String> anyOf, String usedFor) {
    return new Need(type, Kind.EVENT, anyOf, usedFor);
  }

  /** The API need of a call, if the table knows it. */
  public static Optional<Need> of(String operation) {
    return NEEDS.stream().filter(n -> n.kind() == Kind.API && n.operation().equals(operation)).findFirst();
  }

  /** Every scope the README asks for (each need's preferred one), in table order. */
  public static Set<String> required() {
    Set<String> out = new LinkedHashSet<>();
    NEEDS.forEach(n -> n.preferred().ifPresent(out::add));
    return out;
  }

  /** The needs each required scope serves, in table order. */
  public static Map<String, List<Need>> byScope() {
    Map<String, List<Need>> out = new LinkedHashMap<>();
    NEEDS.forEach(n -> n.preferred().ifPresent(s -> out.computeIfAbsent(s, k -> new ArrayList<>()).add(n)));
    return out;
  }

  /** Event types to subscribe to, in table order, once each. */
  public static List<String> events(Kind kind) {
    return NEEDS.stream().filter(n -> n.kind() == kind).map(Need::operation).distinct().toList();
  }

  /** What the features lose without the scope, joined for one line. */
  public static String usedFor(String scope) {
    return String.join("; ", byScope().getOrDefault(scope, List.of()).stream().map(Need::usedFor).distinct().toList());
  }

  /**
   * Which scope to name when Feishu refused {@code operation} for lack of one: ours when Feishu lists it among
   * the acceptable ones (or lists none), else the first Feishu listed.
   */
  public static String toName(String operation, List<String> feishuListed) {
    Optional<String> ours = of(operation).flatMap(Need::preferred);
    if (ours.isPresent() && (feishuListed.isEmpty() || feishuListed.contains(ours.get()))) {
      return ours.get();
    }
    return feishuListed.isEmpty() ? "" : feishuListed.get(0);
  }

  /** The README's block between the scopes markers: scopes with what they serve, then events and callbacks. */
  public static String readmeSection() {
    StringBuilder b = new StringBuilder();
    b.append("| scope (*Permissions & Scopes*, app identity) | what it is for |\n|---|---|\n");
    byScope().keySet().forEach(s -> b.append("| `").append(s).append("` | ").append(usedFor(s)).append(" |\n"));
    b.append("\nEvents to add (*Events & Callbacks → Event configuration*): ");
    b.append(String.join(", ", events(Kind.EVENT).stream().map(e -> "`" + e + "`").toList())).append(".\n");
    b.append("Callback to add (*Callback configuration*): ");
    b.append(String.join(", ", events(Kind.CALLBACK).stream().map(e -> "`" + e + "`").toList())).append(".\n");
    return b.toString();
  }
}
