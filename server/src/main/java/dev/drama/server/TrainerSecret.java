package dev.drama.server;

import dev.drama.server.session.Tokens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret trainer consoles present. Generated on first start and kept in the data
 * folder, readable by its owner only.
 */
public final class TrainerSecret {
    private final String value;
    private final Path file;

    private TrainerSecret(String value, Path file) {
        this.value = value;
        this.file = file;
    }

    public static TrainerSecret loadOrCreate(Path file) throws IOException {
        if (Files.exists(file)) {
            String stored = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (stored.isEmpty()) {
                throw new IOException(file + " is empty: delete it and a new trainer secret will be made");
            }
            return new TrainerSecret(stored, file);
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        String value = Tokens.newToken();
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            return loadOrCreate(file);
        }
        Files.writeString(file, value + "\n", StandardCharsets.UTF_8);
        return new TrainerSecret(value, file);
    }

    /** Compares in constant time, so the secret cannot be guessed from response times. */
    public boolean matches(String offered) {
        return MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8), offered.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A session's dashboard token: an HMAC of the session id under this secret, so a browser
     * link can make its holder that one session's trainer without carrying the secret, and
     * the token survives restarts without being stored. 144 bits, URL-safe.
     */
    public String dashboardToken(String sessionId) {
        return token("dashboard:" + sessionId);
    }

    /** Compares in constant time, like {@link #matches}. */
    public boolean matchesDashboardToken(String sessionId, String offered) {
        return sameToken(dashboardToken(sessionId), offered);
    }

    /**
     * A cohort's token, for the cohort page: made like a dashboard token, under another
     * purpose, so that neither kind of token opens the other.
     */
    public String cohortToken(String cohortId) {
        return token("cohort:" + cohortId);
    }

    public boolean matchesCohortToken(String cohortId, String offered) {
        return sameToken(cohortToken(cohortId), offered);
    }

    private static boolean sameToken(String expected, String offered) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), offered.getBytes(StandardCharsets.UTF_8));
    }

    private String token(String purposeAndId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(value.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] full = mac.doFinal(purposeAndId.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(full, 18));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    public String value() {
        return value;
    }

    public Path file() {
        return file;
    }
}
