package dev.drama.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Ways out of each dilemma, computed from the board. A candidate move (other intentions, or
 * another position for the holder) is turned into the futures it would produce, exactly as
 * {@link WayOut#applyTo} would, and the kernel of the rule that found the dilemma is checked
 * on them; only moves on which the rule no longer holds are offered. Searches flip subsets of
 * the options one character owns, so they cost 2^(options owned), never 2^(all options), and
 * they score candidates in scratch arrays without allocating.
 */
final class WayOutSearch {
    /** Characters own at most ~8 options; beyond this many a search is skipped rather than slow. */
    private static final int MAX_SEARCH = 12;

    private final Situation s;
    private final Narrator words;
    private final String[] optionIds;
    /** Per character, its best response (computed on first use). */
    private final Best[] responses;
    /** Advice per kind of advice and other character, made on first use. */
    private final WayOut[][] advice;
    private int[] all;

    private final Scratch work;

    WayOutSearch(Board board, Narrator words, Scratch work) {
        this.work = work;
        this.s = board.situation();
        this.responses = new Best[s.c];
        this.advice = new WayOut[5][s.c];
        this.words = words;
        this.optionIds = board.optionIndex().ids;
    }

    /** @param temptation the deviation the analysis found (threat, co-operation, trust), else null */
    List<WayOut> find(DilemmaKind kind, int a, int b, boolean[] temptation) {
        List<WayOut> out = new ArrayList<>(4);
        switch (kind) {
            case PERSUASION -> persuasion(a, b, out);
            case REJECTION -> rejection(a, b, out);
            case THREAT -> threat(a, out);
            case POSITIONING -> positioning(a, b, out);
            case COOPERATION -> cooperation(a, temptation, out);
            case TRUST -> trust(a, b, temptation, out);
        }
        return out;
    }

    // ---- persuasion: threaten, promise, concede; argue

    private void persuasion(int a, int b, List<WayOut> out) {
        String other = words.name(b);
        int[] mine = s.owned[a];
        Preference pb = s.prefs[b];
        Preference pa = s.prefs[a];
        int[] ownedByB = s.owned[b];

        // Threaten: other intentions on A's options change T (and A^ where A's position is open).
        boolean[] openForA = new boolean[s.n];
        for (int o = 0; o < s.n; o++) {
            openForA[o] = !s.fixed[a][o];
        }
        Best threat = fewestChanges(s.t, s.hat[a], openForA, mine,
                (t, aHat) -> Rules.persuasion(aHat, t, ownedByB, pb, pb.score(t)) ? REJECTED : pa.score(t));
        if (threat.found()) {
            boolean credible = Rules.threatTemptation(s.fixed, s.fixedValue, threat.values, mine, pa, threat.score, work) == null;
            out.add(new WayOut(WayOutKind.THREATEN,
                    words.say("Threaten: state that without an agreement you will make it ").diff(threat.values, s.t, mine)
                            .say("; ").say(other).say(" would then prefer your position to what happens if nobody moves")
                            .say(credible ? "." : ", though you would rather not carry this out.").end(),
                    OrderedValues.changes(optionIds, threat.values, s.t, mine), null,
                    Narrator.cost(threat.score, s.scoreOfHat(a, a), Narrator.Result.THREATENED)));
        }

        // Promise: A's position on A's own options, sweetened.
        int bScoreOfT = s.scoreOfT(b);
        Best promise = positionSearch(a, mine, b, ownedByB, bScoreOfT);
        if (promise.found()) {
            out.add(new WayOut(WayOutKind.PROMISE,
                    words.say("Promise: change your position to ").diff(promise.values, s.hat[a], mine)
                            .say("; ").say(other).say(" would then prefer it to what happens if nobody moves.").end(),
                    null, OrderedValues.changes(optionIds, promise.values, s.hat[a], mine),
                    Narrator.cost(promise.score, s.scoreOfHat(a, a), Narrator.Result.POSITION)));
        }

        // Concede: ask less of B (the nearest position B prefers to T), at worst nothing.
        int[] demands = differing(s.hat[a], s.t, ownedByB);
        Best concede = positionSearch(a, demands, b, ownedByB, bScoreOfT);
        if (concede.found()) {
            boolean all = concede.flips == demands.length;
            out.add(new WayOut(WayOutKind.CONCEDE,
                    (all ? words.say("Give up your demands on ").say(other).say(": leave ")
                            : words.say("Ask less of ").say(other).say(": settle for "))
                            .diff(concede.values, s.hat[a], demands)
                            .say(all ? " as it would be anyway." : ", which ").say(all ? "" : other)
                            .say(all ? "" : " prefers to what happens if nobody moves.").end(),
                    null, OrderedValues.changes(optionIds, concede.values, s.hat[a], demands),
                    Narrator.cost(concede.score, s.scoreOfHat(a, a), Narrator.Result.POSITION)));
        }
        out.add(advice(ARGUE, b));
    }

    /** A's position with some of {@code options} flipped from A^, on which persuasion towards B no longer holds. */
    private Best positionSearch(int a, int[] options, int b, int[] ownedByB, int bScoreOfT) {
        Preference pa = s.prefs[a];
        Preference pb = s.prefs[b];
        return fewestChanges(s.hat[a], null, null, options,
                (hat, unused) -> Rules.persuasion(hat, s.t, ownedByB, pb, bScoreOfT) ? REJECTED : pa.score(hat));
    }

    // ---- rejection: harden with a threat you would carry out, accept; harden (advice)

    private void rejection(int a, int b, List<WayOut> out) {
        String other = words.name(b);
        int[] mine = s.owned[a];
        Preference pa = s.prefs[a];
        // Harden with A's best response: the intentions A likes best it would certainly carry out (no
        // deviation beats them), so it is a real threat if it also ends the rejection without giving in.
        Best harden = new Best();
        Best reply = bestResponse(a);
        if (reply.found() && reply.flips > 0) {
            boolean[] t = reply.values;
            boolean[] aHat = complete(a, t);
            boolean[] bHat = complete(b, t);
            if (!Rules.rejection(aHat, bHat, t, mine, pa, reply.score) && Situation.differsOn(bHat, t, mine)) {
                harden = reply;
            }
        }
        if (harden.found()) {
            out.add(new WayOut(WayOutKind.HARDEN,
                    words.say("Harden: state that without an agreement you will make it ").diff(harden.values, s.t, mine)
                            .say("; you would carry this out rather than accept ").say(other).say("'s position.").end(),
                    OrderedValues.changes(optionIds, harden.values, s.t, mine), null,
                    Narrator.cost(harden.score, s.scoreOfHat(a, a), Narrator.Result.THREATENED)));
        }
        // Accept: A^ becomes B^, so the positions agree and the rule's first condition fails.
        out.add(new WayOut(WayOutKind.ACCEPT,
                words.say("Accept ").say(other).say("'s position: ").diff(s.hat[b], s.hat[a], allOptions()).say(".").end(),
                null, OrderedValues.changes(optionIds, s.hat[b], s.hat[a], allOptions()),
                Narrator.cost(s.scoreOfHat(a, b), s.scoreOfHat(a, a), Narrator.Result.POSITION)));
        out.add(advice(STAND_FIRM, b));
    }

    // ---- threat: carry out (intentions A prefers), drop the threat (do what others ask); commit (advice)

    private void threat(int a, List<WayOut> out) {
        int[] mine = s.owned[a];
        Preference pa = s.prefs[a];
        // A's best response removes the temptation (nothing on A's options beats it). It is giving in when
        // every change is what someone asks for; then also try withdrawing to what others ask, if different.
        Best carry = new Best();
        Best drop = new Best();
        Best reply = bestResponse(a);
        if (reply.found() && reply.flips > 0) {
            (givesIn(a, reply.values, mine) ? drop : carry).offerByScore(reply.values, reply.flips, reply.score);
        }
        if (!drop.found()) {
            boolean[] asked = askedOf(a, mine);
            if (asked != null) {
                int scoreOfT = pa.score(asked);
                if (Rules.threatTemptation(s.fixed, s.fixedValue, asked, mine, pa, scoreOfT, work) == null) {
                    drop.offerByScore(asked, count(asked, s.t, mine), scoreOfT);
                }
            }
        }
        if (carry.found()) {
            out.add(new WayOut(WayOutKind.CARRY_OUT,
                    words.say("Make your threat one you would carry out: state that you will make it ")
                            .diff(carry.values, s.t, mine).say(", which you prefer.").end(),
                    OrderedValues.changes(optionIds, carry.values, s.t, mine), null,
                    Narrator.cost(carry.score, s.scoreOfHat(a, a), Narrator.Result.THREATENED)));
        }
        if (drop.found()) {
            out.add(new WayOut(WayOutKind.DROP_THREAT,
                    words.say("Drop the threat: state that you will make it ").diff(drop.values, s.t, mine).say(", as asked.").end(),
                    OrderedValues.changes(optionIds, drop.values, s.t, mine), null,
                    Narrator.cost(drop.score, s.scoreOfHat(a, a), Narrator.Result.THREATENED)));
        }
        out.add(COMMIT);
    }

    /** Whether every option the candidate T changes is set to a value some other character's position asks for. */
    private boolean givesIn(int a, boolean[] t, int[] mine) {
        for (int o : mine) {
            if (t[o] == s.t[o]) {
                continue;
            }
            boolean asked = false;
            for (int other = 0; other < s.c && !asked; other++) {
                asked = other != a && s.fixed[other][o] && s.fixedValue[other][o] == t[o];
            }
            if (!asked) {
                return false;
            }
        }
        return true;
    }

    /** T with A's contested options set to what the other positions ask; null if they ask different things or nothing. */
    private boolean[] askedOf(int a, int[] mine) {
        boolean[] t = null;
        for (int o : mine) {
            int asked = -1;
            for (int other = 0; other < s.c; other++) {
                if (other == a || !s.fixed[other][o] || s.fixedValue[other][o] == s.t[o]) {
                    continue;
                }
                int v = s.fixedValue[other][o] ? 1 : 0;
                if (asked >= 0 && asked != v) {
                    return null;
                }
                asked = v;
            }
            if (asked >= 0) {
                if (t == null) {
                    t = s.t.clone();
                }
                t[o] = asked == 1;
            }
        }
        return t;
    }

    /**
     * A's best response: T with A's options set to the values A scores highest (ties: fewest changes),
     * found once per character over 2^(options A owns).
     */
    private Best bestResponse(int a) {
        if (responses[a] == null) {
            int[] mine = s.owned[a];
            Preference pa = s.prefs[a];
            Best best = new Best();
            best.offerByScore(s.t, 0, s.scoreOfT(a));
            if (mine.length <= MAX_SEARCH) {
                boolean[] t = s.t.clone();
                int flips = 0;
                for (int i = 1, steps = 1 << mine.length; i < steps; i++) {
                    int o = mine[Integer.numberOfTrailingZeros(i)];
                    t[o] = !t[o];
                    flips += t[o] != s.t[o] ? 1 : -1;
                    best.offerByScore(t, flips, pa.score(t));
                }
            }
            responses[a] = best;
        }
        return responses[a];
    }

    /** Character i's position completed from the given T. */
    private boolean[] complete(int i, boolean[] t) {
        boolean[] h = t.clone();
        for (int o = 0; o < h.length; o++) {
            if (s.fixed[i][o]) {
                h[o] = s.fixedValue[i][o];
            }
        }
        return h;
    }

    private static int count(boolean[] x, boolean[] y, int[] options) {
        int k = 0;
        for (int o : options) {
            if (x[o] != y[o]) {
                k++;
            }
        }
        return k;
    }

    // ---- positioning: move to the preferred position; find reasons (advice)

    private void positioning(int a, int b, List<WayOut> out) {
        String other = words.name(b);
        // A^ becomes B^, which A then ranks level with B^: the rule needs strictly better.
        out.add(new WayOut(WayOutKind.MOVE_POSITION,
                words.say("Move to ").say(other).say("'s position: ").diff(s.hat[b], s.hat[a], allOptions()).say(".").end(),
                null, OrderedValues.changes(optionIds, s.hat[b], s.hat[a], allOptions()),
                Narrator.cost(s.scoreOfHat(a, b), s.scoreOfHat(a, a), Narrator.Result.POSITION)));
        out.add(advice(REASONS, b));
    }

    // ---- co-operation: a position without temptation; bind the promise (advice)

    private void cooperation(int a, boolean[] temptation, List<WayOut> out) {
        int[] pa = s.owned[a]; // the temptation differs from A^ only on the options of A's that A fixes
        if (temptation != null) {
            // The temptation is A's best over every value of Pa, so nothing on Pa beats it: no temptation left.
            out.add(new WayOut(WayOutKind.CHANGE_POSITION,
                    words.say("Change your position to what you would really do: ").diff(temptation, s.hat[a], pa).say(".").end(),
                    null, OrderedValues.changes(optionIds, temptation, s.hat[a], pa),
                    Narrator.cost(s.prefs[a].score(temptation), s.scoreOfHat(a, a), Narrator.Result.POSITION)));
        }
        out.add(BIND);
    }

    // ---- trust: a position the other would keep; guarantees and goodwill (advice)

    private void trust(int a, int b, boolean[] temptation, List<WayOut> out) {
        String other = words.name(b);
        if (temptation != null && !s.doubts[a][b]) {
            // B's best over every value of Pab: asked for exactly that, B has nothing better to defect to.
            int[] pab = s.owned[b]; // the temptation differs from A^ only on the options of B's that A fixes
            out.add(new WayOut(WayOutKind.CHANGE_POSITION,
                    words.say("Ask of ").say(other).say(" only what ").say(other).say(" would keep: ")
                            .diff(temptation, s.hat[a], pab).say(".").end(),
                    null, OrderedValues.changes(optionIds, temptation, s.hat[a], pab),
                    Narrator.cost(s.prefs[a].score(temptation), s.scoreOfHat(a, a), Narrator.Result.POSITION)));
        }
        out.add(advice(GUARANTEE, b));
        out.add(advice(GOODWILL, b));
    }

    // ---- machinery

    private static final int REJECTED = Integer.MIN_VALUE;
    private static final WayOut COMMIT = new WayOut(WayOutKind.ADVICE, "Commit to your stated intentions irrevocably "
            + "(a public pledge, a tripwire) so that carrying them out is no longer a choice.", null, null, Narrator.OFF_BOARD);
    private static final WayOut BIND = new WayOut(WayOutKind.BIND_PROMISE,
            "Make your promise binding: offer a guarantee, or accept a penalty if you defect.", null, null, Narrator.OFF_BOARD);
    private static final int ARGUE = 0;
    private static final int STAND_FIRM = 1;
    private static final int REASONS = 2;
    private static final int GUARANTEE = 3;
    private static final int GOODWILL = 4;

    /** Scores a candidate for the holder, or returns {@link #REJECTED} when the dilemma would remain. */
    private interface Candidates {
        int score(boolean[] primary, boolean[] secondary);
    }

    /**
     * Flips subsets of {@code options} in a copy of {@code base} (and, where {@code alsoFlip} says,
     * in a copy of {@code base2}), one subset size at a time, and stops at the first size where some
     * candidate works: the fewest changes that remove the dilemma, the holder's favourite among them.
     */
    private static Best fewestChanges(boolean[] base, boolean[] base2, boolean[] alsoFlip, int[] options, Candidates candidates) {
        Best best = new Best();
        int k = options.length;
        if (k == 0 || k > MAX_SEARCH) {
            return best;
        }
        boolean[] x = base.clone();
        boolean[] y = base2 == null ? null : base2.clone();
        int limit = 1 << k;
        for (int size = 1; size <= k && !best.found(); size++) {
            for (int mask = (1 << size) - 1; mask < limit; mask = nextWithSameBitCount(mask)) {
                flip(x, y, alsoFlip, options, mask);
                int score = candidates.score(x, y);
                if (score != REJECTED) {
                    best.offerByScore(x, size, score);
                }
                flip(x, y, alsoFlip, options, mask);
            }
        }
        return best;
    }

    private static void flip(boolean[] x, boolean[] y, boolean[] alsoFlip, int[] options, int mask) {
        for (int m = mask; m != 0; m &= m - 1) {
            int o = options[Integer.numberOfTrailingZeros(m)];
            x[o] = !x[o];
            if (y != null && alsoFlip[o]) {
                y[o] = !y[o];
            }
        }
    }

    /** Gosper's hack: the next larger int with the same number of one bits. */
    private static int nextWithSameBitCount(int mask) {
        int lowest = mask & -mask;
        int ripple = mask + lowest;
        return (((ripple ^ mask) >>> 2) / lowest) | ripple;
    }

    /** The best candidate so far: fewest changes, then the holder's score (or score first, for threats). */
    private static final class Best {
        boolean[] values;
        int flips = Integer.MAX_VALUE;
        int score;

        boolean found() {
            return values != null;
        }

        /** Whether a candidate with this many changes could still win (ties on changes are decided by score). */
        boolean fewer(int candidateFlips) {
            return candidateFlips <= flips;
        }

        void offer(boolean[] candidate, int candidateFlips, int candidateScore) {
            if (candidateFlips < flips || candidateScore > score) {
                values = candidate.clone();
                flips = candidateFlips;
                score = candidateScore;
            }
        }

        void offerByScore(boolean[] candidate, int candidateFlips, int candidateScore) {
            if (values == null || candidateScore > score || candidateScore == score && candidateFlips < flips) {
                values = candidate.clone();
                flips = candidateFlips;
                score = candidateScore;
            }
        }
    }

    private int[] allOptions() {
        if (all == null) {
            all = new int[s.n];
            for (int o = 0; o < all.length; o++) {
                all[o] = o;
            }
        }
        return all;
    }

    /** The options of {@code options} on which x and y differ. */
    private static int[] differing(boolean[] x, boolean[] y, int[] options) {
        int k = 0;
        for (int o : options) {
            if (x[o] != y[o]) {
                k++;
            }
        }
        int[] out = new int[k];
        k = 0;
        for (int o : options) {
            if (x[o] != y[o]) {
                out[k++] = o;
            }
        }
        return out;
    }

    /** General advice naming the other character; the same for every dilemma towards it, so made once. */
    private WayOut advice(int which, int b) {
        WayOut[] made = advice[which];
        if (made[b] == null) {
            String other = words.name(b);
            made[b] = switch (which) {
                case ARGUE -> new WayOut(WayOutKind.ADVICE, words.say("Argue: give ").say(other)
                        .say(" reasons to prefer your position to what happens if nobody moves (a change in ").say(other)
                        .say("'s preferences).").end(), null, null, Narrator.OFF_BOARD);
                case STAND_FIRM -> new WayOut(WayOutKind.HARDEN, words.say("Harden: commit yourself irrevocably, show anger, or raise what ")
                        .say(other).say("'s position would cost you, so that you really prefer what happens if nobody moves.").end(),
                        null, null, Narrator.OFF_BOARD);
                case REASONS -> new WayOut(WayOutKind.ADVICE, words.say("Find reasons to prefer your own position to ").say(other)
                        .say("'s.").end(), null, null, Narrator.OFF_BOARD);
                case GUARANTEE -> new WayOut(WayOutKind.SEEK_GUARANTEE, words.say("Seek guarantees from ").say(other)
                        .say(": verification, or a third party to enforce the agreement.").end(), null, null, Narrator.OFF_BOARD);
                default -> new WayOut(WayOutKind.ADVICE, words.say("Build goodwill with ").say(other)
                        .say(" so that keeping the agreement matters to ").say(other).say(".").end(), null, null, Narrator.OFF_BOARD);
            };
        }
        return made[b];
    }
}
