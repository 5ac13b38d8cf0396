package dev.drama.engine.preference;

import java.util.Set;

/** A parsed statement: a boolean expression over option positions. */
sealed interface Expr {

    boolean eval(boolean[] future);

    /** Adds the option positions this expression reads. */
    void collect(Set<Integer> into);

    record Var(int index) implements Expr {
        public boolean eval(boolean[] f) {
            return f[index];
        }

        public void collect(Set<Integer> into) {
            into.add(index);
        }
    }

    record Not(Expr e) implements Expr {
        public boolean eval(boolean[] f) {
            return !e.eval(f);
        }

        public void collect(Set<Integer> into) {
            e.collect(into);
        }
    }

    record And(Expr l, Expr r) implements Expr {
        public boolean eval(boolean[] f) {
            return l.eval(f) && r.eval(f);
        }

        public void collect(Set<Integer> into) {
            l.collect(into);
            r.collect(into);
        }
    }

    record Or(Expr l, Expr r) implements Expr {
        public boolean eval(boolean[] f) {
            return l.eval(f) || r.eval(f);
        }

        public void collect(Set<Integer> into) {
            l.collect(into);
            r.collect(into);
        }
    }

    record Implies(Expr l, Expr r) implements Expr {
        public boolean eval(boolean[] f) {
            return !l.eval(f) || r.eval(f);
        }

        public void collect(Set<Integer> into) {
            l.collect(into);
            r.collect(into);
        }
    }

    record Iff(Expr l, Expr r) implements Expr {
        public boolean eval(boolean[] f) {
            return l.eval(f) == r.eval(f);
        }

        public void collect(Set<Integer> into) {
            l.collect(into);
            r.collect(into);
        }
    }
}
