package dev.drama.engine;

import java.util.Arrays;

/**
 * The six scenario-level rules of drama-theory.md section 2. Each rule has a kernel over plain
 * arrays, used both by the analysis (through the {@link Situation} wrappers) and by the
 * way-out search on candidate futures, so a way out is judged by exactly the rule that found
 * the dilemma.
 */
final class Rules {
    private Rules() {
    }

    // ---- kernels

    /** Persuasion holds: A^ differs from T on an option B owns, and NOT A^ >B T. */
    static boolean persuasion(boolean[] aHat, boolean[] t, int[] ownedByB, Preference b, int bScoreOfT) {
        return Situation.differsOn(aHat, t, ownedByB) && !(b.score(aHat) > bScoreOfT);
    }

    /** Rejection holds: B^ != A^, B^ differs from T on an option A owns, and B^ >A T. */
    static boolean rejection(boolean[] aHat, boolean[] bHat, boolean[] t, int[] ownedByA, Preference a, int aScoreOfT) {
        return Situation.differsOn(bHat, t, ownedByA) && !Arrays.equals(bHat, aHat) && a.score(bHat) > aScoreOfT;
    }

    /** The options A owns that some completed position (fixed values, else T) contradicts. */
    static int[] contestedOwned(boolean[][] fixed, boolean[][] fixedValue, boolean[] t, int[] ownedByA) {
        int k = 0;
        int[] out = new int[ownedByA.length];
        for (int o : ownedByA) {
            for (int i = 0; i < fixed.length; i++) {
                if (fixed[i][o] && fixedValue[i][o] != t[o]) {
                    out[k++] = o;
                    break;
                }
            }
        }
        return k == out.length ? out : Arrays.copyOf(out, k);
    }

    /** Threat: A's best future in devA(T, Sa) if it beats T, else null (Sa: contested options A owns). */
    static boolean[] threatTemptation(boolean[][] fixed, boolean[][] fixedValue, boolean[] t, int[] ownedByA, Preference a, int aScoreOfT) {
        int[] contested = contestedOwned(fixed, fixedValue, t, ownedByA);
        // No contested option of A's: either no crisis, or nothing A could deviate on.
        return contested.length == 0 ? null : Deviations.best(a, t, contested, aScoreOfT);
    }

    // ---- on a situation

    static boolean persuasion(Situation s, int a, int b) {
        return Situation.differsOn(s.hat[a], s.t, s.owned[b]) && !(s.scoreOfHat(b, a) > s.scoreOfT(b));
    }

    static boolean rejection(Situation s, int a, int b) {
        return Situation.differsOn(s.hat[b], s.t, s.owned[a]) && !Arrays.equals(s.hat[b], s.hat[a])
                && s.scoreOfHat(a, b) > s.scoreOfT(a);
    }

    static boolean[] threatTemptation(Situation s, int a) {
        return threatTemptation(s.fixed, s.fixedValue, s.t, s.owned[a], s.prefs[a], s.scoreOfT(a));
    }

    /** Some B with B^ >A A^. */
    static boolean positioning(Situation s, int a, int b) {
        return s.scoreOfHat(a, b) > s.scoreOfHat(a, a);
    }

    /** Co-operation: A's best future in devA(A^, Pa) if it beats A^, else null (Pa: A's own options A's position fixes). */
    static boolean[] cooperationTemptation(Situation s, int a) {
        int[] pa = fixedOwned(s, a, a);
        return pa.length == 0 ? null : Deviations.best(s.prefs[a], s.hat[a], pa, s.scoreOfHat(a, a));
    }

    /**
     * B's best future in devB(A^, Pab) if it beats A^ for B, else null (Pab: B's options A's position
     * fixes). Trust holds when Pab is not empty and A doubts B or this is not null.
     */
    static boolean[] trustTemptation(Situation s, int a, int b) {
        int[] pab = fixedOwned(s, a, b);
        return pab.length == 0 ? null : Deviations.best(s.prefs[b], s.hat[a], pab, s.scoreOfHat(b, a));
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
