package io.hirebot.sandbox.hire;

/** Deterministic fake people for the demo tenant: names, phones and emails that look real but are not. */
final class DemoPeople {

  private static final String[] SURNAMES = {"张", "王", "李", "刘", "陈", "杨", "黄", "赵", "吴", "周",
      "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "高", "罗"};
  private static final String[] SURNAMES_PINYIN = {"zhang", "wang", "li", "liu", "chen", "yang", "huang", "zhao", "wu",
      "zhou", "xu", "sun", "ma", "zhu", "hu", "guo", "he", "lin", "gao", "luo"};
  private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "磊", "洋", "艳", "勇", "军",
      "杰", "涛", "明", "超", "秀英", "婷", "浩然", "子涵", "欣怡", "宇轩"};
  private static final String[] GIVEN_PINYIN = {"wei", "fang", "na", "min", "jing", "lei", "yang", "yan", "yong", "jun",
      "jie", "tao", "ming", "chao", "xiuying", "ting", "haoran", "zihan", "xinyi", "yuxuan"};
  private static final String[] FIRST = {"Alice", "Bob", "Carol", "David", "Emma", "Frank", "Grace", "Henry", "Isabella",
      "Jack", "Karen", "Liam", "Mia", "Noah", "Olivia", "Peter", "Quinn", "Rachel", "Samuel", "Tina"};
  private static final String[] LAST = {"Johnson", "Miller", "Davis", "Garcia", "Wilson", "Taylor", "Anderson", "Thomas",
      "Moore", "Martin", "Jackson", "White", "Harris", "Clark", "Lewis"};
  private static final String[] MAIL_DOMAINS = {"example.com", "mail.example.cn", "example.org", "example.net"};
  private static final String[][] CITIES = {{"C1", "北京", "Beijing"}, {"C2", "上海", "Shanghai"},
      {"C3", "深圳", "Shenzhen"}, {"C4", "杭州", "Hangzhou"}, {"C5", "成都", "Chengdu"}};
  private static final String[] SCHOOLS = {"清华大学", "浙江大学", "复旦大学", "University of Washington", "上海交通大学",
      "Carnegie Mellon University", "华中科技大学", "南京大学"};
  private static final String[] COMPANIES = {"字节跳动", "阿里巴巴", "腾讯", "Acme Corp", "美团", "Globex", "京东", "Initech"};
  private static final String[] TITLES = {"高级工程师", "Software Engineer", "产品经理", "Data Analyst", "前端工程师",
      "Tech Lead", "算法工程师", "Designer"};

  private DemoPeople() {}

  /** The i-th demo talent (English for every third one, Chinese otherwise), with the given id and creation time. */
  static Talent talent(int i, String id, long createTime) {
    boolean english = i % 3 == 2;
    String[] city = CITIES[i % CITIES.length];
    int experience = 1 + (i * 5) % 12;
    int age = 22 + experience + i % 4;
    int gender = 1 + i % 2;
    int degree = 6 + i % 3;
    String school = SCHOOLS[i % SCHOOLS.length];
    String company = COMPANIES[(i * 3) % COMPANIES.length];
    String title = TITLES[(i * 5) % TITLES.length];
    if (english) {
      int e = i / 3;
      String first = FIRST[e % FIRST.length];
      String last = LAST[(e + e / FIRST.length * 3) % LAST.length];
      String email = (first + "." + last + e).toLowerCase() + "@" + MAIL_DOMAINS[i % MAIL_DOMAINS.length];
      String mobile = "415555" + String.format("%04d", (i * 37 + 101) % 10000);
      return new Talent(id, first + " " + last, "1", mobile, email, experience, gender, age,
          city[0], city[1], city[2], school, degree, company, title, createTime);
    }
    int c = i - i / 3;
    int s = c % SURNAMES.length;
    int g = (c / SURNAMES.length * 7 + c * 3) % GIVEN.length;
    String email = GIVEN_PINYIN[g] + "." + SURNAMES_PINYIN[s] + c + "@" + MAIL_DOMAINS[i % MAIL_DOMAINS.length];
    String mobile = "13" + (8 + i % 2) + String.format("%08d", (i * 7919L + 1234567L) % 100000000L);
    return new Talent(id, SURNAMES[s] + GIVEN[g], "86", mobile, email, experience, gender, age,
        city[0], city[1], city[2], school, degree, company, title, createTime);
  }
}
