package io.hirebot.testing;

import java.util.List;

/**
 * Feishu's documented rate limit ("接口频率限制" in each page's request table) of every Hire API the bot calls that
 * has one, so the bot's plan and the sandbox's enforcement are both checked against the same facts
 * (docs/feishu-fidelity.md, "Rate limits"). APIs whose page states none, or which we could not find, are not here.
 */
public final class DocumentedLimits {
  private static final String HIRE = "/open-apis/hire/v1";
  private static final String DOCS = "https://open.larkoffice.com/document/ukTMukTMukTM/uMzM1YjLzMTN24yMzUjN/hire-v1/";
  private static final String FEISHU_DOCS =
      "https://open.feishu.cn/document/ukTMukTMukTM/uMzM1YjLzMTN24yMzUjN/hire-v1/";
  /** The interview tasks' page, found only in the English docs tree. */
  private static final String INTERVIEW_TASKS_DOC =
      "https://open.feishu.cn/document/server-docs/hire-v1/"
      + "candidate-management/recruitment-process-follow-up/list-4.md";

  /**
   * One API: the bot's operation name, the sandbox's route (its rate-limit key), a request path and method that reach
   * that route, the documented calls per second and per minute (0: none documented) and the doc page.
   */
  public record Limit(String operation, String method, String route, String requestPath, int perSecond, int perMinute,
      String doc) {}

  public static final List<Limit> HIRE_APIS = List.of(
      new Limit("hire.job.list", "GET", HIRE + "/jobs", HIRE + "/jobs", 50, 0, DOCS + "job/list.md"),
      new Limit("hire.job_process.list", "GET", HIRE + "/job_processes", HIRE + "/job_processes", 20, 0,
          DOCS + "job_process/list.md"),
      new Limit("hire.application.list", "GET", HIRE + "/applications", HIRE + "/applications", 50, 1000,
          DOCS + "application/list.md"),
      new Limit("hire.application.get_detail", "GET", HIRE + "/applications/:application_id/get_detail",
          HIRE + "/applications/nope/get_detail", 10, 0, DOCS + "application/get_detail.md"),
      new Limit("hire.application.transfer_stage", "POST", HIRE + "/applications/:application_id/transfer_stage",
          HIRE + "/applications/nope/transfer_stage", 50, 1000, DOCS + "application/transfer_stage.md"),
      new Limit("hire.termination_reason.list", "GET", HIRE + "/termination_reasons", HIRE + "/termination_reasons",
          50, 1000, DOCS + "termination_reason/list.md"),
      new Limit("hire.interview.list", "GET", HIRE + "/interviews", HIRE + "/interviews", 50, 0,
          DOCS + "interview/list.md"),
      new Limit("hire.note.list", "GET", HIRE + "/notes", HIRE + "/notes", 20, 0, DOCS + "note/list.md"),
      new Limit("hire.offer.get", "GET", HIRE + "/offers/:offer_id", HIRE + "/offers/nope", 20, 0,
          DOCS + "offer/get.md"),
      new Limit("hire.offer.list", "GET", HIRE + "/offers", HIRE + "/offers", 50, 1000, DOCS + "offer/list.md"),
      new Limit("hire.evaluation.list", "GET", HIRE + "/evaluations", HIRE + "/evaluations", 50, 1000,
          DOCS + "evaluation/list.md"),
      new Limit("hire.employee.get_by_application", "GET", HIRE + "/employees/get_by_application",
          HIRE + "/employees/get_by_application", 50, 1000, DOCS + "employee/get_by_application.md"),
      new Limit("hire.evaluation_task.list", "GET", HIRE + "/evaluation_tasks", HIRE + "/evaluation_tasks", 50, 1000,
          FEISHU_DOCS + "evaluation_task/list.md"),
      new Limit("hire.interview_task.list", "GET", HIRE + "/interview_tasks", HIRE + "/interview_tasks", 50, 1000,
          INTERVIEW_TASKS_DOC),
      new Limit("hire.test.search", "POST", HIRE + "/tests/search", HIRE + "/tests/search", 50, 1000,
          FEISHU_DOCS + "test/search.md"));

  private DocumentedLimits() {}
}
