package dev.drama.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drama.scenarios.load.LoadResult;
import dev.drama.scenarios.load.PackLoader;
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
 * The corpus of broken packs: each folder under src/test/resources/broken/ is the example pack
 * with one thing wrong (or a pack.zip), and expected.txt holds the exact problems the checker
 * must report: FILE:LINE:COL: severity: message, one per line.
 */
class BrokenPacksTest {

    static List<Path> cases() throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(TestPacks.BROKEN)) {
            s.filter(Files::isDirectory).sorted().forEach(out::add);
        }
        return out;
    }

    @Test
    void theCorpusIsLarge() throws IOException {
        assertTrue(cases().size() >= 15, "at least 15 broken packs");
    }

    @TestFactory
    Stream<DynamicTest> eachBrokenPackGivesExactlyItsProblem() throws IOException {
        return cases().stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
            Path zip = dir.resolve("pack.zip");
            LoadResult r = PackLoader.load(Files.exists(zip) ? zip : dir);
            List<String> expected = new ArrayList<>();
            for (String l : Files.readAllLines(dir.resolve("expected.txt"))) if (!l.isBlank()) expected.add(l);
            List<String> actual = new ArrayList<>();
            r.problems().forEach(p -> actual.add(p.headline()));
            assertEquals(String.join("\n", expected), String.join("\n", actual), r.report());
            assertFalse(r.unreadable());
            boolean errors = expected.stream().anyMatch(l -> l.contains(": error: "));
            assertEquals(!errors, r.pack().isPresent(), "a pack with errors is refused whole; one with warnings loads");
            r.problems().forEach(p -> assertFalse(p.fix().isBlank(), "every problem says how to fix it: " + p));
        }));
    }
}
