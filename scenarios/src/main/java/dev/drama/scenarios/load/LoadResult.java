package dev.drama.scenarios.load;

import dev.drama.scenarios.Problem;
import dev.drama.scenarios.model.Pack;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;

/**
 * What loading a pack gave: the pack (only when there is no error: a pack is never half-loaded)
 * and every problem found, errors first then warnings, each in file order.
 * {@code unreadable} is true when the source could not be read at all (no such folder or file).
 * {@code files} holds the files read (path to bytes) when the pack loaded, empty otherwise.
 */
public record LoadResult(Optional<Pack> pack, List<Problem> problems, boolean unreadable, Map<String, byte[]> files) {
    public LoadResult {
        problems = List.copyOf(problems);
        if (pack.isPresent() && problems.stream().anyMatch(Problem::isError)) pack = Optional.empty();
        files = pack.isEmpty() || files == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }

    public LoadResult(Optional<Pack> pack, List<Problem> problems, boolean unreadable) {
        this(pack, problems, unreadable, Map.of());
    }

    /** The pack's files as read (path to bytes), when it loaded: enough to store this exact version as a zip. */
    @Override
    public Map<String, byte[]> files() {
        return files;
    }

    public boolean ok() {
        return pack.isPresent();
    }

    public List<Problem> errors() {
        List<Problem> out = new ArrayList<>();
        for (Problem p : problems) if (p.isError()) out.add(p);
        return out;
    }

    public List<Problem> warnings() {
        List<Problem> out = new ArrayList<>();
        for (Problem p : problems) if (!p.isError()) out.add(p);
        return out;
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }

    /** Every problem, one per line pair, as the checker prints them. */
    public String report() {
        StringBuilder b = new StringBuilder();
        for (Problem p : problems) b.append(p).append('\n');
        return b.toString();
    }
}
