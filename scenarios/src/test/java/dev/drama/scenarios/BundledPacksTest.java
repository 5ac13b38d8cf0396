package dev.drama.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drama.engine.Analysis;
import dev.drama.engine.DilemmaEngine;
import dev.drama.scenarios.guide.FacilitatorGuide;
import dev.drama.scenarios.load.LoadResult;
import dev.drama.scenarios.load.PackLoader;
import dev.drama.scenarios.model.Inject;
import dev.drama.scenarios.model.Pack;
import dev.drama.scenarios.model.PackCharacter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every bundled pack (scenarios/packs/*) and the example pack: no errors, no warnings, and the
 * facilitator guide's "Opening dilemmas" section lists exactly the dilemmas the engine finds on
 * the opening board. Runs over whatever packs exist; fails if there are none.
 */
class BundledPacksTest {

    static List<Path> packs() throws IOException {
        List<Path> out = new ArrayList<>();
        if (Files.isDirectory(TestPacks.BUNDLED)) {
            try (Stream<Path> s = Files.list(TestPacks.BUNDLED)) {
                s.filter(p -> Files.isRegularFile(p.resolve("pack.yaml"))).sorted().forEach(out::add);
            }
        }
        return out;
    }

    @Test
    void thereAreBundledPacks() throws IOException {
        assertFalse(packs().isEmpty(), "no packs in scenarios/packs/");
    }

    @TestFactory
    Stream<DynamicTest> everyPackIsCleanAndItsGuideMatchesTheEngine() throws IOException {
        List<Path> all = new ArrayList<>(packs());
        all.add(TestPacks.TINY);
        return all.stream().map(dir -> DynamicTest.dynamicTest(dir.toString(), () -> {
            LoadResult r = PackLoader.load(dir);
            assertTrue(r.problems().isEmpty(), "drama pack check " + dir + " reports:\n" + r.report());
            Pack pack = r.pack().orElseThrow();
            assertEquals(dir.getFileName().toString(), pack.id(), "the folder is named after the pack id");

            Analysis analysis = DilemmaEngine.analyse(pack.openingBoard());
            FacilitatorGuide.Section guide = FacilitatorGuide.parse(pack.facilitatorFile(), pack.facilitator());
            assertTrue(guide.found(), pack.facilitatorFile() + " has no '" + FacilitatorGuide.HEADING + "' section");
            assertEquals(sorted(FacilitatorGuide.texts(analysis)), sorted(guide.texts()),
                    "the guide's opening dilemmas differ from the engine's; the section should read:\n"
                            + FacilitatorGuide.section(analysis));

            // every playable character has a briefing and preferences in words; every inject applies
            for (PackCharacter c : pack.playableCharacters()) {
                assertFalse(c.briefing().isBlank(), c.id());
                assertFalse(pack.preferencesInWords(c.id()).isEmpty(), c.id());
            }
            for (Inject i : pack.injects()) i.applyTo(pack.openingBoard());
        }));
    }

    private static List<String> sorted(List<String> l) {
        List<String> s = new ArrayList<>(l);
        s.sort(null);
        return s;
    }
}
