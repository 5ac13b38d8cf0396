package dev.drama.bench.server;

import dev.drama.engine.Dilemma;
import dev.drama.proto.Choice;
import dev.drama.proto.ClientMessage;
import dev.drama.proto.DilemmaEvent;
import dev.drama.proto.JournalRecord;
import dev.drama.proto.MakeOffer;
import dev.drama.proto.Offer;
import dev.drama.proto.OfferEvent;
import dev.drama.proto.OptionSetting;
import dev.drama.proto.Phase;
import dev.drama.proto.PhaseChanged;
import dev.drama.proto.PositionSet;
import dev.drama.proto.Say;
import dev.drama.proto.ServerMessage;
import dev.drama.proto.SetPosition;
import dev.drama.proto.Talk;
import dev.drama.proto.TalkSent;
import dev.drama.proto.Ack;
import dev.drama.scenarios.model.Pack;
import dev.drama.scenarios.registry.PackRegistry;
import dev.drama.server.session.SessionState;
import dev.drama.server.view.DilemmaViews;
import java.time.Duration;

/** Realistic messages for the server benchmarks, taken from the bundled scrutiny pack (6 characters). */
final class Fixtures {
    static final String PACK = "scrutiny";

    private Fixtures() {
    }

    static Pack pack() {
        try (PackRegistry registry = new PackRegistry(null, Duration.ofHours(1), true)) {
            registry.start();
            return registry.find(PACK).orElseThrow();
        }
    }

    /** A session state of the pack in negotiation (so moves report dilemmas). */
    static SessionState negotiating(Pack pack) {
        SessionState state = new SessionState("bench", "ABCDEFG", pack, 0);
        state.apply(JournalRecord.newBuilder().setSeq(1).setPhaseChanged(PhaseChanged.newBuilder().setPhase(Phase.BRIEFING)).build());
        state.apply(JournalRecord.newBuilder().setSeq(2).setPhaseChanged(PhaseChanged.newBuilder().setPhase(Phase.NEGOTIATION)).build());
        return state;
    }

    static OptionSetting set(String option, boolean yes) {
        return OptionSetting.newBuilder().setOptionId(option).setChoice(yes ? Choice.YES : Choice.NO).build();
    }

    static JournalRecord positionRecord(long seq, String character, String option, boolean yes) {
        return JournalRecord.newBuilder().setSeq(seq).setAtEpochMs(1_700_000_000_000L + seq)
                .setPositionSet(PositionSet.newBuilder().setCharacterId(character).addSettings(set(option, yes))).build();
    }

    static JournalRecord talkRecord(long seq) {
        return JournalRecord.newBuilder().setSeq(seq).setAtEpochMs(1_700_000_000_000L + seq)
                .setTalkSent(TalkSent.newBuilder().setTalk(Talk.newBuilder().setFromCharacterId("chair")
                        .setFromName("Cllr Aisha Rahman, chair of the Overview and Scrutiny Committee")
                        .setText("We have to see the ward figures before anyone votes on this; the residents deserve that much."))).build();
    }

    // ------------------------------------------------------------------ client -> server

    static ClientMessage say() {
        return ClientMessage.newBuilder().setRequestId(1234).setSay(Say.newBuilder()
                .setText("We have to see the ward figures before anyone votes on this; the residents deserve that much.")).build();
    }

    static ClientMessage position() {
        return ClientMessage.newBuilder().setRequestId(1234).setSetPosition(SetPosition.newBuilder()
                .addSettings(set("wards", true))).build();
    }

    static ClientMessage offer() {
        return ClientMessage.newBuilder().setRequestId(1234).setMakeOffer(MakeOffer.newBuilder().addToCharacterIds("cabinet")
                .addAsk(set("wards", true)).addPromise(set("callin", false)).addThreat(set("callin", true))
                .setNote("if you move on this, I will move on mine")).build();
    }

    // ------------------------------------------------------------------ server -> client

    static ServerMessage ack() {
        return ServerMessage.newBuilder().setRequestId(1234).setAck(Ack.getDefaultInstance()).build();
    }

    static ServerMessage board(SessionState state) {
        return ServerMessage.newBuilder().setSeq(42).setBoard(state.boardView()).build();
    }

    static ServerMessage dilemma(SessionState state) {
        Dilemma d = state.analysis().dilemmas().get(0);
        return DilemmaViews.event(d, DilemmaEvent.Change.AROSE);
    }

    static ServerMessage publicTalk() {
        return ServerMessage.newBuilder().setSeq(43).setTalk(Talk.newBuilder().setFromCharacterId("chair")
                .setFromName("Cllr Aisha Rahman, chair of the Overview and Scrutiny Committee")
                .setText("We have to see the ward figures before anyone votes on this; the residents deserve that much.")).build();
    }

    static ServerMessage privateTalk() {
        return ServerMessage.newBuilder().setSeq(44).setTalk(Talk.newBuilder().setFromCharacterId("chair")
                .setFromName("Cllr Aisha Rahman").addToCharacterIds("cabinet").setPrivate(true)
                .setText("Between us: I can live with the critical friend if you hold back on the call-in.")).build();
    }

    static ServerMessage offerEvent() {
        return ServerMessage.newBuilder().setSeq(45).setOffer(OfferEvent.newBuilder().setByCharacterId("chair")
                .setOffer(Offer.newBuilder().setOfferId("o7").setFromCharacterId("chair").addToCharacterIds("cabinet")
                        .addAsk(set("wards", true)).addPromise(set("callin", false)).addThreat(set("callin", true))
                        .setStatus(Offer.Status.PENDING))).build();
    }
}
