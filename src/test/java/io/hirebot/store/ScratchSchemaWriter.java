package io.hirebot.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

/**
 * Writes {@link ScratchSchema#RESOURCE} again from the migrations on the classpath, after a migration was added:
 * {@code mvn -B -o -q test-compile && java -cp target/test-classes:target/classes:<the test classpath>
 * io.hirebot.store.ScratchSchemaWriter} from the project's directory. Until then the warm-up runs the new
 * migrations on top of the shipped schema (and logs that it is stale).
 */
public final class ScratchSchemaWriter {
  private ScratchSchemaWriter() {}

  public static void main(String[] args) throws Exception {
    Path target = Path.of(args.length > 0 ? args[0] : "src/main/resources/" + ScratchSchema.RESOURCE);
    try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:scratch-schema-writer")) {
      Files.writeString(target, ScratchSchema.write(connection,
          AppliedMigrations.onClasspath(ScratchSchemaWriter.class.getClassLoader())));
    }
    System.out.println("written: " + target.toAbsolutePath());
  }
}
