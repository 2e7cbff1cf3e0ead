package io.hirebot.sandbox;

import io.vertx.core.http.HttpMethod;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which scopes Feishu accepts (any one of) for each emulated endpoint, get_detail field and event, as the
 * reference files and the open-platform pages list them (reference/feishu-hire-api.md App. A and addendum,
 * feishu-bot-protocol.md §2 and addendum); the sandbox's own table, independent of the bot's.
 */
final class ScopeRules {
  private static final String V1 = "/open-apis/hire/v1";
  private static final List<String> NONE = List.of();
  private static final List<String> SEND = List.of("im:message", "im:message:send_as_bot", "im:message:send");
  private static final List<String> JOB_READ = List.of("hire:job:readonly");
  private static final List<String> APP_READ = List.of("hire:application:readonly", "hire:application");
  private static final List<String> APP_WRITE = List.of("hire:application");
  private static final List<String> TALENT_READ = List.of("hire:talent:readonly", "hire:talent");
  private static final List<String> INTERVIEW_READ = List.of("hire:interview:readonly", "hire:interview");
  private static final List<String> OFFER_READ = List.of("hire:offer:readonly", "hire:offer",
      "hire:offer:low_sensitive_info:readonly");
  private static final List<String> NOTE_READ = List.of("hire:note:readonly", "hire:note");

  /** "METHOD path-template" → scopes. Endpoints not listed need none (token, bot info, delayed card update). */
  private static final Map<String, List<String>> ENDPOINTS = Map.ofEntries(
      Map.entry("POST /open-apis/im/v1/messages", SEND),
      Map.entry("POST /open-apis/im/v1/messages/:message_id/reply", SEND),
      Map.entry("PATCH /open-apis/im/v1/messages/:message_id",
          List.of("im:message", "im:message:send_as_bot", "im:message:update")),
      // UNVERIFIED: the ephemeral-card pages' scope rows were not readable; the IM send scopes are assumed.
      Map.entry("POST /open-apis/ephemeral/v1/send", List.of("im:message", "im:message:send_as_bot")),
      Map.entry("POST /open-apis/ephemeral/v1/delete", List.of("im:message", "im:message:send_as_bot")),
      Map.entry("GET " + V1 + "/jobs", JOB_READ),
      Map.entry("GET " + V1 + "/jobs/:job_id", JOB_READ),
      Map.entry("GET " + V1 + "/jobs/:job_id/get_detail", List.of("hire:job.composite_info:readonly")),
      Map.entry("GET " + V1 + "/jobs/:job_id/recruiter", JOB_READ),
      Map.entry("GET " + V1 + "/jobs/:job_id/managers/:manager_id", JOB_READ),
      Map.entry("GET " + V1 + "/job_processes", List.of("hire:job_process:readonly")),
      Map.entry("GET " + V1 + "/applications", APP_READ),
      Map.entry("GET " + V1 + "/applications/:application_id", APP_READ),
      Map.entry("GET " + V1 + "/applications/:application_id/get_detail", APP_READ),
      Map.entry("GET " + V1 + "/applications/:application_id/offer", APP_READ),
      Map.entry("POST " + V1 + "/applications/:application_id/transfer_stage", APP_WRITE),
      Map.entry("POST " + V1 + "/applications/:application_id/terminate", APP_WRITE),
      Map.entry("POST " + V1 + "/applications/:application_id/recover", APP_WRITE),
      Map.entry("GET " + V1 + "/termination_reasons", APP_READ),
      Map.entry("GET " + V1 + "/interviews", INTERVIEW_READ),
      Map.entry("GET " + V1 + "/interviews/get_by_talent", INTERVIEW_READ),
      Map.entry("GET " + V1 + "/interview_tasks", INTERVIEW_READ),
      Map.entry("GET " + V1 + "/offers", OFFER_READ),
      Map.entry("GET " + V1 + "/offers/:offer_id", OFFER_READ),
      Map.entry("PATCH " + V1 + "/offers/:offer_id/offer_status", List.of("hire:offer")),
      Map.entry("GET " + V1 + "/evaluations", List.of("hire:evaluation:readonly")),
      Map.entry("GET " + V1 + "/evaluation_tasks", List.of("hire:evaluation:readonly")),
      Map.entry("GET " + V1 + "/exam_marking_tasks", List.of("hire:exam:readonly")),
      // Issue 16 (flow-read): docs hire-v1/test/search ("hire:exam" or "hire:exam:readonly"), employee by application.
      Map.entry("POST " + V1 + "/tests/search", List.of("hire:exam:readonly", "hire:exam")),
      Map.entry("GET " + V1 + "/employees/get_by_application", List.of("hire:employee:readonly", "hire:employee")),
      Map.entry("GET " + V1 + "/talents/:talent_id", TALENT_READ),
      Map.entry("GET /open-apis/hire/v2/talents/:talent_id", TALENT_READ),
      Map.entry("GET " + V1 + "/talents", TALENT_READ),
      Map.entry("GET " + V1 + "/notes", NOTE_READ),
      Map.entry("POST " + V1 + "/notes", List.of("hire:note")));

  /** get_detail option → scopes its field needs ("each entity also needs its own field scope"). */
  private static final Map<String, List<String>> DETAIL_FIELDS = Map.of(
      "with_talent", TALENT_READ,
      "with_job", JOB_READ,
      "with_interview", INTERVIEW_READ,
      "with_offer", OFFER_READ,
      "with_evaluation", List.of("hire:evaluation:readonly"),
      "with_employee", List.of("hire:employee:readonly", "hire:employee"));

  /** Event type (with ":p2p" / ":group" for messages by chat type) → scopes needed to receive it. */
  private static final Map<String, List<String>> EVENTS = Map.of(
      "im.message.receive_v1:p2p", List.of("im:message.p2p_msg:readonly", "im:message.p2p_msg"),
      "im.message.receive_v1:group", List.of("im:message.group_at_msg:readonly", "im:message.group_at_msg",
          "im:message.group_msg"),
      "im.chat.member.bot.added_v1", List.of("im:chat", "im:chat.members:bot_access", "im:chat:readonly"),
      // Same scopes as bot.added_v1 (event doc: im-v1/chat-member-bot/events/deleted).
      "im.chat.member.bot.deleted_v1", List.of("im:chat", "im:chat.members:bot_access", "im:chat:readonly"),
      "hire.application.stage_changed_v1", APP_READ,
      "hire.application.deleted_v1", APP_READ,
      "hire.offer.status_changed_v1", OFFER_READ);

  private ScopeRules() {}

  static List<String> endpoint(HttpMethod method, String pathTemplate) {
    return ENDPOINTS.getOrDefault(method.name() + " " + pathTemplate, NONE);
  }

  static List<String> detailField(String option) {
    return DETAIL_FIELDS.getOrDefault(option, NONE);
  }

  static List<String> event(String eventType, String chatType) {
    String key = chatType == null ? eventType : eventType + ":" + ("p2p".equals(chatType) ? "p2p" : "group");
    return EVENTS.getOrDefault(key, EVENTS.getOrDefault(eventType, NONE));
  }

  /** Every scope named above. */
  static Set<String> known() {
    Set<String> all = new LinkedHashSet<>();
    ENDPOINTS.values().forEach(all::addAll);
    DETAIL_FIELDS.values().forEach(all::addAll);
    EVENTS.values().forEach(all::addAll);
    return all;
  }
}
