package io.hirebot.sandbox;

import io.hirebot.sandbox.hire.Application;
import io.hirebot.sandbox.hire.Job;
import io.hirebot.sandbox.hire.Offer;
import io.hirebot.sandbox.hire.Stage;
import io.hirebot.sandbox.hire.Talent;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The console's Hire panel and clock control: changes made "in the Hire UI" of the demo tenant (move an application,
 * add one, change an offer's status), which fire the same events {@link HireTenant} fires for Feishu or wait for the
 * bot's poll; and moving the clock shared with the bot to its next digest or reminder.
 */
final class ConsoleHireRoutes {

  /** Offer statuses a regular offer can be set to in Hire (1–10, see the Hire reference). */
  static final List<Integer> OFFER_STATUSES = List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
  static final int MAX_NAME = 60;
  /** The clock may jump at most this far at once (a digest is at most weekly). */
  static final Duration MAX_JUMP = Duration.ofDays(8);
  /** A jump lands just after the due time, as the bot's minute timer would. */
  static final Duration PAST_DUE = Duration.ofSeconds(1);

  private final HireTenant hire;
  private final Console console;
  private final Clock clock;

  ConsoleHireRoutes(HireTenant hire, Console console, Clock clock) {
    this.hire = hire;
    this.console = console;
    this.clock = clock;
  }

  void install(Router router) {
    String base = ConsoleRoutes.BASE + "/api";
    router.get(base + "/hire").handler(this::jobs);
    router.post(base + "/hire/move").handler(ctx -> change(ctx, this::move));
    router.post(base + "/hire/add").handler(ctx -> change(ctx, this::add));
    router.post(base + "/hire/offer").handler(ctx -> change(ctx, this::offer));
    router.get(base + "/clock").handler(this::clockState);
    router.post(base + "/clock").handler(this::moveClock);
  }

  private void jobs(RoutingContext ctx) {
    Map<String, Offer> offers = hire.offers().stream()
        .collect(Collectors.toMap(Offer::applicationId, o -> o, (a, b) -> b));
    JsonArray jobs = new JsonArray();
    for (Job job : hire.jobs()) {
      JsonArray stages = new JsonArray();
      hire.stagesOf(job.id()).forEach(s -> stages.add(new JsonObject().put("id", s.id()).put("zh_cn", s.zhName())
          .put("en_us", s.enName())));
      JsonArray apps = new JsonArray();
      for (Application a : hire.applicationsOfJob(job.id())) {
        Offer o = offers.get(a.id());
        apps.add(new JsonObject().put("id", a.id()).put("talent", hire.talent(a.talentId()).map(Talent::name).orElse(""))
            .put("stage_id", a.stageId()).put("active", a.active())
            .put("offer", o == null ? null : new JsonObject().put("id", o.id()).put("status", o.status())));
      }
      jobs.add(new JsonObject().put("id", job.id()).put("code", job.code()).put("title", job.title())
          .put("stages", stages).put("applications", apps));
    }
    ApiReply.json(ctx, 200, new JsonObject().put("jobs", jobs).put("offer_statuses", new JsonArray(OFFER_STATUSES)));
  }

  /** Runs a change with the request body; a refused change answers 400 with why and changes nothing. */
  private void change(RoutingContext ctx, java.util.function.Function<JsonObject, JsonObject> change) {
    JsonObject body = TryItRoutes.bodyOrNull(ctx);
    if (body == null) {
      ApiReply.json(ctx, 400, ConsoleRoutes.error("send a JSON object"));
      return;
    }
    try {
      ApiReply.json(ctx, 200, change.apply(body));
    } catch (IllegalArgumentException | java.util.NoSuchElementException e) {
      ApiReply.json(ctx, 400, ConsoleRoutes.error(e.getMessage()));
    }
  }

  private JsonObject move(JsonObject body) {
    Application a = hire.application(text(body, "application_id"))
        .orElseThrow(() -> new IllegalArgumentException("no such application"));
    String stageId = text(body, "stage_id");
    if (hire.stagesOf(a.jobId()).stream().map(Stage::id).noneMatch(stageId::equals)) {
      throw new IllegalArgumentException("stage " + stageId + " is not in the job's process");
    }
    Application moved = hire.moveApplication(a.id(), stageId);
    return new JsonObject().put("application_id", moved.id()).put("stage_id", moved.stageId());
  }

  /** A new talent applying now, in the job's first stage; Feishu fires no event for it: the bot's poll finds it. */
  private JsonObject add(JsonObject body) {
    Job job = hire.job(text(body, "job_id")).orElseThrow(() -> new IllegalArgumentException("no such job"));
    String name = text(body, "name").strip();
    if (name.isEmpty() || name.length() > MAX_NAME) {
      throw new IllegalArgumentException("name must be 1 to " + MAX_NAME + " characters");
    }
    List<Stage> stages = hire.stagesOf(job.id());
    if (stages.isEmpty()) {
      throw new IllegalArgumentException("the job's process has no stages");
    }
    Talent t = hire.addTalent(name, null, null);
    Application a = hire.addApplication(job.id(), t.id(), stages.get(0).id());
    return new JsonObject().put("application_id", a.id()).put("talent_id", t.id());
  }

  private JsonObject offer(JsonObject body) {
    String offerId = text(body, "offer_id");
    Object status = body.getValue("status");
    if (!(status instanceof Integer s) || !OFFER_STATUSES.contains(s)) {
      throw new IllegalArgumentException("status must be one of " + OFFER_STATUSES);
    }
    if (hire.offers().stream().noneMatch(o -> o.id().equals(offerId))) {
      throw new IllegalArgumentException("no such offer");
    }
    Offer o = hire.setOfferStatus(offerId, s);
    return new JsonObject().put("offer_id", o.id()).put("status", o.status());
  }

  private static String text(JsonObject body, String key) {
    if (body.getValue(key) instanceof String s) {
      return s;
    }
    throw new IllegalArgumentException(key + " is required");
  }

  private void clockState(RoutingContext ctx) {
    BotSchedule schedule = console.schedule();
    if (console.shiftedClock() == null || schedule == null) {
      ApiReply.json(ctx, 200, new JsonObject().put("available", false).put("now", clock.instant().toString()));
      return;
    }
    Instant now = clock.instant();
    schedule.nextDue(now).onComplete(r -> ApiReply.json(ctx, 200, new JsonObject().put("available", true)
        .put("now", now.toString()).put("offset_seconds", console.shiftedClock().offset().toSeconds())
        .put("next_due", r.succeeded() ? r.result().map(Instant::toString).orElse(null) : null)));
  }

  /**
   * {@code {"to":"next"}} jumps past the next due time, {@code {"minutes":N}} moves by N minutes, {@code {"to":"now"}}
   * stays; then the bot's routines run.
   */
  private void moveClock(RoutingContext ctx) {
    JsonObject body = TryItRoutes.bodyOrNull(ctx);
    ShiftedClock shifted = console.shiftedClock();
    BotSchedule schedule = console.schedule();
    if (shifted == null || schedule == null) {
      ApiReply.json(ctx, 409, ConsoleRoutes.error("the clock control needs the bot started in sandbox mode"));
      return;
    }
    if (body == null) {
      ApiReply.json(ctx, 400, ConsoleRoutes.error("send {\"to\":\"next\"}, {\"to\":\"now\"} or {\"minutes\":N}"));
      return;
    }
    Instant now = clock.instant();
    Future<Duration> jump;
    if ("now".equals(body.getValue("to"))) {
      jump = Future.succeededFuture(Duration.ZERO);
    } else if ("next".equals(body.getValue("to"))) {
      jump = schedule.nextDue(now).map(due -> due.map(d -> Duration.between(now, d).plus(PAST_DUE)).orElse(null));
    } else if (body.getValue("minutes") instanceof Integer m && m > 0) {
      jump = Future.succeededFuture(Duration.ofMinutes(m));
    } else {
      ApiReply.json(ctx, 400, ConsoleRoutes.error("send {\"to\":\"next\"} or {\"minutes\":N} with N > 0"));
      return;
    }
    jump.compose(by -> {
      if (by == null) {
        return Future.succeededFuture(Optional.<Duration>empty());
      }
      if (by.isNegative() || by.compareTo(MAX_JUMP) > 0) {
        return Future.failedFuture(new IllegalArgumentException("a jump must be within " + MAX_JUMP.toDays() + " days"));
      }
      shifted.advance(by);
      return schedule.runRoutines().map(Optional.of(by));
    }).onComplete(r -> {
      if (r.failed()) {
        ApiReply.json(ctx, r.cause() instanceof IllegalArgumentException ? 400 : 502,
            ConsoleRoutes.error(r.cause().getMessage()));
      } else if (r.result().isEmpty()) {
        ApiReply.json(ctx, 409, ConsoleRoutes.error("nothing is scheduled: set a digest or add an interview first"));
      } else {
        ApiReply.json(ctx, 200, new JsonObject().put("moved_seconds", r.result().get().toSeconds())
            .put("now", clock.instant().toString()));
      }
    });
  }
}
