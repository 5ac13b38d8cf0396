package dev.drama.engine.preference;

import java.util.TreeSet;

/**
 * One statement compiled to a truth table over the options it reads, so evaluating it is a
 * few array reads and shifts, with no allocation and no virtual calls. Statements reading more
 * than {@link #MAX_TABLE_VARS} options fall back to walking the expression tree.
 */
final class CompiledStatement {
    static final int MAX_TABLE_VARS = 16;

    private final int[] vars;
    private final long[] table;
    /** The table itself when it fits one long (at most 6 options read): the common case. */
    private final long small;
    private final boolean isSmall;
    private final Expr fallback;

    CompiledStatement(Expr expr) {
        TreeSet<Integer> read = new TreeSet<>();
        expr.collect(read);
        this.vars = read.stream().mapToInt(Integer::intValue).toArray();
        if (vars.length <= MAX_TABLE_VARS) {
            int rows = 1 << vars.length;
            this.table = new long[Math.max(1, rows >>> 6)];
            int width = vars.length == 0 ? 1 : vars[vars.length - 1] + 1;
            boolean[] probe = new boolean[width];
            for (int row = 0; row < rows; row++) {
                for (int k = 0; k < vars.length; k++) {
                    probe[vars[k]] = ((row >>> k) & 1) != 0;
                }
                if (expr.eval(probe)) {
                    table[row >>> 6] |= 1L << (row & 63);
                }
            }
            this.fallback = null;
        } else {
            this.table = null;
            this.fallback = expr;
        }
        this.isSmall = table != null && vars.length <= 6;
        this.small = isSmall ? table[0] : 0L;
    }

    boolean holds(boolean[] future) {
        int[] v = vars;
        if (isSmall) {
            int row = 0;
            for (int k = 0; k < v.length; k++) {
                if (future[v[k]]) {
                    row |= 1 << k;
                }
            }
            return ((small >>> row) & 1L) != 0;
        }
        if (table == null) {
            return fallback.eval(future);
        }
        int row = 0;
        for (int k = 0; k < v.length; k++) {
            if (future[v[k]]) {
                row |= 1 << k;
            }
        }
        return ((table[row >>> 6] >>> (row & 63)) & 1L) != 0;
    }

    /** The truth table in one long (rows by the options read, in {@link #vars()} order), or -1 when it needs more. */
    boolean fitsOneLong() {
        return isSmall;
    }

    long smallTable() {
        return small;
    }

    int[] vars() {
        return vars;
    }

    /** The highest option position read, or -1. */
    int maxVar() {
        return vars.length == 0 ? -1 : vars[vars.length - 1];
    }
}
