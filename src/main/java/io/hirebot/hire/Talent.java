package io.hirebot.hire;

/**
 * A person Hire knows, as a talent search returns them; mobile and email are personal data (DESIGN §5).
 *
 * @param mobileCode Hire's {@code mobile_code}, the country calling code of {@code mobile} ("86" or "+86"), "" if none
 */
public record Talent(String id, String name, String mobileCode, String mobile, String email) {

  /** A talent whose phone has no country code (or none known). */
  public Talent(String id, String name, String mobile, String email) {
    this(id, name, "", mobile, email);
  }

  /**
   * Whether the talent goes by a name Hire gave, not blank and not their id (which stands in for a name Hire did not
   * send, {@link Application}): only such a name is worth a talent search.
   */
  public boolean hasName() {
    return !name.isBlank() && !name.equals(id);
  }

  /** The same talent under the name a card or an application gives it. */
  public Talent withName(String newName) {
    return new Talent(id, newName, mobileCode, mobile, email);
  }
}
