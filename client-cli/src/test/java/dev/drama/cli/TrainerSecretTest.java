package dev.drama.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerSecretTest {
    @TempDir
    Path temp;

    @Test
    void anExplicitFileComesFirst() throws Exception {
        Path file = temp.resolve("secret");
        Files.writeString(file, "  s3cret\n");
        TrainerSecret secret = new TrainerSecret();
        secret.secretFile = file;
        assertEquals("s3cret", secret.resolve(name -> "from-env"));
    }

    @Test
    void thenTheEnvironment() throws Exception {
        assertEquals("from-env", new TrainerSecret().resolve(name -> name.equals(TrainerSecret.ENV) ? "from-env" : null));
    }

    @Test
    void clearMessagesWhenThereIsNone() throws Exception {
        TrainerSecret missing = new TrainerSecret();
        missing.secretFile = temp.resolve("nope");
        assertTrue(assertThrows(TrainerSecret.MissingSecretException.class, () -> missing.resolve(name -> null))
                .getMessage().startsWith("cannot read the trainer secret file " + temp.resolve("nope")));
        Path empty = temp.resolve("empty");
        Files.writeString(empty, "\n");
        TrainerSecret blank = new TrainerSecret();
        blank.secretFile = empty;
        assertEquals("the trainer secret file " + empty + " is empty",
                assertThrows(TrainerSecret.MissingSecretException.class, () -> blank.resolve(name -> null)).getMessage());
        if (!Files.exists(TrainerSecret.DEFAULT_FILE)) {
            String message = assertThrows(TrainerSecret.MissingSecretException.class,
                    () -> new TrainerSecret().resolve(name -> null)).getMessage();
            assertTrue(message.startsWith("no trainer secret: drama-data/trainer.secret does not exist here"), message);
        }
    }
}
