package dev.drama.engine.preference;

import dev.drama.engine.Preference;
import dev.drama.engine.StatementException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Prioritised statements (drama-theory.md section 3): the score of a future is the sum of
 * {@code 2^(m - i)} over the satisfied statements s_1..s_m. Internal: use
 * {@link Preference#statements(List, List)}.
 */
public final class StatementPreference implements Preference {
    /** 31 statements keep every score within a non-negative int. */
    public static final int MAX_STATEMENTS = 31;

    private final List<String> statements;
    private final List<String> optionIds;
    private final CompiledStatement[] compiled;
    private final int[] weights;
    private final int optionCount;
    /**
     * When every statement reads at most six options (its table fits one long), the statements
     * flattened: statement i reads flatVars[ends[i - 1]..ends[i]) and holds where bit row of
     * tables[i] is set. Scoring then walks three arrays instead of one object per statement; null
     * otherwise.
     */
    private final int[] flatVars;
    private final int[] ends;
    private final long[] tables;

    private StatementPreference(List<String> statements, List<String> optionIds, CompiledStatement[] compiled) {
        this.statements = statements;
        this.optionIds = optionIds;
        this.compiled = compiled;
        this.weights = new int[compiled.length];
        int max = -1;
        for (int i = 0; i < compiled.length; i++) {
            weights[i] = 1 << (compiled.length - 1 - i);
            max = Math.max(max, compiled[i].maxVar());
        }
        // Reads only as far as the last option a statement names, but claims the whole list so
        // that a board can check it was compiled against its own options.
        this.optionCount = Math.max(max + 1, optionIds.size());
        boolean flat = true;
        int total = 0;
        for (CompiledStatement c : compiled) {
            flat &= c.fitsOneLong();
            total += c.vars().length;
        }
        if (flat) {
            flatVars = new int[total];
            ends = new int[compiled.length];
            tables = new long[compiled.length];
            int k = 0;
            for (int i = 0; i < compiled.length; i++) {
                for (int v : compiled[i].vars()) {
                    flatVars[k++] = v;
                }
                ends[i] = k;
                tables[i] = compiled[i].smallTable();
            }
        } else {
            flatVars = null;
            ends = null;
            tables = null;
        }
    }

    public static StatementPreference compile(List<String> statements, List<String> optionIds) throws StatementException {
        Objects.requireNonNull(statements, "statements");
        Objects.requireNonNull(optionIds, "optionIds");
        if (statements.size() > MAX_STATEMENTS) {
            throw new StatementException("too many statements: " + statements.size() + " (at most " + MAX_STATEMENTS + ")",
                    statements.get(MAX_STATEMENTS), 0, MAX_STATEMENTS);
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < optionIds.size(); i++) {
            index.put(optionIds.get(i), i);
        }
        CompiledStatement[] compiled = new CompiledStatement[statements.size()];
        for (int i = 0; i < compiled.length; i++) {
            try {
                compiled[i] = new CompiledStatement(StatementParser.parse(statements.get(i), optionIds, index));
            } catch (StatementException e) {
                throw e.at(i);
            }
        }
        return new StatementPreference(List.copyOf(statements), List.copyOf(optionIds), compiled);
    }

    @Override
    public int score(boolean[] future) {
        if (flatVars != null) {
            return flatScore(future);
        }
        int s = 0;
        CompiledStatement[] c = compiled;
        for (int i = 0; i < c.length; i++) {
            if (c[i].holds(future)) {
                s += weights[i];
            }
        }
        return s;
    }

    private int flatScore(boolean[] future) {
        int[] v = flatVars;
        int[] e = ends;
        long[] t = tables;
        int[] w = weights;
        int s = 0;
        int k = 0;
        for (int i = 0; i < e.length; i++) {
            int row = 0;
            for (int bit = 0; k < e[i]; k++, bit++) {
                if (future[v[k]]) {
                    row |= 1 << bit;
                }
            }
            if ((t[i] >>> row & 1L) != 0) {
                s += w[i];
            }
        }
        return s;
    }

    @Override
    public int optionCount() {
        return optionCount;
    }

    @Override
    public List<String> optionIds() {
        return optionIds;
    }

    public List<String> statements() {
        return statements;
    }

    @Override
    public String describe() {
        return "statements " + statements;
    }

    @Override
    public String toString() {
        return describe();
    }
}
