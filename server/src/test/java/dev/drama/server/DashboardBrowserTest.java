package dev.drama.server;

import static dev.drama.server.Play.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.drama.proto.DashboardLinks;
import dev.drama.proto.DilemmaEvent;
import dev.drama.proto.DilemmaKind;
import dev.drama.proto.MakeOffer;
import dev.drama.proto.Phase;
import dev.drama.proto.RespondToOffer;
import dev.drama.proto.ServerMessage;
import dev.drama.proto.Say;
import dev.drama.proto.StateIntentions;
import dev.drama.proto.Tell;
import dev.drama.scenarios.model.Pack;
import dev.drama.scenarios.model.PackCharacter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The dashboard and the projector view in headless Chromium, while a scripted session of
 * the bundled community-safety pack runs: the board shows, dilemmas appear on the map
 * after the move that caused them and go when resolved, a badge opens its explanation,
 * the trainer's button moves the phase on, and the projector page holds no secret.
 * Screenshots are kept in {@code server/target/screenshots/}.
 */
class DashboardBrowserTest {
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Duration PAGE_TIMEOUT = Duration.ofSeconds(20);
    static final String PRIVATE = "If residents are not in the room when the agenda is set, we walk.";
    static final String NOTE = "One year, Friday and Saturday nights";

    static String badge(String key) {
        return "!!document.querySelector('[data-key=\"" + key + "\"]')";
    }

    @Test
    void dashboardFollowsTheSessionAndTheProjectorShowsNoSecret() throws Exception {
        if (!Chromium.installed()) {
            System.out.println("DashboardBrowserTest skipped: " + Chromium.BINARY + " is missing (apt-get install -y chromium)");
        }
        assumeTrue(Chromium.installed(), "no " + Chromium.BINARY);
        Pack pack = bundledPack("community-safety");

        try (ServerFixture f = new ServerFixture();
             Wire trainer = Wire.connect("trainer", f.port(), f.server.trainerSecret());
             Wire council = Wire.connect("council", f.port(), null);
             Wire police = Wire.connect("police", f.port(), null);
             Wire chair = Wire.connect("chair", f.port(), null);
             Wire youth = Wire.connect("youth", f.port(), null);
             Chromium browser = Chromium.start()) {
            String code = create(trainer, "community-safety").getJoinCode();
            DashboardLinks links = trainer.await(ServerMessage::hasDashboardLinks, Wire.TIMEOUT).getDashboardLinks();
            join(council, code, "Karen", "council");
            join(police, code, "Sam", "police");
            join(chair, code, "Maureen", "chair");
            join(youth, code, "Dev", "youth");
            advance(trainer, Phase.BRIEFING);
            advance(trainer, Phase.NEGOTIATION);

            Chromium.Page dashboard = browser.open(links.getDashboardUrl());
            dashboard.until("document.querySelectorAll('#board th[scope=row]').length > 5", PAGE_TIMEOUT);
            assertThat(dashboard.eval("document.getElementById('role-label').textContent").asText())
                    .isEqualTo("Trainer's dashboard");
            // Dev's rejection dilemma towards Karen is there from the start; Karen's acceptance of
            // his offer resolves it and gives her a co-operation dilemma.
            String rejection = "youth|REJECTION|council";
            dashboard.until(badge(rejection), PAGE_TIMEOUT);
            acked(chair, cmd().setTell(Tell.newBuilder().addToCharacterIds("council").setText(PRIVATE)));
            acked(youth, cmd().setMakeOffer(MakeOffer.newBuilder().addToCharacterIds("council")
                    .addAsk(set("fund", true)).addPromise(set("outreach", true)).addPromise(set("ywalk", false))
                    .addThreat(set("ywalk", true)).setNote(NOTE)));
            dashboard.until("document.getElementById('offers').innerText.includes('PENDING')", PAGE_TIMEOUT);
            acked(council, cmd().setRespondToOffer(RespondToOffer.newBuilder().setOfferId("o1")
                    .setResponse(RespondToOffer.Response.ACCEPT)));
            trainer.await(m -> m.hasDilemma() && m.getDilemma().getChange() == DilemmaEvent.Change.AROSE
                    && m.getDilemma().getDilemma().getKind() == DilemmaKind.COOPERATION
                    && m.getDilemma().getDilemma().getHolderId().equals("council"), Wire.TIMEOUT);
            long shown = dashboard.until(badge("council|COOPERATION|"), PAGE_TIMEOUT);
            long gone = dashboard.until("!" + badge(rejection), PAGE_TIMEOUT);
            acked(chair, cmd().setStateIntentions(StateIntentions.newBuilder().addSettings(set("walkout", true))));
            dashboard.until("document.getElementById('offers').innerText.includes('AGREEMENT')", PAGE_TIMEOUT);
            // The board shows what the agreement settles: Karen funds, Dev runs the outreach and stays.
            dashboard.until("document.querySelectorAll('#board td.agreed .mark').length === 3", PAGE_TIMEOUT);
            dashboard.until("document.getElementById('timeline').innerText.includes('we walk')", PAGE_TIMEOUT);
            // The board came as deltas. One the page cannot apply (it missed changes; here its board is
            // made stale by hand) makes it ask for the whole board, which puts it level again.
            dashboard.eval("state.board = Object.assign({}, state.board, {version: '0', stances: []});"
                    + " applyDelta({baseVersion: '999999', version: '1000000'})");
            dashboard.until("!state.boardAsked && state.board.stances.length > 0 && state.board.version !== '0'", PAGE_TIMEOUT);
            dashboard.until("document.querySelectorAll('#board td.agreed .mark').length === 3", PAGE_TIMEOUT);
            System.out.printf("DashboardBrowserTest: the dilemma that arose was on the map %d ms after "
                    + "the trainer's console had it, and the resolved one gone %d ms later (polling every 20 ms)%n", shown, gone);
            dashboard.screenshot(SCREENSHOTS.resolve("dashboard-negotiation.png"));

            // A badge opens the dilemma's explanation and its ways out (by keyboard as by mouse).
            dashboard.eval("document.querySelector('[data-key=\"council|COOPERATION|\"]').focus()");
            dashboard.eval("document.activeElement.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', bubbles: true}))");
            dashboard.until("document.getElementById('dilemma-detail').innerText.includes('Ways out')", PAGE_TIMEOUT);
            dashboard.screenshot(SCREENSHOTS.resolve("dashboard-dilemma-detail.png"));

            Chromium.Page projector = browser.open(links.getProjectorUrl());
            projector.until("document.querySelectorAll('#board th[scope=row]').length > 5", PAGE_TIMEOUT);
            acked(police, cmd().setSay(Say.newBuilder().setText("The police will back a youth-led plan if the council funds it.")));
            projector.until("document.getElementById('timeline').innerText.includes('youth-led plan')", PAGE_TIMEOUT);
            projector.screenshot(SCREENSHOTS.resolve("projector.png"));
            String page = projector.eval("document.documentElement.outerHTML").asText();
            assertThat(page).doesNotContain(PRIVATE).doesNotContain(NOTE).doesNotContain("data-key");
            for (PackCharacter c : pack.characters()) {
                for (String sentence : PrivacyOnTheWireTest.distinctiveSentences(pack, c)) {
                    assertThat(page).as("the projector shows %s's briefing", c.id()).doesNotContain(sentence);
                }
            }
            assertThat(projector.eval("document.getElementById('controls').hidden").asBoolean()).isTrue();

            // The trainer's controls send the ordinary commands: an inject, the pause, the next phase.
            dashboard.eval("document.getElementById('inject-text').value = 'The Gazette wants a statement by 5pm'");
            dashboard.eval("document.querySelector('#inject-form button').click()");
            chair.await(m -> m.hasInject() && m.getInject().getText().contains("Gazette wants"), Wire.TIMEOUT);
            dashboard.eval("document.getElementById('pause').click()");
            trainer.await(m -> m.hasSessionState() && m.getSessionState().getPaused(), Wire.TIMEOUT);
            dashboard.until("document.getElementById('pause').textContent === 'Resume'", PAGE_TIMEOUT);
            dashboard.eval("document.getElementById('pause').click()");
            dashboard.until("document.getElementById('pause').textContent === 'Pause'", PAGE_TIMEOUT);
            dashboard.eval("document.getElementById('next-phase').click()");
            trainer.await(m -> m.hasSessionState() && m.getSessionState().getPhase() == Phase.MOMENT_OF_TRUTH, Wire.TIMEOUT);
            dashboard.until("document.querySelector('.phases .now').textContent === 'Moment of truth'", PAGE_TIMEOUT);
            assertThat(List.of(council, police, chair, youth)).allSatisfy(w -> w.await(
                    m -> m.hasSessionState() && m.getSessionState().getPhase() == Phase.MOMENT_OF_TRUTH, Wire.TIMEOUT));

            // Everyone commits; the reveal puts the outcome on the board beside the threatened future,
            // and the session waits there until the trainer opens the debrief.
            acked(council, commit(set("agenda", true), set("pspo", true), set("fund", true)));
            acked(police, commit(set("dispersal", true), set("data", false)));
            acked(chair, commit(set("walkout", true)));
            acked(youth, commit(set("ywalk", false), set("outreach", true)));
            dashboard.until("document.querySelectorAll('#board td.outcome .mark').length > 5", PAGE_TIMEOUT);
            dashboard.eval("document.getElementById('next-phase').click()");
            dashboard.until("document.querySelector('.phases .now').textContent === 'Debrief'", PAGE_TIMEOUT);
            dashboard.screenshot(SCREENSHOTS.resolve("dashboard-debrief.png"));
        }
    }
}
