package dev.drama.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drama.engine.Board;
import dev.drama.engine.Future;
import dev.drama.scenarios.guide.FacilitatorGuide;
import dev.drama.scenarios.load.LoadResult;
import dev.drama.scenarios.load.PackLoader;
import dev.drama.scenarios.model.Inject;
import dev.drama.scenarios.model.Pack;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ModelTest {
    private static Pack tiny() {
        return PackLoader.load(TestPacks.TINY).pack().orElseThrow();
    }

    private static LoadResult withYaml(String yaml) {
        Map<String, byte[]> files = new TreeMap<>(TestPacks.files(TestPacks.TINY));
        files.put("pack.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        return PackLoader.load("test", files);
    }

    private static String tinyYaml() {
        return new String(TestPacks.files(TestPacks.TINY).get("pack.yaml"), StandardCharsets.UTF_8);
    }

    @Test
    void theExamplePackLoads() {
        Pack p = tiny();
        assertEquals("tiny", p.id());
        assertEquals(3, p.characters().size());
        assertEquals(4, p.options().size());
        assertEquals(List.of("briefing", "negotiation", "momentOfTruth", "debrief"),
                p.phases().stream().map(x -> x.name()).toList());
        assertEquals(30, p.phase("negotiation").orElseThrow().minutes());
        assertTrue(p.character("union").orElseThrow().briefing().startsWith("# Ann Price"));
        assertEquals(64, p.digest().length());
        Board b = p.openingBoard();
        assertEquals(List.of("late", "overtime", "protest", "refuse"), b.optionIds());
        assertEquals(Future.of(Map.of("protest", true)), b.intentions("carers"));
    }

    @Test
    void preferencesInPlainWords() {
        assertEquals(List.of(
                        "if “Open the centre until 8pm on weekdays”, then “Pay the evening shifts at the overtime rate”",
                        "not “Staff refuse to work evening shifts”",
                        "not “Open the centre until 8pm on weekdays”"),
                tiny().preferencesInWords("union"));
    }

    @Test
    void anInjectReframesARunningBoardAndKeepsPositions() {
        Pack p = tiny();
        Inject petition = p.inject("petition").orElseThrow();
        assertEquals("negotiation", petition.atPhase());
        assertEquals(15, petition.atMinute());
        assertTrue(petition.text().contains("400 people"));
        Board running = p.openingBoard().withPosition("union", Future.of(Map.of("late", true)));
        Board after = petition.applyTo(running);
        assertEquals(List.of("late", "overtime", "protest", "refuse", "trial"), after.optionIds());
        assertEquals(Future.of(Map.of("late", true)), after.position("union"));
        Board twice = petition.applyTo(after);
        assertEquals(after.optionIds(), twice.optionIds());
        assertEquals("Run a three-month trial of late opening", p.label("trial"));
    }

    @Test
    void addCharacterInjectsBringTheirOwnBriefingAndPreferences() {
        String yaml = tinyYaml() + """
                  - id: councillor
                    title: "The ward councillor arrives"
                    text: "Cllr Odell has heard about the meeting and asks to join."
                    changes:
                      - addCharacter:
                          id: odell
                          name: "Cllr Ruth Odell"
                          description: "Ward councillor."
                          briefing: briefings/union.md
                          statements: ["!protest", "call_in"]
                      - addOption: {id: call_in, owner: odell, label: "Call the decision in to scrutiny"}
                """;
        LoadResult r = withYaml(yaml);
        assertTrue(r.ok(), r.report());
        Pack p = r.pack().get();
        Board after = p.inject("councillor").orElseThrow().applyTo(p.openingBoard());
        assertTrue(after.character("odell").isPresent());
        assertEquals("odell", after.option("call_in").orElseThrow().owner());
        assertEquals(List.of("not “Carers' Forum protests at the next council meeting”", "“Call the decision in to scrutiny”"),
                p.preferencesInWords("odell"));
    }

    @Test
    void statementColumnsPointInsidePlainAndQuotedScalars() {
        String plain = tinyYaml().replace("      - \"late -> overtime\"", "      - late -> overtyme");
        assertEquals("pack.yaml:59:17: error: in the preferences of 'union', statement \"late -> overtyme\": "
                + "unknown option 'overtyme'; did you mean 'overtime'?", withYaml(plain).problems().get(0).headline());
        String single = tinyYaml().replace("      - \"late -> overtime\"", "      - 'late -> overtyme'");
        assertEquals(59, withYaml(single).problems().get(0).line());
        assertEquals(18, withYaml(single).problems().get(0).column());
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        String yaml = tinyYaml().replace("owner: union", "owner: unoin").replace("version: 1", "version: 0")
                .replace("\"!protest\"\n      - \"!refuse\"", "\"!protest &\"\n      - \"!refuse\"");
        LoadResult r = withYaml(yaml);
        assertFalse(r.ok());
        assertEquals(3, r.errors().size(), r.report());
    }

    @Test
    void yamlProblemsAreSentences() {
        LoadResult tab = withYaml("id: tiny\n\ttitle: x\n");
        assertEquals("pack.yaml:2:1: error: the YAML is not well formed: a tab character: YAML is indented with spaces only",
                tab.problems().get(0).headline());
        LoadResult empty = withYaml("");
        assertEquals("pack.yaml:1:1: error: pack.yaml is empty", empty.problems().get(0).headline());
        LoadResult list = withYaml("- a\n- b\n");
        assertTrue(list.problems().get(0).message().startsWith("pack.yaml must be a mapping"));
        LoadResult twoDocs = withYaml(tinyYaml() + "\n---\nid: x\n");
        assertTrue(twoDocs.problems().get(0).message().contains("more than one YAML document"), twoDocs.report());
        LoadResult deep = withYaml("id: " + "[".repeat(200) + "]".repeat(200) + "\n");
        assertFalse(deep.ok());
    }

    @Test
    void unreadablePathsAreSaidSo() {
        LoadResult r = PackLoader.load(Path.of("no", "such", "pack"));
        assertTrue(r.unreadable());
        assertFalse(r.ok());
        assertEquals(1, r.problems().size());
    }

    @Test
    void aPackYamlPathAndZipsWithOrWithoutAFolderLoad() {
        assertTrue(PackLoader.load(TestPacks.TINY.resolve("pack.yaml")).ok());
        Map<String, byte[]> files = TestPacks.files(TestPacks.TINY);
        assertTrue(PackLoader.loadZip("a.zip", TestPacks.zip(files, "")).ok());
        assertTrue(PackLoader.loadZip("b.zip", TestPacks.zip(files, "tiny/")).ok());
        Map<String, byte[]> mac = new TreeMap<>(files);
        mac.put("__MACOSX/._pack.yaml", new byte[] {1, 2});
        assertTrue(PackLoader.loadZip("c.zip", TestPacks.zip(mac, "")).ok());
    }

    @Test
    void theSameContentHasTheSameDigest() {
        Pack a = tiny();
        Pack b = PackLoader.loadZip("t.zip", TestPacks.zip(TestPacks.files(TestPacks.TINY), "tiny/")).pack().orElseThrow();
        assertEquals(a.digest(), b.digest());
        assertEquals(a.preferences(), b.preferences());
    }

    @Test
    void facilitatorGuideSection() {
        FacilitatorGuide.Section s = FacilitatorGuide.parse("facilitator.md", """
                # Guide
                ## Opening dilemmas
                - persuasion: chair -> council
                - threat: council
                * cooperation: police

                - nonsense here
                ## Next
                - trust: a -> b
                """);
        assertTrue(s.found());
        assertEquals(2, s.headingLine());
        assertEquals(List.of("persuasion: chair -> council", "threat: council", "cooperation: police"), s.texts());
        assertEquals(1, s.problems().size());
        assertEquals(7, s.problems().get(0).line());
        assertFalse(FacilitatorGuide.parse("f.md", "# nothing\n").found());
        assertTrue(FacilitatorGuide.parse("f.md", "## Opening dilemmas\n- none\n").texts().isEmpty());
    }

    @Test
    void packsAreImmutable() {
        Pack p = tiny();
        assertThrowsUoe(() -> p.characters().clear());
        assertThrowsUoe(() -> p.positions().get("union").put("late", false));
        assertThrowsUoe(() -> p.preferences().get("union").statements().add("x"));
        assertSame(p.options(), p.options());
    }

    private static void assertThrowsUoe(Runnable r) {
        try {
            r.run();
        } catch (UnsupportedOperationException e) {
            return;
        }
        throw new AssertionError("expected an unmodifiable collection");
    }
}
