package io.hirebot.sandbox;

import static io.hirebot.sandbox.SandboxTestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.annotations.SerializedName;
import io.hirebot.sandbox.hire.Application;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every JSON key the sandbox answers with is a field of the SDK 2.5.3 response model, with a compatible kind
 * (object, array, scalar): a misspelt field would otherwise be silently dropped by Gson.
 */
class SdkShapeTest {

  private static final String H = "/open-apis/hire/v1";
  private static Vertx vertx;
  private static FeishuSandbox sandbox;
  private static WebClient web;
  private static String token;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    sandbox = await(FeishuSandbox.start(vertx, SandboxConfig.defaults()));
    sandbox.faults().rateLimits(false);
    web = WebClient.create(vertx);
    token = await(web.postAbs(sandbox.baseUrl() + Gateway.TOKEN_PATH)
        .sendJsonObject(new JsonObject().put("app_id", sandbox.config().appId())
            .put("app_secret", sandbox.config().appSecret())))
        .bodyAsJsonObject().getString("tenant_access_token");
  }

  @AfterAll
  static void stop() {
    await(sandbox.close());
    await(vertx.close());
  }

  static Stream<Arguments> endpoints() {
    FeishuSandbox s = sandbox;
    Application app = s.hire().applications().stream()
        .filter(a -> s.hire().offers().stream().anyMatch(o -> o.applicationId().equals(a.id())))
        .filter(a -> s.hire().interviews().stream().anyMatch(i -> i.applicationId().equals(a.id())))
        .findFirst().orElseThrow();
    String job = app.jobId();
    String talent = app.talentId();
    String offer = s.hire().offers().stream().filter(o -> o.applicationId().equals(app.id())).findFirst().orElseThrow().id();
    String noteTalent = s.hire().notes().get(0).talentId();
    String v1 = "com.lark.oapi.service.hire.v1.model.";
    return Stream.of(
        Arguments.of(H + "/jobs?page_size=20", v1 + "ListJobRespBody"),
        Arguments.of(H + "/jobs/" + job, v1 + "GetJobRespBody"),
        Arguments.of(H + "/jobs/" + job + "/get_detail", v1 + "GetDetailJobRespBody"),
        Arguments.of(H + "/jobs/" + job + "/recruiter", v1 + "RecruiterJobRespBody"),
        Arguments.of(H + "/job_processes", v1 + "ListJobProcessRespBody"),
        Arguments.of(H + "/applications?job_id=" + job, v1 + "ListApplicationRespBody"),
        Arguments.of(H + "/applications/" + app.id(), v1 + "GetApplicationRespBody"),
        Arguments.of(H + "/applications/" + app.id() + "/get_detail?options=with_talent&options=with_job"
            + "&options=with_interview&options=with_offer&options=with_evaluation", v1 + "GetDetailApplicationRespBody"),
        Arguments.of(H + "/applications/" + app.id() + "/offer", v1 + "OfferApplicationRespBody"),
        Arguments.of(H + "/termination_reasons?page_size=50", v1 + "ListTerminationReasonRespBody"),
        Arguments.of(H + "/talents/" + talent, v1 + "GetTalentRespBody"),
        Arguments.of("/open-apis/hire/v2/talents/" + noteTalent, "com.lark.oapi.service.hire.v2.model.GetTalentRespBody"),
        Arguments.of(H + "/talents?page_size=20", v1 + "ListTalentRespBody"),
        Arguments.of(H + "/interviews?application_id=" + app.id(), v1 + "ListInterviewRespBody"),
        Arguments.of(H + "/interviews/get_by_talent?talent_id=" + talent, v1 + "GetByTalentInterviewRespBody"),
        Arguments.of(H + "/offers?talent_id=" + talent, v1 + "ListOfferRespBody"),
        Arguments.of(H + "/offers/" + offer, v1 + "GetOfferRespBody"),
        Arguments.of(H + "/notes?talent_id=" + noteTalent, v1 + "ListNoteRespBody"),
        Arguments.of(H + "/evaluations?page_size=50", v1 + "ListEvaluationRespBody"),
        Arguments.of(H + "/interview_tasks?user_id=ou_interviewer_liu&page_size=20", v1 + "ListInterviewTaskRespBody"),
        Arguments.of(H + "/jobs/" + job + "/managers/" + job, v1 + "GetJobManagerRespBody"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("endpoints")
  @DisplayName("Response data matches the SDK model")
  void matchesModel(String path, String modelClass) throws Exception {
    JsonObject body = await(web.getAbs(sandbox.baseUrl() + path).putHeader("Authorization", "Bearer " + token).send())
        .bodyAsJsonObject();
    assertEquals(0, body.getInteger("code"), body.encode());
    List<String> problems = new ArrayList<>();
    check(body.getJsonObject("data"), Class.forName(modelClass), "data", problems);
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  private static void check(Object value, Class<?> type, String where, List<String> problems) {
    if (value == null || type == Object.class || Map.class.isAssignableFrom(type)) {
      return;
    }
    if (type.isArray()) {
      if (!(value instanceof JsonArray array)) {
        problems.add(where + ": expected an array, got " + value);
        return;
      }
      for (int i = 0; i < array.size(); i++) {
        check(array.getValue(i), type.getComponentType(), where + "[" + i + "]", problems);
      }
      return;
    }
    if (type == String.class || Number.class.isAssignableFrom(type) || type == Boolean.class || type.isPrimitive()) {
      if (value instanceof JsonObject || value instanceof JsonArray) {
        problems.add(where + ": expected a scalar " + type.getSimpleName() + ", got " + value);
      } else if (Number.class.isAssignableFrom(type) && value instanceof String str && !str.matches("-?\\d+(\\.\\d+)?")) {
        problems.add(where + ": expected a number, got \"" + str + "\"");
      }
      return;
    }
    if (!(value instanceof JsonObject object)) {
      problems.add(where + ": expected an object " + type.getSimpleName() + ", got " + value);
      return;
    }
    for (String key : object.fieldNames()) {
      Field field = field(type, key);
      if (field == null) {
        problems.add(where + "." + key + ": no such field in " + type.getName());
      } else {
        check(object.getValue(key), field.getType(), where + "." + key, problems);
      }
    }
  }

  private static Field field(Class<?> type, String json) {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        SerializedName name = f.getAnnotation(SerializedName.class);
        if (name != null && name.value().equals(json)) {
          return f;
        }
      }
    }
    return null;
  }
}
