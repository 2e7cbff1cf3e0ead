package io.hirebot.hire;

/**
 * The written test of an application as {@code POST /hire/v1/tests/search} gives it (SDK
 * {@code hire.v1.model.Test}: test_status, score, test_paper_name; reference §8, docs page hire-v1/test/search).
 *
 * @param status Hire's test_status: 1 not arranged, 2 not answered, 3 answered, 4 awaiting marking, 5 passed,
 *     6 failed, 7 arrangement failed
 * @param score as Hire writes it ("82", "82.5"), empty before marking
 * @param createdAt null when Hire did not say; of several tests of one application the newest counts
 */
public record WrittenTest(String applicationId, int status, String score, String paperName,
    java.time.Instant createdAt) {

  /** Of two tests of one application, the one arranged last; an undated one loses. */
  public static WrittenTest newer(WrittenTest a, WrittenTest b) {
    if (a.createdAt() == null) {
      return b;
    }
    return b.createdAt() != null && b.createdAt().isAfter(a.createdAt()) ? b : a;
  }
}
