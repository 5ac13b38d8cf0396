package dev.drama.engine;

import java.util.Arrays;
import java.util.List;

/**
 * A board compiled to arrays indexed by character and option position, so that the rules
 * run without maps or boxing. Immutable apart from a lazy score cache: analyses of the same
 * board on several threads may both fill an entry, with the same int, which is harmless.
 */
final class Situation {
    private static final int UNSCORED = Integer.MIN_VALUE;

    final int n;
    final int c;
    /** Option position to owner's character position. */
    final int[] owner;
    /** Character position to the positions of the options it owns, in board order. */
    final int[][] owned;
    final boolean[] statusQuo;
    /** T. */
    final boolean[] t;
    /** Whether the owner of each option stated an intention on it (else T has its status quo). */
    final boolean[] stated;
    /** Per character: which options its position fixes, and the values (valid where fixed). */
    final boolean[][] fixed;
    final boolean[][] fixedValue;
    /** Per character: its completed position A^. */
    final boolean[][] hat;
    final Preference[] prefs;
    final boolean[][] doubts;

    private final int[] scoreOfT;
    /** scoreOfHat[i * c + j] = i's score of j's completed position. */
    private final int[] scoreOfHat;

    private Situation(int n, int c, int[] owner, int[][] owned, boolean[] statusQuo, boolean[] t, boolean[] stated,
                      boolean[][] fixed, boolean[][] fixedValue, boolean[][] hat, Preference[] prefs, boolean[][] doubts) {
        this.n = n;
        this.c = c;
        this.owner = owner;
        this.owned = owned;
        this.statusQuo = statusQuo;
        this.t = t;
        this.stated = stated;
        this.fixed = fixed;
        this.fixedValue = fixedValue;
        this.hat = hat;
        this.prefs = prefs;
        this.doubts = doubts;
        this.scoreOfT = new int[c];
        this.scoreOfHat = new int[c * c];
        Arrays.fill(scoreOfT, UNSCORED);
        Arrays.fill(scoreOfHat, UNSCORED);
    }

    static Situation of(Board board) {
        List<Character> chars = board.characters();
        List<Option> opts = board.options();
        int c = chars.size();
        int n = opts.size();
        int[] owner = new int[n];
        int[] ownedCount = new int[c];
        boolean[] statusQuo = new boolean[n];
        boolean[] t = new boolean[n];
        boolean[] stated = new boolean[n];
        for (int o = 0; o < n; o++) {
            Option opt = opts.get(o);
            owner[o] = board.characterIndexOf(opt.owner());
            ownedCount[owner[o]]++;
            statusQuo[o] = opt.statusQuo();
            t[o] = opt.statusQuo();
        }
        int[][] owned = new int[c][];
        for (int i = 0; i < c; i++) {
            owned[i] = new int[ownedCount[i]];
            ownedCount[i] = 0;
        }
        for (int o = 0; o < n; o++) {
            owned[owner[o]][ownedCount[owner[o]]++] = o;
        }
        Preference[] prefs = new Preference[c];
        boolean[][] fixed = new boolean[c][n];
        boolean[][] fixedValue = new boolean[c][n];
        boolean[][] doubts = new boolean[c][c];
        for (int i = 0; i < c; i++) {
            String id = chars.get(i).id();
            prefs[i] = board.preference(id);
            Future intents = board.intentions(id);
            Future pos = board.position(id);
            for (int o = 0; o < n; o++) {
                byte v = intents.stateAt(o);
                if (v >= 0) {
                    t[o] = v == 1;
                    stated[o] = true;
                }
                byte p = pos.stateAt(o);
                if (p >= 0) {
                    fixed[i][o] = true;
                    fixedValue[i][o] = p == 1;
                }
            }
            for (String about : board.doubts(id)) {
                doubts[i][board.characterIndexOf(about)] = true;
            }
        }
        return new Situation(n, c, owner, owned, statusQuo, t, stated, fixed, fixedValue, complete(fixed, fixedValue, t), prefs, doubts);
    }

    private static boolean[][] complete(boolean[][] fixed, boolean[][] fixedValue, boolean[] t) {
        boolean[][] hat = new boolean[fixed.length][];
        for (int i = 0; i < fixed.length; i++) {
            hat[i] = completeOne(fixed[i], fixedValue[i], t);
        }
        return hat;
    }

    private static boolean[] completeOne(boolean[] fixed, boolean[] fixedValue, boolean[] t) {
        boolean[] h = t.clone();
        for (int o = 0; o < h.length; o++) {
            if (fixed[o]) {
                h[o] = fixedValue[o];
            }
        }
        return h;
    }

    int scoreOfT(int who) {
        int s = scoreOfT[who];
        if (s == UNSCORED) {
            s = prefs[who].score(t);
            scoreOfT[who] = s;
        }
        return s;
    }

    /** who's score of whose completed position. */
    int scoreOfHat(int who, int whose) {
        int k = who * c + whose;
        int s = scoreOfHat[k];
        if (s == UNSCORED) {
            s = prefs[who].score(hat[whose]);
            scoreOfHat[k] = s;
        }
        return s;
    }

    int score(int who, boolean[] future) {
        return prefs[who].score(future);
    }

    boolean crisis() {
        for (int i = 0; i < c; i++) {
            if (!Arrays.equals(hat[i], t)) {
                return true;
            }
        }
        return false;
    }

    boolean commitment() {
        return !crisis();
    }

    static boolean differsOn(boolean[] x, boolean[] y, int[] options) {
        for (int o : options) {
            if (x[o] != y[o]) {
                return true;
            }
        }
        return false;
    }
}
