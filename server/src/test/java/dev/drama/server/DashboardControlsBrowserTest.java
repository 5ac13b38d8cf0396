package dev.drama.server;

import static dev.drama.server.Play.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.drama.proto.DashboardLinks;
import dev.drama.proto.Join;
import dev.drama.proto.ParticipantEvent;
import dev.drama.proto.RotateJoinCode;
import dev.drama.proto.ServerMessage;
import org.junit.jupiter.api.Test;

/**
 * The trainer's controls on the dashboard that the console had alone: assigning a character
 * to a trainee, and, after the join code is rotated, links that still open the session
 * (the console is sent them too).
 */
class DashboardControlsBrowserTest {

    @Test
    void theTrainerAssignsFromTheDashboardAndARotatedCodeRefreshesTheLinks() throws Exception {
        assumeTrue(Chromium.installed(), "no " + Chromium.BINARY);
        try (ServerFixture f = new ServerFixture();
             Wire trainer = Wire.connect("trainer", f.port(), f.server.trainerSecret());
             Wire alice = Wire.connect("alice", f.port(), null);
             Chromium browser = Chromium.start()) {
            String code = create(trainer, "community-safety").getJoinCode();
            DashboardLinks links = trainer.await(ServerMessage::hasDashboardLinks).getDashboardLinks();
            ok(alice.request(cmd().setJoin(Join.newBuilder().setJoinCode(code).setDisplayName("Alice"))));

            Chromium.Page dashboard = browser.open(links.getDashboardUrl());
            dashboard.until("!!document.getElementById('assign-form') && !document.getElementById('assign-form').hidden && "
                    + "document.getElementById('assign-who').innerText.includes('Alice (no character)')",
                    DashboardBrowserTest.PAGE_TIMEOUT);
            dashboard.eval("document.getElementById('assign-character').value = 'police'");
            dashboard.eval("document.querySelector('#assign-form button[type=submit]').click()");
            alice.await(m -> m.hasParticipant() && m.getParticipant().getChange() == ParticipantEvent.Change.ASSIGNED
                    && m.getParticipant().getParticipant().getCharacterId().equals("police"));
            dashboard.until("document.getElementById('assign-who').innerText.includes('Alice (Inspector Sam Okafor)')",
                    DashboardBrowserTest.PAGE_TIMEOUT);
            dashboard.screenshot(DashboardBrowserTest.SCREENSHOTS.resolve("dashboard-assign.png"));

            // The code is rotated from the console: it hears the new code, then links that hold it.
            acked(trainer, cmd().setRotateJoinCode(RotateJoinCode.getDefaultInstance()));
            String rotated = trainer.await(ServerMessage::hasJoinCode).getJoinCode().getJoinCode();
            DashboardLinks fresh = trainer.await(m -> m.hasDashboardLinks()
                    && m.getDashboardLinks().getProjectorUrl().endsWith("#code=" + rotated)).getDashboardLinks();
            assertThat(fresh.getDashboardUrl()).contains("#code=" + rotated + "&token=")
                    .endsWith(links.getDashboardUrl().substring(links.getDashboardUrl().indexOf("&token=")));
            // The page shows the new code, its own address holds it, and its projector link is the new one.
            dashboard.until("document.getElementById('join-code').textContent === '" + rotated + "'",
                    DashboardBrowserTest.PAGE_TIMEOUT);
            dashboard.until("location.hash.includes('code=" + rotated + "')", DashboardBrowserTest.PAGE_TIMEOUT);
            dashboard.until("document.querySelector('#links a').href === '" + fresh.getProjectorUrl() + "'",
                    DashboardBrowserTest.PAGE_TIMEOUT);
            // A reload opens the session again from the page's new address.
            dashboard.eval("window.beforeReload = true; sessionStorage.clear(); location.reload()");
            dashboard.until("!window.beforeReload && !!document.getElementById('role-label') && "
                    + "document.getElementById('role-label').textContent === \"Trainer's dashboard\" && "
                    + "document.getElementById('join-code').textContent === '" + rotated + "'", DashboardBrowserTest.PAGE_TIMEOUT);
        }
    }
}
