package dev.drama.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Ways out of each dilemma, computed from the board (drama-theory.md section 8). A candidate
 * move (other intentions, or another position for the holder) is turned into the futures it
 * would produce, exactly as {@link WayOut#applyTo} would, and the kernel of the rule that found
 * the dilemma is checked on them; only moves on which the rule no longer holds are offered.
 * Searches flip subsets of the options one character owns, so they cost 2^(options owned),
 * never 2^(all options), and they score candidates in scratch arrays without allocating.
 *
 * <p>Each move is costed against the threatened future T (the outcome if nobody moves) and
 * checked against the holder's accepted agreements. A move that would break one is still
 * offered, after those that keep them, and says so: the agreement may be what causes the
 * dilemma (a trust dilemma inside a deal), and a trainee who is not told the only way out
 * cannot choose to renegotiate. Searches first try the options no agreement fixes.
 */
final class WayOutSearch {
    /**
     * The most options of one character a search flips (2^12 = 4,096 candidates). Boards allow 20
     * per character, and the rules walk all of them exactly; a way-out search over more than this
     * is skipped (one at 16 options tries 65,536 candidates, a dilemma runs up to four such searches
     * plus one per third party, and the analysis runs after every move), and the analysis says so.
     */
    static final int MAX_SEARCH = 12;
    /**
     * A trust promise scores every deviation of the other's (2^|Pab|) per candidate, so it tries
     * at most this many changes of the holder's: a promise a coach would suggest is short anyway.
     */
    private static final int MAX_PROMISE_CHANGES = 2;

    private final Board board;
    private final Situation s;
    private final Narrator.Vocabulary vocabulary;
    private final String[] names;
    private final String[] optionIds;
    /** Per character, its best response (computed on first use). */
    private final Best[] responses;
    /** Advice per kind of advice and other character, made on first use. */
    private final WayOut[][] advice;
    /** Per character, the value an accepted agreement of its fixes on each option (-1: none); made on first use. */
    private final byte[][] agreed;
    private int[] all;

    private final Scratch work;
    private final SearchMemo memo;
    private final boolean[] unsearched;

    WayOutSearch(Board board, Narrator.Vocabulary vocabulary, Scratch work) {
        this.board = board;
        this.work = work;
        this.memo = work.memo;
        this.s = board.situation();
        this.unsearched = new boolean[s.c];
        this.responses = new Best[s.c];
        this.advice = new WayOut[5][s.c];
        this.agreed = new byte[s.c][];
        this.vocabulary = vocabulary;
        this.names = vocabulary.names();
        this.optionIds = board.optionIndex().ids;
    }

    /** @param temptation the deviation the analysis found (threat, co-operation, trust), else null */
    List<WayOut> find(DilemmaKind kind, int a, int b, boolean[] temptation) {
        Ways out = new Ways();
        switch (kind) {
            case PERSUASION -> persuasion(a, b, out);
            case REJECTION -> rejection(a, b, out);
            case THREAT -> threat(a, out);
            case POSITIONING -> positioning(a, b, out);
            case COOPERATION -> cooperation(a, temptation, out);
            case TRUST -> trust(a, b, temptation, out);
        }
        return out.inOrder();
    }

    // ---- persuasion: threaten, promise, ask a third party, concede; argue

    private void persuasion(int a, int b, Ways out) {
        String other = names[b];
        int[] mine = s.owned[a];
        Preference pb = s.prefs[b];
        Preference pa = s.prefs[a];
        int[] ownedByB = s.owned[b];

        // Threaten: other intentions on A's options change T (and A^ where A's position is open).
        boolean[] openForA = new boolean[s.n];
        for (int o = 0; o < s.n; o++) {
            openForA[o] = !s.fixed[a][o];
        }
        Best threat = keepingAgreements(a, mine, options -> !searchable(a, options) ? new Best()
                : memo.get(SearchMemo.Search.THREATEN, pa, pb, new boolean[][] {s.t, s.hat[a], openForA}, new int[][] {options, ownedByB},
                        () -> threatening(pa, pb, s.t, s.hat[a], openForA, options, ownedByB)));
        if (threat.found()) {
            boolean credible = Rules.threatTemptation(s.fixed, s.fixedValue, threat.values, mine, pa, threat.score, work) == null;
            boolean[] t = threat.values;
            offer(out, a, WayOutKind.THREATEN, OrderedValues.changes(optionIds, t, s.t, mine), null, null, null,
                    threat.score, Narrator.Result.THREATENED,
                    words -> words.say("Threaten: say that without an agreement you will make it ").diff(t, s.t, mine)
                            .say(". ").say(other).say(" would then prefer your position to that")
                            .say(credible ? "." : ", though you would rather not carry it out."));
        }

        // Promise: A's position on A's own options, sweetened.
        int bScoreOfT = s.scoreOfT(b);
        Best promise = keepingAgreements(a, mine, options -> positionSearch(a, a, options, ownedByB, pb, bScoreOfT));
        if (promise.found()) {
            boolean[] hat = promise.values;
            offer(out, a, WayOutKind.PROMISE, null, OrderedValues.changes(optionIds, hat, s.hat[a], mine), null, null,
                    promise.score, Narrator.Result.POSITION,
                    words -> words.say("Offer more: add ").diff(hat, s.hat[a], mine).say(" to your position. ")
                            .say(other).say(" would then prefer it to what happens if nobody moves."));
        }

        // Ask a third party: A's position also asks C for something B values.
        Best ask = new Best();
        int asked = -1;
        for (int c = 0; c < s.c; c++) {
            if (c == a || c == b || s.owned[c].length == 0) {
                continue;
            }
            // Only what A does not ask of C yet: dropping a demand on C would be a concession to C, not an ask.
            int[] unasked = same(s.hat[a], s.t, s.owned[c]);
            int third = c;
            Best candidate = keepingAgreements(a, unasked, options -> positionSearch(a, third, options, ownedByB, pb, bScoreOfT));
            if (candidate.found() && (!ask.found() || candidate.flips < ask.flips
                    || candidate.flips == ask.flips && candidate.score > ask.score)) {
                ask = candidate;
                asked = c;
            }
        }
        if (ask.found()) {
            boolean[] hat = ask.values;
            int[] theirs = s.owned[asked];
            String third = names[asked];
            offer(out, a, WayOutKind.ASK_THIRD, null, OrderedValues.changes(optionIds, hat, s.hat[a], theirs), null,
                    null, ask.score, Narrator.Result.POSITION,
                    words -> words.say("Ask ").say(third).say(" for ").diff(hat, s.hat[a], theirs).say(" as well. ")
                            .say(other).say(" would then prefer your position to what happens if nobody moves."));
        }

        // Concede: release some demands on B (they become open, completed from T), at worst all of them.
        int[] demands = differing(s.hat[a], s.t, ownedByB);
        Best concede = positionSearch(a, b, demands, ownedByB, pb, bScoreOfT);
        if (concede.found()) {
            int[] released = differing(concede.values, s.hat[a], demands);
            boolean all = released.length == demands.length;
            offer(out, a, WayOutKind.CONCEDE, null, null, released, null, concede.score, Narrator.Result.POSITION, words -> {
                if (all) {
                    words.say("Give up your demands on ").say(other).say(": stop asking for ").labels(released).say(".");
                } else {
                    words.say("Ask less of ").say(other).say(": stop asking for ").labels(released).say(". ").say(other)
                            .say(" would then prefer your position to what happens if nobody moves.");
                }
            });
        }
        out.add(advice(ARGUE, b));
    }

    /** A's position with some of {@code options} (owned by {@code owner}) flipped from A^, on which persuasion towards B no longer holds. */
    private Best positionSearch(int a, int owner, int[] options, int[] ownedByB, Preference pb, int bScoreOfT) {
        if (!searchable(owner, options)) {
            return new Best();
        }
        Preference pa = s.prefs[a];
        return memo.get(SearchMemo.Search.SWEETEN, pa, pb, new boolean[][] {s.hat[a], s.t}, new int[][] {options, ownedByB},
                () -> sweetened(pa, pb, s.hat[a], s.t, options, ownedByB, bScoreOfT));
    }

    /**
     * Other intentions of A's on {@code options} (changing T, and A^ where A's position leaves them
     * open) after which B prefers A's position to T; pure, so that {@link SearchMemo} may reuse it.
     */
    private static Best threatening(Preference pa, Preference pb, boolean[] t, boolean[] aHat, boolean[] openForA, int[] options,
                                    int[] ownedByB) {
        return fewestChanges(t, aHat, openForA, options, MAX_SEARCH,
                (t2, aHat2) -> Rules.persuasion(aHat2, t2, ownedByB, pb, pb.score(t2)) ? REJECTED : pa.score(t2));
    }

    /**
     * A's position with some of {@code options} flipped after which B prefers it to T; pure, so that
     * {@link SearchMemo} may reuse it. {@code bScoreOfT} is B's score of {@code t}.
     */
    private static Best sweetened(Preference pa, Preference pb, boolean[] aHat, boolean[] t, int[] options, int[] ownedByB,
                                  int bScoreOfT) {
        return fewestChanges(aHat, null, null, options, MAX_SEARCH,
                (hat, unused) -> Rules.persuasion(hat, t, ownedByB, pb, bScoreOfT) ? REJECTED : pa.score(hat));
    }

    // ---- rejection: harden with a threat you would carry out (or give way in part), accept; harden (advice)

    private void rejection(int a, int b, Ways out) {
        String other = names[b];
        int[] mine = s.owned[a];
        Preference pa = s.prefs[a];
        // A's best response: the intentions A likes best it would certainly carry out (no deviation beats
        // them), so it is a real threat if it also ends the rejection without giving B everything.
        Best reply = bestResponse(a);
        boolean hardened = false;
        if (reply.found() && reply.flips > 0) {
            boolean[] t = reply.values;
            boolean[] aHat = complete(a, t);
            boolean[] bHat = complete(b, t);
            if (!Rules.rejection(aHat, bHat, t, mine, pa, reply.score) && Situation.differsOn(bHat, t, mine)) {
                boolean givesIn = false;
                for (int o : mine) {
                    givesIn |= t[o] != s.t[o] && s.fixed[b][o] && s.fixedValue[b][o] == t[o];
                }
                hardened = !givesIn;
                boolean concession = givesIn;
                offer(out, a, givesIn ? WayOutKind.CONCEDE : WayOutKind.HARDEN, OrderedValues.changes(optionIds, t, s.t, mine), null,
                        null, null, reply.score, Narrator.Result.THREATENED, words -> {
                            if (concession) {
                                // Moving towards B's position is a concession, whatever it does to the rejection.
                                words.say("Give way in part: say that without an agreement you will make it ").diff(t, s.t, mine)
                                        .say(". That meets ").possessive(b)
                                        .say(" position part of the way, and you would then prefer it to the rest of ")
                                        .possessive(b).say(" terms.");
                            } else {
                                words.say("Harden: say that without an agreement you will make it ").diff(t, s.t, mine)
                                        .say(". You would carry that out rather than accept ").possessive(b).say(" position.");
                            }
                        });
            }
        }
        moveTo(a, b, WayOutKind.ACCEPT, "Accept ", out);
        if (!hardened) {
            out.add(advice(STAND_FIRM, b)); // one "Harden" only: the general advice when there is no concrete hardening
        }
    }

    /**
     * A's position becomes B's: B's fixed values where the completed positions differ, and the options
     * A fixes that B leaves open released (never credited to B), so A^ = B^ afterwards.
     */
    private void moveTo(int a, int b, WayOutKind kind, String verb, Ways out) {
        int fixedCount = 0;
        int differ = 0;
        for (int o = 0; o < s.n; o++) {
            if (s.hat[a][o] != s.hat[b][o]) {
                differ++;
                fixedCount += s.fixed[b][o] ? 1 : 0;
            }
        }
        int[] set = new int[fixedCount];
        int[] released = new int[differ - fixedCount];
        for (int o = 0, i = 0, j = 0; o < s.n; o++) {
            if (s.hat[a][o] != s.hat[b][o]) {
                if (s.fixed[b][o]) {
                    set[i++] = o;
                } else {
                    released[j++] = o;
                }
            }
        }
        offer(out, a, kind, null, OrderedValues.changes(optionIds, s.hat[b], s.hat[a], set), released, null,
                s.scoreOfHat(a, b), Narrator.Result.POSITION, words -> {
                    words.say(verb).possessive(b).say(" position");
                    if (set.length > 0) {
                        words.say(": ").diff(s.hat[b], s.hat[a], set);
                    }
                    if (released.length > 0) {
                        words.say(set.length > 0 ? ". Also stop insisting on " : ": stop insisting on ").labels(released)
                                .say(", which ").say(names[b]).say(" leaves open");
                    }
                    words.say(".");
                });
    }

    // ---- threat: carry out (intentions A prefers), drop the threat (do what others ask); commit (advice)

    private void threat(int a, Ways out) {
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
            boolean[] t = carry.values;
            offer(out, a, WayOutKind.CARRY_OUT, OrderedValues.changes(optionIds, t, s.t, mine), null, null, null,
                    carry.score, Narrator.Result.THREATENED,
                    words -> words.say("Make your threat one you would carry out: say that you will make it ")
                            .diff(t, s.t, mine).say(", which you prefer."));
        }
        if (drop.found()) {
            boolean[] t = drop.values;
            boolean[] askers = askers(a, t, mine);
            offer(out, a, WayOutKind.DROP_THREAT, OrderedValues.changes(optionIds, t, s.t, mine), null, null, null,
                    drop.score, Narrator.Result.THREATENED,
                    words -> words.say("Drop the threat: say that you will make it ").diff(t, s.t, mine).say(", as ")
                            .names(askers, a).say(count(askers) > 1 ? " ask." : " asks."));
        }
        out.add(commit(a));
    }

    /** Commit to the threat: to the stated intentions, or (with none on the contested options) to leaving things as they are. */
    private WayOut commit(int a) {
        int k = Rules.contestedOwned(s.fixed, s.fixedValue, s.t, s.owned[a], work.options);
        boolean stated = false;
        for (int i = 0; i < k; i++) {
            stated |= s.stated[work.options[i]];
        }
        if (stated) {
            return COMMIT;
        }
        int[] contested = java.util.Arrays.copyOf(work.options, k);
        return advice(WayOutKind.ADVICE, words -> words.say("Commit irrevocably to leaving ").labels(contested)
                .say(" as ").say(contested.length == 1 ? "it is" : "they are")
                .say(" (a public pledge, a tripwire), so that backing down is no longer a choice."));
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

    /** The characters other than A whose positions ask for a value the candidate T changes to. */
    private boolean[] askers(int a, boolean[] t, int[] mine) {
        boolean[] who = new boolean[s.c];
        for (int o : mine) {
            if (t[o] != s.t[o]) {
                for (int other = 0; other < s.c; other++) {
                    who[other] |= other != a && s.fixed[other][o] && s.fixedValue[other][o] == t[o];
                }
            }
        }
        return who;
    }

    private static int count(boolean[] who) {
        int k = 0;
        for (boolean w : who) {
            k += w ? 1 : 0;
        }
        return k;
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
            searchable(a, mine);
            responses[a] = memo.get(SearchMemo.Search.BEST_RESPONSE, pa, null, new boolean[][] {s.t}, new int[][] {mine},
                    () -> bestResponse(pa, s.t, mine));
        }
        return responses[a];
    }

    /** The intentions on {@code mine} A scores highest from T (ties: fewest changes); pure. */
    private static Best bestResponse(Preference pa, boolean[] t0, int[] mine) {
        Best best = new Best();
        best.offerByScore(t0, 0, pa.score(t0));
        if (mine.length <= MAX_SEARCH) {
            boolean[] t = t0.clone();
            int flips = 0;
            for (int i = 1, steps = 1 << mine.length; i < steps; i++) {
                int o = mine[Integer.numberOfTrailingZeros(i)];
                t[o] = !t[o];
                flips += t[o] != t0[o] ? 1 : -1;
                best.offerByScore(t, flips, pa.score(t));
            }
        }
        return best;
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

    private void positioning(int a, int b, Ways out) {
        // A^ becomes B^, which A then ranks level with B^: the rule needs strictly better.
        moveTo(a, b, WayOutKind.MOVE_POSITION, "Move to ", out);
        out.add(advice(REASONS, b));
    }

    // ---- co-operation: a position without temptation; bind the promise (advice)

    private void cooperation(int a, boolean[] temptation, Ways out) {
        int[] pa = s.owned[a]; // the temptation differs from A^ only on the options of A's that A fixes
        if (temptation != null) {
            // The temptation is A's best over every value of Pa, so nothing on Pa beats it: no temptation left.
            offer(out, a, WayOutKind.CHANGE_POSITION, null, OrderedValues.changes(optionIds, temptation, s.hat[a], pa), null, null,
                    s.prefs[a].score(temptation), Narrator.Result.POSITION,
                    words -> words.say("Change your position to what you would really do: ").diff(temptation, s.hat[a], pa).say("."));
        }
        out.add(BIND);
    }

    // ---- trust: ask only what the other would keep, a promise that makes the other keep it, withdraw
    // ---- the doubt, stop relying on the other; guarantees and goodwill (advice)

    private void trust(int a, int b, boolean[] temptation, Ways out) {
        String other = names[b];
        boolean doubt = s.doubts[a][b];
        int[] pab = fixedOwned(a, b);
        if (temptation != null && !doubt) {
            // B's best over every value of Pab: asked for exactly that, B has nothing better to defect to.
            offer(out, a, WayOutKind.CHANGE_POSITION, null, OrderedValues.changes(optionIds, temptation, s.hat[a], pab), null, null,
                    s.prefs[a].score(temptation), Narrator.Result.POSITION,
                    words -> words.say("Ask of ").say(other).say(" only what ").say(other).say(" would keep: ")
                            .diff(temptation, s.hat[a], pab).say("."));

            // A promise of A's after which B would rather keep its part than deviate on it.
            int[] mine = s.owned[a];
            Best promise = !searchable(b, pab) ? new Best()
                    : keepingAgreements(a, mine, options -> keptPromiseSearch(a, b, options, pab));
            if (promise.found()) {
                boolean[] hat = promise.values;
                offer(out, a, WayOutKind.PROMISE, null, OrderedValues.changes(optionIds, hat, s.hat[a], mine), null, null,
                        promise.score, Narrator.Result.POSITION,
                        words -> words.say("Promise ").diff(hat, s.hat[a], mine).say(" in your position. ").say(other)
                                .say(" would then rather keep their part than go back on it."));
            }
        }
        if (doubt && temptation == null) {
            // The doubt is the only cause: without it the rule needs a temptation, and there is none.
            offer(out, a, WayOutKind.WITHDRAW_DOUBT, null, null, null, board.characters().get(b).id(),
                    s.scoreOfHat(a, a), null, words -> words.say("Withdraw your doubt about ").say(other)
                            .say(": if your position were agreed, ").say(other).say(" would have nothing to gain by breaking it."));
        }
        if (doubt) {
            // Without any of B's options in A's position there is nothing to trust B with.
            boolean[] released = s.hat[a].clone();
            for (int o : pab) {
                released[o] = s.t[o];
            }
            offer(out, a, WayOutKind.CONCEDE, null, null, pab, null, s.prefs[a].score(released), Narrator.Result.POSITION,
                    words -> words.say("Stop relying on ").say(other).say(": leave ").labels(pab).say(" open in your position."));
        }
        out.add(advice(GUARANTEE, b));
        out.add(advice(GOODWILL, b));
    }

    /** A's position with some of A's {@code options} flipped, after which B has no deviation on Pab it prefers. */
    private Best keptPromiseSearch(int a, int b, int[] options, int[] pab) {
        Preference pa = s.prefs[a];
        Preference pb = s.prefs[b];
        boolean[] scratch = work.future;
        return memo.get(SearchMemo.Search.KEPT_PROMISE, pa, pb, new boolean[][] {s.hat[a]}, new int[][] {options, pab},
                () -> keptPromise(pa, pb, s.hat[a], options, pab, scratch));
    }

    /** A's position with some of {@code options} flipped after which B has no deviation on Pab it prefers; pure. */
    private static Best keptPromise(Preference pa, Preference pb, boolean[] aHat, int[] options, int[] pab, boolean[] scratch) {
        return fewestChanges(aHat, null, null, options, MAX_PROMISE_CHANGES,
                (hat, unused) -> Deviations.anyBetter(pb, hat, pab, pab.length, pb.score(hat), scratch) ? REJECTED : pa.score(hat));
    }

    /** The options owned by {@code ownerOf} that the position of {@code whose} fixes. */
    private int[] fixedOwned(int whose, int ownerOf) {
        int[] into = new int[s.owned[ownerOf].length];
        return java.util.Arrays.copyOf(into, Rules.fixedOwned(s, whose, ownerOf, into));
    }

    /** Whether a search may flip all of {@code options} (owned by {@code owner}); if not, notes that it was skipped. */
    private boolean searchable(int owner, int[] options) {
        if (options.length <= MAX_SEARCH) {
            return true;
        }
        unsearched[owner] = true;
        return false;
    }

    /** Per character: whether some search over its options was skipped for having more than {@link #MAX_SEARCH}. */
    boolean[] unsearched() {
        return unsearched;
    }

    // ---- agreements and costs

    /**
     * Adds a concrete way out described by {@code description}, followed by a sentence for each of
     * the holder's agreements it breaks, and costs it against T. A null {@code result} means no
     * future changes.
     */
    private void offer(Ways out, int a, WayOutKind kind, OrderedValues intentions, OrderedValues position, int[] released,
                       String withdrawDoubt, int resultScore, Narrator.Result result, Text.Recipe description) {
        List<Breach> breaches = breaches(a, intentions, position, released);
        List<Agreement> breaks = breaches.isEmpty() ? List.of() : breaches.stream().map(Breach::agreement).toList();
        Text text = new Text(vocabulary, breaches.isEmpty() ? description : words -> {
            description.write(words);
            for (Breach breach : breaches) {
                words.say(" This breaks your agreement with ").names(breach.parties(), a).say(" on ").labels(breach.on()).say(".");
            }
        });
        List<String> release = null;
        if (released != null) {
            String[] ids = new String[released.length];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = optionIds[released[i]];
            }
            release = List.of(ids);
        }
        int standing = result == null ? 0 : Integer.compare(resultScore, s.scoreOfT(a));
        String cost = result == null ? Narrator.NO_FUTURE_CHANGES : Narrator.cost(resultScore, s.scoreOfT(a), result);
        out.add(new WayOut(kind, text, intentions, position, release, withdrawDoubt, cost, breaks),
                (breaks.isEmpty() ? 0 : 4) + 1 - standing);
    }

    /** An agreement a move breaks: its parties (by character position) and the options it breaks it on. */
    private record Breach(Agreement agreement, boolean[] parties, int[] on) {
    }

    /**
     * The accepted agreements of A's the move breaks: it states an intention or fixes a value other
     * than the agreed one, or releases one of A's own agreed options (waiving what another party
     * promised A is not breaking the agreement).
     */
    private List<Breach> breaches(int a, OrderedValues intentions, OrderedValues position, int[] released) {
        if (board.agreements().isEmpty()) {
            return List.of();
        }
        String holder = board.characters().get(a).id();
        List<Breach> broken = new ArrayList<>(1);
        for (Agreement agreement : board.agreementsOf(holder)) {
            List<Integer> on = new ArrayList<>();
            for (var e : agreement.values().entrySet()) {
                int o = board.optionIndex().indexOf(e.getKey());
                boolean v = e.getValue();
                boolean breaks = intentions != null && intentions.containsKey(e.getKey()) && intentions.get(e.getKey()) != v
                        || position != null && position.containsKey(e.getKey()) && position.get(e.getKey()) != v
                        || released != null && s.owner[o] == a && contains(released, o) && s.fixed[a][o] && s.fixedValue[a][o] == v;
                if (breaks) {
                    on.add(o);
                }
            }
            if (!on.isEmpty()) {
                boolean[] parties = new boolean[s.c];
                for (String p : agreement.parties()) {
                    parties[board.characterIndexOf(p)] = true;
                }
                broken.add(new Breach(agreement, parties, on.stream().mapToInt(Integer::intValue).toArray()));
            }
        }
        return broken;
    }

    /** A search over the options no agreement of A's fixes; over all of them if that finds nothing. */
    private Best keepingAgreements(int a, int[] options, Function<int[], Best> search) {
        byte[] values = agreedValues(a);
        if (values == null) {
            return search.apply(options);
        }
        int k = 0;
        int[] free = new int[options.length];
        for (int o : options) {
            if (values[o] < 0) {
                free[k++] = o;
            }
        }
        Best best = search.apply(java.util.Arrays.copyOf(free, k));
        return best.found() || k == options.length ? best : search.apply(options);
    }

    /** Per option, the value an agreement A is party to fixes (-1: none); null when A has no agreement. */
    private byte[] agreedValues(int a) {
        if (board.agreements().isEmpty()) {
            return null;
        }
        if (agreed[a] == null) {
            byte[] values = new byte[s.n];
            java.util.Arrays.fill(values, (byte) -1);
            for (Agreement agreement : board.agreementsOf(board.characters().get(a).id())) {
                agreement.values().forEach((id, v) -> values[board.optionIndex().indexOf(id)] = (byte) (v ? 1 : 0));
            }
            agreed[a] = values;
        }
        return agreed[a];
    }

    private static boolean contains(int[] xs, int x) {
        for (int y : xs) {
            if (y == x) {
                return true;
            }
        }
        return false;
    }

    // ---- machinery

    /** Ways out in the order a coach gives them: moves that keep agreements, best for the holder first, then advice. */
    private static final class Ways {
        /** A dilemma has at most seven ways out (persuasion: four moves, argue); room to spare. */
        private WayOut[] ways = new WayOut[8];
        private int[] ranks = new int[8];
        private int size;

        void add(WayOut way, int rank) {
            if (size == ways.length) {
                ways = java.util.Arrays.copyOf(ways, size * 2);
                ranks = java.util.Arrays.copyOf(ranks, size * 2);
            }
            int i = size;
            while (i > 0 && ranks[i - 1] > rank) {
                ways[i] = ways[i - 1];
                ranks[i] = ranks[i - 1];
                i--;
            }
            ways[i] = way;
            ranks[i] = rank;
            size++;
        }

        /** General advice, after every move on the board. */
        void add(WayOut advice) {
            add(advice, Integer.MAX_VALUE);
        }

        List<WayOut> inOrder() {
            return List.of(java.util.Arrays.copyOf(ways, size));
        }
    }

    private static final int REJECTED = Integer.MIN_VALUE;
    private static final WayOut COMMIT = new WayOut(WayOutKind.ADVICE, "Commit irrevocably to what you said you would do "
            + "(a public pledge, a tripwire), so that carrying it out is no longer a choice.", null, null, Narrator.OFF_BOARD);
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
     * in a copy of {@code base2}), one subset size at a time up to {@code maxSize}, and stops at the
     * first size where some candidate works: the fewest changes that remove the dilemma, the holder's
     * favourite among them.
     */
    private static Best fewestChanges(boolean[] base, boolean[] base2, boolean[] alsoFlip, int[] options, int maxSize,
                                      Candidates candidates) {
        Best best = new Best();
        int k = options.length;
        if (k == 0) {
            return best; // callers keep k within MAX_SEARCH, or maxSize small (a promise tries at most two changes)
        }
        boolean[] x = base.clone();
        boolean[] y = base2 == null ? null : base2.clone();
        int limit = 1 << k;
        for (int size = 1; size <= Math.min(k, maxSize) && !best.found(); size++) {
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

    /** The best candidate so far: score first, then fewest changes. */
    private static final class Best {
        boolean[] values;
        int flips = Integer.MAX_VALUE;
        int score;

        boolean found() {
            return values != null;
        }

        void offerByScore(boolean[] candidate, int candidateFlips, int candidateScore) {
            if (values == null || candidateScore > score || candidateScore == score && candidateFlips < flips) {
                values = candidate.clone();
                flips = candidateFlips;
                score = candidateScore;
            }
        }
    }

    /** The options of {@code options} on which x and y differ. */
    private static int[] differing(boolean[] x, boolean[] y, int[] options) {
        return where(x, y, options, true);
    }

    /** The options of {@code options} on which x and y agree. */
    private static int[] same(boolean[] x, boolean[] y, int[] options) {
        return where(x, y, options, false);
    }

    private static int[] where(boolean[] x, boolean[] y, int[] options, boolean differ) {
        int[] out = new int[options.length];
        int k = 0;
        for (int o : options) {
            if (x[o] != y[o] == differ) {
                out[k++] = o;
            }
        }
        return k == out.length ? out : java.util.Arrays.copyOf(out, k);
    }

    /** General advice naming the other character; the same for every dilemma towards it, so made once. */
    private WayOut advice(int which, int b) {
        WayOut[] made = advice[which];
        if (made[b] == null) {
            String other = names[b];
            made[b] = switch (which) {
                case ARGUE -> advice(WayOutKind.ADVICE, words -> words.say("Argue: give ").say(other)
                        .say(" reasons to prefer your position to what happens if nobody moves."));
                case STAND_FIRM -> advice(WayOutKind.HARDEN, words -> words.say("Harden: commit yourself in public, or show what ")
                        .possessive(b).say(" position would cost you, so that you really prefer what happens if nobody moves."));
                case REASONS -> advice(WayOutKind.ADVICE, words -> words.say("Find reasons to prefer your own position to ")
                        .possessive(b).say("."));
                case GUARANTEE -> advice(WayOutKind.SEEK_GUARANTEE, words -> words.say("Seek guarantees from ").say(other)
                        .say(": verification, or a third party to enforce the agreement."));
                default -> advice(WayOutKind.ADVICE, words -> words.say("Build goodwill with ").say(other)
                        .say(" so that keeping the agreement matters to them."));
            };
        }
        return made[b];
    }

    /** General advice (not a move on the board). */
    private WayOut advice(WayOutKind kind, Text.Recipe description) {
        return new WayOut(kind, new Text(vocabulary, description), null, null, null, null, Narrator.OFF_BOARD, null);
    }
}
