package dev.drama.cli.files;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * Resume tokens a trainee console keeps between runs, so that {@code drama join CODE
 * --name SAME} after quitting or a crash takes the same seat back: one owner-only file
 * per server, join code and name under {@code ~/.drama/tokens}, with the latest event
 * seen there (where the catch-up starts).
 */
public final class KeptSeats {
    /** A seat held before: its token and the latest event seq seen in it. */
    public record Kept(String token, long lastSeq) {
    }

    private final UserFiles files;

    public KeptSeats(UserFiles files) {
        this.files = files;
    }

    public Optional<Kept> load(String host, int port, String joinCode, String name) {
        try {
            Path file = file(host, port, joinCode, name);
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            Properties p = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
            }
            String token = p.getProperty("token", "");
            return token.isEmpty() ? Optional.empty()
                    : Optional.of(new Kept(token, Long.parseLong(p.getProperty("lastSeq", "0"))));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty(); // a damaged file: join by name instead
        }
    }

    /** Keeps a seat's token; written aside and moved into place, so a crash never leaves half a file. */
    public void save(String host, int port, String joinCode, String name, Kept kept) throws IOException {
        Path file = file(host, port, joinCode, name);
        Path aside = UserFiles.ownerOnlyFile(file.resolveSibling(file.getFileName() + ".new"));
        Properties p = new Properties();
        p.setProperty("token", kept.token());
        p.setProperty("lastSeq", Long.toString(kept.lastSeq()));
        try (Writer out = Files.newBufferedWriter(aside, StandardCharsets.UTF_8)) {
            p.store(out, "drama: the seat of " + name + " in " + joinCode + " on " + host + ":" + port);
        }
        Files.move(aside, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** host_port_CODE_ and a digest of the name (any characters, any case), so that file names stay plain. */
    private Path file(String host, int port, String joinCode, String name) throws IOException {
        String key = (host + "_" + port + "_" + joinCode.strip()).toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_.-]", "_");
        return files.folder("tokens").resolve(key + "_" + digest(name.strip().toLowerCase(Locale.ROOT)));
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always there", e);
        }
    }
}
