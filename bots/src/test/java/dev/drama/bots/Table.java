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
 * A hand-built board with one bot seated at it, standing in for the server: it sends the bot
 * what its seat would receive (the board, its own dilemmas as the engine finds them, offers),
 * plays the bot's moves back on the board and answers each with an Ack.
 */
final class Table {
    private Board board;
    private Analysis analysis;
    private final String seat;
    final Bot bot;
    private final Map<String, Offer> offers = new LinkedHashMap<>();
    final List<BotMove> moves = new ArrayList<>();
    private Phase phase = Phase.PHASE_UNSPECIFIED;

    Table(Board board, String seat, Stance stance, long seed) {
        this.board = board;
        this.seat = seat;
        this.analysis = DilemmaEngine.analyse(board);
        this.bot = Bots.create(self(board, seat), stance, seed);
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

    /** The seat's opening: the phase, its briefing, the board and its current dilemmas. */
    Table start(Phase phase) {
        this.phase = phase;
        bot.observe(message(b -> b.setSessionState(SessionState.newBuilder().setPhase(phase))));
        bot.observe(message(b -> b.setBriefing(Briefing.newBuilder().setCharacterId(seat)
                .setCharacterName(board.character(seat).orElseThrow().name()).setMandate("Can commit its own budget."))));
        bot.observe(message(b -> b.setBoard(view(board, analysis))));
        for (dev.drama.engine.Dilemma d : analysis.of(seat)) {
            bot.observe(dilemma(d, DilemmaEvent.Change.CURRENT));
        }
        return this;
    }

    void phase(Phase next) {
        phase = next;
        bot.observe(message(b -> b.setSessionState(SessionState.newBuilder().setPhase(next))));
    }

    /** Another character's move, or an inject: the new board, and the seat's dilemmas that arose or resolved. */
    void change(Board next) {
        change(next, "");
    }

    private void change(Board next, String changedBy) {
        Analysis before = analysis;
        board = next;
        analysis = DilemmaEngine.analyse(next);
        bot.observe(message(b -> b.setBoard(view(board, analysis).toBuilder().setChangedBy(changedBy))));
        AnalysisDiff diff = AnalysisDiff.between(before, analysis);
        diff.resolved().stream().filter(d -> d.holder().equals(seat)).forEach(d -> bot.observe(dilemma(d, DilemmaEvent.Change.RESOLVED)));
        diff.arose().stream().filter(d -> d.holder().equals(seat)).forEach(d -> bot.observe(dilemma(d, DilemmaEvent.Change.AROSE)));
    }

    void offer(Offer offer) {
        offers.put(offer.getOfferId(), offer);
        bot.observe(message(b -> b.setOffer(OfferEvent.newBuilder().setOffer(offer).setByCharacterId(offer.getFromCharacterId()))));
    }

    /** Asks the bot for a move; plays it on the board and acknowledges it. */
    Optional<BotMove> step() {
        Optional<BotMove> move = bot.nextMove();
        move.ifPresent(m -> {
            moves.add(m);
            play(m.command());
            bot.observe(message(b -> b.setRequestId(moves.size()).setAck(Ack.getDefaultInstance())));
        });
        return move;
    }

    /** Steps until the bot has nothing more to do (at most {@code max} moves). */
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

    private void play(ClientMessage c) {
        if (c.hasSetPosition()) {
            Future p = board.position(seat);
            for (var s : c.getSetPosition().getSettingsList()) {
                p = s.getChoice() == dev.drama.proto.Choice.OPEN ? p.without(s.getOptionId())
                        : p.with(s.getOptionId(), s.getChoice() == dev.drama.proto.Choice.YES);
            }
            change(board.withPosition(seat, p), seat);
        } else if (c.hasStateIntentions()) {
            Map<String, Boolean> merged = new LinkedHashMap<>(board.intentions(seat).values());
            merged.putAll(Commands.values(c.getStateIntentions().getSettingsList()));
            change(board.withIntentions(seat, Future.of(merged)), seat);
        } else if (c.hasDeclareDoubt()) {
            change(board.withDoubt(seat, c.getDeclareDoubt().getAboutCharacterId(), c.getDeclareDoubt().getDoubt()), seat);
        } else if (c.hasRespondToOffer()) {
            Offer o = offers.get(c.getRespondToOffer().getOfferId());
            boolean accept = c.getRespondToOffer().getResponse() == dev.drama.proto.RespondToOffer.Response.ACCEPT;
            Offer answered = o.toBuilder().setStatus(accept ? Offer.Status.ACCEPTED : Offer.Status.REJECTED)
                    .addAllAcceptedBy(accept ? List.of(seat) : List.of()).build();
            offer(answered);
            if (accept) {
                List<String> parties = new ArrayList<>(o.getToCharacterIdsList());
                parties.add(o.getFromCharacterId());
                change(board.withAgreement(new Agreement(parties, SeatView.agreed(o))), seat);
            }
        } else if (c.hasMakeOffer()) {
            var m = c.getMakeOffer();
            Offer countered = offers.get(m.getCountersOfferId());
            if (countered != null) {
                offer(countered.toBuilder().setStatus(Offer.Status.COUNTERED).build());
            }
            offer(Offer.newBuilder().setOfferId("b" + (offers.size() + 1)).setFromCharacterId(seat)
                    .addAllToCharacterIds(m.getToCharacterIdsList()).addAllAsk(m.getAskList()).addAllPromise(m.getPromiseList())
                    .addAllThreat(m.getThreatList()).setNote(m.getNote()).setStatus(Offer.Status.PENDING).build());
        } else if (c.hasCommit()) {
            bot.observe(message(b -> b.setCommitment(CommitmentEvent.newBuilder().setCharacterId(seat)
                    .addAllChoices(c.getCommit().getSettingsList()))));
        }
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
