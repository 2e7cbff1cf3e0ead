package io.hirebot.feature.offers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.bot.ActionResult;
import io.hirebot.bot.Toast;
import io.hirebot.bot.CommandContext;
import io.hirebot.bot.CommandHandler;
import io.hirebot.bot.Feature;
import io.hirebot.bot.FeatureRegistry;
import io.hirebot.bot.Reply;
import io.hirebot.bot.inbound.CardAction;
import io.hirebot.cards.Cards;
import io.hirebot.cards.FlowTexts;
import io.hirebot.cards.JobChoiceCard;
import io.hirebot.cards.Pager;
import io.hirebot.command.Command.ListOffers;
import io.hirebot.i18n.Language;
import io.hirebot.hire.Application;
import io.hirebot.hire.HireDirectory;
import io.hirebot.hire.HireMeter;
import io.hirebot.hire.Job;
import io.hirebot.hire.JobMatcher;
import io.hirebot.hire.Offer;
import io.hirebot.hire.OfferStatuses;
import io.hirebot.hire.PipelineReader;
import io.hirebot.hire.StageType;
import io.hirebot.i18n.Messages;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * "[pending] offers [job X]" and its pager. Hire lists offers only per talent, so the bot takes the active
 * applications in offer and onboarding stages (the per-stage id lists every pipeline card uses), reads the
 * page's applications and their talents' offers ({@link OfferStatuses}: the current status of each), and the
 * onboarding date of the accepted ones.
 */
public final class OffersFeature implements Feature, CommandHandler<ListOffers> {
  static final String PAGE = "offers.page";
  static final String SHOW = "offers.show";
  private static final JobMatcher JOBS = new JobMatcher();
  static final Set<StageType> OFFER_STAGES = Set.of(StageType.OFFER, StageType.PENDING_ONBOARDING);
  /** The callback value's flag of a list of the offers still open. */
  static final String PENDING = "pending";
  /** Candidates at the offer stage read to find the pending offers: bounds the get_detail calls (10/s) of one list. */
  static final int MAX_PENDING_READ = io.hirebot.hire.PipelineReader.MAX_DATE_FILTERED;

  private final HireMeter meter;
  private final JobChoiceCard choices;
  private final OffersCard card;
  private final Messages messages;

  public OffersFeature(HireMeter meter, JobChoiceCard choices, Cards cards, Messages messages, Clock clock) {
    this.meter = meter;
    this.choices = choices;
    this.card = new OffersCard(cards, messages, clock);
    this.messages = messages;
  }

  @Override
  public void register(FeatureRegistry registry) {
    registry.command(ListOffers.class, this).action(PAGE, this::page).action(SHOW, this::page);
  }

  @Override
  public Future<Reply> handle(ListOffers command, CommandContext context) {
    Language lang = context.language();
    boolean pending = command.pending();
    return meter.run("offers", hire -> command.jobQuery().isEmpty()
        ? hire.jobs().compose(jobs -> render(hire, jobs.stream().filter(Job::open).toList(), "", pending, 0, lang,
            context.zone()))
            .map(Reply.class::cast)
        : JOBS.lookUp(hire, command.jobQuery()).compose(match -> choices.resolve(match, command.jobQuery(), SHOW,
            lang, job -> render(hire, List.of(job), job.id(), pending, 0, lang, context.zone())
                .map(Reply.class::cast),
            Reply::card)));
  }

  /**
   * A job picked from the picker, or next / previous page ({@code job_id} empty for every open job; {@code pending}
   * true for the offers still open only).
   */
  Future<ActionResult> page(CardAction action, Language lang) {
    String jobId = action.value().path("job_id").asText("");
    boolean pending = action.value().path(PENDING).asBoolean(false);
    int page = Math.max(0, action.value().path("page").asInt(0));
    return meter.run(PAGE, hire -> hire.jobs().compose(jobs -> {
      List<Job> scope = jobs.stream().filter(j -> jobId.isEmpty() ? j.open() : j.id().equals(jobId)).toList();
      if (!jobId.isEmpty() && scope.isEmpty()) {
        return Future.succeededFuture(ActionResult.of(Toast.error(messages, "toast.expired")));
      }
      // The view names the page shown: the last one, when the list shrank below the page asked for.
      return render(hire, scope, jobId, pending, page, lang, action.zone()).map(c -> new ActionResult(
          Toast.page(messages, page, c.view().path("page").asInt()), c.card(), c.view()));
    }));
  }

  /** The value that shows these offers at {@code page}: its pager's, and what living cards re-render. */
  static ObjectNode view(ObjectNode blank, String jobId, boolean pending, int page, Language lang) {
    return blank.put("action", PAGE).put("job_id", jobId).put(PENDING, pending).put("page", page)
        .put("lang", lang.feishuLocale());
  }

  /** @param zone the chat's, where its days begin */
  private Future<Reply.Card> render(HireDirectory hire, List<Job> jobs, String jobId, boolean pending, int page,
      Language lang, ZoneId zone) {
    PipelineReader reader = new PipelineReader(hire);
    // An offer still open is at the offer stage: Hire moves an application to onboarding once it is accepted.
    Set<StageType> types = pending ? Set.of(StageType.OFFER) : OFFER_STAGES;
    List<Future<List<String>>> perJob = jobs.stream().map(job -> reader.activeIdsIn(job, types)).toList();
    return Future.all(perJob).compose(done -> {
      List<String> ids = perJob.stream().flatMap(f -> f.result().stream()).toList();
      Future<List<String>> listed = pending ? pendingOnes(hire, reader, ids) : Future.succeededFuture(ids);
      // The pending ones are found among the first MAX_PENDING_READ: the card says so when there were more.
      int unchecked = pending ? Math.max(0, ids.size() - MAX_PENDING_READ) : 0;
      return listed.compose(kept -> renderPage(hire, reader, jobs, kept, new OffersCard.Listing(jobId,
          jobId.isEmpty() || jobs.isEmpty() ? "" : jobs.get(0).title(), pending, page, kept.size(), unchecked, zone),
          lang));
    });
  }

  /**
   * Of {@code ids}, those whose current offer is still open ({@link Offer#pending}), in the same order. Hire lists
   * offers only per talent, so every candidate at the offer stage is read (cached), at most
   * {@link #MAX_PENDING_READ} of them.
   */
  private static Future<List<String>> pendingOnes(HireDirectory hire, PipelineReader reader, List<String> ids) {
    return reader.details(ids.subList(0, Math.min(ids.size(), MAX_PENDING_READ)))
        .compose(apps -> OfferStatuses.of(hire, apps).map(offers -> apps.stream()
            .filter(a -> offers.containsKey(a.id()) && offers.get(a.id()).pending()).map(Application::id).toList()));
  }

  /** The page {@code asked.page()} of {@code ids} (clamped to those there are), each with its current offer. */
  private Future<Reply.Card> renderPage(HireDirectory hire, PipelineReader reader, List<Job> jobs, List<String> ids,
      OffersCard.Listing asked, Language lang) {
    OffersCard.Listing listing = asked.atPage(Pager.clamp(asked.page(), Pager.pages(ids.size(), Pager.PAGE_SIZE)));
    int p = listing.page();
    List<String> slice = ids.subList(Math.min(ids.size(), p * Pager.PAGE_SIZE),
        Math.min(ids.size(), (p + 1) * Pager.PAGE_SIZE));
    Map<String, String> titles = jobs.stream().collect(Collectors.toMap(Job::id, Job::title, (a, b) -> a));
    return reader.details(slice).compose(apps -> OfferStatuses.of(hire, apps)
        .compose(offers -> withOnboardDates(hire, offers))
        .map(offers -> card.render(listing, apps, titles, offers, lang)))
        .map(c -> new Reply.Card(c, view(c.objectNode(), listing.jobId(), listing.pending(), p, lang)));
  }

  /** The offer list has no onboarding date: read it (one cached get each) for the accepted offers only. */
  private static Future<Map<String, Offer>> withOnboardDates(HireDirectory hire, Map<String, Offer> offers) {
    List<Future<Offer>> accepted = offers.values().stream().filter(o -> o.status() == FlowTexts.ACCEPTED)
        .map(o -> hire.offer(o.id()).otherwise(o)).toList();
    return Future.all(accepted).map(done -> {
      Map<String, Offer> dated = new HashMap<>(offers);
      accepted.forEach(f -> dated.put(f.result().applicationId(), f.result()));
      return dated;
    });
  }
}
