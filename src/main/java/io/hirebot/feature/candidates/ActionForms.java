package io.hirebot.feature.candidates;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.cards.Markdown;
import io.hirebot.cards.RowsShown;
import io.hirebot.cards.Cards;
import io.hirebot.cards.ReasonOptions;
import io.hirebot.i18n.Language;
import io.hirebot.hire.Application;
import io.hirebot.hire.JobProcess;
import io.hirebot.hire.Stage;
import io.hirebot.hire.TerminationReason;
import io.hirebot.i18n.Messages;
import io.hirebot.i18n.Names;
import io.hirebot.i18n.StageWords;
import io.hirebot.util.Kept;
import java.util.List;

/**
 * The small form cards a candidate button opens (see {@link FormPlaces} for where): move to a stage, reject with a
 * reason, add a note ({@code cards/action-form.json}). Their Back button returns to the view they came from.
 */
final class ActionForms {
  private final Cards cards;
  private final Messages messages;

  ActionForms(Cards cards, Messages messages) {
    this.cards = cards;
    this.messages = messages;
  }

  /**
   * The Move form: a stage to pick, in process order. Each option is two of Feishu's 200 elements, so a process of a
   * hundred stages lists those that fit and matter most from where the candidate is ({@link JobProcess#nearest}: the
   * offer and onboarding stages, then the nearest, the next first), and the form says how to name another in a typed
   * move.
   */
  public ObjectNode move(ActionTarget target, Application app, JobProcess process, Language lang) {
    List<Stage> choices = StageActions.choices(process, app.stage().id());
    return cards.fitRows("action-form", choices.size(), n -> {
      ObjectNode model = base(target, lang, "form.move.title", "wathet", Names.of(app.talentName()));
      model.put("text", Markdown.message(messages, lang, "form.move.text", Names.of(app.talentName()),
          StageWords.name(messages, lang, app.stage())));
      ObjectNode select = model.putObject("select").put("name", "stage")
          .put("placeholder", messages.get(lang, "form.move.placeholder"));
      ArrayNode options = select.putArray("options");
      Kept.inOrder(choices, n, process.nearest(app.stage().id())).forEach(s -> options.addObject().put("label", StageWords.name(messages, lang, s))
          .put("value", s.id()));
      RowsShown.put(model, n, choices.size(), Markdown.message(messages, lang, "cards.shown.stages",
          Names.of(app.talentName())), messages, lang);
      model.put("submitLabel", messages.get(lang, "form.move.submit")).put("submitType", "primary_filled");
      model.set("submit", target.value(cards.model(), RowActions.MOVE_CONFIRM, lang.feishuLocale()));
      return model;
    });
  }

  public ObjectNode reject(ActionTarget target, Application app, String jobTitle, List<TerminationReason> reasons,
      Language lang) {
    ObjectNode model = base(target, lang, "form.reject.title", "red", Names.of(app.talentName()));
    model.put("text", Markdown.message(messages, lang, "form.reject.text", Names.of(app.talentName()), jobTitle));
    ObjectNode select = model.putObject("select").put("name", "reason")
        .put("placeholder", messages.get(lang, "form.reject.placeholder"));
    ReasonOptions.fill(select.putArray("options"), reasons, "", lang);
    model.put("more", ReasonOptions.more(messages, lang, reasons, Names.of(app.talentName())));
    model.putObject("input").put("required", false).put("placeholder", messages.get(lang, "form.reject.note"));
    // No confirm dialog on submit: the Reject button that opened the form asked "Reject this candidate?" already.
    model.put("submitLabel", messages.get(lang, "form.reject.submit")).put("submitType", "danger_filled");
    model.set("submit", target.value(cards.model(), RowActions.REJECT_CONFIRM, lang.feishuLocale()));
    return cards.render("action-form", model);
  }

  public ObjectNode note(ActionTarget target, Application app, Language lang) {
    ObjectNode model = base(target, lang, "form.note.title", "blue", Names.of(app.talentName()));
    model.put("text", Markdown.message(messages, lang, "form.note.text", Names.of(app.talentName())));
    model.putObject("input").put("required", true).put("placeholder", messages.get(lang, "form.note.placeholder"));
    model.put("submitLabel", messages.get(lang, "form.note.submit")).put("submitType", "primary_filled");
    model.set("submit", target.value(cards.model(), RowActions.NOTE_SUBMIT, lang.feishuLocale()));
    return cards.render("action-form", model);
  }

  private ObjectNode base(ActionTarget target, Language lang, String titleKey, String color, String name) {
    ObjectNode model = cards.model();
    model.set("t", cards.mapper().valueToTree(messages.all(lang)));
    model.put("title", messages.get(lang, titleKey, name)).put("color", color);
    // Back shows the view again in place; a form only the clicker sees in a group just closes.
    boolean closes = ActionTarget.EPHEMERAL.equals(target.via());
    model.set("cancel", closes
        ? cards.model().put("action", RowActions.FORM_CLOSE).put("lang", lang.feishuLocale())
        : target.viewValue(cards.model(), lang.feishuLocale()));
    model.put("cancelLabel", messages.get(lang, closes ? "button.close"
        : target.fromProfile() ? "button.backToProfile" : "button.back"));
    return model;
  }
}
