package io.hirebot.feature.profile;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.cards.Markdown;
import io.hirebot.hire.Job;
import io.hirebot.hire.Talent;
import io.hirebot.testing.FeatureHarness;
import io.hirebot.testing.Shown;
import io.hirebot.testing.SmallTenant;
import io.hirebot.testing.TestFeatures;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 7: a candidate's phone number and email never reach a group chat, whatever card shows the candidate there;
 * the hiring team reads them in a private chat. (Once an end-to-end test, AccessControlTest.noPiiInGroups, which
 * started a bot to read the cards; what a card contains does not depend on the wire. Giving the details privately
 * from a group card's button stays end to end in AccessControlTest.detailsPrivately.)
 */
class ContactDataTest {
  private static final List<String> TALENTS = List.of("Alice Chen", "Bob Zhou", "Carol Wu", "Dan Ma", "张伟");

  @RegisterExtension
  final FeatureHarness h = FeatureHarness.start().with(TestFeatures::candidates, TestFeatures::profile);

  @Test
  @DisplayName("group cards (every open job's candidates, every profile) never contain phone numbers or emails")
  void noContactDataInGroups() {
    List<String> contact = TALENTS.stream().map(h.hire::talent)
        .flatMap(t -> java.util.stream.Stream.of(t.mobile(), t.email())).toList();
    for (Job job : List.of(SmallTenant.BACKEND, SmallTenant.DATA)) {
      Shown card = h.inGroup(FeatureHarness.TEAM_CHAT, SmallTenant.RECRUITER_LI, "candidates for job " + job.code());
      assertTrue(card.isCard() && card.contains(job.title()), card.all());
      assertNoneIn(contact, card, job.code());
    }
    for (String name : TALENTS) {
      Shown profile = h.inGroup(FeatureHarness.TEAM_CHAT, SmallTenant.RECRUITER_LI, "candidate " + name);
      assertTrue(profile.contains(name), profile.all());
      assertNoneIn(contact, profile, "profile of " + name);
    }
  }

  @Test
  @DisplayName("the same profile in the recruiter's private chat shows the phone number and the email")
  void contactDataPrivately() {
    Talent alice = h.hire.talent("Alice Chen");
    Shown profile = h.privately(SmallTenant.RECRUITER_LI, "candidate Alice Chen");
    assertTrue(profile.contains(alice.mobile()) && profile.contains(alice.email()), profile.all());
  }

  @Test
  @DisplayName("a recruiter of other jobs reads the profile privately without the phone number, the email or the "
      + "private-details button: contact data is for the candidate's own hiring teams and admins")
  void contactDataOnlyForTheCandidatesTeams() {
    // Alice applied to Backend only; Wang recruits for Data and Frontend
    Talent alice = h.hire.talent("Alice Chen");
    Shown profile = h.privately(SmallTenant.RECRUITER_WANG, "candidate Alice Chen");
    assertTrue(profile.contains("Alice Chen"), profile.all());
    assertNoneIn(List.of(alice.mobile(), alice.email()), profile, "Wang's private profile of Alice");
    assertFalse(profile.contains("\"action\":\"profile.private\""), profile.all());
    // and the card says why there is no phone or email, rather than leave the reader to wonder
    assertTrue(profile.contains("Phone and email are shown only to admins and to the hiring teams of the jobs this candidate applied to"), profile.all());
    // and 张伟, who applied to Data, is Wang's to read
    Talent zhang = h.hire.talent("张伟");
    Shown own = h.privately(SmallTenant.RECRUITER_WANG, "candidate 张伟");
    assertTrue(own.contains(zhang.mobile()) && own.contains(zhang.email()), own.all());
  }

  @Test
  @DisplayName("an assistant of the candidate's job (Hire's 协助人) reads phone and email privately, as the job's "
      + "recruiter does, but may not change the application")
  void assistantsReadContactData() {
    h.hire.addJob(SmallTenant.BACKEND, new io.hirebot.hire.JobTeam(SmallTenant.BACKEND.id(), SmallTenant.RECRUITER_LI,
        List.of(SmallTenant.MANAGER_ZHANG), List.of(SmallTenant.RECRUITER_WANG)));
    Talent alice = h.hire.talent("Alice Chen");
    Shown profile = h.privately(SmallTenant.RECRUITER_WANG, "candidate Alice Chen");
    assertTrue(profile.contains(alice.mobile()) && profile.contains(alice.email()), profile.all());
    assertFalse(profile.contains("\"action\":\"advance\""), "assistants do not change applications: " + profile.all());
  }

  @Test
  @DisplayName("the phone reads with Hire's country code in front: a Chinese mobile grouped 3-4-4, a US number 3-3-4, "
      + "one without a code as Hire gives it")
  void phoneWithCountryCode() {
    // GIVEN Backend candidates whose phones come with Hire's mobile_code ("+86" and "1"), and Alice's without one
    Talent mei = h.hire.addTalent("Mei Lin", "+86", "18290029119", "mei@example.com");
    Talent sam = h.hire.addTalent("Sam Reed", "1", "4155550123", "sam@example.com");
    h.hire.addApplication(SmallTenant.BACKEND, mei, SmallTenant.INTERVIEW, h.clock.instant());
    h.hire.addApplication(SmallTenant.BACKEND, sam, SmallTenant.INTERVIEW, h.clock.instant());
    // WHEN the recruiter reads their profiles privately, in English and in Chinese
    // THEN each phone reads as people write it, plain text (Feishu documents no tel: links in cards); the markdown
    // escapes the leading '+' as &#43;, which Feishu shows as '+'
    Shown en = h.privately(SmallTenant.RECRUITER_LI, "candidate Mei Lin");
    assertTrue(en.contains("Phone: " + Markdown.escape("+86 182 9002 9119")), en.all());
    Shown zh = h.privately(SmallTenant.RECRUITER_LI, "候选人 Mei Lin");
    assertTrue(zh.contains("电话：" + Markdown.escape("+86 182 9002 9119")), zh.all());
    Shown us = h.privately(SmallTenant.RECRUITER_LI, "candidate Sam Reed");
    assertTrue(us.contains("Phone: " + Markdown.escape("+1 415 555 0123")), us.all());
    Talent alice = h.hire.talent("Alice Chen");
    Shown plain = h.privately(SmallTenant.RECRUITER_LI, "candidate Alice Chen");
    assertTrue(plain.contains("Phone: " + alice.mobile()), plain.all());
  }

  private static void assertNoneIn(List<String> contact, Shown card, String what) {
    for (String secret : contact) {
      assertFalse(card.contains(secret), what + " card leaks " + secret + ": " + card.all());
    }
  }
}
