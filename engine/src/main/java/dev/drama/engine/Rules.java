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

    /** Writes the options A owns that some completed position (fixed values, else T) contradicts; returns how many. */
    static int contestedOwned(boolean[][] fixed, boolean[][] fixedValue, boolean[] t, int[] ownedByA, int[] into) {
        int k = 0;
        for (int o : ownedByA) {
            for (int i = 0; i < fixed.length; i++) {
                if (fixed[i][o] && fixedValue[i][o] != t[o]) {
                    into[k++] = o;
                    break;
                }
            }
        }
        return k;
    }

    /** Threat: A's best future in devA(T, Sa) if it beats T, else null (Sa: contested options A owns). */
    static boolean[] threatTemptation(boolean[][] fixed, boolean[][] fixedValue, boolean[] t, int[] ownedByA, Preference a,
                                      int aScoreOfT, Scratch work) {
        int k = contestedOwned(fixed, fixedValue, t, ownedByA, work.options);
        // No contested option of A's: either no crisis, or nothing A could deviate on.
        return k == 0 ? null : Deviations.best(work.memo, a, t, work.options, k, aScoreOfT, work.future);
    }

    // ---- on a situation

    static boolean persuasion(Situation s, int a, int b) {
        return Situation.differsOn(s.hat[a], s.t, s.owned[b]) && !(s.scoreOfHat(b, a) > s.scoreOfT(b));
    }

    static boolean rejection(Situation s, int a, int b) {
        return Situation.differsOn(s.hat[b], s.t, s.owned[a]) && !Arrays.equals(s.hat[b], s.hat[a])
                && s.scoreOfHat(a, b) > s.scoreOfT(a);
    }

    static boolean[] threatTemptation(Situation s, int a, Scratch work) {
        return threatTemptation(s.fixed, s.fixedValue, s.t, s.owned[a], s.prefs[a], s.scoreOfT(a), work);
    }

    /** Some B with B^ >A A^. */
    static boolean positioning(Situation s, int a, int b) {
        return s.scoreOfHat(a, b) > s.scoreOfHat(a, a);
    }

    /** Co-operation: A's best future in devA(A^, Pa) if it beats A^, else null (Pa: A's own options A's position fixes). */
    static boolean[] cooperationTemptation(Situation s, int a, Scratch work) {
        int k = fixedOwned(s, a, a, work.options);
        return k == 0 ? null : Deviations.best(work.memo, s.prefs[a], s.hat[a], work.options, k, s.scoreOfHat(a, a), work.future);
    }

    /**
     * B's best future in devB(A^, Pab) if it beats A^ for B, else null (Pab: B's options A's position
     * fixes). Trust holds when Pab is not empty and A doubts B or this is not null.
     */
    static boolean[] trustTemptation(Situation s, int a, int b, Scratch work) {
        int k = fixedOwned(s, a, b, work.options);
        return k == 0 ? null : Deviations.best(work.memo, s.prefs[b], s.hat[a], work.options, k, s.scoreOfHat(b, a), work.future);
    }

    /** Whether the position of {@code whose} fixes some option {@code ownerOf} owns. */
    static boolean fixesAnyOf(Situation s, int whose, int ownerOf) {
        boolean[] f = s.fixed[whose];
        for (int o : s.owned[ownerOf]) {
            if (f[o]) {
                return true;
            }
        }
        return false;
    }

    /** Writes the options owned by {@code ownerOf} that the position of {@code whose} fixes; returns how many. */
    static int fixedOwned(Situation s, int whose, int ownerOf, int[] into) {
        boolean[] f = s.fixed[whose];
        int k = 0;
        for (int o : s.owned[ownerOf]) {
            if (f[o]) {
                into[k++] = o;
            }
        }
        return k;
    }
}
