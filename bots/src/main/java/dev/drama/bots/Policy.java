package dev.drama.bots;

import dev.drama.engine.WayOutKind;
import dev.drama.proto.ClientMessage;
import dev.drama.proto.Dilemma;
import dev.drama.proto.Offer;
import dev.drama.proto.WayOut;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How one stance plays, over what its seat knows and its own preference: which way out of a
 * dilemma it takes, how it answers an offer made to it, and what it commits at the moment of
 * truth. The realist's judgements live here because the other stances depart from them only
 * where their habit says so.
 */
abstract class Policy {
    final Stance stance;

    Policy(Stance stance) {
        this.stance = stance;
    }

    static Policy of(Stance stance) {
        return switch (stance) {
            case REALIST -> new RealistPolicy();
            case BLUSTERER -> new BlustererPolicy();
            case APPEASER -> new AppeaserPolicy();
            case SCEPTIC -> new ScepticPolicy();
            case DEFECTOR -> new DefectorPolicy();
            case OPPRESSED -> new OppressedPolicy();
        };
    }

    /** What it does about one of its dilemmas; empty: it lives with it. */
    abstract Optional<Step> onDilemma(Dilemma d, Judge j);

    /** How it answers an offer made to it. */
    abstract Answer answer(Offer offer, Judge j);

    /** Its final choice on each of its own options. */
    abstract Commitment commit(Judge j);

    /** A public line about a dilemma it chooses to live with, if it has one to say. */
    Optional<String> remark(Dilemma d, Judge j, Lines lines) {
        return Optional.empty();
    }

    // ------------------------------------------------------------------ what a policy decides

    /**
     * Board moves that take one way out, why, and the offer that says so to the other side.
     *
     * @param commands the moves, in order (a way out may state intentions and fix a position)
     * @param followUp the offer to make once the moves are made, if any
     */
    record Step(List<ClientMessage> commands, String reason, Optional<Commands.Terms> followUp) {
        Step {
            commands = List.copyOf(commands);
        }
    }

    sealed interface Answer {
    }

    record Accept(String reason) implements Answer {
    }

    record Reject(String reason) implements Answer {
    }

    record Counter(Commands.Terms terms, String reason) implements Answer {
    }

    /** Declares (or withdraws) a doubt about the offer's sender instead of answering yet. */
    record Doubt(boolean doubt, String reason) implements Answer {
    }

    /** Leaves the offer pending for now. */
    record Wait() implements Answer {
    }

    record Commitment(Map<String, Boolean> choices, String reason) {
    }

    // ------------------------------------------------------------------ ways out

    static WayOutKind kind(WayOut w) {
        try {
            return WayOutKind.valueOf(w.getKind().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return WayOutKind.ADVICE;
        }
    }

    /**
     * The ways out that are moves on the board, keep its agreements and undo none of its own
     * moves this phase (a character that promised does not take it back at the next dilemma),
     * best first as the engine gave them.
     */
    static List<WayOut> moves(Dilemma d, Judge j) {
        return d.getWaysOutList().stream()
                .filter(w -> !w.getBreaksAgreement() && !undoes(w, j.view()))
                .filter(w -> w.getIntentionsCount() + w.getPositionCount() + w.getReleaseCount() > 0
                        || !w.getWithdrawDoubtAbout().isEmpty())
                .toList();
    }

    private static boolean undoes(WayOut w, SeatView view) {
        Map<String, Boolean> position = view.ownPositionMoves();
        Map<String, Boolean> intentions = view.ownIntentionMoves();
        return Commands.values(w.getPositionList()).entrySet().stream().anyMatch(e -> differs(position, e))
                || w.getReleaseList().stream().anyMatch(position::containsKey)
                || Commands.values(w.getIntentionsList()).entrySet().stream().anyMatch(e -> differs(intentions, e));
    }

    private static boolean differs(Map<String, Boolean> made, Map.Entry<String, Boolean> e) {
        return made.containsKey(e.getKey()) && !made.get(e.getKey()).equals(e.getValue());
    }

    static Optional<WayOut> first(Dilemma d, Judge j, WayOutKind... kinds) {
        for (WayOutKind k : kinds) {
            Optional<WayOut> w = moves(d, j).stream()
                    .filter(x -> kind(x) == k && !commandsOf(x, j.view()).isEmpty()).findFirst();
            if (w.isPresent()) {
                return w;
            }
        }
        return Optional.empty();
    }

    /** The commands that make a way out's move from where the seat stands now (nothing already made). */
    static List<ClientMessage> commandsOf(WayOut w, SeatView view) {
        String me = view.self();
        List<ClientMessage> out = new ArrayList<>();
        Map<String, Boolean> intentions = changed(Commands.values(w.getIntentionsList()), view.intentions(me));
        if (!intentions.isEmpty()) {
            out.add(Commands.intentions(intentions));
        }
        Map<String, Boolean> fix = changed(Commands.values(w.getPositionList()), view.position(me));
        List<String> open = w.getReleaseList().stream().filter(view.position(me)::containsKey).toList();
        if (!fix.isEmpty() || !open.isEmpty()) {
            out.add(Commands.position(fix, open));
        }
        String about = w.getWithdrawDoubtAbout();
        if (!about.isEmpty() && view.doubts(me).contains(about)) {
            out.add(Commands.doubt(about, false));
        }
        return out;
    }

    private static Map<String, Boolean> changed(Map<String, Boolean> wanted, Map<String, Boolean> now) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        wanted.forEach((id, v) -> {
            if (!v.equals(now.get(id))) {
                out.put(id, v);
            }
        });
        return out;
    }

    /** A step that takes the way out, if it is still a move from here. */
    Optional<Step> take(WayOut w, Dilemma d, Judge j, String motive) {
        List<ClientMessage> commands = commandsOf(w, j.view());
        if (commands.isEmpty()) {
            return Optional.empty();
        }
        String reason = verb(w, d, j) + ", which resolves " + dilemma(d, j) + ": " + motive + ".";
        return Optional.of(new Step(commands, reason, followUp(d, w, j)));
    }

    /** What the move does, in words: "Promises Fund youth outreach: yes". */
    private static String verb(WayOut w, Dilemma d, Judge j) {
        SeatView v = j.view();
        String intentions = v.describe(Commands.values(w.getIntentionsList()));
        String position = v.describe(Commands.values(w.getPositionList()));
        String released = String.join(" and ", w.getReleaseList().stream().map(v::label).toList());
        return switch (kind(w)) {
            case THREATEN, HARDEN -> "Threatens " + intentions;
            case CARRY_OUT -> "States intentions it would carry out, " + intentions;
            case DROP_THREAT -> "Drops its threat";
            case PROMISE -> "Promises " + position;
            case CONCEDE -> released.isEmpty() ? "Concedes " + position : "Gives up its demand on " + released;
            case ACCEPT -> "Accepts " + v.possessive(d.getTowardsId()) + " position";
            case ASK_THIRD -> "Asks a third party for " + position;
            case WITHDRAW_DOUBT -> "Withdraws its doubt about " + v.nameOf(w.getWithdrawDoubtAbout());
            default -> "Moves its position" + (position.isEmpty() ? "" : " to " + position);
        };
    }

    /** "its persuasion dilemma towards Karen Whitlow", "its threat dilemma". */
    static String dilemma(Dilemma d, Judge j) {
        String kind = d.getKind().name().toLowerCase(Locale.ROOT);
        return d.getTowardsId().isEmpty() ? "its " + kind + " dilemma"
                : "its " + kind + " dilemma towards " + j.view().nameOf(d.getTowardsId());
    }

    /**
     * The offer that tells the other side of a persuasion dilemma what the move means: "do what
     * my position asks of you; I promise / threaten what the way out says".
     */
    Optional<Commands.Terms> followUp(Dilemma d, WayOut w, Judge j) {
        WayOutKind k = kind(w);
        if (d.getKind() != dev.drama.proto.DilemmaKind.PERSUASION || (k != WayOutKind.THREATEN && k != WayOutKind.PROMISE)) {
            return Optional.empty();
        }
        String other = d.getTowardsId();
        Map<String, Boolean> position = new LinkedHashMap<>(j.view().position(j.me()));
        position.putAll(Commands.values(w.getPositionList()));
        Map<String, Boolean> ask = new LinkedHashMap<>();
        position.forEach((id, v) -> {
            if (j.view().ownerOf(id).equals(other)) {
                ask.put(id, v);
            }
        });
        Map<String, Boolean> promise = k == WayOutKind.PROMISE ? own(Commands.values(w.getPositionList()), j) : Map.of();
        Map<String, Boolean> threat = k == WayOutKind.THREATEN ? own(Commands.values(w.getIntentionsList()), j) : Map.of();
        Commands.Terms terms = new Commands.Terms(List.of(other), ask, promise, threat);
        return terms.isValid() && !ask.isEmpty() ? Optional.of(terms) : Optional.empty();
    }

    private static Map<String, Boolean> own(Map<String, Boolean> values, Judge j) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        values.forEach((id, v) -> {
            if (j.view().ownerOf(id).equals(j.me())) {
                out.put(id, v);
            }
        });
        return out;
    }

    /**
     * The realist's habits: persuade with threats or promises (or give up a demand that gains
     * nothing), harden or accept when it cannot refuse, make its threats credible, move to a
     * better position, secure trust with promises; it lives with the temptation to defect.
     */
    Optional<Step> realist(Dilemma d, Judge j) {
        return switch (d.getKind()) {
            case PERSUASION -> serving(d, j, WayOutKind.THREATEN, WayOutKind.PROMISE, WayOutKind.ASK_THIRD, WayOutKind.CONCEDE);
            case REJECTION -> serving(d, j, WayOutKind.HARDEN, WayOutKind.ACCEPT, WayOutKind.CONCEDE);
            case THREAT -> serving(d, j, WayOutKind.CARRY_OUT, WayOutKind.DROP_THREAT);
            case POSITIONING -> serving(d, j, WayOutKind.MOVE_POSITION);
            case TRUST -> serving(d, j, WayOutKind.PROMISE, WayOutKind.WITHDRAW_DOUBT);
            default -> Optional.empty();
        };
    }

    /**
     * The move of the given kinds that leaves it best off, among those no worse for it than the
     * threatened future (a concession: better), whose threats it would carry out; ties go to the
     * engine's order.
     */
    Optional<Step> serving(Dilemma d, Judge j, WayOutKind... allowed) {
        List<WayOutKind> kinds = List.of(allowed);
        int nobodyMoves = j.scoreOfThreatened();
        return moves(d, j).stream()
                .filter(w -> kinds.contains(kind(w)))
                .filter(w -> kind(w) == WayOutKind.CONCEDE ? j.scoreAfter(w) > nobodyMoves : j.scoreAfter(w) >= nobodyMoves)
                .filter(w -> j.wouldCarryOut(intentionsAfter(w, j)))
                .filter(w -> !commandsOf(w, j.view()).isEmpty())
                .max(Comparator.comparingInt(j::scoreAfter).thenComparing(w -> -d.getWaysOutList().indexOf(w)))
                .flatMap(w -> take(w, d, j, threatens(w)
                        ? "it serves its preferences, and it would carry the threat out" : "it serves its preferences"));
    }

    private static boolean threatens(WayOut w) {
        WayOutKind k = kind(w);
        return k == WayOutKind.THREATEN || k == WayOutKind.HARDEN || k == WayOutKind.CARRY_OUT;
    }

    private static Map<String, Boolean> intentionsAfter(WayOut w, Judge j) {
        Map<String, Boolean> out = new LinkedHashMap<>(j.view().intentions(j.me()));
        out.putAll(Commands.values(w.getIntentionsList()));
        return out;
    }

    // ------------------------------------------------------------------ offers

    /** The future if the offer is accepted: what was asked and promised, the rest as T. */
    static Map<String, Boolean> ifAccepted(Offer o) {
        return SeatView.agreed(o);
    }

    /** The values of its agreements it would break by agreeing to {@code values}. */
    static Map<String, Boolean> conflicts(Map<String, Boolean> values, Judge j) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        for (Offer a : j.view().agreements()) {
            SeatView.agreed(a).forEach((id, v) -> {
                Boolean asked = values.get(id);
                if (asked != null && !asked.equals(v)) {
                    out.put(id, asked);
                }
            });
        }
        return out;
    }

    /**
     * The realist's answer: accept what leaves it better off than nobody moving (or no worse,
     * when refusing would be worse or the deal already gives all its position asks), counter
     * with what it could live with, else reject.
     */
    Answer judge(Offer o, Judge j) {
        String from = j.view().possessive(o.getFromCharacterId());
        if (!conflicts(ifAccepted(o), j).isEmpty()) {
            return new Reject("Rejects " + from + " offer " + o.getOfferId() + ": it would break an agreement it made.");
        }
        int accepted = j.score(ifAccepted(o));
        int refused = j.score(Commands.values(o.getThreatList()));
        int nobodyMoves = j.scoreOfThreatened();
        // Equal to nobody moving, it still signs when refusing is worse or the deal is all its position asks.
        if (accepted > nobodyMoves || (accepted == nobodyMoves && (refused < nobodyMoves || accepted >= j.scoreOfOwnPosition()))) {
            return new Accept("Accepts " + from + " offer " + o.getOfferId()
                    + ": it leaves it better off than refusing would.");
        }
        return counter(o, j).<Answer>map(t -> new Counter(t, "Counters " + from + " offer " + o.getOfferId()
                        + " with terms it prefers to the threatened future."))
                .orElseGet(() -> new Reject("Rejects " + from + " offer " + o.getOfferId()
                        + ": accepting would leave it worse off than the threatened future."));
    }

    /**
     * Terms it prefers to nobody moving: what its position asks of the sender, for the part of
     * what the sender asked of it that it does not mind giving.
     */
    Optional<Commands.Terms> counter(Offer o, Judge j) {
        String sender = o.getFromCharacterId();
        Map<String, Boolean> ask = new LinkedHashMap<>();
        j.view().position(j.me()).forEach((id, v) -> {
            if (j.view().ownerOf(id).equals(sender) && !v.equals(j.view().threatened().get(id))) {
                ask.put(id, v);
            }
        });
        if (ask.isEmpty()) {
            ask.putAll(own(Commands.values(o.getPromiseList()), sender, j));
        }
        Map<String, Boolean> promise = new LinkedHashMap<>();
        int nobodyMoves = j.scoreOfThreatened();
        Commands.values(o.getAskList()).forEach((id, v) -> {
            if (j.view().ownerOf(id).equals(j.me())) {
                Map<String, Boolean> trial = new LinkedHashMap<>(ask);
                trial.putAll(promise);
                trial.put(id, v);
                if (j.score(trial) >= nobodyMoves) {
                    promise.put(id, v);
                }
            }
        });
        Commands.Terms terms = new Commands.Terms(List.of(sender), ask, promise, Map.of());
        Map<String, Boolean> agreed = new LinkedHashMap<>(ask);
        agreed.putAll(promise);
        boolean same = ask.equals(Commands.values(o.getPromiseList())) && promise.equals(Commands.values(o.getAskList()));
        return terms.isValid() && !same && j.score(agreed) > nobodyMoves ? Optional.of(terms) : Optional.empty();
    }

    private static Map<String, Boolean> own(Map<String, Boolean> values, String owner, Judge j) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        values.forEach((id, v) -> {
            if (j.view().ownerOf(id).equals(owner)) {
                out.put(id, v);
            }
        });
        return out;
    }

    // ------------------------------------------------------------------ the moment of truth

    /** The values its agreements fix on its own options. */
    static Map<String, Boolean> ownAgreed(Judge j) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        for (Offer a : j.view().agreements()) {
            own(SeatView.agreed(a), j.me(), j).forEach(out::put);
        }
        return out;
    }

    /** Its best choices, the others doing as the threatened future says (which includes their agreements). */
    static Map<String, Boolean> bestReply(Judge j) {
        return j.bestReply(Map.of(), j.ownOptions());
    }

    /** Its agreed part kept, the best it can do on the rest. */
    static Map<String, Boolean> keeping(Judge j) {
        Map<String, Boolean> agreed = ownAgreed(j);
        List<String> free = j.ownOptions().stream().filter(id -> !agreed.containsKey(id)).toList();
        Map<String, Boolean> out = new LinkedHashMap<>(agreed);
        out.putAll(j.bestReply(agreed, free));
        return ordered(out, j);
    }

    /** Values in board order over its own options. */
    static Map<String, Boolean> ordered(Map<String, Boolean> values, Judge j) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        for (String id : j.ownOptions()) {
            Boolean v = values.containsKey(id) ? values.get(id) : j.view().threatened().get(id);
            if (v != null) {
                out.put(id, v);
            }
        }
        return out;
    }

    /** The realist's commitment: keeps its agreements while keeping them is no worse than the threatened future. */
    Commitment keepOrBreak(Judge j) {
        Map<String, Boolean> keep = keeping(j);
        if (ownAgreed(j).isEmpty()) {
            return new Commitment(keep, "Commits the choices it prefers, the others doing what they said they would.");
        }
        if (j.score(keep) >= j.scoreOfThreatened()) {
            return new Commitment(keep, "Keeps its agreements: they still serve it at least as well as the threatened future.");
        }
        return new Commitment(ordered(bestReply(j), j), "Breaks its agreements: keeping them is now worse for it than the threatened future.");
    }
}
