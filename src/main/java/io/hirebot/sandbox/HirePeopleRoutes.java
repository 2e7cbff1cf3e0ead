package io.hirebot.sandbox;

import static io.hirebot.sandbox.HireApplicationRoutes.V1;

import io.hirebot.sandbox.hire.Application;
import io.hirebot.sandbox.hire.HireData;
import io.hirebot.sandbox.hire.HireJson;
import io.hirebot.sandbox.hire.IdKinds;
import io.hirebot.sandbox.hire.Note;
import io.hirebot.sandbox.hire.Talent;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Talents (v1, v2, keyword list) and notes of Hire. */
final class HirePeopleRoutes {

  /** Documented limit of talents/:id, v1 and v2. */
  static final int TALENT_RATE = 20;
  /** Docs hire-v1/note/list: "接口频率限制 20 次/秒". */
  static final int NOTES_RATE = 20;
  /**
   * Creating a note is another API than listing them, with a limit of its own (its page was not found: the usual 50/s),
   * so it has a bucket of its own though the path is the same.
   */
  static final String NOTE_CREATE_ENDPOINT = V1 + "/notes:create";
  /** The talent list's "忽略结果为空时的报错": without it, a search that finds nobody is an error. */
  static final String IGNORE_EMPTY_ERROR = "ignore_empty_error";
  /**
   * The code of that error is not documented; we answer Hire's "talent not exist" (1002102, reference §13) with
   * HTTP 400, the usual shape of a Hire business error, so a client that forgets the option sees a failure.
   */
  static final int EMPTY_SEARCH_CODE = 1002102;

  private final HireTenant hire;
  private final Clock clock;

  HirePeopleRoutes(HireTenant hire, Clock clock) {
    this.hire = hire;
    this.clock = clock;
  }

  void install(Api api) {
    api.get(V1 + "/talents/:talent_id", TALENT_RATE, ctx -> hire.read(d ->
        new JsonObject().put("talent", HireJson.talentV1(talent(d, ctx.pathParam("talent_id"))))));
    api.get("/open-apis/hire/v2/talents/:talent_id", TALENT_RATE, ctx -> hire.read(d ->
        HireJson.talentV2(d, talent(d, ctx.pathParam("talent_id")))));
    api.get(V1 + "/talents", Api.DEFAULT_RATE, this::searchTalents);
    api.get(V1 + "/notes", NOTES_RATE, ctx -> {
      int size = Paging.pageSize(ctx, 10, 100);
      String talentId = HireParams.required(ctx, "talent_id");
      return hire.read(d -> {
        talent(d, talentId);
        return Paging.page(ctx, d.notes.values().stream().filter(n -> n.talentId().equals(talentId)).toList(), size,
            HireJson::note);
      });
    });
    api.data(HttpMethod.POST, V1 + "/notes", NOTE_CREATE_ENDPOINT, Api.DEFAULT_RATE, this::createNote);
  }

  private JsonObject searchTalents(RoutingContext ctx) {
    int size = Paging.pageSize(ctx, 10, 20);
    String keyword = HireParams.optional(ctx, "keyword");
    List<String> terms = keyword == null ? List.of()
        : Arrays.stream(keyword.toLowerCase(Locale.ROOT).split("\\s+(and\\s+)?")).filter(t -> !t.isBlank()).toList();
    return hire.read(d -> {
      List<Talent> found = d.talents.values().stream().filter(t -> terms.stream().allMatch(term -> matches(t, term))).toList();
      if (found.isEmpty() && !IGNORE_EMPTY_ERROR.equals(HireParams.optional(ctx, "query_option"))) {
        throw ApiError.badRequest(EMPTY_SEARCH_CODE, "talent not exist");
      }
      return Paging.page(ctx, found, size, HireJson::talentV1);
    });
  }

  private static boolean matches(Talent t, String term) {
    String hay = String.join(" ", t.name(), t.email(), t.mobile(), t.company(), t.title(), t.school()).toLowerCase(Locale.ROOT);
    return hay.contains(term);
  }

  private JsonObject createNote(RoutingContext ctx) {
    JsonObject body = Api.jsonBody(ctx, 1002002);
    String talentId = body.getString("talent_id");
    String content = body.getString("content");
    if (talentId == null || talentId.isBlank() || content == null || content.isBlank()) {
      throw ApiError.hireParam("talent_id and content are required");
    }
    String applicationId = body.getString("application_id");
    Integer privacy = body.getInteger("privacy", 2);
    if (privacy != 1 && privacy != 2) {
      throw ApiError.hireParam("privacy must be 1 or 2");
    }
    long now = clock.millis();
    Note[] created = new Note[1];
    hire.write(d -> {
      talent(d, talentId);
      if (applicationId != null) {
        Application a = d.applications.get(applicationId);
        if (a == null || !a.talentId().equals(talentId)) {
          throw ApiError.badRequest(1002201, "application does not exist for this talent");
        }
      }
      String id = d.nextId(IdKinds.NOTE);
      created[0] = new Note(id, talentId, applicationId, body.getString("creator_id"), content, privacy, now);
      d.notes.put(id, created[0]);
    });
    return new JsonObject().put("note", HireJson.note(created[0]));
  }

  static Talent talent(HireData d, String talentId) {
    Talent t = d.talents.get(talentId);
    if (t == null) {
      throw ApiError.badRequest(1002208, "talent does not exist");
    }
    return t;
  }
}
