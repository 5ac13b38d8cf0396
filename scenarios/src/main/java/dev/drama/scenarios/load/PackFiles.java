package dev.drama.scenarios.load;

import dev.drama.scenarios.Problem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The files of one pack: a folder on disk, a zip (bytes), or an in-memory map (e.g. read from the
 * classpath). Paths are relative, with '/' separators. Reading is capped in size.
 */
public abstract class PackFiles {
    /** Largest pack.yaml or Markdown file. */
    public static final int MAX_FILE_BYTES = 256 * 1024;
    /** Largest pack as a whole (uncompressed). */
    public static final long MAX_TOTAL_BYTES = 4L * 1024 * 1024;
    /** Largest zip accepted. */
    public static final int MAX_ZIP_BYTES = 8 * 1024 * 1024;
    /** Most entries in a zip. */
    public static final int MAX_ENTRIES = 500;

    public enum Status { FOUND, MISSING, TOO_LARGE, NOT_A_FILE, UNREADABLE }

    public record Read(Status status, byte[] bytes, String detail) {
        static Read found(byte[] b) {
            return new Read(Status.FOUND, b, "");
        }

        static Read of(Status s, String detail) {
            return new Read(s, null, detail);
        }
    }

    /** Where the pack comes from, for people ("examples/tiny", "tiny.zip"). */
    public abstract String describe();

    /** One file, by its relative path inside the pack. */
    public abstract Read read(String path);

    /** Problems found just opening the source (zip-slip, oversized zip, no pack.yaml...). */
    public List<Problem> openingProblems() {
        return List.of();
    }

    /** True when the source itself could not be read at all (not a folder, not a zip, I/O error). */
    public boolean unreadable() {
        return false;
    }

    /** A relative path that stays inside the pack: no '..', no leading '/', no '\', no drive. */
    public static boolean safeRelative(String path) {
        if (path == null || path.isEmpty() || path.length() > 200) return false;
        if (path.startsWith("/") || path.contains("\\") || path.contains(":") || path.indexOf('\0') >= 0) return false;
        for (String seg : path.split("/", -1)) {
            if (seg.isEmpty() || seg.equals("..") || seg.equals(".")) return false;
        }
        return true;
    }

    // ---------------------------------------------------------------- folder

    public static PackFiles folder(Path dir) {
        return new Folder(dir);
    }

    private static final class Folder extends PackFiles {
        private final Path root;

        Folder(Path root) {
            this.root = root;
        }

        @Override
        public String describe() {
            return root.toString();
        }

        @Override
        public boolean unreadable() {
            return !Files.isDirectory(root);
        }

        @Override
        public Read read(String path) {
            if (!safeRelative(path)) return Read.of(Status.NOT_A_FILE, "points outside the pack");
            try {
                Path p = root.resolve(path).normalize();
                if (!p.startsWith(root.normalize())) return Read.of(Status.NOT_A_FILE, "points outside the pack");
                if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS) && !Files.exists(p)) return Read.of(Status.MISSING, "");
                if (!Files.isRegularFile(p)) return Read.of(Status.NOT_A_FILE, "is not a file");
                Path real = p.toRealPath();
                if (!real.startsWith(root.toRealPath())) return Read.of(Status.NOT_A_FILE, "points outside the pack");
                long size = Files.size(real);
                if (size > MAX_FILE_BYTES) return Read.of(Status.TOO_LARGE, String.valueOf(size));
                try (InputStream in = Files.newInputStream(real)) {
                    byte[] b = in.readNBytes(MAX_FILE_BYTES + 1);
                    if (b.length > MAX_FILE_BYTES) return Read.of(Status.TOO_LARGE, String.valueOf(b.length));
                    return Read.found(b);
                }
            } catch (IOException | RuntimeException e) {
                return Read.of(Status.UNREADABLE, String.valueOf(e.getMessage()));
            }
        }
    }

    // ---------------------------------------------------------------- map

    /** Files already in memory (the classpath, tests). */
    public static PackFiles of(String describe, Map<String, byte[]> files) {
        return new InMemory(describe, new TreeMap<>(files), List.of(), false);
    }

    private static class InMemory extends PackFiles {
        private final String describe;
        private final Map<String, byte[]> files;
        private final List<Problem> opening;
        private final boolean unreadable;

        InMemory(String describe, Map<String, byte[]> files, List<Problem> opening, boolean unreadable) {
            this.describe = describe;
            this.files = files;
            this.opening = opening;
            this.unreadable = unreadable;
        }

        @Override
        public String describe() {
            return describe;
        }

        @Override
        public List<Problem> openingProblems() {
            return opening;
        }

        @Override
        public boolean unreadable() {
            return unreadable;
        }

        @Override
        public Read read(String path) {
            if (!safeRelative(path)) return Read.of(Status.NOT_A_FILE, "points outside the pack");
            byte[] b = files.get(path);
            if (b == null) {
                String dir = path + "/";
                for (String k : files.keySet()) if (k.startsWith(dir)) return Read.of(Status.NOT_A_FILE, "is a folder");
                return Read.of(Status.MISSING, "");
            }
            if (b.length > MAX_FILE_BYTES) return Read.of(Status.TOO_LARGE, String.valueOf(b.length));
            return Read.found(b);
        }
    }

    // ---------------------------------------------------------------- zip

    /**
     * A zip of a pack: either pack.yaml at the top, or one folder holding pack.yaml. Entries are
     * read with caps (the declared sizes are not trusted), and any entry that would land outside
     * the pack folder refuses the whole zip.
     */
    public static PackFiles zip(String name, byte[] bytes) {
        List<Problem> problems = new ArrayList<>();
        Map<String, byte[]> files = new TreeMap<>();
        String zipFile = name == null || name.isBlank() ? "pack.zip" : name;
        if (bytes == null || bytes.length == 0) {
            problems.add(Problem.error(zipFile, 0, 0, "the zip is empty",
                    "zip the pack folder again (e.g. cd PACK && zip -r ../PACK.zip .)"));
            return new InMemory(zipFile, files, problems, true);
        }
        if (bytes.length > MAX_ZIP_BYTES) {
            problems.add(Problem.error(zipFile, 0, 0, "the zip is " + bytes.length + " bytes; the most a pack may be is "
                    + MAX_ZIP_BYTES + " bytes", "remove images and other large files: a pack is YAML and Markdown"));
            return new InMemory(zipFile, files, problems, false);
        }
        long total = 0;
        int count = 0;
        List<String> oversized = new ArrayList<>();
        boolean any = false;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                any = true;
                String n = e.getName();
                if (++count > MAX_ENTRIES) {
                    problems.add(Problem.error(zipFile, 0, 0, "the zip holds more than " + MAX_ENTRIES + " entries",
                            "a pack is a pack.yaml and some Markdown files; remove everything else"));
                    break;
                }
                if (!zipSafe(n)) {
                    problems.add(Problem.error(zipFile, 0, 0, "zip entry '" + printable(n) + "' points outside the pack folder",
                            "rebuild the zip from the pack folder itself (cd PACK && zip -r ../PACK.zip .); "
                                    + "entries must be relative paths without '..'"));
                    continue;
                }
                if (e.isDirectory() || n.endsWith("/")) continue;
                if (n.startsWith("__MACOSX/") || n.endsWith("/.DS_Store") || n.equals(".DS_Store")) continue;
                byte[] b = in.readNBytes(MAX_FILE_BYTES + 1);
                if (b.length > MAX_FILE_BYTES) {
                    oversized.add(n);
                    b = new byte[0];
                }
                total += b.length;
                if (total > MAX_TOTAL_BYTES) {
                    problems.add(Problem.error(zipFile, 0, 0, "the pack is larger than " + MAX_TOTAL_BYTES / (1024 * 1024)
                            + " MiB uncompressed", "a pack is a pack.yaml and some Markdown files; remove everything else"));
                    break;
                }
                if (files.put(n, b) != null) {
                    problems.add(Problem.error(zipFile, 0, 0, "the zip holds '" + printable(n) + "' twice",
                            "rebuild the zip from the pack folder"));
                }
            }
        } catch (IOException | RuntimeException ex) {
            problems.add(Problem.error(zipFile, 0, 0, "cannot read the zip: " + YamlTree.firstLine(String.valueOf(ex.getMessage())),
                    "zip the pack folder again (cd PACK && zip -r ../PACK.zip .) and upload the new file"));
            return new InMemory(zipFile, Map.of(), problems, false);
        }
        if (!any && problems.isEmpty()) {
            problems.add(Problem.error(zipFile, 0, 0, "this is not a zip, or the zip is empty",
                    "zip the pack folder (cd PACK && zip -r ../PACK.zip .)"));
            return new InMemory(zipFile, Map.of(), problems, false);
        }
        // Find pack.yaml: at the top, or in exactly one top folder.
        String prefix = "";
        if (!files.containsKey("pack.yaml")) {
            List<String> prefixes = new ArrayList<>();
            for (String k : files.keySet()) {
                int slash = k.indexOf('/');
                if (slash > 0 && k.substring(slash + 1).equals("pack.yaml")) prefixes.add(k.substring(0, slash + 1));
            }
            if (prefixes.size() == 1) {
                prefix = prefixes.get(0);
                String strip = prefix;
                Map<String, byte[]> inner = new TreeMap<>();
                files.forEach((k, v) -> {
                    if (k.startsWith(strip)) inner.put(k.substring(strip.length()), v);
                });
                files = inner;
            } else if (problems.isEmpty()) {
                problems.add(Problem.error(zipFile, 0, 0, prefixes.isEmpty() ? "the zip holds no pack.yaml"
                                : "the zip holds several packs (" + String.join(", ", prefixes) + ")",
                        "zip one pack folder: pack.yaml at the top of the zip, or in a single folder"));
            }
        }
        for (String n : oversized) {
            String inPack = n.startsWith(prefix) ? n.substring(prefix.length()) : n;
            problems.add(Problem.error(inPack, 0, 0, "the file is larger than " + MAX_FILE_BYTES / 1024 + " KiB",
                    "keep each file under " + MAX_FILE_BYTES / 1024 + " KiB; split long texts, remove images"));
        }
        return new InMemory(zipFile, Collections.unmodifiableMap(files), problems, false);
    }

    static boolean zipSafe(String n) {
        if (n == null || n.isEmpty()) return false;
        String s = n.endsWith("/") ? n.substring(0, n.length() - 1) : n;
        if (s.isEmpty()) return false;
        return safeRelative(s);
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) b.append(c < 32 || c == 127 ? '?' : c);
        return b.length() > 120 ? b.substring(0, 120) + "..." : b.toString();
    }

    /** Reads a zip file from disk (capped), or reports it unreadable. */
    public static PackFiles zip(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        try {
            long size = Files.size(file);
            if (size > MAX_ZIP_BYTES) {
                return new InMemory(name, Map.of(), List.of(Problem.error(name, 0, 0, "the zip is " + size
                        + " bytes; the most a pack may be is " + MAX_ZIP_BYTES + " bytes",
                        "remove images and other large files: a pack is YAML and Markdown")), false);
            }
            return zip(name, Files.readAllBytes(file));
        } catch (IOException | RuntimeException e) {
            return new InMemory(name, Map.of(), List.of(Problem.error(name, 0, 0, "cannot read " + name + ": "
                    + YamlTree.firstLine(String.valueOf(e.getMessage())), "check the path and its permissions")), true);
        }
    }
}
