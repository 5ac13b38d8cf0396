package dev.drama.bots;

import dev.drama.engine.Agreement;
import dev.drama.engine.Analysis;
import dev.drama.engine.AnalysisDiff;
import dev.drama.engine.Board;
import dev.drama.engine.DilemmaEngine;
import dev.drama.engine.Future;
import dev.drama.engine.Option;
import dev.drama.engine.Preference;
import dev.drama.proto.Ack;
import dev.drama.proto.BoardView;
import dev.drama.proto.Briefing;
import dev.drama.proto.CharacterStance;
import dev.drama.proto.CharacterView;
import dev.drama.proto.ClientMessage;
import dev.drama.proto.CommitmentEvent;
import dev.drama.proto.DilemmaEvent;
import dev.drama.proto.DilemmaKind;
import dev.drama.proto.Offer;
import dev.drama.proto.OfferEvent;
import dev.drama.proto.OptionView;
import dev.drama.proto.Phase;
import dev.drama.proto.ServerMessage;
import dev.drama.proto.SessionState;
import dev.drama.proto.WayOut;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A board with bots seated at it, standing in for the server: it sends each bot what its seat
 * would receive (the board, its own dilemmas as the engine finds them, the offers it is party
 * to, talk addressed to it), plays their moves on the board and answers each with an Ack, or
 * an Error where the server would refuse. One seat is the one a single-seat test watches.
 */
final class Table {
    private Board board;
    private Analysis analysis;
    private final String seat;
    private final Map<String, Bot> bots = new LinkedHashMap<>();
    final Bot bot;
    private final Map<String, Offer> offers = new LinkedHashMap<>();
    /** The watched seat's moves. */
    final List<BotMove> moves = new ArrayList<>();
    /** Every seat's moves, and the refusals. */
    final List<String> log = new ArrayList<>();
    final Map<String, Map<String, Boolean>> commitments = new LinkedHashMap<>();
    private long requests;

    Table(Board board, String seat, Stance stance, long seed) {
        this(board, Map.of(seat, stance), seat, seed);
    }

    Table(Board board, Map<String, Stance> stances, String seat, long seed) {
        this.board = board;
        this.seat = seat;
        this.analysis = DilemmaEngine.analyse(board);
        stances.forEach((id, stance) -> bots.put(id, Bots.create(self(board, id), stance, seed)));
        this.bot = bots.get(seat);
    }

    /** Every character of the board played by {@code stance}. */
    static Table everyone(Board board, Stance stance, long seed) {
        Map<String, Stance> stances = new LinkedHashMap<>();
        board.characters().forEach(c -> stances.put(c.id(), stance));
        return new Table(board, stances, board.characters().get(0).id(), seed);
    }

    static Self self(Board board, String seat) {
        return new Self(seat, board.preference(seat), board.optionIds());
    }

    Board board() {
        return board;
    }

    Analysis analysis() {
        return analysis;
    }

    /** Each seat's opening: the phase, its briefing, the board and its current dilemmas. */
    Table start(Phase phase) {
        phase(phase);
        bots.forEach((id, b) -> {
            b.observe(message(m -> m.setBriefing(Briefing.newBuilder().setCharacterId(id)
                    .setCharacterName(board.character(id).orElseThrow().name()).setMandate("Can commit its own budget."))));
            b.observe(message(m -> m.setBoard(view(board, analysis))));
            for (dev.drama.engine.Dilemma d : analysis.of(id)) {
                b.observe(dilemma(d, DilemmaEvent.Change.CURRENT));
            }
        });
        return this;
    }

    void phase(Phase next) {
        everyone(message(b -> b.setSessionState(SessionState.newBuilder().setPhase(next))));
    }

    private void everyone(ServerMessage m) {
        bots.values().forEach(b -> b.observe(m));
    }

    private void to(java.util.Collection<String> seats, ServerMessage m) {
        bots.forEach((id, b) -> {
            if (seats.contains(id)) {
                b.observe(m);
            }
        });
    }

    /** Another character's move, or an inject: the new board, and the dilemmas that arose or resolved, to their holders. */
    void change(Board next) {
        change(next, "");
    }

    private void change(Board next, String changedBy) {
        Analysis before = analysis;
        board = next;
        analysis = DilemmaEngine.analyse(next);
        everyone(message(b -> b.setBoard(view(board, analysis).toBuilder().setChangedBy(changedBy))));
        AnalysisDiff diff = AnalysisDiff.between(before, analysis);
        diff.resolved().forEach(d -> to(List.of(d.holder()), dilemma(d, DilemmaEvent.Change.RESOLVED)));
        diff.arose().forEach(d -> to(List.of(d.holder()), dilemma(d, DilemmaEvent.Change.AROSE)));
    }

    void offer(Offer offer) {
        offers.put(offer.getOfferId(), offer);
        List<String> parties = new ArrayList<>(offer.getToCharacterIdsList());
        parties.add(offer.getFromCharacterId());
        to(parties, message(b -> b.setOffer(OfferEvent.newBuilder().setOffer(offer).setByCharacterId(offer.getFromCharacterId()))));
    }

    /** Asks the watched seat for a move; plays it and answers it. */
    Optional<BotMove> step() {
        Optional<BotMove> move = step(seat);
        move.ifPresent(moves::add);
        return move;
    }

    private Optional<BotMove> step(String id) {
        Optional<BotMove> move = bots.get(id).nextMove();
        move.ifPresent(m -> {
            log.add(id + ": " + m.reason());
            long request = ++requests;
            Optional<String> refusal = play(id, m.command());
            refusal.ifPresent(why -> log.add(id + " refused: " + why));
            String why = refusal.orElse("");
            bots.get(id).observe(refusal.isEmpty() ? message(b -> b.setRequestId(request).setAck(Ack.getDefaultInstance()))
                    : message(b -> b.setRequestId(request).setError(dev.drama.proto.Error.newBuilder()
                            .setCode(dev.drama.proto.ErrorCode.NOT_ALLOWED).setMessage(why))));
        });
        return move;
    }

    /** Steps the watched seat until it has nothing more to do (at most {@code max} moves). */
    List<BotMove> run(int max) {
        List<BotMove> out = new ArrayList<>();
        for (int i = 0; i < max; i++) {
            Optional<BotMove> m = step();
            if (m.isEmpty()) {
                break;
            }
            out.add(m.get());
        }
        return out;
    }

    /** Gives every seat a turn in order, until a whole round passes without a move; returns the rounds played. */
    int runAll(int maxRounds) {
        for (int round = 1; round <= maxRounds; round++) {
            boolean moved = false;
            for (String id : bots.keySet()) {
                moved |= step(id).isPresent();
            }
            if (!moved) {
                return round;
            }
        }
        return maxRounds + 1;
    }

    /** Plays a move on the board; returns why the server would refuse it, if it would. */
    private Optional<String> play(String id, ClientMessage c) {
        if (c.hasSetPosition()) {
            Future p = board.position(id);
            for (var s : c.getSetPosition().getSettingsList()) {
                p = s.getChoice() == dev.drama.proto.Choice.OPEN ? p.without(s.getOptionId())
                        : p.with(s.getOptionId(), s.getChoice() == dev.drama.proto.Choice.YES);
            }
            change(board.withPosition(id, p), id);
        } else if (c.hasStateIntentions()) {
            Map<String, Boolean> merged = new LinkedHashMap<>(board.intentions(id).values());
            merged.putAll(Commands.values(c.getStateIntentions().getSettingsList()));
            change(board.withIntentions(id, Future.of(merged)), id);
        } else if (c.hasDeclareDoubt()) {
            change(board.withDoubt(id, c.getDeclareDoubt().getAboutCharacterId(), c.getDeclareDoubt().getDoubt()), id);
        } else if (c.hasRespondToOffer()) {
            Offer o = offers.get(c.getRespondToOffer().getOfferId());
            if (o == null || o.getStatus() != Offer.Status.PENDING) {
                return Optional.of("that offer is not pending");
            }
            boolean accept = c.getRespondToOffer().getResponse() == dev.drama.proto.RespondToOffer.Response.ACCEPT;
            Offer.Builder answered = o.toBuilder();
            if (accept) {
                answered.addAcceptedBy(id);
                if (answered.getAcceptedByCount() == o.getToCharacterIdsCount()) {
                    answered.setStatus(Offer.Status.ACCEPTED);
                }
            } else {
                answered.setStatus(Offer.Status.REJECTED);
            }
            offer(answered.build());
            if (answered.getStatus() == Offer.Status.ACCEPTED) {
                List<String> parties = new ArrayList<>(o.getToCharacterIdsList());
                parties.add(o.getFromCharacterId());
                change(board.withAgreement(new Agreement(parties, SeatView.agreed(o))), id);
            }
        } else if (c.hasMakeOffer()) {
            var m = c.getMakeOffer();
            if (m.getAskCount() + m.getPromiseCount() == 0 || m.getToCharacterIdsCount() == 0) {
                return Optional.of("an offer needs recipients, and something asked or promised");
            }
            Offer countered = offers.get(m.getCountersOfferId());
            if (countered != null && countered.getStatus() == Offer.Status.PENDING) {
                offer(countered.toBuilder().setStatus(Offer.Status.COUNTERED).build());
            }
            offer(Offer.newBuilder().setOfferId("b" + (offers.size() + 1)).setFromCharacterId(id)
                    .addAllToCharacterIds(m.getToCharacterIdsList()).addAllAsk(m.getAskList()).addAllPromise(m.getPromiseList())
                    .addAllThreat(m.getThreatList()).setNote(m.getNote()).setStatus(Offer.Status.PENDING).build());
        } else if (c.hasSay() || c.hasTell()) {
            List<String> to = c.hasTell() ? c.getTell().getToCharacterIdsList() : List.of();
            dev.drama.proto.Talk talk = dev.drama.proto.Talk.newBuilder().setFromCharacterId(id).addAllToCharacterIds(to)
                    .setText(c.hasTell() ? c.getTell().getText() : c.getSay().getText()).setPrivate(!to.isEmpty()).build();
            if (to.isEmpty()) {
                everyone(message(b -> b.setTalk(talk)));
            } else {
                List<String> audience = new ArrayList<>(to);
                audience.add(id);
                to(audience, message(b -> b.setTalk(talk)));
            }
        } else if (c.hasCommit()) {
            commitments.put(id, Commands.values(c.getCommit().getSettingsList()));
            to(List.of(id), message(b -> b.setCommitment(CommitmentEvent.newBuilder().setCharacterId(id)
                    .addAllChoices(c.getCommit().getSettingsList()))));
        } else {
            return Optional.of("not a player's command");
        }
        return Optional.empty();
    }

    // ------------------------------------------------------------------ the messages a seat receives

    interface Filler {
        void fill(ServerMessage.Builder b);
    }

    static ServerMessage message(Filler f) {
        ServerMessage.Builder b = ServerMessage.newBuilder();
        f.fill(b);
        return b.build();
    }

    static BoardView view(Board board, Analysis analysis) {
        BoardView.Builder b = BoardView.newBuilder()
                .addAllThreatenedFuture(Commands.settings(analysis.threatenedFuture().values()))
                .setCrisisPoint(analysis.crisisPoint()).setCommitmentPoint(analysis.commitmentPoint());
        for (dev.drama.engine.Character c : board.characters()) {
            b.addCharacters(CharacterView.newBuilder().setId(c.id()).setName(c.name()));
            b.addStances(CharacterStance.newBuilder().setCharacterId(c.id())
                    .addAllPosition(Commands.settings(board.position(c.id()).values()))
                    .addAllIntentions(Commands.settings(board.intentions(c.id()).values()))
                    .addAllDoubts(board.doubts(c.id())));
        }
        for (Option o : board.options()) {
            b.addOptions(OptionView.newBuilder().setId(o.id()).setOwnerId(o.owner()).setLabel(o.label()).setStatusQuo(o.statusQuo()));
        }
        return b.build();
    }

    /** The fields of a dilemma a bot reads (the server also sends explanations and option detail). */
    static ServerMessage dilemma(dev.drama.engine.Dilemma d, DilemmaEvent.Change change) {
        dev.drama.proto.Dilemma.Builder b = dev.drama.proto.Dilemma.newBuilder()
                .setKind(DilemmaKind.valueOf(d.kind().name())).setHolderId(d.holder()).setTowardsId(d.towards().orElse(""));
        for (dev.drama.engine.WayOut w : d.waysOut()) {
            b.addWaysOut(WayOut.newBuilder().setKind(w.kind().name().toLowerCase(java.util.Locale.ROOT))
                    .addAllIntentions(Commands.settings(w.intentions())).addAllPosition(Commands.settings(w.position()))
                    .addAllRelease(w.release()).setWithdrawDoubtAbout(w.withdrawDoubt()).setBreaksAgreement(!w.keepsAgreements()));
        }
        return message(m -> m.setDilemma(DilemmaEvent.newBuilder().setChange(change).setDilemma(b)));
    }

    /** Option values written briefly: map("a", true, "b", false). */
    static Map<String, Boolean> map(Object... kv) {
        Map<String, Boolean> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (Boolean) kv[i + 1]);
        }
        return m;
    }

    /** A ranking of complete futures, best first, "yn" per future in option order. */
    static Preference rank(String... bestFirst) {
        List<List<Boolean>> r = new ArrayList<>();
        for (String s : bestFirst) {
            List<Boolean> f = new ArrayList<>();
            s.chars().forEach(ch -> f.add(ch == 'y'));
            r.add(f);
        }
        return Preference.ranking(r, bestFirst[0].length());
    }

    static Preference statements(List<String> statements, List<String> optionIds) {
        try {
            return Preference.statements(statements, optionIds);
        } catch (dev.drama.engine.StatementException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
