package io.hirebot.sandbox;

import static io.hirebot.sandbox.SandboxTestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lark.oapi.Client;
import com.lark.oapi.service.hire.v1.model.EvaluationTask;
import com.lark.oapi.service.hire.v1.model.ExamMarkingTask;
import com.lark.oapi.service.hire.v1.model.ListEvaluationTaskReq;
import com.lark.oapi.service.hire.v1.model.ListEvaluationTaskResp;
import com.lark.oapi.service.hire.v1.model.ListExamMarkingTaskReq;
import com.lark.oapi.service.hire.v1.model.ListExamMarkingTaskResp;
import io.hirebot.sandbox.hire.DemoTenant;
import io.hirebot.sandbox.hire.HireData;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The real oapi-sdk 2.5.3 client reads the sandbox's evaluation_tasks and exam_marking_tasks into its own models
 * ({@code EvaluationTask}, {@code ExamMarkingTask}): filters, paging at most 20, and Feishu's errors.
 */
class SdkTaskFidelityTest {
  private static Vertx vertx;
  private static FeishuSandbox sandbox;
  private static Client client;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    sandbox = await(FeishuSandbox.start(vertx, SandboxConfig.defaults()));
    client = SandboxTestSupport.sdk(sandbox);
  }

  @AfterAll
  static void stop() {
    await(sandbox.close());
    await(vertx.close());
  }

  @BeforeEach
  void reset() {
    sandbox.reset();
    sandbox.scopes().grantAll();
  }

  @Test
  @DisplayName("evaluation_tasks: the evaluator's pending evaluations, page by page (20 at most), as EvaluationTask")
  void evaluationTasks() throws Exception {
    List<String> expected = sandbox.hire().read((HireData d) -> d.evaluations.values().stream()
        .filter(e -> e.evaluatorId().equals(DemoTenant.HM_ZHANG) && e.commitStatus() == 2
            && d.applications.get(e.applicationId()).active())
        .map(e -> e.id()).toList());
    assertTrue(expected.size() > 2, expected.toString());
    List<String> read = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      ListEvaluationTaskResp resp = client.hire().v1().evaluationTask().list(ListEvaluationTaskReq.newBuilder()
          .userId(DemoTenant.HM_ZHANG).userIdType("open_id").activityStatus(1).pageSize(2).pageToken(token).build());
      assertEquals(0, resp.getCode(), resp.getMsg());
      for (EvaluationTask t : resp.getData().getItems()) {
        assertEquals(1, t.getActivityStatus());
        assertTrue(t.getJobId() != null && t.getTalentId() != null && t.getApplicationId() != null);
        read.add(t.getId());
      }
      token = Boolean.TRUE.equals(resp.getData().getHasMore()) ? resp.getData().getPageToken() : null;
      pages++;
    } while (token != null);
    assertEquals(expected, read);
    assertEquals((expected.size() + 1) / 2, pages);

    // Done ones carry status 2; the filter is optional.
    ListEvaluationTaskResp all = client.hire().v1().evaluationTask().list(ListEvaluationTaskReq.newBuilder()
        .userId(DemoTenant.HM_ZHANG).pageSize(20).build());
    assertTrue(Arrays.stream(all.getData().getItems()).anyMatch(t -> t.getActivityStatus() == 2));
  }

  @Test
  @DisplayName("exam_marking_tasks: the reviewer's unmarked tests; user_id required, page_size over 20 refused")
  void markingTasksAndErrors() throws Exception {
    ListExamMarkingTaskResp resp = client.hire().v1().examMarkingTask().list(ListExamMarkingTaskReq.newBuilder()
        .userId(DemoTenant.INTERVIEWER_ZHAO).activityStatus(1).pageSize(20).build());
    assertEquals(0, resp.getCode(), resp.getMsg());
    long expected = sandbox.hire().read((HireData d) -> d.tests.values().stream()
        .filter(t -> DemoTenant.INTERVIEWER_ZHAO.equals(t.reviewerId())
            && Integer.valueOf(io.hirebot.sandbox.hire.WrittenTest.TO_MARK).equals(t.markingStatus())).count());
    ExamMarkingTask[] items = resp.getData().getItems();
    assertEquals(expected, items.length);
    assertTrue(expected > 0);

    ListExamMarkingTaskResp noUser = client.hire().v1().examMarkingTask().list(ListExamMarkingTaskReq.newBuilder()
        .pageSize(10).build());
    assertEquals(1002002, noUser.getCode(), noUser.getMsg());
    ListExamMarkingTaskResp tooBig = client.hire().v1().examMarkingTask().list(ListExamMarkingTaskReq.newBuilder()
        .userId(DemoTenant.INTERVIEWER_ZHAO).pageSize(21).build());
    assertEquals(1002002, tooBig.getCode(), tooBig.getMsg());
  }

  @Test
  @DisplayName("without hire:exam:readonly (or hire:evaluation:readonly) the task lists answer 99991672")
  void missingScope() throws Exception {
    sandbox.scopes().revoke("hire:exam:readonly", "hire:evaluation:readonly");
    ListExamMarkingTaskResp exam = client.hire().v1().examMarkingTask().list(ListExamMarkingTaskReq.newBuilder()
        .userId(DemoTenant.INTERVIEWER_ZHAO).build());
    assertEquals(99991672, exam.getCode());
    assertTrue(exam.getMsg().contains("hire:exam:readonly"), exam.getMsg());
    ListEvaluationTaskResp eval = client.hire().v1().evaluationTask().list(ListEvaluationTaskReq.newBuilder()
        .userId(DemoTenant.HM_ZHANG).build());
    assertEquals(99991672, eval.getCode());
  }
}
