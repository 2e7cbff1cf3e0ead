package io.hirebot.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.app.RunningBot;
import io.hirebot.sandbox.CardActionSpec;
import io.hirebot.sandbox.Faults;
import io.hirebot.sandbox.MessageSpec;
import io.hirebot.sandbox.PushResult;
import io.hirebot.sandbox.RecordedRequest;
import io.hirebot.testing.ClickAnswer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Section 5: a Hire outage (it hangs for the first half, then answers 503 pages) while users keep sending commands
 * and clicking their cards every few seconds, then Hire comes back. Per user: the slowest answer during the
 * outage, how many answers named the failure and how many with a log id, how long after the lift the user's
 * first success came, and whether any event went unanswered or was answered twice.
 */
final class HireOutageRecovery {
  /** The longest anyone waits for one answer before it counts as lost. */
  private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);
  private static final AtomicLong SEQ = new AtomicLong();

  /** One command or click: when it was asked (nanos since the fault), how long its answer took, what it said. */
  private record Action(long askedAt, long tookNanos, String seen, boolean error, boolean answered, String pushId,
      String token, String replyId) {}

  private final BenchEnv env;
  private final int users;
  private final Duration outage;
  private final Duration every;
  private final Duration after;
  private final int size;

  HireOutageRecovery(BenchEnv env, BenchOptions options) {
    this.env = env;
    this.users = options.outageUsers();
    this.outage = Duration.ofSeconds(options.outageSeconds());
    this.every = Duration.ofSeconds(3);
    this.after = Duration.ofSeconds(Math.max(10, options.outageSeconds() / 3));
    this.size = options.sizes().get(options.sizes().size() - 1);
  }

  ObjectNode run() {
    env.sandbox.faults().clear();
    RunningBot bot = env.freshBot();
    ExecutorService pool = Executors.newFixedThreadPool(users);
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    try {
      List<String> cards = new ArrayList<>();
      for (int u = 0; u < users; u++) {
        cards.add(command(u, "candidates for job " + BenchTenant.code(size), System.nanoTime()).replyId());
      }
      long fault = System.nanoTime();
      long lift = fault + outage.toNanos();
      long end = lift + after.toNanos();
      env.sandbox.faults().hang(Faults.HIRE_PATHS);
      List<Future<List<Action>>> running = new ArrayList<>();
      for (int u = 0; u < users; u++) {
        int user = u;
        running.add(pool.submit(() -> user(user, cards.get(user), fault, end)));
      }
      Pause.millis(outage.toMillis() / 2);
      env.sandbox.faults().clear();
      env.sandbox.faults().gatewayErrorAlways(Faults.HIRE_PATHS, 503);
      Pause.millis(Math.max(0, TimeUnit.NANOSECONDS.toMillis(lift - System.nanoTime())));
      env.sandbox.faults().clear();
      List<List<Action>> perUser = new ArrayList<>();
      for (Future<List<Action>> f : running) {
        perUser.add(f.get(outage.plus(after).plus(ANSWER_TIMEOUT).toSeconds() * 2, TimeUnit.SECONDS));
      }
      Set<String> failedLogIds = env.sandbox.requests().all().stream()
          .filter(r -> r.path().startsWith("/open-apis/hire/") && r.status() >= 400)
          .map(RecordedRequest::logId).filter(id -> id != null && !id.isEmpty()).collect(Collectors.toSet());
      out.put("users", users).put("outage_s", outage.toSeconds()).put("action_every_s", every.toSeconds())
          .put("phases", "hang " + outage.toSeconds() / 2 + " s, then 503 pages " + (outage.toSeconds()
              - outage.toSeconds() / 2) + " s");
      ArrayNode rows = out.putArray("per_user");
      for (int u = 0; u < users; u++) {
        rows.add(summary(u, perUser.get(u), lift - fault, failedLogIds));
      }
    } catch (Exception e) {
      throw new IllegalStateException("hire outage section failed", e);
    } finally {
      pool.shutdownNow();
      env.sandbox.faults().clear();
      env.retire(bot);
    }
    return out;
  }

  /** One user: alternately a command and a click on their own card, one every few seconds, until {@code end}. */
  private List<Action> user(int u, String card, long fault, long end) {
    List<Action> done = new ArrayList<>();
    long next = fault + every.toNanos() * u / users;
    for (int k = 0; next < end; k++) {
      Pause.millis(Math.max(0, TimeUnit.NANOSECONDS.toMillis(next - System.nanoTime())));
      Action a = k % 2 == 0 ? command(u, "candidates for job " + BenchTenant.code(size), fault)
          : click(u, card, 1 + (k / 2) % 2, fault);
      done.add(a);
      next += every.toNanos();
    }
    return Collections.unmodifiableList(done);
  }

  private Action command(int u, String text, long fault) {
    String id = "om_bench_outage_" + SEQ.incrementAndGet();
    var replied = env.sandbox.im().awaitMessage(m -> id.equals(m.parentId()), ANSWER_TIMEOUT);
    long asked = System.nanoTime();
    PushResult push = BenchHttp.await(env.sandbox.events().message(MessageSpec.group(env.tenant.chat(u))
        .from(Envelopes.sender(u)).mentioningBot().text(text).messageId(id)), ANSWER_TIMEOUT);
    if (push.status() != 200) {
      return new Action(asked - fault, 0, "push answered " + push.status(), false, false, id, null, null);
    }
    try {
      var reply = BenchHttp.await(replied, ANSWER_TIMEOUT.plusSeconds(5));
      String seen = reply.currentContent().toString();
      return new Action(asked - fault, System.nanoTime() - asked, seen, isError(seen), true, id, null, reply.messageId());
    } catch (RuntimeException e) {
      return new Action(asked - fault, ANSWER_TIMEOUT.toNanos(), "no answer", false, false, id, null, null);
    }
  }

  /** A click answered at once (toast, card) or, after "Working on it…", by the delayed update with its token. */
  private Action click(int u, String card, int page, long fault) {
    CardActionSpec click = Envelopes.pagerClick(card, env.tenant.job(size).id(), page, Envelopes.sender(u));
    long asked = System.nanoTime();
    PushResult r = BenchHttp.await(env.sandbox.events().cardAction(click), ANSWER_TIMEOUT);
    String token = ClickAnswer.token(r);
    try {
      ClickAnswer a = BenchHttp.await(ClickAnswer.of(env.sandbox, r, ANSWER_TIMEOUT), ANSWER_TIMEOUT.plusSeconds(5));
      if (r.status() != 200) {
        return new Action(asked - fault, a.took().toNanos(), "click answered " + r.status(), false, false, null,
            token, null);
      }
      return new Action(asked - fault, a.took().toNanos(), a.body(), a.errorToast() || isError(a.body()), true, null,
          token, null);
    } catch (RuntimeException e) {
      return new Action(asked - fault, ANSWER_TIMEOUT.toNanos(), "no delayed update", false, false, null, token, null);
    }
  }

  /** The error card's title, or a failure toast (the bot's English texts). */
  private static boolean isError(String seen) {
    // A deadline that passed says so ("still waiting"), and its card later shows what came of it.
    return seen.contains("Feishu Hire did not answer") || seen.contains("Feishu Hire call failed")
        || seen.contains("That did not work")
        || seen.contains("Still waiting for Feishu Hire");
  }

  private ObjectNode summary(int u, List<Action> actions, long liftedAt, Set<String> failedLogIds) {
    List<Action> during = actions.stream().filter(a -> a.askedAt() < liftedAt).toList();
    long slowest = during.stream().mapToLong(Action::tookNanos).max().orElse(0);
    long named = during.stream().filter(Action::error).count();
    long withLogId = during.stream().filter(a -> a.error() && failedLogIds.stream().anyMatch(a.seen()::contains))
        .count();
    long okDuring = during.stream().filter(a -> a.answered() && !a.error()).count();
    long firstSuccess = actions.stream().filter(a -> a.askedAt() >= liftedAt && a.answered() && !a.error())
        .mapToLong(a -> a.askedAt() + a.tookNanos() - liftedAt).min().orElse(-1);
    long lost = actions.stream().filter(a -> !a.answered()).count();
    long twice = actions.stream().filter(a -> answers(a) > 1).count();
    return JsonNodeFactory.instance.objectNode()
        .put("user", "user" + u)
        .put("actions", actions.size())
        .put("during_outage", during.size())
        .put("slowest_during_ms", Stats.round(slowest / 1e6))
        .put("named_failure", named)
        .put("with_log_id", withLogId)
        .put("ok_during", okDuring)
        .put("first_success_after_lift_ms", firstSuccess < 0 ? -1 : Stats.round(firstSuccess / 1e6))
        .put("lost", lost)
        .put("answered_twice", twice);
  }

  /** How many answers the emulator got for the action: replies to the command, or delayed updates with its token. */
  private long answers(Action a) {
    if (a.token() != null) {
      return env.sandbox.requests().all().stream()
          .filter(ClickAnswer.updateWith(a.token())).count();
    }
    return env.sandbox.im().messages().stream().filter(m -> a.pushId().equals(m.parentId())).count();
  }
}
