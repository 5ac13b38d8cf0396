package dev.drama.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

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
        Map<String, Dilemma> was = byKey(before);
        Map<String, Dilemma> is = byKey(after);
        return new AnalysisDiff(absentFrom(is, was), absentFrom(was, is));
    }

    /** Each key is built once per side: the server diffs after every move. */
    private static Map<String, Dilemma> byKey(Analysis analysis) {
        Map<String, Dilemma> out = new LinkedHashMap<>();
        if (analysis != null) {
            analysis.dilemmas().forEach(d -> out.put(d.key(), d));
        }
        return out;
    }

    /** The dilemmas of {@code these}, in order, whose keys {@code others} lacks. */
    private static List<Dilemma> absentFrom(Map<String, Dilemma> these, Map<String, Dilemma> others) {
        List<Dilemma> out = new ArrayList<>();
        these.forEach((key, d) -> {
            if (!others.containsKey(key)) {
                out.add(d);
            }
        });
        return out;
    }

    public boolean isEmpty() {
        return arose.isEmpty() && resolved.isEmpty();
    }
}
