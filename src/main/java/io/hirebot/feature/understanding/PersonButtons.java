package io.hirebot.feature.understanding;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.cards.Cards;
import io.hirebot.cards.ChoiceLabels;
import io.hirebot.cards.SharedActions;
import io.hirebot.hire.Talent;
import io.hirebot.hire.TalentsByName;
import io.hirebot.i18n.Language;
import io.hirebot.i18n.Messages;
import io.hirebot.i18n.Names;
import java.util.List;

/**
 * The Profile buttons of an answer about a person ("where is", "Nothing changed"): one per person found, each naming
 * that talent rather than searching the name again (which would ask again among namesakes), and each an ordinary
 * Profile button ({@link SharedActions#PROFILE_OPEN}), so it opens where every card's does: below the answer in a group,
 * which stays what the group reads, in its place in a private chat.
 */
final class PersonButtons {
  private PersonButtons() {}

  /**
   * Adds a button per person to {@code choices} (a "choices" card's): labelled {@code oneKey} with the name when there
   * is one person, else told apart by job and stage.
   */
  static void add(ArrayNode choices, List<TalentsByName.Person> people, String oneKey, Cards cards, Messages messages,
      Language lang) {
    for (TalentsByName.Person person : people) {
      Talent talent = person.talent();
      ObjectNode value = cards.model().put("action", SharedActions.PROFILE_OPEN).put("talent_id", talent.id())
          .put("name", talent.name()).put("lang", lang.feishuLocale());
      String label = people.size() == 1 ? messages.get(lang, oneKey, Names.of(talent.name()))
          : ChoiceLabels.person(messages, lang, person);
      choices.addObject().put("label", label).set("value", value);
    }
  }
}
