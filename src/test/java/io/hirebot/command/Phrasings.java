package io.hirebot.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hirebot.hire.Job;
import io.hirebot.hire.JobProcess;
import io.hirebot.hire.Stage;
import io.hirebot.hire.StageType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The phrasing tables (resources under {@code phrasings/}): rows of "category | message | expected" or, for a
 * follow-up, "category | message | expected | after <what the last card showed>", the lexicon they are read
 * against (the demo tenant's jobs and processes, plus a Data Analyst and a job that is also a first name), and the
 * one-line notation a parse result (and the last card's {@link Conversation}) is written in.
 */
public final class Phrasings {

  /**
   * One row: what a recruiter typed and what the bot must make of it; {@code context} is what the user was last
   * shown in that chat ({@link Conversation#NONE} for a row that names none: a message read on its own).
   */
  public record Row(String category, String message, String expected, Conversation context, int line) {
    public Row(String category, String message, String expected, int line) {
      this(category, message, expected, Conversation.NONE, line);
    }

    /** How the parser reads the row's message after the row's context. */
    public ParseResult parse(CommandParser parser) {
      return parser.parse(message, context);
    }

    @Override
    public String toString() {
      return context.isEmpty() ? message : message + " (after " + describe(context) + ")";
    }
  }

  private static final String AFTER = "after ";
  private static final String WITH = " with ";
  /** Before a paged card's pager in a context cell: " on offers.page page=2". */
  private static final String ON = " on ";
  /** After a pager in a context cell: the list the card leads back to, " back=candidates.page". */
  private static final String BACK = "back=";
  private static final ObjectMapper JSON = new ObjectMapper();

  private Phrasings() {}

  /** The demo tenant's jobs and both hiring processes. */
  public static Lexicon lexicon() {
    List<Job> jobs = List.of(
        new Job("j1", "BE-001", "Backend Engineer", "p1", true),
        new Job("j2", "BE-002", "后端开发工程师", "p1", true),
        new Job("j3", "FE-001", "Frontend Engineer", "p1", true),
        new Job("j4", "PM-001", "产品经理", "p1", true),
        new Job("j5", "DS-001", "Data Scientist", "p1", true),
        new Job("j6", "CS-001", "2026 校招软件工程师", "p2", true),
        new Job("j7", "UX-001", "UX Designer", "p1", true),
        new Job("j8", "SM-001", "销售经理", "p1", true),
        new Job("j9", "DA-001", "Data Analyst", "p1", true),
        new Job("j10", "JF-001", "Jordan Fellowship", "p1", true),
        new Job("j11", "OLD-001", "Legacy Closed Role", "p1", false));
    JobProcess experienced = new JobProcess("p1", "社招流程", "Experienced hiring", List.of(
        new Stage("s1", "简历筛选", "Resume Screening", StageType.SCREENING),
        new Stage("s2", "用人经理评估", "Hiring Manager Review", StageType.EVALUATION),
        new Stage("s3", "笔试", "Written Test", StageType.WRITTEN_TEST),
        new Stage("s4", "一面", "First Interview", StageType.INTERVIEW),
        new Stage("s5", "二面", "Second Interview", StageType.INTERVIEW),
        new Stage("s6", "Offer 沟通", "Offer", StageType.OFFER),
        new Stage("s7", "待入职", "Pending Onboarding", StageType.PENDING_ONBOARDING),
        new Stage("s8", "已入职", "Onboarded", StageType.ONBOARDED)));
    JobProcess campus = new JobProcess("p2", "校招流程", "Campus hiring", List.of(
        new Stage("c1", "简历初筛", "Screening", StageType.SCREENING),
        new Stage("c2", "在线笔试", "Online Test", StageType.WRITTEN_TEST),
        new Stage("c3", "技术面试", "Technical Interview", StageType.INTERVIEW),
        new Stage("c4", "HR 面试", "HR Interview", StageType.INTERVIEW),
        new Stage("c5", "Offer 审批", "Offer Approval", StageType.OFFER),
        new Stage("c6", "待入职", "Pending Onboarding", StageType.PENDING_ONBOARDING),
        new Stage("c7", "已入职", "Onboarded", StageType.ONBOARDED),
        new Stage("c8", "人才储备", "Talent Reserve", StageType.OTHER)));
    return Lexicon.of(jobs, List.of(experienced, campus));
  }

  /** The rows of a table; "\n" in a message stands for a line break. */
  public static List<Row> load(String resource) {
    var in = Phrasings.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalArgumentException("no phrasing table " + resource);
    }
    List<Row> rows = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cells = line.split(" \\| ", -1);
        if (cells.length != 3 && cells.length != 4) {
          throw new IllegalArgumentException(resource + ":" + number + " needs three cells (four for a follow-up): "
              + line);
        }
        Conversation context = cells.length == 4 ? context(cells[3].strip(), resource + ":" + number)
            : Conversation.NONE;
        rows.add(new Row(cells[0].strip(), cells[1].strip().replace("\\n", "\n"), cells[2].strip(), context, number));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  /**
   * A row's fourth cell: "after nothing", or "after " the command that showed the last card in the tables' notation
   * ("candidates BE-001 stage=面试 page=2", "profile Carol Davis #t3", "offers BE-001", "pipeline FE-001", "count
   * BE-001"), optionally followed by " on " and the card's pager when it has one ("offers.page page=2": its view's action
   * and the page it shows), then by " with " and the people on it, in order ("Alice Johnson #t1, 张伟 #t2").
   */
  static Conversation context(String cell, String where) {
    if (!cell.startsWith(AFTER)) {
      throw new IllegalArgumentException(where + ": a follow-up's context starts with \"after \": " + cell);
    }
    String rest = cell.substring(AFTER.length()).strip();
    if (rest.equals("nothing")) {
      return Conversation.NONE;
    }
    List<Conversation.Person> people = new ArrayList<>();
    int with = rest.indexOf(WITH);
    if (with >= 0) {
      for (String person : rest.substring(with + WITH.length()).split(", ")) {
        people.add(person(person.strip()));
      }
      rest = rest.substring(0, with).strip();
    }
    Conversation.Paged paged = null;
    int on = rest.indexOf(ON);
    if (on >= 0) {
      paged = paged(rest.substring(on + ON.length()).strip(), where);
      rest = rest.substring(0, on).strip();
    }
    return new Conversation(rest.equals("nothing") ? null : command(rest, where), people, paged);
  }

  /**
   * A pager written "offers.page page=2": a view of that action at that page (written from 1); "profile.page page=1
   * back=tasks.page" for a card opened from a list, whose Back button shows that list (a view of that action).
   */
  private static Conversation.Paged paged(String written, String where) {
    String[] words = written.split(" ");
    if (words.length < 2 || words.length > 3 || !words[1].startsWith("page=")
        || words.length == 3 && !words[2].startsWith(BACK)) {
      throw new IllegalArgumentException(where + ": a pager is written \"<action> page=<n> [back=<action>]\": "
          + written);
    }
    int page = Integer.parseInt(words[1].substring("page=".length())) - 1;
    String back = words.length == 3
        ? JSON.createObjectNode().put("action", words[2].substring(BACK.length())).put("page", 0).toString() : null;
    return new Conversation.Paged(JSON.createObjectNode().put("action", words[0]).put("page", page).toString(), page,
        back);
  }

  private static Conversation.Person person(String written) {
    int hash = written.lastIndexOf(" #");
    return hash < 0 ? new Conversation.Person("", written, "")
        : new Conversation.Person(written.substring(hash + 2), written.substring(0, hash), "");
  }

  /** A command written in the tables' notation, for the kinds a card shows. */
  private static Command command(String written, String where) {
    String[] words = written.split(" ");
    String arg = written.substring(words[0].length()).strip();
    switch (words[0]) {
      case "candidates":
        return candidates(words);
      case "count":
        return new Command.CountCandidates(candidates(words));
      case "profile":
        Conversation.Person p = person(arg);
        return new Command.ShowProfile(p.name(), p.talentId());
      case "offers":
        // "offers BE-001 pending": the job, if any, then the pending filter, if any.
        boolean pending = arg.equals("pending") || arg.endsWith(" pending");
        return new Command.ListOffers(pending ? arg.substring(0, arg.length() - "pending".length()).strip() : arg,
            pending);
      case "pipeline":
        return new Command.ShowPipeline(arg);
      case "jobs":
        return new Command.ListJobs(arg);
      case "tasks":
        return new Command.MyTasks();
      case "help":
        return new Command.Help();
      case "where":
        return new Command.WhereIs(arg);
      default:
        throw new IllegalArgumentException(where + ": no card shows \"" + written + "\"");
    }
  }

  private static Command.ShowCandidates candidates(String[] words) {
    String stage = "";
    Period since = null;
    int page = 0;
    for (int i = 2; i < words.length; i++) {
      if (words[i].startsWith("stage=")) {
        stage = words[i].substring("stage=".length());
      } else if (words[i].startsWith("since=")) {
        since = Period.valueOf(words[i].substring("since=".length()));
      } else if (words[i].startsWith("page=")) {
        page = Integer.parseInt(words[i].substring("page=".length())) - 1;
      }
    }
    return new Command.ShowCandidates(words[1], stage, since, page);
  }

  /** A conversation in the tables' notation, as a row's fourth cell writes it. */
  static String describe(Conversation c) {
    String shown = (c.shown() == null ? "nothing" : describe(c.shown())) + (c.paged() == null ? "" : ON + pager(c.paged()));
    return c.people().isEmpty() ? shown : shown + WITH + c.people().stream()
        .map(p -> p.talentId().isEmpty() ? p.name() : p.name() + " #" + p.talentId()).collect(Collectors.joining(", "));
  }

  /** A parse result in the tables' notation, e.g. "candidates BE-001 stage=一面 since=LAST_WEEK page=2". */
  public static String describe(ParseResult result) {
    if (result instanceof ParseResult.Unknown unknown) {
      return unknown.suggestion().isEmpty() ? "unknown" : "unknown " + unknown.suggestion();
    }
    return describe(((ParseResult.Parsed) result).command());
  }

  static String describe(Command command) {
    if (command instanceof Command.ShowCandidates c) {
      return "candidates " + list(c);
    }
    if (command instanceof Command.CountCandidates c) {
      return "count " + list(c.list());
    }
    if (command instanceof Command.Clarify c) {
      return "clarify " + c.readings().stream().map(Phrasings::describe).collect(Collectors.joining(" / "));
    }
    if (command instanceof Command.ShowProfile p) {
      return "profile " + p.name() + (p.talentId().isEmpty() ? "" : " #" + p.talentId());
    }
    if (command instanceof Command.AskWhich a) {
      // The job the follow-up lacked is written "*": "ask-job candidates * stage=interview"; a page with no card to
      // turn is asked the same way, saying so: "ask-page candidates *".
      return a.subject() == Command.AskWhich.Subject.PERSON ? "ask-person"
          : (a.subject() == Command.AskWhich.Subject.PAGE ? "ask-page " : "ask-job ")
              + describe(FollowUps.withJob(a.template(), "*"));
    }
    if (command instanceof Command.TurnPage t) {
      // The card's pager at the page asked for: "turn offers.page page=3"; its last page, whichever: "page=last".
      return "turn " + (t.last() ? action(t.card().view()) + " page=last"
          : pager(new Conversation.Paged(t.card().view(), t.page())));
    }
    if (command instanceof Command.GoBack b) {
      // The card's Back button: "back candidates.page", the list it shows.
      return "back " + action(b.card().back());
    }
    if (command instanceof Command.WhereIs w) {
      return "where " + w.name();
    }
    if (command instanceof Command.ShowPipeline p) {
      return "pipeline " + p.jobQuery();
    }
    if (command instanceof Command.ListJobs j) {
      return j.keyword().isEmpty() ? "jobs" : "jobs " + j.keyword();
    }
    if (command instanceof Command.ListInterviews i) {
      return "interviews " + i.period() + (i.mine() ? " mine" : "");
    }
    if (command instanceof Command.ListOffers o) {
      return (o.jobQuery().isEmpty() ? "offers" : "offers " + o.jobQuery()) + (o.pending() ? " pending" : "");
    }
    if (command instanceof Command.Move m) {
      return "move " + m.person() + " → " + m.stageQuery() + job(m);
    }
    if (command instanceof Command.Advance a) {
      return "advance " + a.person() + job(a);
    }
    if (command instanceof Command.Reject r) {
      return "reject " + r.person() + job(r) + (r.remark().isEmpty() ? "" : ": " + r.remark());
    }
    if (command instanceof Command.Note n) {
      return "note " + n.person() + job(n) + ": " + n.text();
    }
    if (command instanceof Command.Help) {
      return "help";
    }
    if (command instanceof Command.Negated n) {
      return "negated " + n.person();
    }
    return command.toString();
  }

  /**
   * A pager in the tables' notation: its view's action and the page, from 1 ("offers.page page=2"), and the list it
   * leads back to, if any (" back=candidates.page").
   */
  private static String pager(Conversation.Paged paged) {
    return action(paged.view()) + " page=" + (paged.page() + 1)
        + (paged.back() == null ? "" : " " + BACK + action(paged.back()));
  }

  /** The action of a view. */
  private static String action(String view) {
    try {
      return JSON.readTree(view).path("action").asText();
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A typed change's job, when it names one: " job=BE-001". */
  private static String job(Command.Change change) {
    return change.jobQuery().isEmpty() ? "" : " job=" + change.jobQuery();
  }

  private static String list(Command.ShowCandidates c) {
    return c.jobQuery() + (c.stageQuery().isEmpty() ? "" : " stage=" + c.stageQuery())
        + (c.appliedSince() == null ? "" : " since=" + c.appliedSince())
        + (c.page() == 0 ? "" : " page=" + (c.page() == Command.LAST_PAGE ? "last" : String.valueOf(c.page() + 1)));
  }
}
