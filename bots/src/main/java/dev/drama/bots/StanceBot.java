package dev.drama.bots;

import dev.drama.proto.ClientMessage;
import dev.drama.proto.GetBoard;
import dev.drama.proto.Dilemma;
import dev.drama.proto.ErrorCode;
import dev.drama.proto.Offer;
import dev.drama.proto.Phase;
import dev.drama.proto.RespondToOffer.Response;
import dev.drama.proto.ServerMessage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * A character played by a stance's {@link Policy}, paced so that it never floods: one move
 * per call, then nothing until the server answered it; nothing when nothing changed since;
 * never the same command twice in a phase; a refused command is not sent again (one retry
 * after the phase or the pause changes, for refusals that depend on them); and a bounded
 * number of lines, offers and board moves per phase.
 */
final class StanceBot implements Bot {
    static final int LINES_PER_PHASE = 4;
    static final int OFFERS_PER_PHASE = 4;
    static final int BOARD_MOVES_PER_PHASE = 10;
    private static final int TRIES_PER_DILEMMA = 2;
    private static final int ERRORS_IN_A_ROW = 3;
    private static final int KEY_MOVES_KEPT = 100;
    /** Refusals that may not hold once the phase or the pause changes. */
    private static final Set<ErrorCode> TRANSIENT = Set.of(ErrorCode.WRONG_PHASE, ErrorCode.SESSION_PAUSED, ErrorCode.RATE_LIMITED);

    private final Self self;
    private final Stance stance;
    private final SeatView view;
    private final Judge judge;
    private final Policy policy;
    private final Lines lines;

    /** Something changed since the last move, or the last move was answered. */
    private boolean fresh;
    private Planned awaiting;
    private int errorsInARow;
    private long quietSince = -1;
    private final Deque<Planned> queue = new ArrayDeque<>();
    private final Map<ClientMessage, Refusal> refused = new HashMap<>();

    private Phase phase = Phase.PHASE_UNSPECIFIED;
    /** Phase changes, pauses and resumes so far: a refusal for the phase or the pause may not hold after one. */
    private int clockChanges;
    private final Set<ClientMessage> sentThisPhase = new HashSet<>();
    /** The terms of its offers this phase (without their notes): the same deal is not offered twice. */
    private final Set<ClientMessage> offeredThisPhase = new HashSet<>();
    /** Offers it accepted, rejected or countered: each is answered once. */
    private final Set<String> answered = new HashSet<>();
    /** Characters whose private words it answered this phase: once each. */
    private final Set<String> repliedTo = new HashSet<>();
    private final Set<String> done = new HashSet<>();
    private final Map<String, Integer> triesThisPhase = new HashMap<>();
    private int linesThisPhase;
    private int offersThisPhase;
    private int boardMovesThisPhase;
    private final List<BotMove> keyMoves = new ArrayList<>();
    /** Numbers the plans, so that a refusal drops the rest of its plan. */
    private int plans;
    /** Its opening line, worded once so that a refused one is the same command if tried again. */
    private Planned opening;

    /** A command waiting its turn, and the plan it belongs to (dropped whole when one part is refused). */
    private record Planned(ClientMessage command, String reason, int plan) {
    }

    private record Refusal(ErrorCode code, int clockChanges, int times) {
    }

    StanceBot(Self self, Stance stance, long seed) {
        this.self = self;
        this.stance = stance;
        this.view = new SeatView(self.characterId());
        this.judge = new Judge(self, view);
        this.policy = Policy.of(stance);
        this.lines = new Lines(view, new Random(mix(seed, self.characterId())));
    }

    /**
     * Spreads nearby seeds (runs 1, 2, 3...) apart, and gives each character of a run its own
     * stream: java.util.Random's first draws from close seeds are close.
     */
    private static long mix(long seed, String characterId) {
        long z = seed * 0x9E3779B97F4A7C15L + characterId.hashCode();
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public String characterId() {
        return self.characterId();
    }

    @Override
    public Stance stance() {
        return stance;
    }

    @Override
    public List<BotMove> keyMoves() {
        return List.copyOf(keyMoves);
    }

    @Override
    public void observe(ServerMessage message) {
        if (message.hasAck() || message.hasError()) {
            if (awaiting != null) {
                if (message.hasError()) {
                    learn(awaiting, message.getError().getCode());
                } else {
                    errorsInARow = 0;
                    if (awaiting == opening) {
                        done.add("opening");
                    }
                }
                awaiting = null;
                fresh = true;
            }
            return;
        }
        boolean wasPaused = view.paused();
        if (view.apply(message)) {
            fresh = true;
            if (view.phase() != phase) {
                newPhase();
                clockChanges++;
            } else if (view.paused() != wasPaused) {
                clockChanges++;
            }
        }
    }

    private void newPhase() {
        phase = view.phase();
        sentThisPhase.clear();
        offeredThisPhase.clear();
        repliedTo.clear();
        triesThisPhase.clear();
        queue.clear();
        linesThisPhase = 0;
        offersThisPhase = 0;
        boardMovesThisPhase = 0;
    }

    /** A refused command is not sent again, and the rest of its plan is dropped. */
    private void learn(Planned p, ErrorCode code) {
        Refusal before = refused.get(p.command());
        refused.put(p.command(), new Refusal(code, clockChanges, before == null ? 1 : before.times() + 1));
        sentThisPhase.remove(p.command()); // whether it may go again is the refusal's to say
        queue.removeIf(q -> q.plan() == p.plan());
        if (++errorsInARow >= ERRORS_IN_A_ROW) {
            quietSince = view.version();
        }
    }

    private boolean blocked(ClientMessage command) {
        Refusal r = refused.get(command);
        return r != null && (!TRANSIENT.contains(r.code()) || r.times() > 1 || r.clockChanges() == clockChanges);
    }

    @Override
    public Optional<BotMove> nextMove() {
        if (awaiting != null || !fresh) {
            return Optional.empty();
        }
        fresh = false;
        if (view.needsWholeBoard()) {
            // Not a move of the drama: no answer is awaited but the board itself.
            view.wholeBoardAsked();
            return Optional.of(new BotMove(ClientMessage.newBuilder().setGetBoard(GetBoard.getDefaultInstance()).build(),
                    "asks for the whole board: it missed a change"));
        }
        if (errorsInARow >= ERRORS_IN_A_ROW) {
            if (view.version() == quietSince) {
                return Optional.empty(); // refused again and again: wait for the session to change
            }
            errorsInARow = 0;
        }
        Optional<Planned> next = switch (view.phase()) {
            case NEGOTIATION -> view.paused() ? Optional.empty() : negotiate();
            case MOMENT_OF_TRUTH -> commit();
            default -> Optional.empty();
        };
        next.ifPresent(this::send);
        return next.map(p -> new BotMove(p.command(), p.reason()));
    }

    private void send(Planned p) {
        awaiting = p;
        sentThisPhase.add(p.command());
        ClientMessage c = p.command();
        if (Commands.isTalk(c)) {
            linesThisPhase++;
        } else if (c.hasMakeOffer()) {
            offersThisPhase++;
            offeredThisPhase.add(terms(c));
        } else if (c.hasSetPosition() || c.hasStateIntentions() || c.hasDeclareDoubt()) {
            boardMovesThisPhase++;
        }
        if (!Commands.isTalk(c) && keyMoves.size() < KEY_MOVES_KEPT) {
            keyMoves.add(new BotMove(c, p.reason()));
        }
    }

    private boolean allowed(ClientMessage c) {
        if (sentThisPhase.contains(c) || blocked(c)) {
            return false;
        }
        if (Commands.isTalk(c)) {
            return linesThisPhase < LINES_PER_PHASE;
        }
        if (c.hasMakeOffer()) {
            return offersThisPhase < OFFERS_PER_PHASE && !offeredThisPhase.contains(terms(c));
        }
        if (c.hasSetPosition() || c.hasStateIntentions() || c.hasDeclareDoubt()) {
            return boardMovesThisPhase < BOARD_MOVES_PER_PHASE;
        }
        return true;
    }

    private static ClientMessage terms(ClientMessage offer) {
        ClientMessage.Builder b = offer.toBuilder();
        b.getMakeOfferBuilder().clearNote().clearCountersOfferId();
        return b.build();
    }

    // ------------------------------------------------------------------ negotiation

    private Optional<Planned> negotiate() {
        if (opening == null) {
            opening = new Planned(Commands.say(lines.opening(stance)), "Opens in character (" + stance.word()
                    + "), stating its mandate.", ++plans);
        }
        if (!done.contains("opening") && allowed(opening.command())) {
            return Optional.of(opening);
        }
        while (!queue.isEmpty()) {
            Planned p = queue.removeFirst();
            if (allowed(p.command())) {
                return Optional.of(p);
            }
        }
        for (Offer o : view.offersAwaitingMe()) {
            if (answered.contains(o.getOfferId())) {
                continue;
            }
            Optional<Planned> answer = answer(o);
            if (answer.isPresent()) {
                return answer;
            }
        }
        for (Dilemma d : List.copyOf(view.dilemmas())) {
            Optional<Planned> move = resolve(d);
            if (move.isPresent()) {
                return move;
            }
        }
        return reply();
    }

    /** Answers the latest private words from someone it has not answered this phase, by saying what it needs from them. */
    private Optional<Planned> reply() {
        List<dev.drama.proto.Talk> heard = view.talk();
        for (int i = heard.size() - 1; i >= 0; i--) {
            String from = heard.get(i).getFromCharacterId();
            if (heard.get(i).getPrivate() && !from.isEmpty() && !repliedTo.contains(from)) {
                Map<String, Boolean> needs = new java.util.LinkedHashMap<>();
                view.position(view.self()).forEach((id, v) -> {
                    if (view.ownerOf(id).equals(from)) {
                        needs.put(id, v);
                    }
                });
                Planned p = new Planned(Commands.tell(from, lines.reply(stance, needs)), "Answers "
                        + view.possessive(from) + " private words by saying what it needs from them.", ++plans);
                if (allowed(p.command())) {
                    repliedTo.add(from);
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    private Optional<Planned> answer(Offer o) {
        Policy.Answer a = policy.answer(o, judge);
        int plan = ++plans;
        String sender = o.getFromCharacterId();
        Planned first;
        List<Planned> then = new ArrayList<>();
        if (a instanceof Policy.Accept accept) {
            first = new Planned(Commands.respond(o.getOfferId(), Response.ACCEPT), accept.reason(), plan);
        } else if (a instanceof Policy.Reject reject) {
            first = new Planned(Commands.respond(o.getOfferId(), Response.REJECT), reject.reason(), plan);
            then.add(new Planned(Commands.tell(sender, lines.reject(stance)),
                    "Tells " + view.nameOf(sender) + " it turns offer " + o.getOfferId() + " down.", plan));
        } else if (a instanceof Policy.Counter counter) {
            first = new Planned(Commands.offer(counter.terms(), lines.offerNote(stance, counter.terms()), o.getOfferId()),
                    counter.reason(), plan);
        } else if (a instanceof Policy.Doubt doubt) {
            first = new Planned(Commands.doubt(sender, doubt.doubt()), doubt.reason(), plan);
            if (doubt.doubt()) {
                then.add(new Planned(Commands.tell(sender, lines.doubt(Commands.values(o.getPromiseList()))),
                        "Tells " + view.nameOf(sender) + " what would make its promise believable.", plan));
            }
        } else {
            return Optional.empty();
        }
        if (!allowed(first.command())) {
            return Optional.empty();
        }
        if (!(a instanceof Policy.Doubt)) {
            answered.add(o.getOfferId());
        }
        queue.addAll(then);
        return Optional.of(first);
    }

    private Optional<Planned> resolve(Dilemma d) {
        String key = SeatView.key(d);
        if (triesThisPhase.getOrDefault(key, 0) >= TRIES_PER_DILEMMA) {
            return Optional.empty();
        }
        Optional<Policy.Step> step = policy.onDilemma(d, judge);
        if (step.isEmpty() || step.get().commands().isEmpty()) {
            if (done.add("remark:" + key)) {
                return policy.remark(d, judge, lines)
                        .map(line -> new Planned(Commands.say(line), "Keeps " + Policy.dilemma(d, judge)
                                + " and insists on its threat in public.", ++plans))
                        .filter(p -> allowed(p.command()));
            }
            return Optional.empty();
        }
        Policy.Step s = step.get();
        int plan = ++plans;
        List<Planned> planned = new ArrayList<>();
        s.commands().forEach(c -> planned.add(new Planned(c, s.reason(), plan)));
        s.followUp().ifPresent(terms -> planned.add(new Planned(Commands.offer(terms, lines.offerNote(stance, terms), ""),
                "Offers " + view.nameOf(terms.to().get(0)) + " the terms of the move it just made, to resolve "
                        + Policy.dilemma(d, judge) + ".", plan)));
        if (!allowed(planned.get(0).command())) {
            return Optional.empty();
        }
        triesThisPhase.merge(key, 1, Integer::sum);
        queue.addAll(planned.subList(1, planned.size()));
        return Optional.of(planned.get(0));
    }

    // ------------------------------------------------------------------ the moment of truth

    private Optional<Planned> commit() {
        if (!view.committed().isEmpty() || view.outcomeRevealed() || !done.add("commit")) {
            return Optional.empty();
        }
        Policy.Commitment c = policy.commit(judge);
        if (c.choices().isEmpty()) {
            return Optional.empty();
        }
        Planned p = new Planned(Commands.commit(c.choices()), c.reason(), ++plans);
        return allowed(p.command()) ? Optional.of(p) : Optional.empty();
    }
}
