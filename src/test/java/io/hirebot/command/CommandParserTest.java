package io.hirebot.command;

import io.hirebot.i18n.Language;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.hirebot.command.ParseResult.Parsed;
import io.hirebot.command.ParseResult.Unknown;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("CommandParser")
class CommandParserTest {

  /** What a row expects: a command, or UNKNOWN with the argument column as the suggestion. */
  enum Expected { HELP, CANDIDATES, JOBS, UNKNOWN }

  private final CommandParser parser = new CommandParser();

  @DisplayName("understands (or refuses) the phrasing")
  @ParameterizedTest(name = "[{index}] \"{0}\" → {1} {2} ({3})")
  @CsvSource(delimiter = '|', textBlock = """
      # --- help ---
      help                                              | HELP       |                   | EN
      HELP                                              | HELP       |                   | EN
      Help!                                             | HELP       |                   | EN
      h                                                 | HELP       |                   | EN
      ?                                                 | HELP       |                   | EN
      ？                                                | HELP       |                   | EN
      commands                                          | HELP       |                   | EN
      what can you do?                                  | HELP       |                   | EN
      can you help                                      | HELP       |                   | EN
      帮助                                              | HELP       |                   | ZH
      你能做什么                                        | HELP       |                   | ZH
      你能做什么呢？                                    | HELP       |                   | ZH
      怎么用                                            | HELP       |                   | ZH
      使用说明                                          | HELP       |                   | ZH
      菜单                                              | HELP       |                   | ZH
      # --- candidates, English ---
      show candidates for job Backend Engineer          | CANDIDATES | Backend Engineer  | EN
      candidates for Backend                            | CANDIDATES | Backend           | EN
      candidates of job BE-001                          | CANDIDATES | BE-001            | EN
      candidates Backend                                | CANDIDATES | Backend           | EN
      who applied to Backend                            | CANDIDATES | Backend           | EN
      who applied for Data Scientist                    | CANDIDATES | Data Scientist    | EN
      who has applied for Backend                       | CANDIDATES | Backend           | EN
      applicants for Product Manager                    | CANDIDATES | Product Manager   | EN
      Backend candidates                                | CANDIDATES | Backend           | EN
      Senior Backend Engineer candidates                | CANDIDATES | Senior Backend Engineer | EN
      list candidates for job "Data Scientist"          | CANDIDATES | Data Scientist    | EN
      list candidates for job “Data Scientist”          | CANDIDATES | Data Scientist    | EN
      candidates for the job Backend                    | CANDIDATES | Backend           | EN
      candidates for the Backend Engineer position      | CANDIDATES | Backend Engineer  | EN
      candidates for Backend?                           | CANDIDATES | Backend           | EN
      CANDIDATES FOR backend engineer                   | CANDIDATES | backend engineer  | EN
      '   candidates    for   Backend    Engineer  '    | CANDIDATES | Backend Engineer  | EN
      please show me all the candidates for job Backend | CANDIDATES | Backend           | EN
      can you show me the candidates for BE-001 please  | CANDIDATES | BE-001            | EN
      Could you list the applicants for Backend, pls?   | CANDIDATES | Backend           | EN
      who are the candidates for Backend                | CANDIDATES | Backend           | EN
      candidates for C++ Engineer                       | CANDIDATES | C++ Engineer      | EN
      candidates for Listing Specialist                 | CANDIDATES | Listing Specialist | EN
      candidates for Show Producer                      | CANDIDATES | Show Producer     | EN
      Meituan Ops candidates                            | CANDIDATES | Meituan Ops       | EN
      ｓｈｏｗ ｃａｎｄｉｄａｔｅｓ ｆｏｒ Ｂａｃｋｅｎｄ                  | CANDIDATES | Backend           | EN
      ＣＡＮＤＩＤＡＴＥＳ　ＦＯＲ　ＢＥ－００１                         | CANDIDATES | BE-001            | EN
      candidates: Backend                               | CANDIDATES | Backend           | EN
      @Alice candidates for Backend                     | CANDIDATES | Backend           | EN
      candidates for Backend @Alice                     | CANDIDATES | Backend           | EN
      The Voice Producer candidates                     | CANDIDATES | Voice Producer    | EN
      # --- candidates, Chinese and mixed ---
      Backend 的候选人                                  | CANDIDATES | Backend           | ZH
      看看后端开发工程师的候选人                        | CANDIDATES | 后端开发工程师    | ZH
      后端开发工程师候选人                              | CANDIDATES | 后端开发工程师    | ZH
      候选人 后端                                       | CANDIDATES | 后端              | ZH
      职位 BE-001 的候选人                              | CANDIDATES | BE-001            | ZH
      查看 产品经理 的候选人                            | CANDIDATES | 产品经理          | ZH
      帮我看一下 Backend Engineer 的候选人              | CANDIDATES | Backend Engineer  | ZH
      看看 Backend Engineer 的候选人                    | CANDIDATES | Backend Engineer  | ZH
      后端 有哪些候选人                                 | CANDIDATES | 后端              | ZH
      后端的应聘者                                      | CANDIDATES | 后端              | ZH
      投递 后端 的人                                    | CANDIDATES | 后端              | ZH
      谁投递了后端                                      | CANDIDATES | 后端              | ZH
      后端的候选人？                                    | CANDIDATES | 后端              | ZH
      请帮我列出后端的所有候选人吧                      | CANDIDATES | 后端              | ZH
      《后端开发工程师》的候选人                        | CANDIDATES | 后端开发工程师    | ZH
      「数据科学家」的候选人                            | CANDIDATES | 数据科学家        | ZH
      后端岗位的候选人                                  | CANDIDATES | 后端              | ZH
      ＢＥ－００１的候选人                              | CANDIDATES | BE-001            | ZH
      show candidates for 后端                          | CANDIDATES | 后端              | EN
      # --- jobs ---
      jobs                                              | JOBS       |                   | EN
      Jobs.                                             | JOBS       |                   | EN
      open jobs                                         | JOBS       |                   | EN
      list jobs                                         | JOBS       |                   | EN
      list all open jobs please                         | JOBS       |                   | EN
      what are the open jobs?                           | JOBS       |                   | EN
      positions                                         | JOBS       |                   | EN
      jobs backend                                      | JOBS       | backend           | EN
      jobs for Backend                                  | JOBS       | Backend           | EN
      backend jobs                                      | JOBS       | backend           | EN
      职位                                              | JOBS       |                   | ZH
      职位列表                                          | JOBS       |                   | ZH
      有哪些职位                                        | JOBS       |                   | ZH
      有哪些职位在招？                                  | JOBS       |                   | ZH
      在招职位                                          | JOBS       |                   | ZH
      职位 后端                                         | JOBS       | 后端              | ZH
      职位　后端                                        | JOBS       | 后端              | ZH
      请列出所有职位                                    | JOBS       |                   | ZH
      后端相关的职位                                    | JOBS       | 后端              | ZH
      职位：后端                                        | JOBS       | 后端              | ZH
      Jobs: Backend                                     | JOBS       | Backend           | EN
      what jobs are open?                               | JOBS       |                   | EN
      # --- refused, with a suggestion ---
      candidates                                        | UNKNOWN    | candidates for job <name> | EN
      show candidates for job                           | UNKNOWN    | candidates for job <name> | EN
      候选人                                            | UNKNOWN    | <职位> 的候选人   | ZH
      的候选人                                          | UNKNOWN    | <职位> 的候选人   | ZH
      有哪些候选人                                      | UNKNOWN    | <职位> 的候选人   | ZH
      candidtes for Backend                             | UNKNOWN    | candidates for Backend | EN
      Candidtaes for Backend Engineer                   | UNKNOWN    | candidates for Backend Engineer | EN
      shwo jobs                                         | UNKNOWN    | jobs              | EN
      jbos                                              | UNKNOWN    | jobs              | EN
      hlep                                              | UNKNOWN    | help              | EN
      what can u do                                     | UNKNOWN    | help              | EN
      candidtes                                         | UNKNOWN    | candidates for job <name> | EN
      帮主                                              | UNKNOWN    | 帮助              | ZH
      帮我                                              | UNKNOWN    | 帮助              | ZH
      职为                                              | UNKNOWN    | 职位              | ZH
      後端的候選人                                      | CANDIDATES | 后端              | ZH
      后端的候选任                                      | UNKNOWN    | 后端 的候选人     | ZH
      # --- refused, nothing close ---
      hello                                             | UNKNOWN    |                   | EN
      hi                                                | UNKNOWN    |                   | EN
      thanks                                            | UNKNOWN    |                   | EN
      @Alice                                            | UNKNOWN    |                   | EN
      pipeline candidates for Backend                   | UNKNOWN    |                   | EN
      pipeline candidates                               | UNKNOWN    |                   | EN
      ''                                                | UNKNOWN    |                   | EN
      '   '                                             | UNKNOWN    |                   | EN
      ...                                               | UNKNOWN    |                   | EN
      你好                                              | UNKNOWN    |                   | ZH
      今天天气怎么样                                    | UNKNOWN    |                   | ZH
      """)
  void parses(String input, Expected expected, String argument, Language language) {
    // GIVEN a message as a user would type it
    String text = input == null ? "" : input;
    String arg = argument == null ? "" : argument;

    // WHEN it is parsed
    ParseResult result = parser.parse(text);

    // THEN it is the expected command, or refused with the expected suggestion, in the user's language
    ParseResult wanted = switch (expected) {
      case HELP -> new Parsed(new Command.Help(), language);
      case CANDIDATES -> new Parsed(new Command.ShowCandidates(arg), language);
      case JOBS -> new Parsed(new Command.ListJobs(arg), language);
      case UNKNOWN -> new Unknown(text, arg, language);
    };
    assertEquals(wanted, result);
  }

  /** Kinds of the query-command table; UNKNOWN takes the first argument column as the suggestion. */
  enum Kind { PROFILE, PIPELINE, INTERVIEWS, OFFERS, PENDING_OFFERS, CANDIDATES, JOBS, UNKNOWN }

  @DisplayName("understands (or refuses) profile, pipeline, interview, offer and filtered candidate phrasings")
  @ParameterizedTest(name = "[{index}] \"{0}\" → {1} {2} {3} {4} ({5})")
  @CsvSource(delimiter = '|', textBlock = """
      # input                                      | kind       | first                    | second          | third      | lang
      candidate Alice Johnson                      | PROFILE    | Alice Johnson            |                 |            | EN
      candidate named 张伟                           | PROFILE    | 张伟                       |                 |            | EN
      profile of Alice Johnson                     | PROFILE    | Alice Johnson            |                 |            | EN
      profile of To To                             | PROFILE    | To To                    |                 |            | EN
      Alice Johnson's profile                      | PROFILE    | Alice Johnson            |                 |            | EN
      who is Alice Johnson                         | PROFILE    | Alice Johnson            |                 |            | EN
      look up Alice Johnson                        | PROFILE    | Alice Johnson            |                 |            | EN
      find candidate Alice                         | PROFILE    | Alice                    |                 |            | EN
      search for 张伟                                | PROFILE    | 张伟                       |                 |            | EN
      talent Alice Johnson                         | PROFILE    | Alice Johnson            |                 |            | EN
      'show me candidate "Alice Johnson"'          | PROFILE    | Alice Johnson            |                 |            | EN
      candidate                                    | UNKNOWN    | candidate <name>         |                 |            | EN
      profile                                      | UNKNOWN    | candidate <name>         |                 |            | EN
      候选人 张三                                       | PROFILE    | 张三                       |                 |            | ZH
      候选人张三                                        | PROFILE    | 张三                       |                 |            | ZH
      人才 张伟                                        | PROFILE    | 张伟                       |                 |            | ZH
      张伟的简历                                        | PROFILE    | 张伟                       |                 |            | ZH
      张伟 的资料                                       | PROFILE    | 张伟                       |                 |            | ZH
      查找张伟                                         | PROFILE    | 张伟                       |                 |            | ZH
      搜索候选人 张伟                                     | PROFILE    | 张伟                       |                 |            | ZH
      帮我查一下候选人 李娜                                  | PROFILE    | 李娜                       |                 |            | ZH
      候选人 后端开发工程师                                  | CANDIDATES | 后端开发工程师                  |                 |            | ZH
      候选人 BE-001                                   | CANDIDATES | BE-001                   |                 |            | ZH
      candidate Backend Engineer                   | CANDIDATES | Backend Engineer         |                 |            | EN
      candidate for Backend                        | CANDIDATES | Backend                  |                 |            | EN
      pipeline for job Backend Engineer            | PIPELINE   | Backend Engineer         |                 |            | EN
      pipeline for Backend                         | PIPELINE   | Backend                  |                 |            | EN
      pipeline Backend                             | PIPELINE   | Backend                  |                 |            | EN
      Backend pipeline                             | PIPELINE   | Backend                  |                 |            | EN
      funnel of BE-001                             | PIPELINE   | BE-001                   |                 |            | EN
      hiring funnel for Data Scientist             | PIPELINE   | Data Scientist           |                 |            | EN
      conversion for Backend                       | PIPELINE   | Backend                  |                 |            | EN
      how is Backend doing                         | PIPELINE   | Backend                  |                 |            | EN
      'show the pipeline for job "Data Scientist" please' | PIPELINE   | Data Scientist           |                 |            | EN
      PIPELINE FOR BACKEND                         | PIPELINE   | BACKEND                  |                 |            | EN
      pipeline                                     | UNKNOWN    | pipeline for job <name>  |                 |            | EN
      funnel                                       | UNKNOWN    | pipeline for job <name>  |                 |            | EN
      pipeline for job                             | UNKNOWN    | pipeline for job <name>  |                 |            | EN
      后端开发工程师的招聘漏斗                                 | PIPELINE   | 后端开发工程师                  |                 |            | ZH
      后端 的招聘漏斗                                     | PIPELINE   | 后端                       |                 |            | ZH
      后端漏斗                                         | PIPELINE   | 后端                       |                 |            | ZH
      招聘漏斗 后端                                      | PIPELINE   | 后端                       |                 |            | ZH
      职位 BE-001 的转化率                               | PIPELINE   | BE-001                   |                 |            | ZH
      看看后端的招聘进度                                    | PIPELINE   | 后端                       |                 |            | ZH
      招聘漏斗                                         | UNKNOWN    | <职位> 的招聘漏斗               |                 |            | ZH
      的招聘漏斗                                        | UNKNOWN    | <职位> 的招聘漏斗               |                 |            | ZH
      interviews                                   | INTERVIEWS | UPCOMING                 |                 |            | EN
      interviews today                             | INTERVIEWS | TODAY                    |                 |            | EN
      today's interviews                           | INTERVIEWS | TODAY                    |                 |            | EN
      interviews tomorrow                          | INTERVIEWS | TOMORROW                 |                 |            | EN
      interviews this week                         | INTERVIEWS | THIS_WEEK                |                 |            | EN
      my interviews                                | INTERVIEWS | UPCOMING                 | mine            |            | EN
      my interviews today                          | INTERVIEWS | TODAY                    | mine            |            | EN
      interviews today mine                        | INTERVIEWS | TODAY                    | mine            |            | EN
      interviews mine                              | INTERVIEWS | UPCOMING                 | mine            |            | EN
      what interviews do i have today              | INTERVIEWS | TODAY                    | mine            |            | EN
      upcoming interviews                          | INTERVIEWS | UPCOMING                 |                 |            | EN
      interview schedule                           | INTERVIEWS | UPCOMING                 |                 |            | EN
      interviews next week                         | INTERVIEWS | NEXT_WEEK                |                 |            | EN
      Interviews This Week?                        | INTERVIEWS | THIS_WEEK                |                 |            | EN
      今天的面试                                        | INTERVIEWS | TODAY                    |                 |            | ZH
      明天的面试                                        | INTERVIEWS | TOMORROW                 |                 |            | ZH
      本周的面试                                        | INTERVIEWS | THIS_WEEK                |                 |            | ZH
      这周面试                                         | INTERVIEWS | THIS_WEEK                |                 |            | ZH
      我的面试                                         | INTERVIEWS | UPCOMING                 | mine            |            | ZH
      我今天的面试                                       | INTERVIEWS | TODAY                    | mine            |            | ZH
      今天有哪些面试                                      | INTERVIEWS | TODAY                    |                 |            | ZH
      面试安排                                         | INTERVIEWS | UPCOMING                 |                 |            | ZH
      下周的面试安排                                      | INTERVIEWS | NEXT_WEEK                |                 |            | ZH
      面试                                           | INTERVIEWS | UPCOMING                 |                 |            | ZH
      offers                                       | OFFERS     |                          |                 |            | EN
      offer list                                   | OFFERS     |                          |                 |            | EN
      pending offers                               | PENDING_OFFERS |                      |                 |            | EN
      open offers                                  | PENDING_OFFERS |                      |                 |            | EN
      outstanding offers please                    | PENDING_OFFERS |                      |                 |            | EN
      pending offers for Backend                   | PENDING_OFFERS | Backend              |                 |            | EN
      pending Backend offers                       | PENDING_OFFERS | Backend              |                 |            | EN
      offers still pending                         | PENDING_OFFERS |                      |                 |            | EN
      待处理的offer                                    | PENDING_OFFERS |                      |                 |            | ZH
      进行中的 Offer                                   | PENDING_OFFERS |                      |                 |            | ZH
      未完成的offer                                    | PENDING_OFFERS |                      |                 |            | ZH
      后端 待处理的 offer                               | PENDING_OFFERS | 后端                   |                 |            | ZH
      后端的进行中的offer                                 | PENDING_OFFERS | 后端                   |                 |            | ZH
      offers for job Backend Engineer              | OFFERS     | Backend Engineer         |                 |            | EN
      offers for Backend                           | OFFERS     | Backend                  |                 |            | EN
      Backend offers                               | OFFERS     | Backend                  |                 |            | EN
      all offers please                            | OFFERS     |                          |                 |            | EN
      Offer 列表                                     | OFFERS     |                          |                 |            | ZH
      offer列表                                      | OFFERS     |                          |                 |            | ZH
      所有 offer                                     | OFFERS     |                          |                 |            | ZH
      后端 的 Offer                                   | OFFERS     | 后端                       |                 |            | ZH
      后端的offer情况                                   | OFFERS     | 后端                       |                 |            | ZH
      Offer 后端                                     | OFFERS     | 后端                       |                 |            | ZH
      candidates for Backend in stage Screening    | CANDIDATES | Backend                  | Screening       |            | EN
      candidates for Backend in screening          | CANDIDATES | Backend                  | screening       |            | EN
      candidates for backend applied last week still in screening | CANDIDATES | backend                  | screening       | LAST_WEEK  | EN
      Backend candidates in First Interview        | CANDIDATES | Backend                  | First Interview |            | EN
      candidates for BE-001 at the offer stage     | CANDIDATES | BE-001                   | offer           |            | EN
      candidates for Backend who applied this week | CANDIDATES | Backend                  |                 | THIS_WEEK  | EN
      who applied to Backend last week             | CANDIDATES | Backend                  |                 | LAST_WEEK  | EN
      Backend applied last week                    | CANDIDATES | Backend                  |                 | LAST_WEEK  | EN
      candidates for Backend applied yesterday     | CANDIDATES | Backend                  |                 | YESTERDAY  | EN
      candidates for Backend applied in the past week | CANDIDATES | Backend               |                 | PAST_WEEK  | EN
      最近一周投递的后端候选人                                 | CANDIDATES | 后端                       |                 | PAST_WEEK  | ZH
      后端 在初筛的候选人                                   | CANDIDATES | 后端                       | 初筛              |            | ZH
      后端在初筛的候选人                                    | CANDIDATES | 后端                       | 初筛              |            | ZH
      上周投递 后端 还在初筛的                                | CANDIDATES | 后端                       | 初筛              | LAST_WEEK  | ZH
      上周投递的后端候选人                                   | CANDIDATES | 后端                       |                 | LAST_WEEK  | ZH
      后端 上周投递的候选人                                  | CANDIDATES | 后端                       |                 | LAST_WEEK  | ZH
      后端开发工程师 处于一面阶段的候选人                           | CANDIDATES | 后端开发工程师                  | 一面              |            | ZH
      后端 一面阶段的候选人                                  | CANDIDATES | 后端                       | 一面              |            | ZH
      本周新投递的 后端 候选人                                | CANDIDATES | 后端                       |                 | THIS_WEEK  | ZH
      candidates in screening                      | UNKNOWN    | candidates for job <name> |                 |            | EN
      intervews today                              | UNKNOWN    | interviews today         |                 |            | EN
      ofers                                        | UNKNOWN    | offers                   |                 |            | EN
      piepline for Backend                         | UNKNOWN    | pipeline for Backend     |                 |            | EN
      面式                                           | UNKNOWN    |                          |                 |            | ZH
      '候选人 '                                       | UNKNOWN    | <职位> 的候选人                |                 |            | ZH
      interviews for Backend                       | UNKNOWN    |                          |                 |            | EN
      offers last week                             | UNKNOWN    |                          |                 |            | EN
      jobs in Beijing                              | JOBS       | in Beijing               |                 |            | EN
      who applied to Backend                       | CANDIDATES | Backend                  |                 |            | EN
      please show me the profile of Alice Johnson  | PROFILE    | Alice Johnson            |                 |            | EN
      Could you look up 王芳 please                  | PROFILE    | 王芳                       |                 |            | EN
      “张伟”的简历                                      | PROFILE    | 张伟                       |                 |            | ZH
      候选人「李娜」                                      | PROFILE    | 李娜                       |                 |            | ZH
      请帮我看看张伟的面试情况                                 | PROFILE    | 张伟                       |                 |            | ZH
      候选人 数据科学家                                    | CANDIDATES | 数据科学家                    |                 |            | ZH
      候选人 Product Manager                          | CANDIDATES | Product Manager          |                 |            | ZH
      show me the funnel for job BE-001            | PIPELINE   | BE-001                   |                 |            | EN
      Data Scientist funnel                        | PIPELINE   | Data Scientist           |                 |            | EN
      pipeline for 后端                              | PIPELINE   | 后端                       |                 |            | EN
      请给我看一下 后端开发工程师 的招聘漏斗                         | PIPELINE   | 后端开发工程师                  |                 |            | ZH
      产品经理 的转化                                     | PIPELINE   | 产品经理                     |                 |            | ZH
      数据科学家的各阶段人数                                  | PIPELINE   | 数据科学家                    |                 |            | ZH
      pipeline of the job Backend Engineer?        | PIPELINE   | Backend Engineer         |                 |            | EN
      ｐｉｐｅｌｉｎｅ ｆｏｒ ＢＥ－００１                          | PIPELINE   | BE-001                   |                 |            | EN
      can you show the interviews for today please | INTERVIEWS | TODAY                    |                 |            | EN
      interviews on tomorrow                       | INTERVIEWS | TOMORROW                 |                 |            | EN
      any interviews today?                        | INTERVIEWS | TODAY                    |                 |            | EN
      interviews this week for me                  | INTERVIEWS | THIS_WEEK                | mine            |            | EN
      INTERVIEWS TODAY                             | INTERVIEWS | TODAY                    |                 |            | EN
      昨天的面试                                        | INTERVIEWS | YESTERDAY                |                 |            | ZH
      我明天的面试                                       | INTERVIEWS | TOMORROW                 | mine            |            | ZH
      我本周有哪些面试                                     | INTERVIEWS | THIS_WEEK                | mine            |            | ZH
      请列出今天的面试安排                                   | INTERVIEWS | TODAY                    |                 |            | ZH
      今日面试                                         | INTERVIEWS | TODAY                    |                 |            | ZH
      下周面试                                         | INTERVIEWS | NEXT_WEEK                |                 |            | ZH
      offers please                                | OFFERS     |                          |                 |            | EN
      show all pending offers                      | PENDING_OFFERS |                          |                 |            | EN
      'Offers for "Data Scientist"'                | OFFERS     | Data Scientist           |                 |            | EN
      offers of BE-001                             | OFFERS     | BE-001                   |                 |            | EN
      status of offers                             | OFFERS     |                          |                 |            | EN
      最近的 offer                                    | OFFERS     |                          |                 |            | ZH
      数据科学家 的offer                                 | OFFERS     | 数据科学家                    |                 |            | ZH
      请给我看看 Offer 列表                               | OFFERS     |                          |                 |            | ZH
      后端开发工程师的 offer 状态                            | OFFERS     | 后端开发工程师                  |                 |            | ZH
      show candidates for job Backend Engineer in stage Screening | CANDIDATES | Backend Engineer         | Screening       |            | EN
      candidates for Backend still in First Interview please | CANDIDATES | Backend                  | First Interview |            | EN
      candidates of BE-001 currently in technical interview | CANDIDATES | BE-001                   | technical interview |            | EN
      candidates for Backend applied this month    | CANDIDATES | Backend                  |                 | THIS_MONTH | EN
      candidates for Backend applied today in screening | CANDIDATES | Backend                  | screening       | TODAY      | EN
      applicants for Data Scientist who applied last month | CANDIDATES | Data Scientist           |                 | LAST_MONTH | EN
      看看后端开发工程师在一面的候选人                             | CANDIDATES | 后端开发工程师                  | 一面              |            | ZH
      BE-001 在 Offer 阶段的候选人                        | CANDIDATES | BE-001                   | Offer           |            | ZH
      本月投递的 数据科学家 候选人                              | CANDIDATES | 数据科学家                    |                 | THIS_MONTH | ZH
      昨天投递的后端的候选人                                  | CANDIDATES | 后端                       |                 | YESTERDAY  | ZH
      后端 还在笔试的                                     | CANDIDATES | 后端                       | 笔试              |            | ZH
      今天投递 产品经理 在初筛的                               | CANDIDATES | 产品经理                     | 初筛              | TODAY      | ZH
      candidate                                    | UNKNOWN    | candidate <name>         |                 |            | EN
      talent                                       | UNKNOWN    | candidate <name>         |                 |            | EN
      候选人的简历                                       | UNKNOWN    |                          |                 |            | ZH
      pipeline candidates for Backend              | UNKNOWN    |                          |                 |            | EN
      offer                                        | OFFERS     |                          |                 |            | EN
      interviews for Backend                       | UNKNOWN    |                          |                 |            | EN
      what is the pipeline                         | UNKNOWN    | pipeline for job <name>  |                 |            | EN
      hello interviews                             | UNKNOWN    |                          |                 |            | EN
      今天                                           | UNKNOWN    |                          |                 |            | ZH
      上周投递的                                        | UNKNOWN    | <职位> 的候选人                |                 |            | ZH
      候选人 的                                        | UNKNOWN    |                          |                 |            | ZH
      candidtae Alice Johnson                      | UNKNOWN    | candidate Alice Johnson  |                 |            | EN
      ofers for Backend                            | UNKNOWN    | offers for Backend       |                 |            | EN
      intreviews                                   | UNKNOWN    | interviews               |                 |            | EN
      面试安拍                                         | UNKNOWN    | 面试                       |                 |            | ZH
      招聘漏抖 后端                                      | UNKNOWN    | 后端 的招聘漏斗                 |                 |            | ZH
      """)
  void parsesQueryCommands(String input, Kind kind, String first, String second, String third, Language language) {
    // GIVEN a message as a user would type it
    String text = input == null ? "" : input;
    String a = first == null ? "" : first;
    String b = second == null ? "" : second;

    // WHEN it is parsed
    ParseResult result = parser.parse(text);

    // THEN it is the expected command with its arguments and filters, or refused with the expected suggestion
    ParseResult wanted = switch (kind) {
      case PROFILE -> new Parsed(new Command.ShowProfile(a), language);
      case PIPELINE -> new Parsed(new Command.ShowPipeline(a), language);
      case INTERVIEWS -> new Parsed(new Command.ListInterviews(Period.valueOf(a), "mine".equals(b)), language);
      case OFFERS -> new Parsed(new Command.ListOffers(a), language);
      case PENDING_OFFERS -> new Parsed(new Command.ListOffers(a, true), language);
      case CANDIDATES -> new Parsed(
          new Command.ShowCandidates(a, b, third == null ? null : Period.valueOf(third)), language);
      case JOBS -> new Parsed(new Command.ListJobs(a), language);
      case UNKNOWN -> new Unknown(text, a, language);
    };
    assertEquals(wanted, result);
  }

  @DisplayName("resolves periods against a given day, weeks starting on Monday")
  @ParameterizedTest(name = "[{index}] {0} on 2026-11-25 → [{1}, {2})")
  @CsvSource(delimiter = '|', textBlock = """
      TODAY      | 2026-11-25 | 2026-11-26
      TOMORROW   | 2026-11-26 | 2026-11-27
      YESTERDAY  | 2026-11-24 | 2026-11-25
      THIS_WEEK  | 2026-11-23 | 2026-11-30
      NEXT_WEEK  | 2026-11-30 | 2026-12-07
      LAST_WEEK  | 2026-11-16 | 2026-11-23
      THIS_MONTH | 2026-11-01 | 2026-12-01
      LAST_MONTH | 2026-10-01 | 2026-11-01
      PAST_WEEK  | 2026-11-19 | 2026-11-26
      PAST_MONTH | 2026-10-26 | 2026-11-26
      UPCOMING   | 2026-11-25 | 2026-12-02
      """)
  void resolvesPeriods(Period period, String start, String end) {
    java.time.LocalDate wednesday = java.time.LocalDate.of(2026, 11, 25);
    assertEquals(java.time.LocalDate.parse(start), period.start(wednesday));
    assertEquals(java.time.LocalDate.parse(end), period.endExclusive(wednesday));
  }

  @DisplayName("a span that ended (yesterday, last week, last month) has an end for a date filter; one reaching today has none")
  @ParameterizedTest(name = "[{index}] {0} on 2026-11-25 → ends before {1}")
  @CsvSource(delimiter = '|', textBlock = """
      YESTERDAY  | 2026-11-25
      LAST_WEEK  | 2026-11-23
      LAST_MONTH | 2026-11-01
      TODAY      |
      THIS_WEEK  |
      THIS_MONTH |
      PAST_WEEK  |
      """)
  void endsOfSpansThatEnded(Period period, String end) {
    java.time.LocalDate wednesday = java.time.LocalDate.of(2026, 11, 25);
    assertEquals(java.util.Optional.ofNullable(end).map(java.time.LocalDate::parse), period.endIfOver(wednesday));
  }

  static Stream<Arguments> awkwardInputs() {
    return Stream.of(
        Arguments.of("candidates for 'Data Scientist'", new Parsed(new Command.ShowCandidates("Data Scientist"), Language.EN)),
        Arguments.of("jobs ‘backend’", new Parsed(new Command.ListJobs("backend"), Language.EN)),
        Arguments.of("candidates\tfor\nBackend", new Parsed(new Command.ShowCandidates("Backend"), Language.EN)),
        // A zero-width space between letters parts the words as a space would; the job search ignores spaces.
        Arguments.of("candidates for Back\u200Bend", new Parsed(new Command.ShowCandidates("Back end"), Language.EN)),
        Arguments.of("candidates for 后端\u200B开发", new Parsed(new Command.ShowCandidates("后端开发"), Language.EN)));
  }

  @DisplayName("handles ASCII quotes, tabs, newlines and zero-width characters")
  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("awkwardInputs")
  void parsesAwkwardInput(String input, ParseResult expected) {
    assertEquals(expected, parser.parse(input));
  }

  @DisplayName("a doubled connective ('for for', 'of of', 'in in', 'to to', 'at at', '的的') is a typo: read as one")
  @ParameterizedTest(name = "[{index}] \"{0}\" as \"{1}\"")
  @CsvSource(delimiter = '|', textBlock = """
      candidates for for                     | candidates for
      candidates for for Backend             | candidates for Backend
      Candidates For for backend             | Candidates For backend
      candidates for FOR for Backend         | candidates for Backend
      candidates of of job BE-001            | candidates of job BE-001
      who applied to to Backend              | who applied to Backend
      candidates at at Backend               | candidates at Backend
      pipeline for for Backend               | pipeline for Backend
      pipeline for for                       | pipeline for
      offers of of Backend                   | offers of Backend
      offers for for                         | offers for
      subscribe to to Backend                | subscribe to Backend
      candidates for Backend in in screening | candidates for Backend in screening
      jobs in in Beijing                     | jobs in Beijing
      上周投递的的后端候选人                 | 上周投递的后端候选人
      后端待处理的的 offer                   | 后端待处理的 offer
      Backend 的的候选人                     | Backend 的候选人
      """)
  void doubledConnective(String doubled, String single) {
    assertEquals(withoutText(parser.parse(single)), withoutText(parser.parse(doubled)));
    CommandParser app = new CommandParser(Phrasings::lexicon);
    assertEquals(withoutText(app.parse(single)), withoutText(app.parse(doubled)));
  }

  @DisplayName("a connective that is not doubled, or a word that only begins like one, is kept: real titles stay whole")
  @ParameterizedTest(name = "[{index}] \"{0}\" → {1}")
  @CsvSource(delimiter = '|', textBlock = """
      candidates for Head of Sales            | Head of Sales
      candidates for Head of Office Of Record | Head of Office Of Record
      candidates for for Formal Wear          | Formal Wear
      """)
  void connectiveKept(String text, String job) {
    assertEquals(new Parsed(new Command.ShowCandidates(job), Language.EN), parser.parse(text));
  }

  @Test
  @DisplayName("a long name of many parts is a name (profile, where is, advance); a sentence of a dozen words is not")
  void longNames() {
    String name = "Maria Guadalupe Fernández de la Cruz Rodríguez";
    assertEquals(new Parsed(new Command.ShowProfile(name, ""), Language.EN), parser.parse("profile of " + name));
    assertEquals(new Parsed(new Command.Advance(name, ""), Language.EN), parser.parse("advance " + name));
    String sentence = "the one who applied last week for the job we talked about on Monday";
    assertFalse(parser.parse("profile of " + sentence) instanceof Parsed p && p.command() instanceof Command.ShowProfile,
        () -> parser.parse("profile of " + sentence).toString());
  }

  /** An unknown message's result without its text, which quotes the message as typed. */
  private static ParseResult withoutText(ParseResult result) {
    return result instanceof Unknown u ? new Unknown("", u.suggestion(), u.language(), u.problem()) : result;
  }

  @Test
  @DisplayName("treats null as empty, unknown input without a suggestion")
  void refusesNull() {
    assertEquals(new Unknown("", "", Language.EN), parser.parse(null));
  }

  @Test
  @DisplayName("refuses text over 500 characters as too long, even when it starts like a command")
  void refusesLongInput() {
    // GIVEN a message that would be a command but is one character too long
    String longText = "candidates for " + "B".repeat(CommandParser.MAX_INPUT_LENGTH - 14);

    // WHEN it is parsed THEN it is refused as too long, with its length
    assertEquals(new Unknown(longText, "", Language.EN, new ParseResult.Problem(ParseResult.Problem.Kind.TOO_LONG,
        "501")), parser.parse(longText));
  }

  @Test
  @DisplayName("a too long note on a Chinese name is answered in English, the language of its command word")
  void longNoteKeepsItsLanguage() {
    String longNote = "note on 李洋: " + "g".repeat(CommandParser.MAX_INPUT_LENGTH);
    assertEquals(Language.EN, assertInstanceOf(Unknown.class, parser.parse(longNote)).language());
    assertEquals(Language.ZH, assertInstanceOf(Unknown.class, parser.parse("给李洋备注：" + "好".repeat(600)))
        .language());
  }

  @Test
  @DisplayName("accepts text of exactly 500 characters")
  void acceptsInputAtTheLimit() {
    String job = "B".repeat(CommandParser.MAX_INPUT_LENGTH - 15);
    assertEquals(new Parsed(new Command.ShowCandidates(job), Language.EN), parser.parse("candidates for " + job));
  }

  @Test
  @DisplayName("refuses long Chinese text and answers in Chinese")
  void refusesLongChineseInput() {
    String longText = "后".repeat(CommandParser.MAX_INPUT_LENGTH + 1) + "的候选人";
    ParseResult result = parser.parse(longText);
    assertEquals(new Unknown(longText, "", Language.ZH, new ParseResult.Problem(ParseResult.Problem.Kind.TOO_LONG,
        String.valueOf(CommandParser.MAX_INPUT_LENGTH + 5))), result);
  }

  @Test
  @DisplayName("keeps a refused message as it was typed")
  void keepsOriginalText() {
    Unknown unknown = assertInstanceOf(Unknown.class, parser.parse("  ｃａｎｄｉｄｔｅｓ for Backend  "));
    assertEquals("  ｃａｎｄｉｄｔｅｓ for Backend  ", unknown.text());
    assertEquals("candidates for Backend", unknown.suggestion());
  }

  @ParameterizedTest(name = "{0}")
  @DisplayName("a misspelt command word naming a job is suggested as that command, not as the job's candidates "
      + "(QA: \"pipline for Backend Engineer\" → \"Did you mean candidates for BE-001?\")")
  @CsvSource(delimiter = '|', textBlock = """
      pipline for backend               | pipeline for be-001
      pipline for Backend Engineer      | pipeline for be-001
      offrs for Frontend                | offers for fe-001
      """)
  void misspeltCommandWordWithAJob(String text, String suggestion) {
    // The app's parser: with the tenant's jobs, whose names alone would suggest the job's candidates
    CommandParser app = new CommandParser(Phrasings::lexicon);
    Unknown unknown = assertInstanceOf(Unknown.class, app.parse(text));
    assertEquals(suggestion, unknown.suggestion().toLowerCase(java.util.Locale.ROOT));
  }

  @ParameterizedTest(name = "{0}")
  @DisplayName("a day to come trailing a candidates request asks: the job's candidates, or that week's interviews")
  @CsvSource({
      "候选人 后端 下周一, 后端, NEXT_WEEK",
      "candidates backend next monday, backend, NEXT_WEEK",
      "candidates for Backend tomorrow, Backend, TOMORROW",
      "候选人 后端 周三, 后端, THIS_WEEK"})
  void futureDayAsks(String text, String job, Period period) {
    Command.Clarify ask = assertInstanceOf(Command.Clarify.class, ((Parsed) parser.parse(text)).command());
    assertEquals(java.util.List.of(new Command.ShowCandidates(job), new Command.ListInterviews(period, false)),
        ask.readings());
  }

  @ParameterizedTest(name = "{0}")
  @DisplayName("a period that has begun, trailing a candidates request, is when they applied")
  @CsvSource({"候选人 后端 上周, 后端, LAST_WEEK", "candidates for Backend this month, Backend, THIS_MONTH"})
  void pastPeriodFilters(String text, String job, Period period) {
    assertEquals(new Command.ShowCandidates(job, "", period), ((Parsed) parser.parse(text)).command());
  }
  @ParameterizedTest(name = "[{index}] \"{0}\" → {1}")
  @DisplayName("answers in the language of the command's own words: the names, jobs, stages, notes and remarks it "
      + "carries may be in either script")
  @CsvSource(delimiter = '|', textBlock = """
      # English commands about Chinese names (QA: these got Chinese cards)
      note on 李洋: strong system design                | EN
      advance 王敏                                      | EN
      reject 何勇 - not a fit                           | EN
      where is 张伟                                     | EN
      candidate 张                                      | EN
      profile of 张伟                                   | EN
      move 张伟 to second interview                     | EN
      reject 张伟: 经验不足                              | EN
      note on 李洋: 系統設計很強                         | EN
      show candidates for 后端                          | EN
      how many candidates for 后端                      | EN
      pipeline for 后端开发工程师                        | EN
      what about 前端                                   | EN
      Offer 后端                                        | ZH
      # Chinese commands about Latin names and jobs
      给Alice Chen备注：strong system design            | ZH
      推进 Alice Chen                                   | ZH
      淘汰Bob Zhou：not a fit                           | ZH
      Alice Chen 到哪一步了                             | ZH
      Alice Chen的简历                                  | ZH
      候选人 Alice                                      | ZH
      Backend 的候选人                                  | ZH
      帮我看一下 Backend Engineer 的候选人              | ZH
      候选人 BE-001                                     | ZH
      # one script throughout
      advance Alice Chen                                | EN
      推进张伟                                          | ZH
      张伟的简历                                        | ZH
      """)
  void answersInTheCommandsLanguage(String text, Language language) {
    // The app's parser: with the tenant's jobs and stages, as "where is" and "how many" are read
    CommandParser app = new CommandParser(Phrasings::lexicon);
    assertEquals(language, app.parse(text).language(), () -> String.valueOf(app.parse(text)));
  }
}
