package dev.drama.engine;

import java.util.Arrays;

/**
 * The six scenario-level rules of drama-theory.md section 2, on a compiled situation. The
 * analysis and the way-out search both call these, so a way out is checked by exactly the rule
 * that found the dilemma.
 */
final class Rules {
    private Rules() {
    }

    /** A^ differs from T on an option B owns, and NOT A^ >B T. */
    static boolean persuasion(Situation s, int a, int b) {
        return Situation.differsOn(s.hat[a], s.t, s.owned[b]) && !(s.scoreOfHat(b, a) > s.scoreOfT(b));
    }

    /** B^ != A^, B^ differs from T on an option A owns, and B^ >A T. */
    static boolean rejection(Situation s, int a, int b) {
        return !Arrays.equals(s.hat[b], s.hat[a]) && Situation.differsOn(s.hat[b], s.t, s.owned[a])
                && s.scoreOfHat(a, b) > s.scoreOfT(a);
    }

    /** At a crisis point, some future in devA(T, Sa) is >A T (Sa: contested options A owns). */
    static boolean threat(Situation s, int a) {
        return threatTemptation(s, a) != null;
    }

    /** The deviation from T that A likes best, if A likes it better than T; else null. */
    static boolean[] threatTemptation(Situation s, int a) {
        int[] contested = contestedOwned(s, a);
        if (contested.length == 0) {
            return null; // no contested option of A's, so either no crisis or nothing A could deviate on
        }
        return Deviations.best(s, a, s.t, contested, s.scoreOfT(a));
    }

    /** Some B with B^ >A A^. */
    static boolean positioning(Situation s, int a, int b) {
        return s.scoreOfHat(a, b) > s.scoreOfHat(a, a);
    }

    static boolean cooperation(Situation s, int a) {
        return cooperationTemptation(s, a) != null;
    }

    /** The deviation from A^ on A's own fixed options that A likes best, if better than A^; else null. */
    static boolean[] cooperationTemptation(Situation s, int a) {
        int[] pa = fixedOwned(s, a, a);
        if (pa.length == 0) {
            return null;
        }
        return Deviations.best(s, a, s.hat[a], pa, s.scoreOfHat(a, a));
    }

    /** A's position fixes an option B owns, and A doubts B or B is tempted to deviate from A^ on them. */
    static boolean trust(Situation s, int a, int b) {
        int[] pab = fixedOwned(s, a, b);
        if (pab.length == 0) {
            return false;
        }
        return s.doubts[a][b] || Deviations.best(s, b, s.hat[a], pab, s.scoreOfHat(b, a)) != null;
    }

    /** B's tempting deviation from A^ on the options of B's that A's position fixes, or null. */
    static boolean[] trustTemptation(Situation s, int a, int b) {
        int[] pab = fixedOwned(s, a, b);
        return pab.length == 0 ? null : Deviations.best(s, b, s.hat[a], pab, s.scoreOfHat(b, a));
    }

    static boolean holds(Situation s, DilemmaKind kind, int a, int b) {
        return switch (kind) {
            case PERSUASION -> persuasion(s, a, b);
            case REJECTION -> rejection(s, a, b);
            case THREAT -> threat(s, a);
            case POSITIONING -> positioning(s, a, b);
            case COOPERATION -> cooperation(s, a);
            case TRUST -> trust(s, a, b);
        };
    }

    /** The contested options A owns. */
    static int[] contestedOwned(Situation s, int a) {
        int[] mine = s.owned[a];
        int k = 0;
        int[] out = new int[mine.length];
        for (int o : mine) {
            if (s.contested(o)) {
                out[k++] = o;
            }
        }
        return k == out.length ? out : Arrays.copyOf(out, k);
    }

    /** The options owned by {@code ownerOf} that the position of {@code whose} fixes. */
    static int[] fixedOwned(Situation s, int whose, int ownerOf) {
        int[] mine = s.owned[ownerOf];
        boolean[] f = s.fixed[whose];
        int k = 0;
        int[] out = new int[mine.length];
        for (int o : mine) {
            if (f[o]) {
                out[k++] = o;
            }
        }
        return k == out.length ? out : Arrays.copyOf(out, k);
    }
}
