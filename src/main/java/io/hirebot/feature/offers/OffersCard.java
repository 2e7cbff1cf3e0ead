package io.hirebot.feature.offers;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.cards.Markdown;
import io.hirebot.cards.Cards;
import io.hirebot.cards.Pager;
import io.hirebot.cards.QuickActions;
import io.hirebot.command.Language;
import io.hirebot.hire.Application;
import io.hirebot.hire.ApplicationDetail;
import io.hirebot.i18n.HireTexts;
import io.hirebot.i18n.Messages;
import java.util.List;

/** The offers card ({@code cards/offers.json}): one page of candidates in offer stages with their offer's status. */
final class OffersCard {
  private final Cards cards;
  private final Messages messages;

  OffersCard(Cards cards, Messages messages) {
    this.cards = cards;
    this.messages = messages;
  }

  /** @param jobTitle the job the list is limited to, "" for every open job */
  /** The card in both languages (each viewer reads their own), or the writer's alone where that is too big. */
  ObjectNode render(String jobId, String jobTitle, List<ApplicationDetail> shown, int page, int total, Language lang) {
    return cards.bilingual(lang, l -> renderIn(jobId, jobTitle, shown, page, total, l));
  }

  private ObjectNode renderIn(String jobId, String jobTitle, List<ApplicationDetail> shown, int page, int total, Language lang) {
    ObjectNode model = cards.model();
    model.set("t", cards.mapper().valueToTree(messages.all(lang)));
    model.put("title", jobTitle.isEmpty() ? messages.get(lang, "offers.title")
        : messages.get(lang, "offers.title.job", jobTitle));
    model.put("subtitle", messages.get(lang, "offers.subtitle", total));
    model.put("empty", total == 0);
    model.put("emptyText", messages.get(lang, "offers.empty"));
    ArrayNode rows = model.putArray("rows");
    for (ApplicationDetail d : shown) {
      Application a = d.application();
      ObjectNode row = rows.addObject();
      String status = d.offer() == null ? messages.get(lang, "offers.none")
          : messages.get(lang, HireTexts.offerStatusKey(d.offer().status()));
      String onboard = d.offer() == null || d.offer().onboardDate().isBlank() ? ""
          : messages.get(lang, "offers.onboard", d.offer().onboardDate());
      row.put("line", Markdown.message(messages, lang, "offers.row", a.talentName(), d.jobTitle(),
          a.stage().name(lang.feishuLocale()), status, onboard));
      row.set("profile", QuickActions.value(cards.model(), "profile", a, lang));
    }
    ObjectNode value = OffersFeature.view(cards.model(), jobId, 0, lang);
    Pager.put(model, page, Pager.pages(total, Pager.PAGE_SIZE), total, value, messages, lang);
    return cards.render("offers", model);
  }
}
