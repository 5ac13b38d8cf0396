package dev.drama.server;

import static dev.drama.server.Play.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drama.proto.AttachTrainer;
import dev.drama.proto.ClientMessage;
import dev.drama.proto.ErrorCode;
import dev.drama.proto.ExportDebrief;
import dev.drama.proto.ServerMessage;
import dev.drama.proto.Watch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The debrief as the browser views ask for it: only a trainer token (or the trainer secret)
 * gets the trainer's copy; the projector gets nothing before the debrief and then only what
 * everyone may read. The HTML export is one file whose charts show what happened and in
 * which every text a participant typed stays text.
 */
class DebriefExportTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static ClientMessage.Builder export(ExportDebrief.Format format) {
        return cmd().setExportDebrief(ExportDebrief.newBuilder().setFormat(format));
    }

    @Test
    void theTrainersDebriefNeedsTheTokenAndTheProjectorNeverGetsIt() throws Exception {
        try (ServerFixture f = new ServerFixture();
             DebriefPlay play = new DebriefPlay(f).negotiate();
             BrowserWire stranger = BrowserWire.connect(f.server.httpPort());
             BrowserWire forger = BrowserWire.connect(f.server.httpPort());
             BrowserWire projector = BrowserWire.connect(f.server.httpPort());
             BrowserWire dashboard = BrowserWire.connect(f.server.httpPort())) {
            String token = play.links.getDashboardUrl().substring(play.links.getDashboardUrl().indexOf("&token=") + 7);
            // Not in the session: nothing. A wrong token does not seat it, so still nothing.
            assertThat(stranger.request(export(ExportDebrief.Format.JSON)).getError().getCode())
                    .isEqualTo(ErrorCode.NOT_IN_SESSION);
            assertThat(forger.request(cmd().setAttachTrainer(AttachTrainer.newBuilder().setJoinCode(play.code)
                    .setDashboardToken(token.substring(2) + "xy"))).getError().getCode()).isEqualTo(ErrorCode.UNKNOWN_SESSION);
            assertThat(forger.request(export(ExportDebrief.Format.HTML)).getError().getCode())
                    .isEqualTo(ErrorCode.NOT_IN_SESSION);
            // The projector (an observer) is refused the debrief in every format until it opens.
            ok(projector.request(cmd().setWatch(Watch.newBuilder().setJoinCode(play.code).setDisplayName("Projector debrief"))));
            for (ExportDebrief.Format format : List.of(ExportDebrief.Format.MARKDOWN, ExportDebrief.Format.JSON,
                    ExportDebrief.Format.HTML)) {
                assertThat(projector.request(export(format)).getError().getCode()).as("%s", format)
                        .isEqualTo(ErrorCode.NOT_ALLOWED);
            }
            // The dashboard's token gets the trainer's copy at any time: private talk and offer notes included.
            ok(dashboard.request(cmd().setAttachTrainer(AttachTrainer.newBuilder().setJoinCode(play.code)
                    .setDashboardToken(token).setDisplayName("Debrief"))));
            String trainersCopy = ok(dashboard.request(export(ExportDebrief.Format.JSON))).getDebrief().getContent();
            assertThat(trainersCopy).contains(DebriefPlay.PRIVATE).contains(DebriefPlay.NOTE);

            play.commitAll().openDebrief();
            for (ExportDebrief.Format format : List.of(ExportDebrief.Format.JSON, ExportDebrief.Format.HTML)) {
                ServerMessage reply = ok(projector.request(export(format)));
                assertThat(reply.getDebrief().getFormat()).isEqualTo(format);
                assertThat(reply.getDebrief().getContent()).contains("Karen").doesNotContain(DebriefPlay.PRIVATE)
                        .doesNotContain(DebriefPlay.NOTE);
            }
            // Every frame the projector ever received, not only the debrief.
            for (String frame : projector.frames()) {
                assertThat(frame).doesNotContain(DebriefPlay.PRIVATE).doesNotContain(DebriefPlay.NOTE)
                        .doesNotContain(token);
            }
        }
    }

    @Test
    void theJsonCarriesTheFiguresTheChartsAreDrawnFrom() throws Exception {
        try (ServerFixture f = new ServerFixture();
             DebriefPlay play = new DebriefPlay(f).negotiate().commitAll().openDebrief()) {
            JsonNode debrief = JSON.readTree(ok(play.trainer.request(export(ExportDebrief.Format.JSON)))
                    .getDebrief().getContent());
            Files.createDirectories(Path.of("target", "screenshots"));
            Files.writeString(Path.of("target", "screenshots", "debrief-export.json"), debrief.toPrettyString());
            JsonNode charts = debrief.get("charts");
            // The spans agree with what the trainer was told live: one closed span for each dilemma that
            // resolved, and the open ones are exactly the dilemmas the trainer still had at the end.
            Map<String, Integer> resolved = play.resolvedDilemmas();
            Set<String> live = play.liveDilemmas();
            Set<String> open = new TreeSet<>();
            Map<String, Integer> closed = new TreeMap<>();
            charts.get("dilemmas").fields().forEachRemaining(holder -> holder.getValue().forEach(span -> {
                String key = holder.getKey() + "|" + span.get("kind").asText() + "|" + span.get("towards").asText();
                if (span.get("resolvedEpochMs").isNull()) {
                    open.add(key);
                } else {
                    closed.merge(key, 1, Integer::sum);
                }
            }));
            assertThat(closed).isEqualTo(resolved);
            assertThat(open).isEqualTo(live);
            assertThat(charts.get("dilemmas").get("youth").toString()).contains("\"kind\":\"REJECTION\",\"towards\":\"council\"");
            // Dev kept his part of o1; Karen broke hers (she did not fund the outreach).
            assertThat(charts.get("agreements").toString())
                    .contains("{\"offerId\":\"o1\",\"characterId\":\"youth\"")
                    .contains("\"characterId\":\"council\",\"words\":\"Fund detached youth outreach on the Parade\",\"kept\":false");
            // Each character's ranking holds the outcome once, at the rank the reveal gave it.
            for (JsonNode co : debrief.get("outcome").get("characters")) {
                JsonNode ranking = charts.get("rankings").get(co.get("character").asText());
                assertThat(ranking.size()).isEqualTo(debrief.get("outcome").get("comparedFutures").asInt());
                List<JsonNode> outcome = new java.util.ArrayList<>();
                ranking.forEach(r -> {
                    if (r.get("outcome").asBoolean()) {
                        outcome.add(r);
                    }
                });
                assertThat(outcome).hasSize(1);
                assertThat(outcome.get(0).get("rank").asInt()).isEqualTo(co.get("rank").asInt());
            }
        }
    }

    @Test
    void theHtmlExportIsOneFileWithTheChartsAndEveryTypedTextStaysText() throws Exception {
        try (ServerFixture f = new ServerFixture();
             DebriefPlay play = new DebriefPlay(f).negotiate().commitAll().openDebrief()) {
            ServerMessage reply = ok(play.trainer.request(export(ExportDebrief.Format.HTML)));
            assertThat(reply.getDebrief().getFormat()).isEqualTo(ExportDebrief.Format.HTML);
            String html = reply.getDebrief().getContent();
            Path file = Path.of("target", "screenshots", "debrief-export.html");
            Files.createDirectories(file.getParent());
            Files.writeString(file, html);

            // The talk line is there, as text: no tag it held survives as a tag.
            assertThat(html).contains("&lt;script&gt;alert(&#39;owned&#39;)&lt;/script&gt; &lt;b&gt;bold&lt;/b&gt; &amp; "
                    + "&quot;the &lt;i&gt;Yard&lt;/i&gt;&quot;");
            String lower = html.toLowerCase(Locale.ROOT);
            assertThat(lower).doesNotContain("<script").doesNotContain("<b>").doesNotContain("<i>")
                    .doesNotContain("javascript:").doesNotContainPattern("<[^>]*\\son[a-z]+=");
            // Self-contained: no file or site is fetched, and no script could run even if one slipped in.
            assertThat(lower).doesNotContain("src=").doesNotContain("href=").doesNotContain("<link")
                    .contains("content-security-policy\" content=\"default-src 'none'");
            // The trainer's copy: private talk is in it.
            assertThat(html).contains(DebriefPlay.PRIVATE.replace("'", "&#39;"));

            // The charts: one of dilemmas over time per character that had any, the ranking, the agreements.
            assertThat(count(html, "<svg ")).isEqualTo(1 + count(html, "aria-label=\"[^\"]*&#39;s dilemmas over time\""));
            assertThat(html).contains("Dev Sandhu&#39;s dilemmas over time")
                    .contains("rejection dilemma towards Karen Whitlow: arose")
                    .contains("Where each character ranks the outcome")
                    .contains("✓ kept").contains("✗ broken");
            // Each kind is told by letters as well as colour.
            assertThat(html).contains(">Rj</text>").contains(">Co</text>");
        }
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
