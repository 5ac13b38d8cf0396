package dev.drama.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Option;

/**
 * Where a trainer command finds the trainer secret: --secret-file if given, else the
 * environment variable DRAMA_TRAINER_SECRET, else drama-data/trainer.secret in the
 * current folder (where `drama server` keeps it by default).
 */
public final class TrainerSecret {
    public static final String ENV = "DRAMA_TRAINER_SECRET";
    public static final Path DEFAULT_FILE = Path.of("drama-data", "trainer.secret");

    @Option(names = "--secret-file", paramLabel = "FILE",
            description = "file holding the trainer secret (default: $" + ENV + ", else drama-data/trainer.secret)")
    Path secretFile;

    /** A trainer command cannot go on: the message says what to do. */
    public static final class MissingSecretException extends Exception {
        private static final long serialVersionUID = 1L;

        MissingSecretException(String message) {
            super(message);
        }
    }

    public String resolve() throws MissingSecretException {
        return resolve(System::getenv);
    }

    String resolve(UnaryOperator<String> environment) throws MissingSecretException {
        if (secretFile != null) {
            return read(secretFile);
        }
        String fromEnvironment = environment.apply(ENV);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment.strip();
        }
        if (Files.isRegularFile(DEFAULT_FILE)) {
            return read(DEFAULT_FILE);
        }
        throw new MissingSecretException("no trainer secret: " + DEFAULT_FILE + " does not exist here and "
                + ENV + " is not set. Pass --secret-file FILE (the server prints where it keeps the secret), "
                + "set " + ENV + ", or run this from the folder where `drama server` runs.");
    }

    private static String read(Path file) throws MissingSecretException {
        try {
            String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (secret.isEmpty()) {
                throw new MissingSecretException("the trainer secret file " + file + " is empty");
            }
            return secret;
        } catch (IOException e) {
            throw new MissingSecretException("cannot read the trainer secret file " + file + ": " + e.getMessage());
        }
    }
}
