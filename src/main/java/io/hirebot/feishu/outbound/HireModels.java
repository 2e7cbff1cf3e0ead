package io.hirebot.feishu.outbound;

import com.lark.oapi.service.hire.v1.model.ApplicationDetailInfo;
import com.lark.oapi.service.hire.v1.model.ApplicationStageTime;
import com.lark.oapi.service.hire.v1.model.BasicUserInfo;
import com.lark.oapi.service.hire.v1.model.EmployeeV2;
import com.lark.oapi.service.hire.v1.model.I18n;
import com.lark.oapi.service.hire.v1.model.IdNameObject;
import com.lark.oapi.service.hire.v1.model.InterviewExtend;
import com.lark.oapi.service.hire.v1.model.InterviewExtendV2;
import com.lark.oapi.service.hire.v1.model.InterviewRecord;
import com.lark.oapi.service.hire.v1.model.InterviewRecordV2;
import com.lark.oapi.service.hire.v1.model.OfferBasicInfoV2;
import io.hirebot.feishu.EpochTimes;
import io.hirebot.hire.Application;
import io.hirebot.hire.ApplicationDetail;
import io.hirebot.hire.Evaluation;
import io.hirebot.hire.Progress;
import io.hirebot.hire.WrittenTest;
import io.hirebot.hire.Interview;
import io.hirebot.hire.Note;
import io.hirebot.hire.Offer;
import io.hirebot.hire.Person;
import io.hirebot.hire.Talent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Maps the SDK's Hire models (talents, interviews, offers, notes, application details) to our records. */
final class HireModels {
  private static final int SUBMITTED = 1;
  /** basic_info.onboard_status of an application whose candidate has joined. */
  private static final int JOINED = 2;

  private HireModels() {}

  static Talent talent(com.lark.oapi.service.hire.v1.model.Talent t) {
    var b = t.getBasicInfo();
    return b == null ? new Talent(t.getId(), "", "", "")
        : new Talent(t.getId(), text(b.getName()), text(b.getMobileCode()), text(b.getMobile()),
            text(b.getEmail()));
  }

  static Note note(com.lark.oapi.service.hire.v1.model.Note n) {
    boolean secret = Boolean.TRUE.equals(n.getIsPrivate()) || Integer.valueOf(1).equals(n.getPrivacy());
    return new Note(n.getId(), text(n.getApplicationId()), text(n.getCreatorId()), text(n.getContent()),
        n.getCreateTime() == null ? null : EpochTimes.instant(n.getCreateTime()), secret);
  }

  /** An interview of the interviews list (times as numbers). */
  static Interview interview(InterviewExtend i) {
    List<Interview.Feedback> feedback = new ArrayList<>();
    if (i.getInterviewRecordList() != null) {
      for (InterviewRecord r : i.getInterviewRecordList()) {
        Person who = r.getInterviewer() != null ? person(r.getInterviewer())
            : new Person(text(r.getUserId()), "", "");
        feedback.add(new Interview.Feedback(who, Integer.valueOf(SUBMITTED).equals(r.getCommitStatus())));
      }
    }
    return new Interview(i.getId(), text(i.getApplicationId()), text(i.getStageId()), millis(i.getBeginTime()),
        millis(i.getEndTime()), feedback, number(i.getInterviewRoundSummary()));
  }

  /**
   * Each interviewer's conclusion from the interviews list ({@code InterviewRecord.conclusion}), keyed by
   * {@link #conclusionKey}; records without one are absent.
   */
  static Map<String, Integer> conclusions(List<InterviewExtend> interviews) {
    Map<String, Integer> out = new HashMap<>();
    for (InterviewExtend i : interviews) {
      if (i.getInterviewRecordList() == null) {
        continue;
      }
      for (InterviewRecord r : i.getInterviewRecordList()) {
        String who = r.getInterviewer() != null ? text(r.getInterviewer().getId()) : text(r.getUserId());
        if (r.getConclusion() != null) {
          out.put(conclusionKey(i.getId(), who), r.getConclusion());
        }
      }
    }
    return out;
  }

  private static String conclusionKey(String interviewId, String interviewerId) {
    return text(interviewId) + "/" + interviewerId;
  }

  /** An interview of an application's detail (times as strings). */
  static Interview interview(InterviewExtendV2 i) {
    return interview(i, Map.of());
  }

  /** @param conclusions from {@link #conclusions}: get_detail's own records carry none */
  static Interview interview(InterviewExtendV2 i, Map<String, Integer> conclusions) {
    List<Interview.Feedback> feedback = new ArrayList<>();
    if (i.getInterviewRecordList() != null) {
      for (InterviewRecordV2 r : i.getInterviewRecordList()) {
        BasicUserInfo u = r.getInterviewer();
        Person who = u == null ? new Person("", "", "") : new Person(text(u.getId()), zh(u.getName()), en(u.getName()));
        feedback.add(new Interview.Feedback(who, Integer.valueOf(SUBMITTED).equals(r.getCommitStatus()),
            conclusions.getOrDefault(conclusionKey(i.getId(), who.id()), 0)));
      }
    }
    return new Interview(i.getId(), text(i.getApplicationId()), text(i.getStageId()),
        FeishuHireDirectory.millis(i.getBeginTime()), FeishuHireDirectory.millis(i.getEndTime()), feedback,
        number(i.getInterviewRoundSummary()));
  }

  /**
   * @param withheld parts Feishu left out for lack of their scope (see {@link ApplicationDetail#withheld()})
   * @param conclusions each interviewer's conclusion, from {@link #conclusions}
   */
  static ApplicationDetail detail(Application application, ApplicationDetailInfo d, Map<String, String> withheld,
      Map<String, Integer> conclusions) {
    List<ApplicationDetail.StageVisit> history = new ArrayList<>();
    ApplicationStageTime[] times = d.getBasicInfo().getStageTimeList();
    if (times != null) {
      for (ApplicationStageTime t : times) {
        history.add(new ApplicationDetail.StageVisit(text(t.getStageId()),
            FeishuHireDirectory.millis(t.getEnterTime()), FeishuHireDirectory.millis(t.getExitTime())));
      }
    }
    List<Interview> interviews = new ArrayList<>();
    if (d.getInterviewAggregation() != null && d.getInterviewAggregation().getInterviews() != null) {
      for (InterviewExtendV2 i : d.getInterviewAggregation().getInterviews()) {
        interviews.add(interview(i, conclusions));
      }
    }
    Offer offer = offer(application.id(), d);
    String title = d.getJob() == null ? "" : text(d.getJob().getName());
    return new ApplicationDetail(application, title, history, interviews, offer, withheld);
  }

  private static Offer offer(String applicationId, ApplicationDetailInfo d) {
    if (d.getOffer() == null || d.getOffer().getOfferBasic() == null) {
      return null;
    }
    OfferBasicInfoV2 o = d.getOffer().getOfferBasic();
    return new Offer(text(o.getId()), applicationId, number(o.getOfferStatus()), text(o.getOnboardDate()),
        FeishuHireDirectory.millis(o.getCreateTime()));
  }

  /**
   * Each step's outcome as far as get_detail gave it (SDK {@code ApplicationDetailInfo}: {@code evaluations[]}
   * evaluator_id/commit_status/conclusion/content; {@code interview_aggregation}; {@code offer.offer_basic}
   * offer_status/onboard_date; {@code employee} onboard_status (1 joined, 2 left)/onboard_time; and
   * {@code basic_info.onboard_status} (1 not joined, 2 joined): reference §4).
   */
  static Progress progress(String applicationId, ApplicationDetailInfo d) {
    if (d == null) {
      return Progress.UNKNOWN;
    }
    List<Evaluation> evaluations = new ArrayList<>();
    if (d.getEvaluations() != null) {
      for (com.lark.oapi.service.hire.v1.model.Evaluation e : d.getEvaluations()) {
        evaluations.add(new Evaluation(text(e.getEvaluatorId()), text(e.getStageId()),
            Integer.valueOf(SUBMITTED).equals(e.getCommitStatus()), number(e.getConclusion()), text(e.getContent())));
      }
    }
    List<Interview> interviews = new ArrayList<>();
    if (d.getInterviewAggregation() != null && d.getInterviewAggregation().getInterviews() != null) {
      for (InterviewExtendV2 i : d.getInterviewAggregation().getInterviews()) {
        interviews.add(interview(i));
      }
    }
    EmployeeV2 employee = d.getEmployee();
    boolean joined = (d.getBasicInfo() != null && Integer.valueOf(JOINED).equals(d.getBasicInfo().getOnboardStatus()))
        || (employee != null && employee.getOnboardStatus() != null);
    return new Progress(true, evaluations, interviews, offer(applicationId, d), joined,
        employee == null ? null : FeishuHireDirectory.millis(employee.getOnboardTime()), null);
  }

  /** One written test of tests/search (SDK {@code Test}; times are ms strings). */
  static WrittenTest writtenTest(com.lark.oapi.service.hire.v1.model.Test t) {
    return new WrittenTest(text(t.getApplicationId()), number(t.getTestStatus()), text(t.getScore()),
        text(t.getTestPaperName()), FeishuHireDirectory.millis(t.getCreatedAt()));
  }

  private static Person person(IdNameObject o) {
    return new Person(text(o.getId()), zh(o.getName()), en(o.getName()));
  }

  private static String zh(I18n name) {
    return name == null ? "" : text(name.getZhCn());
  }

  private static String en(I18n name) {
    return name == null ? "" : text(name.getEnUs());
  }

  private static Instant millis(Long ms) {
    return EpochTimes.known(ms);
  }

  private static int number(Integer n) {
    return n == null ? 0 : n;
  }

  private static String text(String s) {
    return s == null ? "" : s;
  }
}
