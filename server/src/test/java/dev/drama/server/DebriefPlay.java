package dev.drama.server;

import static dev.drama.server.Play.*;

import dev.drama.proto.DashboardLinks;
import dev.drama.proto.Dilemma;
import dev.drama.proto.DilemmaEvent;
import dev.drama.proto.MakeOffer;
import dev.drama.proto.Phase;
import dev.drama.proto.RespondToOffer;
import dev.drama.proto.Say;
import dev.drama.proto.ServerMessage;
import dev.drama.proto.StateIntentions;
import dev.drama.proto.Tell;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A scripted session of the bundled community-safety pack, played up to the debrief for the
 * debrief's tests: private talk, an offer with a private note that is accepted (and then
 * kept by one party and broken by the other), public talk full of markup, and everyone's
 * commitments. The steps are separate so a test can look in between.
 */
final class DebriefPlay implements AutoCloseable {
    static final String PRIVATE = "If residents are not in the room when the agenda is set, we walk.";
    static final String NOTE = "One year, Friday and Saturday nights";
    static final String MARKUP = "<script>alert('owned')</script> <b>bold</b> & \"the <i>Yard</i>\"";

    final Wire trainer;
    final Wire council;
    final Wire police;
    final Wire chair;
    final Wire youth;
    final String code;
    final DashboardLinks links;

    DebriefPlay(ServerFixture f) throws IOException {
        trainer = Wire.connect("trainer", f.port(), f.server.trainerSecret());
        council = Wire.connect("council", f.port(), null);
        police = Wire.connect("police", f.port(), null);
        chair = Wire.connect("chair", f.port(), null);
        youth = Wire.connect("youth", f.port(), null);
        code = create(trainer, "community-safety").getJoinCode();
        links = trainer.await(ServerMessage::hasDashboardLinks, Wire.TIMEOUT).getDashboardLinks();
        join(council, code, "Karen", "council");
        join(police, code, "Sam", "police");
        join(chair, code, "Maureen", "chair");
        join(youth, code, "Dev", "youth");
        advance(trainer, Phase.BRIEFING);
        advance(trainer, Phase.NEGOTIATION);
    }

    /** Dev's offer to Karen is accepted: his rejection dilemma towards her resolves, she gets a co-operation dilemma. */
    DebriefPlay negotiate() throws IOException {
        acked(chair, cmd().setTell(Tell.newBuilder().addToCharacterIds("council").setText(PRIVATE)));
        acked(youth, cmd().setMakeOffer(MakeOffer.newBuilder().addToCharacterIds("council")
                .addAsk(set("fund", true)).addPromise(set("outreach", true)).addPromise(set("ywalk", false))
                .addThreat(set("ywalk", true)).setNote(NOTE)));
        acked(council, cmd().setRespondToOffer(RespondToOffer.newBuilder().setOfferId("o1")
                .setResponse(RespondToOffer.Response.ACCEPT)));
        acked(chair, cmd().setStateIntentions(StateIntentions.newBuilder().addSettings(set("walkout", true))));
        acked(police, cmd().setSay(Say.newBuilder().setText(MARKUP)));
        return this;
    }

    /** Everyone commits; Karen does not fund the outreach she agreed to, Dev keeps his part. */
    DebriefPlay commitAll() throws IOException {
        advance(trainer, Phase.MOMENT_OF_TRUTH);
        acked(council, commit(set("agenda", true), set("pspo", true), set("fund", false)));
        acked(police, commit(set("dispersal", true), set("data", false)));
        acked(chair, commit(set("walkout", true)));
        acked(youth, commit(set("ywalk", false), set("outreach", true)));
        trainer.await(ServerMessage::hasOutcome, Wire.TIMEOUT);
        return this;
    }

    DebriefPlay openDebrief() throws IOException {
        advance(trainer, Phase.DEBRIEF);
        return this;
    }

    /** "holder|KIND|towards" of every dilemma the trainer was told resolved, with how many times. */
    Map<String, Integer> resolvedDilemmas() {
        Map<String, Integer> resolved = new TreeMap<>();
        for (ServerMessage m : trainer.received()) {
            if (m.hasDilemma() && m.getDilemma().getChange() == DilemmaEvent.Change.RESOLVED) {
                resolved.merge(key(m.getDilemma().getDilemma()), 1, Integer::sum);
            }
        }
        return resolved;
    }

    /** "holder|KIND|towards" of every dilemma the trainer still had at the end, as its console would show them. */
    Set<String> liveDilemmas() {
        Set<String> live = new TreeSet<>();
        for (ServerMessage m : trainer.received()) {
            if (m.hasDilemma()) {
                if (m.getDilemma().getChange() == DilemmaEvent.Change.RESOLVED) {
                    live.remove(key(m.getDilemma().getDilemma()));
                } else {
                    live.add(key(m.getDilemma().getDilemma()));
                }
            }
        }
        return live;
    }

    private static String key(Dilemma d) {
        return d.getHolderId() + "|" + d.getKind() + "|" + d.getTowardsId();
    }

    @Override
    public void close() {
        for (Wire w : List.of(trainer, council, police, chair, youth)) {
            w.close();
        }
    }
}
