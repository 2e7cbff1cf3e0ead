package io.hirebot.command;

import java.util.List;

/**
 * What the last card the bot showed this user in this chat was about, recently enough to be followed up ("next
 * page", "那前端呢", "第二个人的简历"): the command that shows that card again ({@code shown}, null when the last
 * answer was no list or profile), the people on it, in the order they were shown, and, when the card has a pager, the
 * page it shows ({@code paged}, null for a card without one). An input of the parser, so a follow-up is read as purely
 * as any other message; {@link #NONE} when there is nothing to follow.
 */
public record Conversation(Command shown, List<Person> people, Paged paged) {

  /** Nothing shown lately (or shown on another replica): follow-ups are answered with a question. */
  public static final Conversation NONE = new Conversation(null, List.of());

  /**
   * The last card, as its pager shows it: its view (the callback value that renders it, the pager's own with the page
   * set; JSON the parser never reads, handed on in {@link Command.TurnPage}), the page it shows, from 0, and, for a card
   * opened from a list (a profile with "Back to the list"), the view of that list ({@code back}: its Back button's
   * value, handed on in {@link Command.GoBack}), else null.
   */
  public record Paged(String view, int page, String back) {
    public Paged {
      if (view == null || view.isBlank()) {
        throw new IllegalArgumentException("a paged card without its view");
      }
      page = Math.max(0, page);
      back = back == null || back.isBlank() ? null : back;
    }

    /** A card with no way back to a list. */
    public Paged(String view, int page) {
      this(view, page, null);
    }
  }

  /** Someone on the card: the talent, their name as shown (may be empty) and the application the row was about. */
  public record Person(String talentId, String name, String applicationId) {
    public Person {
      talentId = talentId == null ? "" : talentId;
      name = name == null ? "" : name;
      applicationId = applicationId == null ? "" : applicationId;
    }
  }

  public Conversation {
    people = people == null ? List.of() : List.copyOf(people);
  }

  /** A card without a pager. */
  public Conversation(Command shown, List<Person> people) {
    this(shown, people, null);
  }

  /** Whether nothing is known to follow up on. */
  public boolean isEmpty() {
    return shown == null && people.isEmpty() && paged == null;
  }

  /** The job the shown card was about ("" when it was about no job). */
  public String job() {
    if (shown instanceof Command.ShowCandidates c) {
      return c.jobQuery();
    }
    if (shown instanceof Command.CountCandidates c) {
      return c.list().jobQuery();
    }
    if (shown instanceof Command.ShowPipeline p) {
      return p.jobQuery();
    }
    if (shown instanceof Command.ListOffers o) {
      return o.jobQuery();
    }
    return "";
  }
}
