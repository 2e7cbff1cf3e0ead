package io.hirebot.feature.offers;

import io.hirebot.cards.SharedActions;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.cards.Markdown;
import io.hirebot.cards.Cards;
import io.hirebot.cards.FlowTexts;
import io.hirebot.cards.Pager;
import io.hirebot.cards.QuickActions;
import io.hirebot.i18n.Language;
import io.hirebot.hire.Application;
import io.hirebot.hire.Offer;
import io.hirebot.i18n.DateTexts;
import io.hirebot.i18n.HireTexts;
import io.hirebot.i18n.Messages;
import java.util.List;
import java.util.Map;

/** The offers card ({@code cards/offers.json}): one page of candidates in offer stages with their offer's status. */
final class OffersCard {
  private final Cards cards;
  private final Messages messages;

  OffersCard(Cards cards, Messages messages) {
    this.cards = cards;
    this.messages = messages;
  }

  /** What one page shows: its applications, their jobs' titles, and the current offer of each (when there is one). */
  private record Rows(List<Application> shown, Map<String, String> jobTitles, Map<String, Offer> offers) {}

  /**
   * The card in both languages (each viewer reads their own), or the writer's alone where that is too big.
   *
   * @param jobTitle the job the list is limited to, "" for every open job
   */
  ObjectNode render(String jobId, String jobTitle, List<Application> shown, Map<String, String> jobTitles,
      Map<String, Offer> offers, int page, int total, Language lang) {
    Rows rows = new Rows(shown, jobTitles, offers);
    return cards.bilingual(lang, l -> renderIn(jobId, jobTitle, rows, page, total, l));
  }

  private ObjectNode renderIn(String jobId, String jobTitle, Rows shown, int page, int total, Language lang) {
    ObjectNode model = cards.model();
    model.set("t", cards.mapper().valueToTree(messages.all(lang)));
    model.put("title", jobTitle.isEmpty() ? messages.get(lang, "offers.title")
        : messages.get(lang, "offers.title.job", jobTitle));
    model.put("subtitle", messages.get(lang, "offers.subtitle", total));
    model.put("empty", total == 0);
    model.put("emptyText", messages.get(lang, "offers.empty"));
    ArrayNode rows = model.putArray("rows");
    for (Application a : shown.shown()) {
      Offer offer = shown.offers().get(a.id());
      ObjectNode row = rows.addObject();
      String status = offer == null ? messages.get(lang, "offers.none")
          : messages.get(lang, HireTexts.offerStatusKey(offer.status()));
      // The start date as every other card writes it; a date Hire sent in another shape, as it came.
      String onboard = offer == null || offer.onboardDate().isBlank() ? ""
          : messages.get(lang, "offers.onboard", FlowTexts.startDate(offer).map(d -> DateTexts.day(d, lang))
              .orElse(offer.onboardDate()));
      row.put("line", Markdown.message(messages, lang, "offers.row", a.talentName(), shown.jobTitles().getOrDefault(a.jobId(), ""),
          a.stage().name(lang.feishuLocale()), status, onboard));
      row.set("profile", QuickActions.value(cards.model(), SharedActions.PROFILE_OPEN, a, lang)
          .set(SharedActions.BACK, OffersFeature.view(cards.model(), jobId, page, lang)));
    }
    ObjectNode value = OffersFeature.view(cards.model(), jobId, 0, lang);
    Pager.put(model, page, Pager.pages(total, Pager.PAGE_SIZE), total, value, messages, lang);
    return cards.render("offers", model);
  }
}
