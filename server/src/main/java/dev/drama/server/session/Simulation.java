package dev.drama.server.session;

import dev.drama.bots.Bot;
import dev.drama.bots.BotMove;
import dev.drama.bots.Stance;
import dev.drama.proto.Ack;
import dev.drama.proto.AdvancePhase;
import dev.drama.proto.ClientMessage;
import dev.drama.proto.DilemmaEvent;
import dev.drama.proto.JournalRecord;
import dev.drama.proto.Offer;
import dev.drama.proto.OutcomeEvent;
import dev.drama.proto.OutcomeRevealed;
import dev.drama.proto.ParticipantJoined;
import dev.drama.proto.Phase;
import dev.drama.proto.Role;
import dev.drama.proto.ServerMessage;
import dev.drama.proto.SetBot;
import dev.drama.scenarios.model.Pack;
import dev.drama.scenarios.model.PackCharacter;
import dev.drama.server.ServerConfig;
import dev.drama.server.net.Replies;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * One session played through by the computer alone, in process: every character is
 * computer-played, every move is decided by the same rules as a player's ({@link Moves}) and
 * heard through the same visibility, but there is no network, no journal on disk and no think
 * time, and the moves come in rounds (each character in board order may make one), so the
 * same seed always plays the same session.
 */
public final class Simulation {
    /** Rounds of the negotiation (and of the moment of truth) before the trainer moves on regardless. */
    static final int MAX_ROUNDS = 40;
    /** The simulated time each move takes, so that per-minute limits apply as they would to people. */
    static final long MOVE_MS = 4_000;
    private static final long START_MS = 1_767_225_600_000L; // a fixed clock: the same seed, the same record times

    /**
     * What one run produced.
     *
     * @param stances  the stance of each character, by character id, in board order
     * @param arose    dilemmas that arose during play, "kind holder" to count
     * @param resolved dilemmas that resolved during play, likewise
     */
    public record Run(long seed, Map<String, Stance> stances, OutcomeEvent outcome, Map<DilemmaKey, Integer> arose,
                      Map<DilemmaKey, Integer> resolved, int agreementsMade, int moves, int refused) {
    }

    /** A dilemma's kind and the character who held it. */
    public record DilemmaKey(dev.drama.proto.DilemmaKind kind, String holderId) {
    }

    private final SessionState state;
    private final Moves moves;
    private final Random random;
    private final ServerConfig.BotMaker maker;
    private final Map<String, Bot> bots = new LinkedHashMap<>();
    private final Map<DilemmaKey, Integer> arose = new LinkedHashMap<>();
    private final Map<DilemmaKey, Integer> resolved = new LinkedHashMap<>();
    private long now = START_MS;
    private long seq;
    private long requestId;
    private int agreements;
    private int moveCount;
    private int refusedCount;
    private final Participant trainer;

    private Simulation(Pack pack, long seed, ServerConfig config) {
        this.state = new SessionState("simulation", "SIMULATE", pack, START_MS);
        this.random = new Random(seed);
        this.maker = config.botMaker();
        ServerConfig.Limits limits = config.limits();
        this.moves = new Moves(state, limits.maxTextChars(), limits.offersPerMinute(), () -> "SIMULATE",
                new TalkBudget(config.defences().talkBytesPerCharacter(), config.defences().talkBytesPerSession()),
                random::nextLong);
        apply(List.of(JournalRecord.newBuilder().setParticipantJoined(ParticipantJoined.newBuilder()
                .setParticipantId("t1").setDisplayName("Simulation").setRole(Role.TRAINER))));
        this.trainer = state.participant("t1").orElseThrow();
    }

    /**
     * Plays {@code pack} from lobby to debrief with every character computer-played.
     *
     * @param stances the stances to give the characters in board order, repeated as needed; empty:
     *                each character's default stance in the pack, else one drawn from the seed
     */
    public static Run play(Pack pack, List<Stance> stances, long seed, ServerConfig config) {
        Simulation s = new Simulation(pack, seed, config);
        List<dev.drama.engine.Character> cast = s.state.board().characters();
        Map<String, Stance> chosen = new LinkedHashMap<>();
        for (int i = 0; i < cast.size(); i++) {
            String id = cast.get(i).id();
            Stance stance = !stances.isEmpty() ? stances.get(i % stances.size())
                    : pack.character(id).map(PackCharacter::stance).flatMap(Stance::parse)
                            .orElse(Stance.values()[s.random.nextInt(Stance.values().length)]);
            chosen.put(id, stance);
            s.trainerDoes(ClientMessage.newBuilder().setSetBot(SetBot.newBuilder().setCharacterId(id)
                    .setStance(stance.word())));
        }
        s.trainerDoes(advance(Phase.BRIEFING));
        s.trainerDoes(advance(Phase.NEGOTIATION));
        s.rounds();
        s.trainerDoes(advance(Phase.MOMENT_OF_TRUTH));
        s.rounds();
        if (!s.state.outcomeRevealed()) {
            s.apply(List.of(JournalRecord.newBuilder().setOutcomeRevealed(OutcomeRevealed.getDefaultInstance())));
        }
        s.trainerDoes(advance(Phase.DEBRIEF));
        return new Run(seed, chosen, Outcomes.reveal(s.state).getOutcome(), s.arose, s.resolved, s.agreements,
                s.moveCount, s.refusedCount);
    }

    private static ClientMessage.Builder advance(Phase phase) {
        return ClientMessage.newBuilder().setAdvancePhase(AdvancePhase.newBuilder().setTo(phase));
    }

    /** Each computer player in turn may move, until a round passes with no move (or everyone has committed). */
    private void rounds() {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            boolean moved = false;
            for (Participant seat : state.computerPlayers()) {
                Optional<BotMove> next = bots.get(seat.id()).nextMove();
                if (next.isPresent()) {
                    moved = true;
                    play(seat, next.get());
                }
                if (state.everyoneCommitted()) {
                    apply(List.of(JournalRecord.newBuilder().setOutcomeRevealed(OutcomeRevealed.getDefaultInstance())));
                    return;
                }
            }
            if (!moved) {
                return;
            }
        }
    }

    private void play(Participant seat, BotMove move) {
        long id = ++requestId;
        now += MOVE_MS;
        moveCount++;
        Bot bot = bots.get(seat.id());
        Decision decision = moves.decide(seat, move.command().toBuilder().setRequestId(id).build(), now);
        if (decision instanceof Decision.Change change) {
            change.records().forEach(r -> r.setBotReason(move.reason()));
            apply(change.records());
            bot.observe(ServerMessage.newBuilder().setRequestId(id).setAck(Ack.getDefaultInstance()).build());
        } else if (decision instanceof Decision.Refuse r) {
            refusedCount++;
            bot.observe(Replies.error(id, r.code(), r.message()));
        } else if (decision instanceof Decision.Answer a) {
            bot.observe(a.reply().toBuilder().setRequestId(id).build());
        }
    }

    private void trainerDoes(ClientMessage.Builder command) {
        Decision decision = moves.decide(trainer, command.build(), now);
        if (decision instanceof Decision.Change change) {
            apply(change.records());
        } else if (decision instanceof Decision.Refuse r) {
            throw new IllegalStateException("the simulation's trainer was refused: " + r.message());
        }
    }

    /** Applies records as the session would, seats the computer players they name, and tells everyone what they may hear. */
    private void apply(List<JournalRecord.Builder> records) {
        List<Outbound> effects = new ArrayList<>();
        for (JournalRecord.Builder b : records) {
            JournalRecord record = b.setSeq(++seq).setAtEpochMs(now).build();
            effects.addAll(state.apply(record));
            moves.applied(record);
            if (record.hasBotSwitched() && !record.getBotSwitched().getStance().isEmpty()) {
                Participant seat = state.participant(record.getBotSwitched().getParticipantId()).orElseThrow();
                Bot bot = ComputerPlayers.bot(state, seat, maker);
                bots.put(seat.id(), bot);
                seat.attach(new Recipient() {
                    @Override
                    public void send(ServerMessage message) {
                        bot.observe(message);
                    }

                    @Override
                    public void close() {
                    }
                });
            }
            if (record.hasOfferAnswered() && state.offers().find(record.getOfferAnswered().getOfferId())
                    .map(o -> o.getStatus() == Offer.Status.ACCEPTED).orElse(false)) {
                agreements++;
            }
        }
        effects.addAll(state.settle());
        for (Outbound o : effects) {
            if (o.message().hasDilemma()) {
                DilemmaEvent d = o.message().getDilemma();
                DilemmaKey key = new DilemmaKey(d.getDilemma().getKind(), d.getDilemma().getHolderId());
                if (d.getChange() == DilemmaEvent.Change.AROSE) {
                    arose.merge(key, 1, Integer::sum);
                } else if (d.getChange() == DilemmaEvent.Change.RESOLVED) {
                    resolved.merge(key, 1, Integer::sum);
                }
            }
        }
        Fanout.publish(effects, state.seats(), state.phase());
    }
}
