package io.hirebot.feature.offers;

import io.hirebot.cards.SharedActions;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.cards.Markdown;
import io.hirebot.cards.Cards;
import io.hirebot.cards.Pager;
import io.hirebot.cards.QuickActions;
import io.hirebot.cards.StartWords;
import io.hirebot.i18n.Language;
import io.hirebot.hire.Application;
import io.hirebot.hire.Offer;
import io.hirebot.i18n.HireTexts;
import io.hirebot.i18n.Messages;
import io.hirebot.i18n.Names;
import io.hirebot.i18n.StageWords;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** The offers card ({@code cards/offers.json}): one page of candidates in offer stages with their offer's status. */
final class OffersCard {
  private final Cards cards;
  private final Messages messages;
  private final StartWords starts;
  private final Clock clock;

  OffersCard(Cards cards, Messages messages, Clock clock) {
    this.cards = cards;
    this.messages = messages;
    this.starts = new StartWords(messages);
    this.clock = clock;
  }

  /** What one page shows: its applications, their jobs' titles, and the current offer of each (when there is one). */
  private record Rows(List<Application> shown, Map<String, String> jobTitles, Map<String, Offer> offers) {}

  /**
   * Which list a card shows.
   *
   * @param jobTitle the job the list is limited to, "" for every open job
   * @param pending only the offers still open
   * @param total the rows of the whole list
   * @param unchecked candidates at the offer stage not looked at for a pending offer (0 when all were)
   * @param zone the chat's, where its days begin (a start passed without a join)
   */
  record Listing(String jobId, String jobTitle, boolean pending, int page, int total, int unchecked, ZoneId zone) {
    Listing atPage(int p) {
      return new Listing(jobId, jobTitle, pending, p, total, unchecked, zone);
    }
  }

  /** The card in both languages (each viewer reads their own), or the writer's alone where that is too big. */
  ObjectNode render(Listing listing, List<Application> shown, Map<String, String> jobTitles, Map<String, Offer> offers,
      Language lang) {
    Rows rows = new Rows(shown, jobTitles, offers);
    return cards.bilingual(lang, l -> renderIn(listing, rows, l));
  }

  private ObjectNode renderIn(Listing listing, Rows shown, Language lang) {
    ObjectNode model = cards.model();
    model.set("t", cards.mapper().valueToTree(messages.all(lang)));
    // "Offers", "Pending offers · Backend Engineer": the header says which offers the list holds.
    String kind = listing.pending() ? "offers.pending" : "offers";
    String jobTitle = Names.of(listing.jobTitle());
    model.put("title", jobTitle.isEmpty() ? messages.get(lang, kind + ".title")
        : messages.get(lang, kind + ".title.job", jobTitle));
    String subtitle = messages.get(lang, kind + ".subtitle", listing.total());
    model.put("subtitle", listing.unchecked() == 0 ? subtitle
        : subtitle + messages.get(lang, "offers.pending.unchecked", OffersFeature.MAX_PENDING_READ, listing.unchecked()));
    model.put("empty", listing.total() == 0);
    model.put("emptyText", messages.get(lang, kind + ".empty"));
    ArrayNode rows = model.putArray("rows");
    for (Application a : shown.shown()) {
      Offer offer = shown.offers().get(a.id());
      ObjectNode row = rows.addObject();
      String status = offer == null ? messages.get(lang, "offers.none")
          : messages.get(lang, HireTexts.offerStatusKey(offer.status()));
      // The start in the words every card uses: joined, still to come, or passed without a join.
      String start = starts.of(a, offer, clock.instant().atZone(listing.zone()), lang);
      row.put("line", Markdown.message(messages, lang, "offers.row", Names.of(a.talentName()),
          shown.jobTitles().getOrDefault(a.jobId(), ""),
          StageWords.name(messages, lang, a.stage()), status,
          new Markdown.Own(start.isEmpty() ? "" : messages.get(lang, "offers.onboard", start))));
      // A profile opened privately leads back to this card through the view the bot recorded with it.
      row.set("profile", QuickActions.value(cards.model(), SharedActions.PROFILE_OPEN, a, lang));
    }
    ObjectNode value = OffersFeature.view(cards.model(), listing.jobId(), listing.pending(), 0, lang);
    Pager.put(model, listing.page(), Pager.pages(listing.total(), Pager.PAGE_SIZE), listing.total(), value, messages,
        lang);
    return cards.render("offers", model);
  }
}
