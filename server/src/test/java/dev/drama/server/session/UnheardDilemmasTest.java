package dev.drama.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drama.proto.CharacterAssigned;
import dev.drama.proto.Choice;
import dev.drama.proto.JournalRecord;
import dev.drama.proto.OptionSetting;
import dev.drama.proto.ParticipantJoined;
import dev.drama.proto.Phase;
import dev.drama.proto.PhaseChanged;
import dev.drama.proto.PositionSet;
import dev.drama.proto.Role;
import dev.drama.proto.ServerMessage;
import dev.drama.scenarios.model.Pack;
import dev.drama.scenarios.registry.PackRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A live session builds a dilemma's news only when someone connected may have it; a replay builds all of it. */
class UnheardDilemmasTest {
    private static final Recipient NOWHERE = new Recipient() {
        @Override
        public void send(ServerMessage message) {
        }

        @Override
        public void close() {
        }
    };

    @Test
    void dilemmaNewsIsBuiltOnlyForSomeoneWhoMayHaveIt() {
        Pack pack;
        try (PackRegistry packs = new PackRegistry(null, Duration.ZERO, true)) {
            packs.start();
            pack = packs.find("community-safety").orElseThrow();
        }
        List<JournalRecord> moves = new ArrayList<>();
        Random random = new Random(7);
        for (int i = 0; i < 40; i++) {
            var c = pack.playableCharacters().get(random.nextInt(pack.playableCharacters().size())).id();
            var o = pack.options().get(random.nextInt(pack.options().size())).id();
            moves.add(JournalRecord.newBuilder().setPositionSet(PositionSet.newBuilder().setCharacterId(c)
                    .addSettings(OptionSetting.newBuilder().setOptionId(o).setChoice(random.nextBoolean() ? Choice.YES : Choice.NO)))
                    .build());
        }
        List<String> replayed = holders(play(pack, moves, false, null));
        assertThat(replayed).as("a replay (the debrief's) has every dilemma's news").isNotEmpty();
        assertThat(holders(play(pack, moves, true, null))).as("nobody connected").isEmpty();
        assertThat(holders(play(pack, moves, true, "p0"))).as("a trainer connected").isEqualTo(replayed);
        assertThat(holders(play(pack, moves, true, "p1"))).as("the council's player alone")
                .isEqualTo(replayed.stream().filter("council"::equals).toList());
    }

    private static List<String> holders(List<Outbound> out) {
        return out.stream().filter(o -> o.message().hasDilemma())
                .map(o -> o.message().getDilemma().getDilemma().getHolderId()).toList();
    }

    /** The moves, each settled, in a session with a trainer (p0) and the council's player (p1); {@code connected} has a connection. */
    private static List<Outbound> play(Pack pack, List<JournalRecord> moves, boolean live, String connected) {
        SessionState state = new SessionState("s", "ABCDEFG", pack, 0);
        if (live) {
            state.buildOnlyHeardDilemmas();
        }
        long seq = 0;
        state.apply(JournalRecord.newBuilder().setSeq(++seq).setParticipantJoined(ParticipantJoined.newBuilder()
                .setParticipantId("p0").setDisplayName("Trainer").setRole(Role.TRAINER)).build());
        state.apply(JournalRecord.newBuilder().setSeq(++seq).setParticipantJoined(ParticipantJoined.newBuilder()
                .setParticipantId("p1").setDisplayName("Karen").setRole(Role.TRAINEE)).build());
        state.apply(JournalRecord.newBuilder().setSeq(++seq).setCharacterAssigned(CharacterAssigned.newBuilder()
                .setParticipantId("p1").setCharacterId("council")).build());
        for (Phase p : List.of(Phase.BRIEFING, Phase.NEGOTIATION)) {
            state.apply(JournalRecord.newBuilder().setSeq(++seq).setPhaseChanged(PhaseChanged.newBuilder().setPhase(p)).build());
        }
        state.settle();
        if (connected != null) {
            state.participant(connected).orElseThrow().attach(NOWHERE);
        }
        List<Outbound> out = new ArrayList<>();
        for (JournalRecord move : moves) {
            out.addAll(state.apply(move.toBuilder().setSeq(++seq).build()));
            out.addAll(state.settle());
        }
        return out;
    }
}
