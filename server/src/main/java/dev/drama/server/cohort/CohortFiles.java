package dev.drama.server.cohort;

import dev.drama.server.journal.OwnerOnly;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cohorts on disk, one small text file each ({@code cohorts/<id>.cohort}): the groups'
 * sessions have their own journals, so a cohort is only which sessions belong together.
 * A file is written whole and forced to disk before the cohort is announced, so a cohort
 * a trainer was told of survives a restart.
 */
public final class CohortFiles {
    private static final Logger log = LoggerFactory.getLogger(CohortFiles.class);
    static final String SUFFIX = ".cohort";
    private static final String HEADER = "drama cohort 1";

    private final Path dir;

    public CohortFiles(Path dir) {
        this.dir = dir;
    }

    public void save(Cohort cohort) throws IOException {
        OwnerOnly.directory(dir);
        StringBuilder text = new StringBuilder(HEADER).append('\n')
                .append("id ").append(cohort.id()).append('\n')
                .append("pack ").append(cohort.packId()).append('\n')
                .append("created ").append(cohort.createdEpochMs()).append('\n');
        cohort.sessionIds().forEach(s -> text.append("group ").append(s).append('\n'));
        Path file = dir.resolve(cohort.id() + SUFFIX);
        Path partial = dir.resolve(cohort.id() + SUFFIX + ".partial");
        try (FileChannel out = FileChannel.open(partial, List.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING).stream().collect(java.util.stream.Collectors.toSet()),
                OwnerOnly.file(partial))) {
            ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
            out.force(true);
        }
        // Renamed whole, so a crash leaves the old file or the new one, never half of one.
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel folder = FileChannel.open(dir, StandardOpenOption.READ)) {
            folder.force(true);
        } catch (IOException e) {
            log.debug("{}: the folder cannot be forced here ({})", dir, e.toString());
        }
    }

    /** Every cohort saved; a file that cannot be read is logged and skipped. */
    public List<Cohort> loadAll() throws IOException {
        List<Cohort> cohorts = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return cohorts;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            for (Path file : files) {
                try {
                    cohorts.add(read(file));
                } catch (IOException | RuntimeException e) {
                    log.error("cohort file {} could not be read ({}); skipped", file, e.getMessage());
                }
            }
        }
        return cohorts;
    }

    static Cohort read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            throw new IOException("not a cohort file (its first line is not '" + HEADER + "')");
        }
        String id = null;
        String pack = null;
        long created = 0;
        List<String> groups = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            int space = line.indexOf(' ');
            String key = space < 0 ? line : line.substring(0, space);
            String value = space < 0 ? "" : line.substring(space + 1);
            switch (key) {
                case "id" -> id = value;
                case "pack" -> pack = value;
                case "created" -> created = Long.parseLong(value);
                case "group" -> groups.add(value);
                default -> {
                    if (!line.isBlank()) {
                        throw new IOException("unknown line '" + key + "'");
                    }
                }
            }
        }
        if (id == null || pack == null || groups.isEmpty()) {
            throw new IOException("id, pack or groups missing");
        }
        return new Cohort(id, pack, groups, created);
    }
}
