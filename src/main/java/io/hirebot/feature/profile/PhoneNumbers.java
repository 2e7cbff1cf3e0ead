package io.hirebot.feature.profile;

import java.util.regex.Pattern;

/**
 * A talent's phone as the profile shows it: Hire's {@code mobile_code} (the country calling code, "86" or "+86")
 * in front, Chinese mobiles grouped 3-4-4 and North American numbers 3-3-4 as people write them, any other number
 * as Hire gives it. Plain text: Feishu documents no {@code tel:} links in card markdown. Pure functions.
 */
public final class PhoneNumbers {

  private static final String CHINA = "86";
  private static final String NORTH_AMERICA = "1";
  private static final Pattern CODE = Pattern.compile("\\+?(\\d{1,4})");
  private static final Pattern CHINESE_MOBILE = Pattern.compile("(1\\d{2})(\\d{4})(\\d{4})");
  private static final Pattern NORTH_AMERICAN = Pattern.compile("(\\d{3})(\\d{3})(\\d{4})");
  /** What people put between digit groups; a number with anything else is shown as given. */
  private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-.]");

  private PhoneNumbers() {}

  /** "+86 182 9002 9119" for code "86" and number "18290029119"; the number alone when there is no code. */
  public static String display(String mobileCode, String number) {
    String given = number == null ? "" : number.strip();
    var code = CODE.matcher(mobileCode == null ? "" : mobileCode.strip());
    if (given.isEmpty() || given.startsWith("+") || !code.matches()) {
      return given;
    }
    String country = code.group(1);
    String digits = SEPARATORS.matcher(given).replaceAll("");
    Pattern grouping = switch (country) {
      case CHINA -> CHINESE_MOBILE;
      case NORTH_AMERICA -> NORTH_AMERICAN;
      default -> null;
    };
    var groups = grouping == null ? null : grouping.matcher(digits);
    String local = groups != null && groups.matches()
        ? groups.group(1) + " " + groups.group(2) + " " + groups.group(3) : given;
    return "+" + country + " " + local;
  }
}
