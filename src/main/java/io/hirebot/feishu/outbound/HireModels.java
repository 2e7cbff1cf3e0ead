package io.hirebot.feishu.outbound;

import com.lark.oapi.service.hire.v1.model.ApplicationDetailInfo;
import com.lark.oapi.service.hire.v1.model.ApplicationStageTime;
import com.lark.oapi.service.hire.v1.model.BasicUserInfo;
import com.lark.oapi.service.hire.v1.model.I18n;
import com.lark.oapi.service.hire.v1.model.IdNameObject;
import com.lark.oapi.service.hire.v1.model.InterviewExtend;
import com.lark.oapi.service.hire.v1.model.InterviewExtendV2;
import com.lark.oapi.service.hire.v1.model.InterviewRecord;
import com.lark.oapi.service.hire.v1.model.InterviewRecordV2;
import com.lark.oapi.service.hire.v1.model.OfferBasicInfoV2;
import io.hirebot.hire.Application;
import io.hirebot.hire.ApplicationDetail;
import io.hirebot.hire.Interview;
import io.hirebot.hire.Note;
import io.hirebot.hire.Offer;
import io.hirebot.hire.Person;
import io.hirebot.hire.Talent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Maps the SDK's Hire models (talents, interviews, offers, notes, application details) to our records. */
final class HireModels {
  private static final int SUBMITTED = 1;

  private HireModels() {}

  static Talent talent(com.lark.oapi.service.hire.v1.model.Talent t) {
    var b = t.getBasicInfo();
    return b == null ? new Talent(t.getId(), "", "", "")
        : new Talent(t.getId(), text(b.getName()), text(b.getMobile()), text(b.getEmail()));
  }

  static Note note(com.lark.oapi.service.hire.v1.model.Note n) {
    boolean secret = Boolean.TRUE.equals(n.getIsPrivate()) || Integer.valueOf(1).equals(n.getPrivacy());
    return new Note(n.getId(), text(n.getApplicationId()), text(n.getCreatorId()), text(n.getContent()),
        n.getCreateTime() == null ? null : Instant.ofEpochMilli(n.getCreateTime()), secret);
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

  /** An interview of an application's detail (times as strings). */
  static Interview interview(InterviewExtendV2 i) {
    List<Interview.Feedback> feedback = new ArrayList<>();
    if (i.getInterviewRecordList() != null) {
      for (InterviewRecordV2 r : i.getInterviewRecordList()) {
        BasicUserInfo u = r.getInterviewer();
        Person who = u == null ? new Person("", "", "") : new Person(text(u.getId()), zh(u.getName()), en(u.getName()));
        feedback.add(new Interview.Feedback(who, Integer.valueOf(SUBMITTED).equals(r.getCommitStatus())));
      }
    }
    return new Interview(i.getId(), text(i.getApplicationId()), text(i.getStageId()),
        FeishuHireDirectory.millis(i.getBeginTime()), FeishuHireDirectory.millis(i.getEndTime()), feedback,
        number(i.getInterviewRoundSummary()));
  }

  /** @param withheld parts Feishu left out for lack of their scope (see {@link ApplicationDetail#withheld()}) */
  static ApplicationDetail detail(Application application, ApplicationDetailInfo d, Map<String, String> withheld) {
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
        interviews.add(interview(i));
      }
    }
    Offer offer = null;
    if (d.getOffer() != null && d.getOffer().getOfferBasic() != null) {
      OfferBasicInfoV2 o = d.getOffer().getOfferBasic();
      offer = new Offer(text(o.getId()), application.id(), number(o.getOfferStatus()), text(o.getOnboardDate()));
    }
    String title = d.getJob() == null ? "" : text(d.getJob().getName());
    return new ApplicationDetail(application, title, history, interviews, offer, withheld);
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
    return ms == null || ms <= 0 ? null : Instant.ofEpochMilli(ms);
  }

  private static int number(Integer n) {
    return n == null ? 0 : n;
  }

  private static String text(String s) {
    return s == null ? "" : s;
  }
}
