package dev.drama.server;

import static dev.drama.server.Play.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drama.proto.AttachTrainer;
import dev.drama.proto.DashboardLinks;
import dev.drama.proto.DeclareDoubt;
import dev.drama.proto.MakeOffer;
import dev.drama.proto.Phase;
import dev.drama.proto.RespondToOffer;
import dev.drama.proto.Say;
import dev.drama.proto.ServerMessage;
import dev.drama.proto.StateIntentions;
import dev.drama.proto.Tell;
import dev.drama.proto.Watch;
import dev.drama.scenarios.model.Pack;
import dev.drama.scenarios.model.PackCharacter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The projector page's WebSocket over a whole session up to the reveal: every frame it
 * received is searched for what an observer must never see (briefings, preferences,
 * private talk, offers and their notes, dilemmas, moment-of-truth choices). The trainer's
 * dashboard on the same session does receive them, so the search is not searching nothing.
 */
class ProjectorPrivacyTest {
    static final String PRIVATE = "for your ears only, council: zq-private-talk";
    static final String NOTE = "zq-offer-note";

    @Test
    void theProjectorReceivesNothingAnObserverMayNotSee() throws Exception {
        Pack pack = bundledPack("community-safety");

        try (ServerFixture f = new ServerFixture();
             Wire trainer = Wire.connect("trainer", f.port(), f.server.trainerSecret());
             Wire council = Wire.connect("council", f.port(), null);
             Wire police = Wire.connect("police", f.port(), null);
             Wire chair = Wire.connect("chair", f.port(), null);
             BrowserWire projector = BrowserWire.connect(f.server.httpPort());
             BrowserWire dashboard = BrowserWire.connect(f.server.httpPort())) {
            String code = create(trainer, "community-safety").getJoinCode();
            DashboardLinks links = trainer.await(ServerMessage::hasDashboardLinks, Wire.TIMEOUT).getDashboardLinks();
            String token = links.getDashboardUrl().substring(links.getDashboardUrl().indexOf("&token=") + 7);
            ok(projector.request(cmd().setWatch(Watch.newBuilder().setJoinCode(code).setDisplayName("Projector"))));
            ok(dashboard.request(cmd().setAttachTrainer(AttachTrainer.newBuilder().setJoinCode(code)
                    .setDashboardToken(token).setDisplayName("Dashboard"))));
            join(council, code, "Karen", "council");
            join(police, code, "Sam", "police");
            join(chair, code, "Maureen", "chair");
            advance(trainer, Phase.BRIEFING);
            advance(trainer, Phase.NEGOTIATION);
            acked(chair, cmd().setTell(Tell.newBuilder().addToCharacterIds("council").setText(PRIVATE)));
            acked(police, cmd().setSay(Say.newBuilder().setText("everyone can hear this: zq-public")));
            acked(council, cmd().setMakeOffer(MakeOffer.newBuilder().addToCharacterIds("police")
                    .addAsk(set("dispersal", false)).addPromise(set("fund", true)).setNote(NOTE)));
            acked(police, cmd().setRespondToOffer(RespondToOffer.newBuilder().setOfferId("o1")
                    .setResponse(RespondToOffer.Response.ACCEPT)));
            acked(chair, cmd().setStateIntentions(StateIntentions.newBuilder().addSettings(set("walkout", true))));
            acked(chair, cmd().setDeclareDoubt(DeclareDoubt.newBuilder().setAboutCharacterId("council").setDoubt(true)));
            advance(trainer, Phase.MOMENT_OF_TRUTH);
            acked(council, commit(set("agenda", false), set("pspo", false), set("fund", true)));
            // The last event before the reveal that both pages get: police's commitment, without its choices.
            acked(police, commit(set("dispersal", false), set("data", true)));
            projector.await(m -> m.hasCommitment() && m.getCommitment().getCharacterId().equals("police"));
            dashboard.await(m -> m.hasCommitment() && m.getCommitment().getCharacterId().equals("police"));

            List<String> violations = new ArrayList<>();
            List<String> frames = projector.frames();
            List<ServerMessage> messages = projector.received();
            for (int i = 0; i < frames.size(); i++) {
                ServerMessage m = messages.get(i);
                // The frame as text and as the strings it carries (JSON escapes some characters).
                byte[] strings = m.toByteArray();
                String where = "projector frame " + i + " (" + m.getBodyCase() + ")";
                for (String secret : List.of(PRIVATE, NOTE)) {
                    if (frames.get(i).contains(secret) || PrivacyOnTheWireTest.contains(strings, secret.getBytes(StandardCharsets.UTF_8))) {
                        violations.add(where + " has " + secret);
                    }
                }
                for (PackCharacter c : pack.characters()) {
                    for (String sentence : PrivacyOnTheWireTest.distinctiveSentences(pack, c)) {
                        if (PrivacyOnTheWireTest.contains(strings, sentence.getBytes(StandardCharsets.UTF_8))) {
                            violations.add(where + " has " + c.id() + "'s briefing: " + sentence);
                        }
                    }
                }
                if (m.hasBriefing() || m.hasDilemma() || m.hasOffer() || m.hasDashboardLinks()
                        || (m.hasCommitment() && m.getCommitment().getChoicesCount() > 0)) {
                    violations.add(where + " should not reach an observer");
                }
            }
            System.out.printf("ProjectorPrivacyTest: %d projector frames searched, %d violations%n", frames.size(), violations.size());
            assertThat(violations).isEmpty();
            assertThat(projector.received()).anyMatch(m -> m.hasTalk() && m.getTalk().getText().contains("zq-public"));
            assertThat(projector.received()).anyMatch(ServerMessage::hasBoard);
            // The trainer's dashboard, on the same session, has what the projector must not.
            List<ServerMessage> seen = dashboard.received();
            assertThat(seen).anyMatch(m -> m.hasTalk() && m.getTalk().getText().equals(PRIVATE));
            assertThat(seen).anyMatch(m -> m.hasOffer() && m.getOffer().getOffer().getNote().equals(NOTE));
            assertThat(seen).anyMatch(ServerMessage::hasDilemma);
            assertThat(seen).anyMatch(m -> m.hasBriefing() && m.getBriefing().getCharacterId().equals("chair"));
            assertThat(seen).anyMatch(m -> m.hasCommitment() && m.getCommitment().getChoicesCount() > 0);
        }
    }
}
