package dev.drama.scenarios.model;

import dev.drama.engine.Preference;
import dev.drama.engine.StatementException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A character's preferences as written in the pack: either prioritised statements (most
 * important first) or, for tiny boards, a ranking of complete futures (best first) whose
 * values are for {@code rankingOptions}, in that order.
 */
public record PreferenceSpec(List<String> statements, List<List<Boolean>> ranking, List<String> rankingOptions) {

    public PreferenceSpec {
        statements = Copies.list(statements);
        List<List<Boolean>> r = new ArrayList<>();
        if (ranking != null) for (List<Boolean> f : ranking) r.add(List.copyOf(f));
        ranking = List.copyOf(r);
        rankingOptions = Copies.list(rankingOptions);
    }

    public static PreferenceSpec ofStatements(List<String> statements) {
        return new PreferenceSpec(statements, null, null);
    }

    public static PreferenceSpec ofRanking(List<List<Boolean>> ranking, List<String> rankingOptions) {
        return new PreferenceSpec(null, ranking, rankingOptions);
    }

    public boolean isRanking() {
        return !rankingOptions.isEmpty();
    }

    /**
     * The engine preference for a board whose options are {@code boardOptionIds} (in board order).
     * A ranking scores only its own options, wherever they are on the board; options added later
     * do not change its score.
     */
    public Preference compile(List<String> boardOptionIds) throws StatementException {
        if (!isRanking()) return Preference.statements(statements, boardOptionIds);
        Preference base = Preference.ranking(ranking, rankingOptions.size());
        if (boardOptionIds.size() >= rankingOptions.size()
                && boardOptionIds.subList(0, rankingOptions.size()).equals(rankingOptions)) {
            return base;
        }
        int[] index = new int[rankingOptions.size()];
        for (int i = 0; i < index.length; i++) {
            index[i] = boardOptionIds.indexOf(rankingOptions.get(i));
            if (index[i] < 0) {
                throw new IllegalArgumentException("the ranking names option '" + rankingOptions.get(i)
                        + "' which is not on the board");
            }
        }
        return future -> {
            boolean[] own = new boolean[index.length];
            for (int i = 0; i < index.length; i++) own[i] = future[index[i]];
            return base.score(own);
        };
    }

    /** The preferences in plain words, most important (or best) first. */
    public List<String> inWords(Function<String, String> labelOf) {
        List<String> out = new ArrayList<>();
        if (!isRanking()) {
            for (String s : statements) out.add(StatementWords.render(s, labelOf));
            return out;
        }
        for (List<Boolean> future : ranking) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < future.size() && i < rankingOptions.size(); i++) {
                String label = labelOf.apply(rankingOptions.get(i));
                parts.add((future.get(i) ? "yes" : "no") + " to “" + (label == null ? rankingOptions.get(i) : label) + "”");
            }
            out.add(String.join(", ", parts));
        }
        return out;
    }
}
