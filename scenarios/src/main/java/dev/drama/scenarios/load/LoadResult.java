package dev.drama.scenarios.load;

import dev.drama.scenarios.Problem;
import dev.drama.scenarios.model.Pack;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What loading a pack gave: the pack (only when there is no error: a pack is never half-loaded)
 * and every problem found, errors first then warnings, each in file order.
 * {@code unreadable} is true when the source could not be read at all (no such folder or file).
 */
public record LoadResult(Optional<Pack> pack, List<Problem> problems, boolean unreadable) {
    public LoadResult {
        problems = List.copyOf(problems);
        if (pack.isPresent() && problems.stream().anyMatch(Problem::isError)) pack = Optional.empty();
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
