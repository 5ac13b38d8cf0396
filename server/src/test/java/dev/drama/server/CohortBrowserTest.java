package dev.drama.server;

import static dev.drama.server.Play.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.drama.proto.AttachTrainer;
import dev.drama.proto.CohortOpened;
import dev.drama.proto.CreateCohort;
import dev.drama.proto.MakeOffer;
import dev.drama.proto.Phase;
import dev.drama.proto.RespondToOffer;
import dev.drama.proto.ServerMessage;
import dev.drama.proto.Tell;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cohort page in headless Chromium while three scripted groups of community-safety
 * play: the three groups side by side with each character's dilemmas, live; then, once
 * every group has had its debrief, what each group met and the spread of the outcomes.
 * Screenshots in {@code server/target/screenshots/}.
 */
class CohortBrowserTest {
    static final String PRIVATE = "Between us: the agenda is negotiable, zq-cohort";

    /** One group: its trainer and three trainees (council, youth, chair). */
    record Group(int number, String code, Wire trainer, Wire council, Wire youth, Wire chair) {
        List<Wire> players() {
            return List.of(council, youth, chair);
        }
    }

    @Test
    void theCohortPageShowsTheGroupsSideBySideAndTheSpreadOfTheirOutcomes() throws Exception {
        if (!Chromium.installed()) {
            System.out.println("CohortBrowserTest skipped: " + Chromium.BINARY + " is missing (apt-get install -y chromium)");
        }
        assumeTrue(Chromium.installed(), "no " + Chromium.BINARY);
        List<AutoCloseable> open = new ArrayList<>();
        try (ServerFixture f = new ServerFixture();
             Chromium browser = Chromium.start()) {
            Wire first = Wire.connect("trainer 1", f.port(), f.server.trainerSecret());
            open.add(first);
            ok(first.request(cmd().setCreateCohort(CreateCohort.newBuilder().setPackId("community-safety").setGroups(3))));
            CohortOpened cohort = first.await(ServerMessage::hasCohortOpened).getCohortOpened();
            List<Group> groups = new ArrayList<>();
            for (int n = 1; n <= 3; n++) {
                String code = cohort.getGroups(n - 1).getJoinCode();
                Wire trainer = n == 1 ? first : Wire.connect("trainer " + n, f.port(), f.server.trainerSecret());
                if (n > 1) {
                    open.add(trainer);
                    ok(trainer.request(cmd().setAttachTrainer(AttachTrainer.newBuilder().setJoinCode(code))));
                }
                Group g = new Group(n, code, trainer, Wire.connect("council " + n, f.port(), null),
                        Wire.connect("youth " + n, f.port(), null), Wire.connect("chair " + n, f.port(), null));
                open.addAll(g.players());
                join(g.council(), code, "Karen " + n, "council");
                join(g.youth(), code, "Dev " + n, "youth");
                join(g.chair(), code, "Maureen " + n, "chair");
                advance(trainer, Phase.BRIEFING);
                advance(trainer, Phase.NEGOTIATION);
                groups.add(g);
            }
            // Group 1 strikes a deal (Karen's acceptance gives her a co-operation dilemma); group 2 talks in private.
            Group one = groups.get(0);
            acked(one.youth(), cmd().setMakeOffer(MakeOffer.newBuilder().addToCharacterIds("council")
                    .addAsk(set("fund", true)).addPromise(set("outreach", true)).addPromise(set("ywalk", false))));
            acked(one.council(), cmd().setRespondToOffer(RespondToOffer.newBuilder().setOfferId("o1")
                    .setResponse(RespondToOffer.Response.ACCEPT)));
            acked(groups.get(1).chair(), cmd().setTell(Tell.newBuilder().addToCharacterIds("council").setText(PRIVATE)));

            Chromium.Page page = browser.open(cohort.getCohortUrl());
            page.until("document.querySelectorAll('.group').length === 3", DashboardBrowserTest.PAGE_TIMEOUT);
            for (Group g : groups) {
                String card = "document.querySelector('.group[data-group=\"" + g.number() + "\"]')";
                page.until(card + ".innerText.includes('Negotiation') && " + card + ".innerText.includes('" + g.code() + "')",
                        DashboardBrowserTest.PAGE_TIMEOUT);
                page.until(card + ".querySelectorAll('.dilemmas .kind').length > 0", DashboardBrowserTest.PAGE_TIMEOUT);
                assertThat(page.eval(card + ".innerText").asText()).contains("Karen " + g.number(), "Dev " + g.number());
            }
            // Group 1's agreement shows, and Karen's co-operation dilemma with it.
            page.until("document.querySelector('.group[data-group=\"1\"]').innerText.includes('1 agreement')",
                    DashboardBrowserTest.PAGE_TIMEOUT);
            page.until("!!document.querySelector('.group[data-group=\"1\"] .kind[data-kind=COOPERATION]')",
                    DashboardBrowserTest.PAGE_TIMEOUT);
            page.screenshot(DashboardBrowserTest.SCREENSHOTS.resolve("cohort-live.png"));

            // Every group commits: the council funds the outreach in groups 1 and 3, not in 2.
            for (Group g : groups) {
                advance(g.trainer(), Phase.MOMENT_OF_TRUTH);
                boolean fund = g.number() != 2;
                acked(g.council(), commit(set("agenda", g.number() == 3), set("pspo", true), set("fund", fund)));
                acked(g.youth(), commit(set("ywalk", !fund), set("outreach", fund)));
                acked(g.chair(), commit(set("walkout", g.number() == 2)));
                g.council().await(ServerMessage::hasOutcome);
                advance(g.trainer(), Phase.DEBRIEF);
            }
            page.until("[...document.querySelectorAll('.group')].every(g => g.textContent.includes('Dilemmas met') "
                    + "&& g.querySelectorAll('.met-kinds li').length > 0)",
                    DashboardBrowserTest.PAGE_TIMEOUT);
            page.until("!document.getElementById('spread-panel').hidden", DashboardBrowserTest.PAGE_TIMEOUT);
            String fundRow = "[...document.querySelectorAll('#spread tbody tr')].find(r => r.innerText.includes('Fund detached youth outreach'))";
            page.until("!!" + fundRow, DashboardBrowserTest.PAGE_TIMEOUT);
            assertThat(page.eval(fundRow + ".innerText").asText()).contains("2 of 3");
            assertThat(page.eval(fundRow + ".className").asText()).isEqualTo("split");
            assertThat(page.eval("document.getElementById('cohort-summary').textContent").asText())
                    .isEqualTo("3 groups · 3 with an outcome");
            page.screenshot(DashboardBrowserTest.SCREENSHOTS.resolve("cohort-debrief.png"));
            page.screenshotWhole(DashboardBrowserTest.SCREENSHOTS.resolve("cohort-debrief-whole.png"));
            assertThat(page.eval("document.documentElement.outerHTML").asText()).doesNotContain(PRIVATE);
        } finally {
            for (AutoCloseable c : open) {
                c.close();
            }
        }
    }
}
