package dev.drama.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.drama.scenarios.Problem;
import dev.drama.scenarios.load.LoadResult;
import dev.drama.scenarios.load.PackLoader;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code drama pack check PATH...}: every problem of every pack, as {@code FILE:LINE:COL: error: WHAT}
 * and an indented {@code fix: HOW}, then a summary. Exit 0 clean, 1 warnings only, 2 errors,
 * 3 a path could not be read.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check briefing packs (folders or .zip files) offline and report every problem at once.",
                "Exit status: 0 clean, 1 warnings only, 2 errors, 3 a path cannot be read."})
public final class PackCheckCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "PATH",
            description = "a pack folder, its pack.yaml, a .zip of a pack, or a folder of packs (each is checked)")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--json", description = "print one JSON object instead of text")
    boolean json;

    @Override
    public Integer call() throws Exception {
        return PackCommand.guarded("check", () -> run(System.out));
    }

    int run(PrintStream out) throws Exception {
        int exit = 0;
        int clean = 0;
        int withWarnings = 0;
        int withErrors = 0;
        int unreadable = 0;
        List<Map<String, Object>> reports = new ArrayList<>();
        List<Path> targets = expand(paths);
        for (Path path : targets) {
            LoadResult r = PackLoader.load(path);
            int code = r.unreadable() ? 3 : r.hasErrors() ? 2 : r.problems().isEmpty() ? 0 : 1;
            exit = Math.max(exit, code);
            switch (code) {
                case 0 -> clean++;
                case 1 -> withWarnings++;
                case 2 -> withErrors++;
                default -> unreadable++;
            }
            if (json) {
                reports.add(jsonReport(path, r, code));
                continue;
            }
            for (Problem p : r.problems()) {
                print(out, path, p);
            }
            out.println(summary(path, r, code));
        }
        if (json) {
            Map<String, Object> all = new LinkedHashMap<>();
            all.put("packs", reports);
            all.put("clean", clean);
            all.put("warningsOnly", withWarnings);
            all.put("withErrors", withErrors);
            all.put("unreadable", unreadable);
            all.put("exitCode", exit);
            out.println(new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(all));
        } else if (targets.size() > 1) {
            out.println("Checked " + targets.size() + " packs: " + clean + " clean, " + withWarnings + " with warnings only, "
                    + withErrors + " with errors" + (unreadable > 0 ? ", " + unreadable + " unreadable" : "") + ".");
        }
        out.flush();
        return exit;
    }

    /** A folder that is not a pack but holds packs (e.g. scenarios/packs) stands for each of them. */
    static List<Path> expand(List<Path> paths) {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p) && !Files.exists(p.resolve("pack.yaml"))) {
                List<Path> inner = new ArrayList<>();
                try (java.util.stream.Stream<Path> s = Files.list(p)) {
                    s.filter(c -> Files.isRegularFile(c.resolve("pack.yaml"))
                                    || Files.isRegularFile(c) && c.getFileName().toString().toLowerCase().endsWith(".zip"))
                            .sorted().forEach(inner::add);
                } catch (java.io.IOException | RuntimeException e) {
                    inner.clear();
                }
                if (!inner.isEmpty()) {
                    out.addAll(inner);
                    continue;
                }
            }
            out.add(p);
        }
        return out;
    }

    private static String summary(Path path, LoadResult r, int code) {
        int e = r.errors().size();
        int w = r.warnings().size();
        String counts = plural(e, "error") + ", " + plural(w, "warning");
        return switch (code) {
            case 0 -> path + ": " + r.pack().map(p -> p.id() + " v" + p.version()).orElse("") + ": no problems.";
            case 1 -> path + ": " + r.pack().map(p -> p.id() + " v" + p.version()).orElse("") + ": " + counts
                    + " (the pack loads; fix the warnings before you ship it).";
            case 2 -> path + ": " + counts + ": the pack is refused until the errors are fixed.";
            default -> path + ": cannot be read.";
        };
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    /** The problem with its file shown as the user would open it: folder/file, or zip!/file. */
    static Problem located(Path path, Problem p) {
        return new Problem(p.severity(), display(path, p.file()), p.line(), p.column(), p.message(), p.fix());
    }

    static String display(Path path, String file) {
        String s = path.toString();
        if (file.isEmpty() || file.equals(s) || path.getFileName() != null && file.equals(path.getFileName().toString())) return s;
        if (Files.isDirectory(path)) return path.resolve(file).toString();
        if (path.getFileName() != null && path.getFileName().toString().equals("pack.yaml")) {
            Path parent = path.getParent();
            return parent == null ? file : parent.resolve(file).toString();
        }
        return s + "!/" + file;
    }

    private static Map<String, Object> jsonReport(Path path, LoadResult r, int code) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", path.toString());
        m.put("pack", r.pack().map(p -> p.id()).orElse(null));
        m.put("version", r.pack().map(p -> p.version()).orElse(null));
        m.put("readable", !r.unreadable());
        m.put("ok", r.ok());
        m.put("errors", r.errors().size());
        m.put("warnings", r.warnings().size());
        m.put("exitCode", code);
        m.put("problems", problemsJson(path, r.problems()));
        return m;
    }

    /** A problem for people: where and what, then how to fix it. Shared with {@code pack analyse}. */
    static void print(PrintStream out, Path path, Problem p) {
        out.println(located(path, p).headline());
        if (!p.fix().isEmpty()) {
            out.println("    fix: " + p.fix().replace("\n", "\n    "));
        }
    }

    /** Problems as JSON objects. Shared with {@code pack analyse}. */
    static List<Map<String, Object>> problemsJson(Path path, List<Problem> problems) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Problem p : problems) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("severity", p.severity().word());
            pm.put("file", p.file());
            pm.put("path", display(path, p.file()));
            pm.put("line", p.line());
            pm.put("column", p.column());
            pm.put("message", p.message());
            pm.put("fix", p.fix());
            out.add(pm);
        }
        return out;
    }
}
