package io.hirebot.feishu.outbound;

import com.lark.oapi.Client;
import com.lark.oapi.core.response.BaseResponse;
import com.lark.oapi.service.hire.v1.model.CreateNoteReq;
import com.lark.oapi.service.hire.v1.model.GetOfferReq;
import com.lark.oapi.service.hire.v1.model.ListApplicationReq;
import com.lark.oapi.service.hire.v1.model.ListInterviewReq;
import com.lark.oapi.service.hire.v1.model.ListJobProcessReq;
import com.lark.oapi.service.hire.v1.model.ListJobReq;
import com.lark.oapi.service.hire.v1.model.ListNoteReq;
import com.lark.oapi.service.hire.v1.model.ListTalentReq;
import com.lark.oapi.service.hire.v1.model.Note;
import com.lark.oapi.service.hire.v1.model.RecoverApplicationReq;
import com.lark.oapi.service.im.v1.model.CreateMessageReq;
import com.lark.oapi.service.im.v1.model.CreateMessageReqBody;
import io.hirebot.error.FeishuApiException;
import io.hirebot.error.MissingScopes;
import io.hirebot.feishu.FeishuScopes;
import io.hirebot.util.RateLanes.Lane;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The self-check of scopes: for each scope the README asks for, one cheap call to an endpoint that needs it, read
 * for 99991672 (Feishu checks the scope before anything else, so a made-up id is enough and nothing is read or
 * written). Scopes only events need cannot be checked by a call and are reported as unchecked.
 */
public final class ScopeProbes {
  /** An id nothing in Hire or IM has: a granted probe fails on it harmlessly (not found / invalid). */
  static final String NO_SUCH_ID = "0";
  static final String NO_SUCH_CHAT = "oc_hirebot_scope_probe";
  /**
   * Probes the start-up check sends together before the bot serves ({@link #firstWave}): each opens a connection to
   * Feishu that the SDK's HTTP client keeps, so a first command's Hire fan-out (about six calls at once) finds them
   * open instead of making a TLS handshake, cold, for most of its calls (and in production two round trips each).
   * Probing one at a time left one connection: the benchmark's first command opened 5-7 and each warm one none.
   */
  public static final int WAVE = 6;

  /** What a probe found out about one scope. */
  public enum Outcome { GRANTED, MISSING, UNKNOWN }

  /** @param detail for UNKNOWN, why the probe could not tell */
  public record Finding(String scope, Outcome outcome, String detail) {}

  /** A call that needs the scope: the table's operation (so a refusal names our scope) and the SDK call. */
  private record Probe(String operation, Callable<? extends BaseResponse<?>> call) {}

  private final FeishuCalls calls;
  private final Map<String, Probe> probes = new LinkedHashMap<>();

  public ScopeProbes(Client client, FeishuCalls calls) {
    this.calls = calls;
    var hire = client.hire().v1();
    probes.put("im:message:send_as_bot", new Probe("im.message.create", () -> client.im().v1().message().create(
        CreateMessageReq.newBuilder().receiveIdType("chat_id").createMessageReqBody(CreateMessageReqBody.newBuilder()
            .receiveId(NO_SUCH_CHAT).msgType("text").content("{\"text\":\"\"}").build()).build())));
    probes.put("hire:job:readonly", new Probe("hire.job.list",
        () -> hire.job().list(ListJobReq.newBuilder().pageSize(1).build())));
    probes.put("hire:job_process:readonly", new Probe("hire.job_process.list",
        () -> hire.jobProcess().list(ListJobProcessReq.newBuilder().pageSize(1).build())));
    probes.put("hire:application:readonly", new Probe("hire.application.list",
        () -> hire.application().list(ListApplicationReq.newBuilder().pageSize(1).build())));
    probes.put("hire:application", new Probe("hire.application.recover",
        () -> hire.application().recover(RecoverApplicationReq.newBuilder().applicationId(NO_SUCH_ID).build())));
    probes.put("hire:talent:readonly", new Probe("hire.talent.list",
        () -> hire.talent().list(ListTalentReq.newBuilder().pageSize(1).build())));
    probes.put("hire:interview:readonly", new Probe("hire.interview.list",
        () -> hire.interview().list(ListInterviewReq.newBuilder().applicationId(NO_SUCH_ID).pageSize(1).build())));
    probes.put("hire:offer:readonly", new Probe("hire.offer.get",
        () -> hire.offer().get(GetOfferReq.newBuilder().offerId(NO_SUCH_ID).build())));
    // Issue 16: scopes of get_detail fields and of the written-test search (field scopes leave no error to see).
    probes.put("hire:evaluation:readonly", new Probe("hire.evaluation.list", () -> hire.evaluation().list(
        com.lark.oapi.service.hire.v1.model.ListEvaluationReq.newBuilder().pageSize(1).build())));
    probes.put("hire:exam:readonly", new Probe("hire.test.search", () -> hire.test().search(
        com.lark.oapi.service.hire.v1.model.SearchTestReq.newBuilder().pageSize(1).searchTestReqBody(
            com.lark.oapi.service.hire.v1.model.SearchTestReqBody.newBuilder().applicationIdList(new String[] {NO_SUCH_ID})
                .build()).build())));
    probes.put("hire:employee:readonly", new Probe("hire.employee.get_by_application", () -> hire.employee()
        .getByApplication(com.lark.oapi.service.hire.v1.model.GetByApplicationEmployeeReq.newBuilder()
            .applicationId(NO_SUCH_ID).build())));
    probes.put("hire:note:readonly", new Probe("hire.note.list",
        () -> hire.note().list(ListNoteReq.newBuilder().talentId(NO_SUCH_ID).pageSize(1).build())));
    probes.put("hire:note", new Probe("hire.note.create", () -> hire.note().create(CreateNoteReq.newBuilder()
        .note(Note.newBuilder().talentId(NO_SUCH_ID).content("").build()).build())));
  }

  /** The scopes the README asks for that a call can check. */
  public List<String> checkable() {
    return FeishuScopes.required().stream().filter(probes::containsKey).toList();
  }

  /** The scopes the README asks for that only events need: confirm them in the console. */
  public List<String> uncheckable() {
    return FeishuScopes.required().stream().filter(s -> !probes.containsKey(s)).toList();
  }

  /** Probes every checkable scope at once (an operator waits for it); never fails (a probe that cannot tell says UNKNOWN). */
  public Future<List<Finding>> check() {
    return probeTogether(checkable(), Lane.INTERACTIVE);
  }

  /**
   * The first {@value #WAVE} checkable scopes probed at once in the bulk lane, for a start to send before it serves
   * (no user is waiting then) and hand to {@link #checkInto}; never fails.
   */
  public Future<List<Finding>> firstWave() {
    List<String> scopes = checkable();
    return probeTogether(scopes.subList(0, Math.min(WAVE, scopes.size())), Lane.BULK);
  }

  private Future<List<Finding>> probeTogether(List<String> scopes, Lane lane) {
    List<Future<Finding>> all = scopes.stream().map(scope -> probe(scope, lane)).toList();
    return Future.join(all).map(done -> all.stream().map(Future::result).toList());
  }

  /**
   * Probes each scope not in {@code known} (findings already made, e.g. by {@link #firstWave}) one at a time, each
   * once {@code turn} completes, in the bulk lane (nobody waits for the answer), and keeps {@code missing} in step with
   * all the findings: newly missing scopes are recorded (logged once), granted ones cleared. A serving bot's check
   * gives way to users this way; a failed {@code turn} ends the check there (the bot stopped), recording nothing.
   */
  public Future<List<Finding>> checkInto(MissingScopes missing, List<Finding> known, Supplier<Future<Void>> turn) {
    // A probe of the first wave that could not tell (no answer from a cold start, a rate limit) is asked again.
    List<Finding> findings = new ArrayList<>(known.stream().filter(f -> f.outcome() != Outcome.UNKNOWN).toList());
    Set<String> probed = findings.stream().map(Finding::scope).collect(Collectors.toSet());
    Future<Void> done = Future.succeededFuture();
    for (String scope : checkable().stream().filter(s -> !probed.contains(s)).toList()) {
      done = done.compose(v -> turn.get()).compose(v -> probe(scope, Lane.BULK)).map(f -> {
        findings.add(f);
        return null;
      });
    }
    return done.map(v -> {
      findings.forEach(f -> {
        if (f.outcome() == Outcome.MISSING) {
          missing.record(f.scope(), FeishuScopes.usedFor(f.scope()));
        } else if (f.outcome() == Outcome.GRANTED) {
          missing.granted(f.scope());
        }
      });
      return List.copyOf(findings);
    });
  }

  private Future<Finding> probe(String scope, Lane lane) {
    Probe p = probes.get(scope);
    return calls.diagnostic(p.operation(), lane, rawCall(p.call()))
        .map(ok -> new Finding(scope, Outcome.GRANTED, ""))
        .recover(e -> Future.succeededFuture(judge(scope, e)));
  }

  @SuppressWarnings("unchecked")
  private static <R extends BaseResponse<Object>> Callable<R> rawCall(Callable<? extends BaseResponse<?>> call) {
    return (Callable<R>) call;
  }

  /** Any business answer other than 99991672 means Feishu let the call past its scope check. */
  static Finding judge(String scope, Throwable e) {
    if (!(e instanceof FeishuApiException fe)) {
      return new Finding(scope, Outcome.UNKNOWN, String.valueOf(e));
    }
    if (fe.isMissingScope()) {
      return new Finding(scope, Outcome.MISSING, "");
    }
    if (fe.code() <= 0 || fe.isRateLimited() || isAuthFailure(fe.code())) {
      return new Finding(scope, Outcome.UNKNOWN, "code=" + fe.code() + " " + fe.feishuMsg());
    }
    return new Finding(scope, Outcome.GRANTED, "");
  }

  /** Token and credential failures: the scope check never happened. */
  static boolean isAuthFailure(int code) {
    return code == 99991661 || code == 99991663 || code == 99991671 || code == 10003 || code == 10014;
  }

  /** For tests: the scopes a probe exists for. */
  Collection<String> probed() {
    return probes.keySet();
  }
}
