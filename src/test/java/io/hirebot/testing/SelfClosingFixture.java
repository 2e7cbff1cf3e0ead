package io.hirebot.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test fixture that is its own JUnit 5 extension, so a test class starts it where it declares it and never writes
 * a stop method: registered with {@code @RegisterExtension} on a static field it is shared by the class's tests and
 * closed after the last one; on an instance field (JUnit makes a test instance per test) it is closed after each test.
 */
public abstract class SelfClosingFixture implements AutoCloseable, BeforeAllCallback, AfterAllCallback,
    AfterEachCallback {
  /** JUnit calls beforeAll only on extensions registered on static fields. */
  private volatile boolean perClass;

  @Override
  public void beforeAll(ExtensionContext context) {
    perClass = true;
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    if (!perClass) {
      close();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    close();
  }
}
