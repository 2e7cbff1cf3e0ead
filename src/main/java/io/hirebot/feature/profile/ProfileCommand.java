package io.hirebot.feature.profile;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.cards.Markdown;
import io.hirebot.bot.CommandContext;
import io.hirebot.bot.CardPlace;
import io.hirebot.bot.CommandHandler;
import io.hirebot.bot.Refusal;
import io.hirebot.bot.Reply;
import io.hirebot.cards.Cards;
import io.hirebot.cards.ChoiceLabels;
import io.hirebot.command.Command.ShowProfile;
import io.hirebot.i18n.Language;
import io.hirebot.hire.HireDirectory;
import io.hirebot.hire.HireMeter;
import io.hirebot.hire.Talent;
import io.hirebot.hire.TalentsByName;
import io.hirebot.i18n.Messages;
import io.vertx.core.Future;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * "candidate NAME": finds the talent by Hire's talent search; one → the profile, several → one button
 * each, none → says so; only those its viewer may see ({@link ProfileAccess}). Phone and email only in a private chat
 * (DESIGN §5).
 */
final class ProfileCommand implements CommandHandler<ShowProfile> {
  static final int MAX_CHOICES = 10;
  /** A name that finds nobody is searched again word by word, for at most this many words and suggestions. */
  static final int MAX_SUGGESTION_WORDS = 3;
  static final int MAX_SUGGESTIONS = 5;

  private final HireMeter meter;
  private final ProfileReader reader;
  private final ProfileAccess access;
  private final Cards cards;
  private final Messages messages;

  ProfileCommand(HireMeter meter, ProfileReader reader, ProfileAccess access, Cards cards, Messages messages) {
    this.meter = meter;
    this.reader = reader;
    this.access = access;
    this.cards = cards;
    this.messages = messages;
  }

  /**
   * The profile asked for, as its viewer may see it here ({@link ProfileAccess}, the rule a Profile button follows
   * too): someone who may see only their own candidates is refused the same way for anyone else, found or not.
   */
  @Override
  public Future<Reply> handle(ShowProfile command, CommandContext context) {
    Language lang = context.language();
    boolean privateChat = !context.message().chat().isGroup();
    String viewer = context.message().senderId();
    CardPlace place = new CardPlace(context.message().chat().chatId(), null, viewer, context.message().chat().type(),
        context.chat());
    if (!command.talentId().isEmpty()) {
      return meter.run("profile", hire -> access.refusal(hire, command.talentId(), place).compose(refused ->
          refused != null ? Refusal.of(messages, lang, refused) : known(hire, command, privateChat, place, lang)));
    }
    return meter.run("profile", hire -> hire.searchTalents(command.name()).compose(found -> {
      List<Talent> exact = found.stream().filter(t -> same(t.name(), command.name())).toList();
      return access.visible(hire, exact.isEmpty() ? found : exact, place);
    }).compose(seen -> {
      List<Talent> candidates = seen.talents();
      if (seen.refusal() != null) {
        return Refusal.of(messages, lang, seen.refusal());
      }
      if (candidates.size() == 1) {
        return show(hire, candidates.get(0), privateChat, place, lang);
      }
      if (candidates.isEmpty()) {
        return suggestions(hire, command.name()).compose(s -> people(hire, s))
            .map(people -> Reply.card(notFound(command.name(), people, lang)));
      }
      return people(hire, candidates.subList(0, Math.min(MAX_CHOICES, candidates.size())))
          .map(people -> Reply.card(picker(command.name(), candidates.size(), people, lang)));
    }));
  }

  /**
   * A talent already known by id (a row of the last card, named in a follow-up): that talent, whoever shares the
   * name. In a private chat the name search only adds the contact data shown there.
   */
  private Future<Reply> known(HireDirectory hire, ShowProfile command, boolean privateChat, CardPlace place,
      Language lang) {
    Talent row = new Talent(command.talentId(), command.name(), "", "");
    Future<Talent> talent = !privateChat || !row.hasName() ? Future.succeededFuture(row)
        : hire.searchTalents(command.name()).map(found -> found.stream()
            .filter(t -> t.id().equals(command.talentId())).findFirst().orElse(row));
    return talent.compose(t -> show(hire, t, privateChat, place, lang));
  }

  /** The profile for the viewer at {@code place}, in its chat's zone. */
  private Future<Reply> show(HireDirectory hire, Talent talent, boolean privateChat, CardPlace place, Language lang) {
    return reader.render(hire, talent, 0, privateChat, place.viewer(), lang, place.zone()).map(shown -> Reply.card(
        shown.card(), ProfileButtons.view(shown, talent, 0, lang).put(ProfileButtons.CONTACT, privateChat)));
  }

  /**
   * Talents who share a word of a name that found nobody ("Zed Twine" → the Zed Twins), best effort: a word
   * search that fails only means fewer suggestions, never an error instead of the "no such candidate" answer.
   */
  private static Future<List<Talent>> suggestions(HireDirectory hire, String name) {
    List<String> words = Arrays.stream(name.strip().split("\\s+")).filter(w -> w.length() > 1).distinct()
        .limit(MAX_SUGGESTION_WORDS).toList();
    if (words.size() < 2) {
      return Future.succeededFuture(List.of());
    }
    List<Future<List<Talent>>> searches = words.stream()
        .map(w -> hire.searchTalents(w).otherwise(List.of())).toList();
    return Future.all(searches).map(done -> searches.stream().flatMap(f -> f.result().stream())
        .collect(Collectors.toMap(Talent::id, t -> t, (a, b) -> a, LinkedHashMap::new)).values().stream()
        .limit(MAX_SUGGESTIONS).toList());
  }

  private static boolean same(String a, String b) {
    return a.strip().toLowerCase(Locale.ROOT).equals(b.strip().toLowerCase(Locale.ROOT));
  }

  /** The people to pick from, each with their latest application, which their button names. */
  private static Future<List<TalentsByName.Person>> people(HireDirectory hire, List<Talent> talents) {
    return talents.isEmpty() ? Future.succeededFuture(List.of()) : TalentsByName.read(hire, talents, 1, false);
  }

  private ObjectNode notFound(String name, List<TalentsByName.Person> suggestions, Language lang) {
    ObjectNode model = cards.model();
    model.put("title", messages.get(lang, "profile.notfound.title", name));
    if (!suggestions.isEmpty()) {
      model.put("text", Markdown.message(messages, lang, "profile.notfound.suggest", name));
      addButtons(model, suggestions, lang);
      return cards.render("job-picker", model);
    }
    model.put("text", Markdown.message(messages, lang, "profile.notfound.text", name));
    model.put("color", "orange");
    return cards.render("notice", model);
  }

  /** Several talents share the name ({@code found} of them): a button per person shown, labelled so they can be told apart. */
  private ObjectNode picker(String name, int found, List<TalentsByName.Person> people, Language lang) {
    ObjectNode model = cards.model();
    model.put("title", messages.get(lang, "profile.picker.title"));
    model.put("text", Markdown.message(messages, lang, "profile.picker.text", name, found));
    addButtons(model, people, lang);
    return cards.render("job-picker", model);
  }

  /** A button per person that opens their profile, labelled with name, job and stage (never Hire's ids). */
  private void addButtons(ObjectNode model, List<TalentsByName.Person> people, Language lang) {
    ArrayNode buttons = model.putArray("jobs");
    for (TalentsByName.Person p : people) {
      Talent t = p.talent();
      ObjectNode item = buttons.addObject();
      item.put("label", ChoiceLabels.person(messages, lang, p));
      item.putObject("value").put("action", ProfileButtons.PAGE).put("talent_id", t.id()).put("name", t.name())
          .put("page", 0).put("lang", lang.feishuLocale());
    }
  }
}
