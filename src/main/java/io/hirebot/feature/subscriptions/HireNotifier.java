package io.hirebot.feature.subscriptions;

import io.hirebot.bot.HireEventHandler;
import io.hirebot.bot.inbound.HireEvent;
import io.hirebot.i18n.Language;
import io.hirebot.hire.Application;
import io.hirebot.hire.HireDirectory;
import io.hirebot.hire.Stage;
import io.hirebot.hire.StageType;
import io.hirebot.store.ApplicationJobs;
import io.hirebot.store.JdbcOwnChanges;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns Hire events into notification cards for the chats subscribed to the job: the application (and
 * offer) is fetched once per event, the card rendered once per language, then sent ({@link JobFollowers}) to every chat
 * but those a move the bot made was clicked in ({@link OwnMoves}), naming who made it. A stage change also refreshes the candidate cards
 * that show the application.
 */
final class HireNotifier implements HireEventHandler {
  private static final Logger log = LoggerFactory.getLogger(HireNotifier.class);

  private final HireDirectory hire;
  private final JobFollowers followers;
  private final NotificationCard cards;
  private final LivingCards livingCards;
  private final ApplicationJobs applicationJobs;
  private final OwnMoves ownMoves;

  HireNotifier(HireDirectory hire, JobFollowers followers, NotificationCard cards, LivingCards livingCards,
      ApplicationJobs applicationJobs, OwnMoves ownMoves) {
    this.ownMoves = ownMoves;
    this.applicationJobs = applicationJobs;
    this.livingCards = livingCards;
    this.hire = hire;
    this.followers = followers;
    this.cards = cards;
  }

  @Override
  public Future<Void> handle(HireEvent event) {
    if (event instanceof HireEvent.StageChanged s) {
      hire.invalidateApplication(s.applicationId());
      Future<Optional<JdbcOwnChanges.Matched>> madeFrom = ownMoves.madeFrom(s);
      return hire.application(s.applicationId()).compose(a -> {
        hire.invalidateApplication(a.id(), a.jobId());
        Future<Void> living = livingCards.refresh(a.id(), a.jobId());
        Instant at = s.updateTimeMillis() > 0 ? Instant.ofEpochMilli(s.updateTimeMillis()) : null;
        Future<Void> notified = madeFrom.compose(made -> stage(a.jobId(), s.originStageId()).compose(from ->
            notify(event, a, "stage", made.map(JdbcOwnChanges.Matched::chats).orElse(Set.of()),
                lang -> cards.stageChanged(lang.job(), a, from, at,
                    made.map(JdbcOwnChanges.Matched::move).orElse(null), lang.lang()))));
        return Future.join(living, notified).mapEmpty();
      });
    }
    if (event instanceof HireEvent.OfferStatusChanged o) {
      hire.offerChanged(o.offerId(), null);
      return hire.offer(o.offerId()).compose(offer -> hire.application(offer.applicationId()).compose(a -> {
        hire.offerChanged(o.offerId(), a.talentId());
        return notify(event, a, "offer", Set.of(), lang -> cards.offerChanged(lang.job(), a,
            o.offerStatus() != null ? o.offerStatus() : offer.status(), offer, lang.lang()));
      }));
    }
    List<Future<Void>> sent = new ArrayList<>();
    for (String id : ((HireEvent.ApplicationsDeleted) event).applicationIds()) {
      sent.add(deleted(event, id));
    }
    return Future.join(sent).mapEmpty();
  }

  /**
   * The application is gone from Hire, so it cannot be read: its job comes from this replica's cache or, on any
   * replica and after restarts, from the job the bot stored when it first saw the application.
   */
  private Future<Void> deleted(HireEvent event, String id) {
    Optional<Application> cached = hire.cachedApplication(id);
    Future<Optional<Application>> known = cached.isPresent() ? Future.succeededFuture(cached)
        : applicationJobs.find(id).map(row -> row.map(k -> new Application(k.applicationId(), k.jobId(),
            k.talentId(), k.talentName(), new Stage("", "", "", StageType.OTHER), false, null, null)));
    return known.compose(a -> {
      if (a.isEmpty()) {
        log.info("deleted application never seen by the bot, not notified application_id={}", id);
        return Future.succeededFuture();
      }
      hire.invalidateApplication(id, a.get().jobId());
      return notify(event, a.get(), "stage", Set.of(), lang -> cards.deleted(lang.job(), a.get(), lang.lang()));
    });
  }

  /** @param madeFrom the chats whose own card shows the change already (a move the bot made there): not notified */
  private Future<Void> notify(HireEvent event, Application a, String kind, Set<String> madeFrom,
      Function<JobFollowers.CardLanguage, NotificationCard.Notification> render) {
    return followers.notify(a, kind, madeFrom, "notify:" + event.dedupKey() + ":" + a.id(), render);
  }

  /** The stage of the job's process, when known. */
  private Future<Optional<Stage>> stage(String jobId, String stageId) {
    if (stageId == null || stageId.isEmpty()) {
      return Future.succeededFuture(Optional.empty());
    }
    return followers.job(jobId).compose(job -> hire.processes().map(processes -> processes.stream()
        .filter(p -> p.id().equals(job.processId())).findFirst()
        .flatMap(p -> p.stage(stageId))));
  }
}
