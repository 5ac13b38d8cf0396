package dev.drama.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What changed between two analyses of the same session, matched by {@link Dilemma#key()}:
 * a dilemma whose futures or ways out changed but whose key did not is neither arisen nor
 * resolved. Both lists keep report order ({@code arose} in the order of {@code after},
 * {@code resolved} in the order of {@code before}).
 */
public record AnalysisDiff(List<Dilemma> arose, List<Dilemma> resolved) {

    public AnalysisDiff {
        arose = List.copyOf(arose);
        resolved = List.copyOf(resolved);
    }

    /** A null {@code before} (or {@code after}) counts as an analysis with no dilemmas. */
    public static AnalysisDiff between(Analysis before, Analysis after) {
        List<Dilemma> was = before == null ? List.of() : before.dilemmas();
        List<Dilemma> is = after == null ? List.of() : after.dilemmas();
        Set<String> beforeKeys = new HashSet<>();
        was.forEach(d -> beforeKeys.add(d.key()));
        Set<String> afterKeys = new HashSet<>();
        is.forEach(d -> afterKeys.add(d.key()));
        List<Dilemma> arose = new ArrayList<>();
        for (Dilemma d : is) {
            if (!beforeKeys.contains(d.key())) {
                arose.add(d);
            }
        }
        List<Dilemma> resolved = new ArrayList<>();
        for (Dilemma d : was) {
            if (!afterKeys.contains(d.key())) {
                resolved.add(d);
            }
        }
        return new AnalysisDiff(arose, resolved);
    }

    public boolean isEmpty() {
        return arose.isEmpty() && resolved.isEmpty();
    }
}
