package dev.drama.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drama.proto.BoardDelta;
import dev.drama.proto.BoardDeltas;
import dev.drama.proto.BoardView;
import dev.drama.proto.CharacterAssigned;
import dev.drama.proto.Choice;
import dev.drama.proto.DoubtDeclared;
import dev.drama.proto.InjectSent;
import dev.drama.proto.IntentionsStated;
import dev.drama.proto.JournalRecord;
import dev.drama.proto.Offer;
import dev.drama.proto.OfferAnswered;
import dev.drama.proto.OfferMade;
import dev.drama.proto.OptionSetting;
import dev.drama.proto.ParticipantJoined;
import dev.drama.proto.ParticipantRemoved;
import dev.drama.proto.Phase;
import dev.drama.proto.PhaseChanged;
import dev.drama.proto.PositionSet;
import dev.drama.proto.RespondToOffer;
import dev.drama.proto.Role;
import dev.drama.proto.ServerMessage;
import dev.drama.proto.Talk;
import dev.drama.proto.TalkSent;
import dev.drama.scenarios.model.Pack;
import dev.drama.scenarios.registry.PackRegistry;
import dev.drama.engine.Option;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Over seeded random sessions of every bundled pack (stances, doubts, agreements, injects that
 * add options, characters and preferences, players assigned, unassigned and removed), a client
 * that applies every board delta holds exactly the board a fresh whole view shows; one that
 * misses a delta sees the gap and, with a whole board, is level again; one that arrives midway
 * takes the whole board and the deltas after it.
 */
class BoardDeltaTest {
    private static PackRegistry packs;

    @BeforeAll
    static void loadPacks() {
        packs = new PackRegistry(null, Duration.ZERO, true);
        packs.start();
    }

    @AfterAll
    static void closePacks() {
        packs.close();
    }

    static List<Object[]> sessions() {
        List<Object[]> out = new ArrayList<>();
        for (String pack : List.of("community-safety", "day-services", "estate-regeneration", "scrutiny")) {
            for (long seed = 1; seed <= 3; seed++) {
                out.add(new Object[] {pack, seed});
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("sessions")
    void aClientThatAppliesEveryDeltaHoldsTheWholeBoard(String packId, long seed) {
        Session s = new Session(packs.find(packId).orElseThrow(), new Random(seed));
        BoardView applied = s.state.boardView();
        BoardView gappy = applied;
        BoardView late = null;
        int deltas = 0;
        int gaps = 0;
        for (int step = 0; step < 160; step++) {
            List<Outbound> out = s.batch();
            for (Outbound o : out) {
                assertThat(o.message().hasBoard()).as("a whole board after a move").isFalse();
                if (!o.message().hasBoardDelta()) {
                    continue;
                }
                BoardDelta delta = o.message().getBoardDelta();
                assertThat(o.onlyParticipantId()).as("a delta goes to everyone").isNull();
                assertThat(delta.getVersion()).isEqualTo(delta.getBaseVersion() + 1);
                assertThat(BoardDeltas.fit(applied, delta)).isEqualTo(BoardDeltas.Fit.APPLIES);
                applied = BoardDeltas.apply(applied, delta);
                deltas++;
                if (late != null) {
                    late = BoardDeltas.apply(late, delta);
                }
                // This client misses one delta in seven.
                if (s.random.nextInt(7) == 0) {
                    continue;
                }
                if (BoardDeltas.fit(gappy, delta) == BoardDeltas.Fit.GAP) {
                    gaps++;
                    gappy = s.state.boardView(); // what GetBoard answers
                    assertThat(BoardDeltas.fit(gappy, delta)).as("the whole board already has it").isEqualTo(BoardDeltas.Fit.STALE);
                } else {
                    gappy = BoardDeltas.apply(gappy, delta);
                }
            }
            BoardView whole = s.state.boardView();
            assertThat(snapshot(applied)).as("step %d", step).isEqualTo(whole);
            if (late == null && step == 80) {
                late = whole;
            }
            if (late != null) {
                assertThat(snapshot(late)).as("arrived late, step %d", step).isEqualTo(whole);
            }
            if (!out.stream().anyMatch(o -> o.message().hasBoardDelta())) {
                assertThat(whole.getVersion()).as("no change, no new version").isEqualTo(applied.getVersion());
            }
        }
        assertThat(deltas).as("deltas seen").isGreaterThan(50);
        assertThat(gaps).as("gaps seen").isPositive();
        assertThat(gappy.getVersion()).isLessThanOrEqualTo(applied.getVersion());
    }

    /** A board as a whole view shows it: the delta's changed_by says whose move it was, a snapshot says nobody. */
    private static BoardView snapshot(BoardView board) {
        return board.toBuilder().clearChangedBy().build();
    }

    /** A session state driven by random records, as the actor drives it: batches, then settle. */
    private static final class Session {
        final SessionState state;
        final Random random;
        final Pack pack;
        private long seq;
        private int offers;
        private final List<String> injectsLeft;

        Session(Pack pack, Random random) {
            this.pack = pack;
            this.random = random;
            this.state = new SessionState("s", "ABCDEFG", pack, 0);
            this.injectsLeft = new ArrayList<>(pack.injects().stream().map(i -> i.id()).toList());
            apply(JournalRecord.newBuilder().setParticipantJoined(ParticipantJoined.newBuilder()
                    .setParticipantId("p0").setDisplayName("Trainer").setRole(Role.TRAINER)));
            for (int i = 1; i <= 8; i++) {
                apply(JournalRecord.newBuilder().setParticipantJoined(ParticipantJoined.newBuilder()
                        .setParticipantId("p" + i).setDisplayName("Player " + i).setRole(Role.TRAINEE)));
            }
            apply(JournalRecord.newBuilder().setPhaseChanged(PhaseChanged.newBuilder().setPhase(Phase.BRIEFING)));
            apply(JournalRecord.newBuilder().setPhaseChanged(PhaseChanged.newBuilder().setPhase(Phase.NEGOTIATION)));
            state.settle();
        }

        /** One to four random records, then the session settles; everything they made known. */
        List<Outbound> batch() {
            List<Outbound> out = new ArrayList<>();
            int n = 1 + random.nextInt(4);
            for (int i = 0; i < n; i++) {
                out.addAll(apply(randomRecord()));
            }
            out.addAll(state.settle());
            return out;
        }

        private List<Outbound> apply(JournalRecord.Builder record) {
            return state.apply(record.setSeq(++seq).setAtEpochMs(seq).build());
        }

        private JournalRecord.Builder randomRecord() {
            JournalRecord.Builder b = JournalRecord.newBuilder();
            String character = anyCharacter();
            int kind = random.nextInt(100);
            if (kind < 30) {
                PositionSet.Builder p = PositionSet.newBuilder().setCharacterId(character).setReplace(random.nextInt(10) == 0);
                for (int i = random.nextInt(3); i >= 0; i--) {
                    p.addSettings(setting(anyOption().id(), random.nextInt(3)));
                }
                return b.setPositionSet(p);
            }
            if (kind < 50) {
                List<Option> own = state.board().optionsOf(character);
                IntentionsStated.Builder in = IntentionsStated.newBuilder().setCharacterId(character);
                if (!own.isEmpty()) {
                    in.addSettings(setting(own.get(random.nextInt(own.size())).id(), random.nextInt(3)));
                }
                return b.setIntentionsStated(in);
            }
            if (kind < 60) {
                String about = anyCharacter();
                if (!about.equals(character)) {
                    return b.setDoubtDeclared(DoubtDeclared.newBuilder().setHolderId(character).setAboutId(about)
                            .setDoubt(random.nextBoolean()));
                }
            }
            if (kind < 70) {
                return agreement(character);
            }
            if (kind < 76) {
                // Who plays whom, on the board: a player takes a character, gives it up, or is removed.
                String participant = "p" + (1 + random.nextInt(8));
                if (random.nextInt(4) == 0 && state.participant(participant).map(p -> !p.removed()).orElse(false)) {
                    return b.setParticipantRemoved(ParticipantRemoved.newBuilder().setParticipantId(participant));
                }
                if (state.participant(participant).map(p -> !p.removed()).orElse(false)) {
                    return b.setCharacterAssigned(CharacterAssigned.newBuilder().setParticipantId(participant)
                            .setCharacterId(random.nextInt(3) == 0 ? "" : character));
                }
            }
            if (kind < 79 && !injectsLeft.isEmpty()) {
                return b.setInjectSent(InjectSent.newBuilder().setInjectId(injectsLeft.remove(random.nextInt(injectsLeft.size()))));
            }
            return b.setTalkSent(TalkSent.newBuilder().setTalk(Talk.newBuilder().setFromCharacterId(character).setText("hello")));
        }

        /** An offer made and, in the same record stream, accepted: an agreement on the board. */
        private JournalRecord.Builder agreement(String from) {
            String to = anyCharacter();
            List<Option> theirs = state.board().optionsOf(to);
            List<Option> mine = state.board().optionsOf(from);
            if (to.equals(from) || theirs.isEmpty() || mine.isEmpty()) {
                return JournalRecord.newBuilder().setTalkSent(TalkSent.newBuilder().setTalk(Talk.newBuilder().setText("hm")));
            }
            String id = "o" + (++offers);
            apply(JournalRecord.newBuilder().setOfferMade(OfferMade.newBuilder().setOffer(Offer.newBuilder().setOfferId(id)
                    .setFromCharacterId(from).addToCharacterIds(to).setStatus(Offer.Status.PENDING)
                    .addAsk(setting(theirs.get(random.nextInt(theirs.size())).id(), random.nextInt(2)))
                    .addPromise(setting(mine.get(random.nextInt(mine.size())).id(), random.nextInt(2))))));
            return JournalRecord.newBuilder().setOfferAnswered(OfferAnswered.newBuilder().setOfferId(id)
                    .setCharacterId(to).setResponse(RespondToOffer.Response.ACCEPT));
        }

        private String anyCharacter() {
            var cs = state.board().characters();
            return cs.get(random.nextInt(cs.size())).id();
        }

        private Option anyOption() {
            var os = state.board().options();
            return os.get(random.nextInt(os.size()));
        }

        private static OptionSetting setting(String option, int choice) {
            return OptionSetting.newBuilder().setOptionId(option)
                    .setChoice(choice == 0 ? Choice.YES : choice == 1 ? Choice.NO : Choice.OPEN).build();
        }
    }
}
