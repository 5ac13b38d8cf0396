package dev.drama.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drama.scenarios.model.Pack;
import dev.drama.scenarios.model.PackCharacter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The debrief page in headless Chromium at 1280x720, after a scripted session: the
 * projector's copy waits for the trainer to open the debrief and then shows it without a
 * secret; the trainer reaches the page from the dashboard's link, its dilemma charts show
 * exactly the dilemmas that arose and resolved, and its parts are reached by keyboard.
 * Screenshots are kept in {@code server/target/screenshots/}.
 */
class DebriefBrowserTest {
    static final Duration PAGE_TIMEOUT = DashboardBrowserTest.PAGE_TIMEOUT;
    static final int TAB = 9;
    static final int RIGHT = 39;

    @Test
    void theDebriefPageChartsTheSessionAndTheProjectorsCopyHoldsNoSecret() throws Exception {
        if (!Chromium.installed()) {
            System.out.println("DebriefBrowserTest skipped: " + Chromium.BINARY + " is missing (apt-get install -y chromium)");
        }
        assumeTrue(Chromium.installed(), "no " + Chromium.BINARY);
        Pack pack = Play.bundledPack("community-safety");

        try (ServerFixture f = new ServerFixture();
             DebriefPlay play = new DebriefPlay(f).negotiate();
             Chromium browser = Chromium.start()) {
            String projectorDebrief = play.links.getProjectorUrl().replace("/#", "/debrief.html#");
            Chromium.Page projector = browser.open(projectorDebrief);
            projector.until("document.getElementById('status').textContent.includes('when the trainer opens it')",
                    PAGE_TIMEOUT);
            assertThat(projector.eval("document.querySelectorAll('.chart-block').length").asInt()).isZero();

            play.commitAll().openDebrief();
            // The projector's copy appears by itself once the debrief is open to everyone.
            projector.until("document.querySelectorAll('.chart-block').length === 5", PAGE_TIMEOUT);
            projector.until("document.getElementById('timeline').textContent.includes('the outcome is revealed')", PAGE_TIMEOUT);
            String page = projector.eval("document.documentElement.outerHTML").asText();
            assertThat(page).doesNotContain(DebriefPlay.PRIVATE).doesNotContain(DebriefPlay.NOTE)
                    .doesNotContain("token=");
            // The briefings are everyone's in the debrief, but this page does not show them: none leaks by accident.
            for (PackCharacter c : pack.characters()) {
                for (String sentence : PrivacyOnTheWireTest.distinctiveSentences(pack, c)) {
                    assertThat(page).as("the projector's debrief shows %s's briefing", c.id()).doesNotContain(sentence);
                }
            }
            // Talk full of markup is shown as the words typed, and made no element.
            assertThat(projector.eval("document.getElementById('timeline').textContent").asText()).contains(DebriefPlay.MARKUP);
            assertThat(projector.eval("document.querySelectorAll('#timeline *:not(li):not(time)').length").asInt()).isZero();
            assertThat(projector.eval("document.scripts.length").asInt()).isEqualTo(2);
            assertThat(projector.eval("document.getElementById('download').hidden").asBoolean()).isTrue();
            projector.screenshot(DashboardBrowserTest.SCREENSHOTS.resolve("debrief-projector.png"));

            // The trainer reaches the debrief from the dashboard's link.
            Chromium.Page trainer = browser.open(play.links.getDashboardUrl());
            trainer.until("!document.getElementById('debrief-link').hidden", PAGE_TIMEOUT);
            trainer.eval("document.getElementById('debrief-link').click()");
            trainer.until("location.pathname === '/debrief.html' && document.querySelectorAll('.chart-block').length === 5",
                    PAGE_TIMEOUT);
            assertThat(trainer.eval("document.getElementById('role-label').textContent").asText())
                    .isEqualTo("Trainer's copy: with private talk");
            assertThat(trainer.eval("document.getElementById('timeline').textContent").asText()).contains(DebriefPlay.PRIVATE);

            // The dilemma charts show what the trainer was told live: a closed bar for each dilemma that
            // resolved, and an open one for each still there at the end.
            Map<String, Integer> closed = new TreeMap<>();
            Set<String> open = new TreeSet<>();
            for (JsonNode bar : trainer.eval("[...document.querySelectorAll('.chart-block g.span')].map(g => "
                    + "[g.closest('.chart-block').dataset.holder, g.dataset.kind, g.dataset.towards, g.dataset.open])")) {
                String key = bar.get(0).asText() + "|" + bar.get(1).asText() + "|" + bar.get(2).asText();
                if (bar.get(3).asBoolean()) {
                    open.add(key);
                } else {
                    closed.merge(key, 1, Integer::sum);
                }
            }
            assertThat(closed).isEqualTo(play.resolvedDilemmas()).containsKey("youth|REJECTION|council");
            assertThat(open).isEqualTo(play.liveDilemmas()).contains("council|COOPERATION|");
            // Each bar says in words what it is (a tooltip, and the chart's label for screen readers).
            assertThat(trainer.eval("document.querySelector('[data-holder=youth] svg').getAttribute('aria-label')").asText())
                    .contains("rejection dilemma towards Karen Whitlow: arose").contains("resolved");
            trainer.screenshot(DashboardBrowserTest.SCREENSHOTS.resolve("debrief-dilemmas.png"));

            // By keyboard: Tab goes from the skip link to the selected part, then the arrow keys move between parts.
            List<String> order = new ArrayList<>();
            trainer.eval("document.activeElement.blur()");
            for (int i = 0; i < 5; i++) {
                trainer.press("Tab", TAB);
                order.add(trainer.eval("document.activeElement.id || document.activeElement.className").asText());
            }
            assertThat(order).containsExactly("skip", "tab-dilemmas", "refresh", "download", "back");
            trainer.eval("document.getElementById('tab-dilemmas').focus()");
            assertThat(trainer.eval("getComputedStyle(document.activeElement).outlineStyle").asText()).isEqualTo("solid");
            trainer.press("ArrowRight", RIGHT);
            trainer.until("!document.getElementById('view-outcome').hidden && document.activeElement.id === 'tab-outcome'",
                    PAGE_TIMEOUT);
            // Every character's row marks the outcome once.
            assertThat(trainer.eval("document.querySelectorAll('#ranking-chart .is-outcome').length").asInt()).isEqualTo(5);
            trainer.screenshot(DashboardBrowserTest.SCREENSHOTS.resolve("debrief-outcome.png"));
            trainer.press("ArrowRight", RIGHT);
            trainer.until("!document.getElementById('view-agreements').hidden", PAGE_TIMEOUT);
            assertThat(trainer.eval("document.getElementById('agreements').innerText").asText())
                    .contains("✓ kept").contains("✗ broken");
            trainer.screenshot(DashboardBrowserTest.SCREENSHOTS.resolve("debrief-agreements.png"));
            trainer.press("ArrowRight", RIGHT);
            trainer.until("!document.getElementById('view-timeline').hidden", PAGE_TIMEOUT);
            trainer.screenshot(DashboardBrowserTest.SCREENSHOTS.resolve("debrief-timeline.png"));
        }
    }
}
