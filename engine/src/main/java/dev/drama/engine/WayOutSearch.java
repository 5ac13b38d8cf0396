package dev.drama.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ways out of each dilemma, computed from the board. Each concrete candidate is a changed
 * situation (other intentions, or another position for the holder) on which the very rule
 * that found the dilemma is checked again; only candidates on which it no longer holds are
 * offered. Searches flip subsets of the options one character owns (or of the options where
 * two positions differ), so their cost is 2^(options owned), never 2^(all options).
 */
final class WayOutSearch {
    /** Subsets of more options than this are not searched (a character owns at most ~8). */
    private static final int MAX_SEARCH = 12;
    private static final String OFF_BOARD = "not a move on the board: it depends on what you can arrange";

    private final Board board;
    private final Situation s;
    private final Narrator words;
    private final String[] optionIds;

    WayOutSearch(Board board, Narrator words) {
        this.board = board;
        this.s = board.situation();
        this.words = words;
        this.optionIds = board.optionIndex().ids;
    }

    List<WayOut> find(DilemmaKind kind, int a, int b) {
        List<WayOut> out = new ArrayList<>(4);
        switch (kind) {
            case PERSUASION -> persuasion(a, b, out);
            case REJECTION -> rejection(a, b, out);
            case THREAT -> threat(a, out);
            case POSITIONING -> positioning(a, b, out);
            case COOPERATION -> cooperation(a, out);
            case TRUST -> trust(a, b, out);
        }
        return out;
    }

    // ---- persuasion: threaten, promise, concede; argue

    private void persuasion(int a, int b, List<WayOut> out) {
        String other = words.name(b);
        int[] mine = s.owned[a];
        Candidate threat = bestIntentions(a, mine, (next, flips) -> Rules.persuasion(next, a, b) ? Long.MIN_VALUE
                : rank(Rules.threat(next, a) ? 0 : 1, flips, next.scoreOfT(a)));
        if (threat != null) {
            out.add(new WayOut(WayOutKind.THREATEN,
                    "Threaten: state that without an agreement you will make it " + words.differencesOn(threat.values, s.t, mine)
                            + "; " + other + " would then prefer your position to what happens if nobody moves"
                            + (threat.credible ? "." : ", though you might not want to carry this out."),
                    changes(threat.values, s.t, mine), null,
                    words.cost(threat.situation.scoreOfT(a), s.scoreOfHat(a, a), "the new threatened future, if " + other + " holds out,")));
        }
        Candidate promise = bestPosition(a, mine, s.hat[a], (next, flips) -> Rules.persuasion(next, a, b) ? Long.MIN_VALUE
                : rank(0, flips, next.scoreOfHat(a, a)));
        if (promise != null) {
            out.add(new WayOut(WayOutKind.PROMISE,
                    "Promise: change your position to " + words.differencesOn(promise.values, s.hat[a], mine)
                            + "; " + other + " would then prefer it to what happens if nobody moves.",
                    null, changes(promise.values, s.hat[a], mine),
                    words.cost(promise.situation.scoreOfHat(a, a), s.scoreOfHat(a, a), "the sweetened position")));
        }
        int[] demands = differing(s.hat[a], s.t, s.owned[b]);
        Candidate concede = bestPosition(a, demands, s.hat[a], (next, flips) -> Rules.persuasion(next, a, b) ? Long.MIN_VALUE
                : rank(0, flips, next.scoreOfHat(a, a)));
        if (concede != null) {
            boolean all = concede.flips == demands.length;
            out.add(new WayOut(WayOutKind.CONCEDE,
                    (all ? "Give up your demands on " + other + ": leave " : "Ask less of " + other + ": settle for ")
                            + words.differencesOn(concede.values, s.hat[a], demands)
                            + (all ? " as it would be anyway." : ", which " + other + " prefers to what happens if nobody moves."),
                    null, changes(concede.values, s.hat[a], demands),
                    words.cost(concede.situation.scoreOfHat(a, a), s.scoreOfHat(a, a), "the reduced position")));
        }
        out.add(advice(WayOutKind.ADVICE, "Argue: give " + other + " reasons to prefer your position to what happens if nobody moves"
                + " (a change in " + other + "'s preferences)."));
    }

    // ---- rejection: harden with a threat you would carry out, accept; harden (advice)

    private void rejection(int a, int b, List<WayOut> out) {
        String other = words.name(b);
        int[] mine = s.owned[a];
        Candidate harden = bestIntentions(a, mine, (next, flips) -> {
            if (Rules.rejection(next, a, b) || Rules.threat(next, a) || !Situation.differsOn(next.hat[b], next.t, mine)) {
                return Long.MIN_VALUE; // still appeasing, not a threat you would carry out, or simply giving in
            }
            return rank(0, flips, next.scoreOfT(a));
        });
        if (harden != null) {
            out.add(new WayOut(WayOutKind.HARDEN,
                    "Harden: state that without an agreement you will make it " + words.differencesOn(harden.values, s.t, mine)
                            + "; you would carry this out rather than accept " + other + "'s position.",
                    changes(harden.values, s.t, mine), null,
                    words.cost(harden.situation.scoreOfT(a), s.scoreOfHat(a, a), "the new threatened future")));
        }
        int[] diff = differing(s.hat[a], s.hat[b], allOptions());
        boolean[] accepted = s.hat[b];
        Situation next = withPositionValues(a, diff, accepted);
        if (diff.length > 0 && !Rules.rejection(next, a, b)) {
            out.add(new WayOut(WayOutKind.ACCEPT,
                    "Accept " + other + "'s position: " + words.differencesOn(accepted, s.hat[a], diff) + ".",
                    null, changes(accepted, s.hat[a], diff),
                    words.cost(s.scoreOfHat(a, b), s.scoreOfHat(a, a), other + "'s position")));
        }
        out.add(advice(WayOutKind.HARDEN, "Harden: commit yourself irrevocably, show anger, or raise what " + other
                + "'s position would cost you, so that you really prefer what happens if nobody moves."));
    }

    // ---- threat: carry out (intentions you prefer), drop the threat; commit (advice)

    private void threat(int a, List<WayOut> out) {
        int[] mine = s.owned[a];
        Candidate[] best = new Candidate[2]; // [0] carry out, [1] drop (give others what they ask)
        searchIntentions(a, mine, (next, flips, values) -> {
            if (Rules.threat(next, a)) {
                return;
            }
            int which = givesIn(a, values, mine) ? 1 : 0;
            long r = rankScoreFirst(next.scoreOfT(a), flips);
            if (best[which] == null || r > best[which].rank) {
                best[which] = new Candidate(values.clone(), next, flips, r, true);
            }
        });
        if (best[0] != null) {
            out.add(new WayOut(WayOutKind.CARRY_OUT,
                    "Make your threat one you would carry out: state that you will make it "
                            + words.differencesOn(best[0].values, s.t, mine) + ", which you prefer.",
                    changes(best[0].values, s.t, mine), null,
                    words.cost(best[0].situation.scoreOfT(a), s.scoreOfHat(a, a), "the new threatened future")));
        }
        if (best[1] != null) {
            out.add(new WayOut(WayOutKind.DROP_THREAT,
                    "Drop the threat: state that you will make it " + words.differencesOn(best[1].values, s.t, mine)
                            + ", as others ask.",
                    changes(best[1].values, s.t, mine), null,
                    words.cost(best[1].situation.scoreOfT(a), s.scoreOfHat(a, a), "the new threatened future")));
        }
        out.add(advice(WayOutKind.ADVICE, "Commit to your stated intentions irrevocably (a public pledge, a tripwire) "
                + "so that carrying them out is no longer a choice."));
    }

    /** Whether every option the candidate changes is changed to a value some other character's position asks for. */
    private boolean givesIn(int a, boolean[] values, int[] mine) {
        for (int o : mine) {
            if (values[o] == s.t[o]) {
                continue;
            }
            boolean asked = false;
            for (int other = 0; other < s.c && !asked; other++) {
                asked = other != a && s.hat[other][o] == values[o];
            }
            if (!asked) {
                return false;
            }
        }
        return true;
    }

    // ---- positioning: move to (or towards) the preferred position; find reasons (advice)

    private void positioning(int a, int b, List<WayOut> out) {
        String other = words.name(b);
        int[] diff = differing(s.hat[a], s.hat[b], allOptions());
        Candidate move = null;
        if (diff.length <= MAX_SEARCH) {
            move = bestPosition(a, diff, s.hat[a], (next, flips) -> Rules.positioning(next, a, b) ? Long.MIN_VALUE
                    : rank(0, flips, next.scoreOfHat(a, a)));
        }
        if (move == null) {
            Situation next = withPositionValues(a, diff, s.hat[b]);
            if (!Rules.positioning(next, a, b)) {
                move = new Candidate(s.hat[b], next, diff.length, 0, true);
            }
        }
        if (move != null) {
            boolean all = move.flips == diff.length;
            out.add(new WayOut(WayOutKind.MOVE_POSITION,
                    (all ? "Move to " + other + "'s position: " : "Move towards " + other + "'s position: ")
                            + words.differencesOn(move.values, s.hat[a], diff) + ".",
                    null, changes(move.values, s.hat[a], diff),
                    words.cost(move.situation.scoreOfHat(a, a), s.scoreOfHat(a, a), "the new position")));
        }
        out.add(advice(WayOutKind.ADVICE, "Find reasons to prefer your own position to " + other + "'s."));
    }

    // ---- co-operation: a position without temptation; bind the promise (advice)

    private void cooperation(int a, List<WayOut> out) {
        int[] pa = Rules.fixedOwned(s, a, a);
        boolean[] best = Deviations.best(s, a, s.hat[a], pa, s.scoreOfHat(a, a));
        if (best != null) {
            Situation next = withPositionValues(a, pa, best);
            if (!Rules.cooperation(next, a)) {
                out.add(new WayOut(WayOutKind.CHANGE_POSITION,
                        "Change your position to what you would really do: " + words.differencesOn(best, s.hat[a], pa) + ".",
                        null, changes(best, s.hat[a], pa),
                        words.cost(next.scoreOfHat(a, a), s.scoreOfHat(a, a), "the changed position")));
            }
        }
        out.add(advice(WayOutKind.BIND_PROMISE, "Make your promise binding: offer a guarantee, or accept a penalty if you defect."));
    }

    // ---- trust: a position the other would keep; guarantees and goodwill (advice)

    private void trust(int a, int b, List<WayOut> out) {
        String other = words.name(b);
        if (!s.doubts[a][b]) {
            int[] pab = Rules.fixedOwned(s, a, b);
            boolean[] kept = Rules.trustTemptation(s, a, b);
            if (kept != null) {
                // B's best response on its options is a position B has no reason to break.
                Situation next = withPositionValues(a, pab, kept);
                if (!Rules.trust(next, a, b)) {
                    out.add(new WayOut(WayOutKind.CHANGE_POSITION,
                            "Ask of " + other + " only what " + other + " would keep: " + words.differencesOn(kept, s.hat[a], pab) + ".",
                            null, changes(kept, s.hat[a], pab),
                            words.cost(next.scoreOfHat(a, a), s.scoreOfHat(a, a), "the changed position")));
                }
            }
        }
        out.add(advice(WayOutKind.SEEK_GUARANTEE, "Seek guarantees from " + other
                + ": verification, or a third party to enforce the agreement."));
        out.add(advice(WayOutKind.ADVICE, "Build goodwill with " + other + " so that keeping the agreement matters to " + other + "."));
    }

    // ---- search machinery

    private interface Ranker {
        /** Long.MIN_VALUE rejects the candidate; otherwise higher is better. */
        long rank(Situation next, int flips);
    }

    private interface Visitor {
        void visit(Situation next, int flips, boolean[] values);
    }

    private record Candidate(boolean[] values, Situation situation, int flips, long rank, boolean credible) {
    }

    /** Preference tier first, then fewer changes, then the holder's score. */
    private static long rank(int tier, int flips, int score) {
        return ((long) tier << 56) | ((long) (255 - flips) << 40) | ((long) score - Integer.MIN_VALUE);
    }

    private static long rankScoreFirst(int score, int flips) {
        return (((long) score - Integer.MIN_VALUE) << 8) | (255 - flips);
    }

    /** The best other intentions on {@code options} (A's own): each candidate is T with some of them flipped. */
    private Candidate bestIntentions(int a, int[] options, Ranker ranker) {
        Candidate[] best = new Candidate[1];
        searchIntentions(a, options, (next, flips, values) -> {
            long r = ranker.rank(next, flips);
            if (r != Long.MIN_VALUE && (best[0] == null || r > best[0].rank)) {
                best[0] = new Candidate(values.clone(), next, flips, r, !Rules.threat(next, a));
            }
        });
        return best[0];
    }

    private void searchIntentions(int a, int[] options, Visitor visitor) {
        if (options.length == 0 || options.length > MAX_SEARCH) {
            return;
        }
        boolean[] scratch = s.t.clone();
        int flips = 0;
        int steps = 1 << options.length;
        for (int i = 1; i < steps; i++) {
            int o = options[Integer.numberOfTrailingZeros(i)];
            scratch[o] = !scratch[o];
            flips += scratch[o] != s.t[o] ? 1 : -1;
            visitor.visit(s.withThreatened(scratch.clone()), flips, scratch);
        }
    }

    /** The best position for A that fixes some of {@code options} to values other than {@code base}'s. */
    private Candidate bestPosition(int a, int[] options, boolean[] base, Ranker ranker) {
        if (options.length == 0 || options.length > MAX_SEARCH) {
            return null;
        }
        boolean[] scratch = base.clone();
        Candidate best = null;
        int flips = 0;
        int steps = 1 << options.length;
        for (int i = 1; i < steps; i++) {
            int o = options[Integer.numberOfTrailingZeros(i)];
            scratch[o] = !scratch[o];
            flips += scratch[o] != base[o] ? 1 : -1;
            Situation next = withPositionValues(a, changedOptions(scratch, base, options), scratch);
            long r = ranker.rank(next, flips);
            if (r != Long.MIN_VALUE && (best == null || r > best.rank)) {
                best = new Candidate(scratch.clone(), next, flips, r, true);
            }
        }
        return best;
    }

    /** A's position with {@code options} additionally fixed to {@code values} (as {@link WayOut#applyTo} merges it). */
    private Situation withPositionValues(int a, int[] options, boolean[] values) {
        boolean[] fixed = s.fixed[a].clone();
        boolean[] fixedValue = s.fixedValue[a].clone();
        for (int o : options) {
            fixed[o] = true;
            fixedValue[o] = values[o];
        }
        return s.withPosition(a, fixed, fixedValue);
    }

    private static int[] changedOptions(boolean[] x, boolean[] base, int[] options) {
        int k = 0;
        for (int o : options) {
            if (x[o] != base[o]) {
                k++;
            }
        }
        int[] out = new int[k];
        k = 0;
        for (int o : options) {
            if (x[o] != base[o]) {
                out[k++] = o;
            }
        }
        return out;
    }

    private int[] allOptions() {
        int[] all = new int[s.n];
        for (int o = 0; o < all.length; o++) {
            all[o] = o;
        }
        return all;
    }

    private static int[] differing(boolean[] x, boolean[] y, int[] options) {
        return changedOptions(y, x, options);
    }

    /** The values of {@code x} on the options of {@code options} where it differs from {@code base}, by option id. */
    private Map<String, Boolean> changes(boolean[] x, boolean[] base, int[] options) {
        Map<String, Boolean> m = new LinkedHashMap<>();
        for (int o : options) {
            if (x[o] != base[o]) {
                m.put(optionIds[o], x[o]);
            }
        }
        return m;
    }

    private static WayOut advice(WayOutKind kind, String text) {
        return new WayOut(kind, text, null, null, OFF_BOARD);
    }
}
