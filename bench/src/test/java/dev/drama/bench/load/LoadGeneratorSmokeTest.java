package dev.drama.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * A few seconds of the load generator against an in-process server: a few clients make
 * moves and get replies, and the echo baseline answers too; then a short soak writes its
 * memory samples and chart. No figure is asserted.
 */
class LoadGeneratorSmokeTest {
    @TempDir
    Path results;

    private static LoadGenerator.Options small() {
        LoadGenerator.Options o = new LoadGenerator.Options();
        o.inProcess = true;
        o.sessions = 2;
        o.perSession = 4;
        o.players = 3;
        o.rate = 60;
        o.warmup = 0;
        o.measureHeap = false;
        o.duration = 2;
        o.echoDuration = 1;
        o.connsPerAddress = 4;
        return o;
    }

    private static String run(LoadGenerator.Options o, LoadGenerator.Report[] report) throws Exception {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        long start = System.nanoTime();
        try (PrintStream out = new PrintStream(text, true, StandardCharsets.UTF_8)) {
            report[0] = new LoadGenerator(o, out).run();
        }
        String printed = text.toString(StandardCharsets.UTF_8);
        System.out.println(printed);
        System.out.println("smoke run took " + Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms");
        return printed;
    }

    @Test
    @Timeout(value = 60) // a guard against a hang: about 8 s on a quiet machine, 20-30 s at a load average of 30
    void clientsMakeMovesAndReceiveReplies() throws Exception {
        LoadGenerator.Report[] r = new LoadGenerator.Report[1];
        String printed = run(small(), r);
        assertTrue(r[0].drama().sent() > 0, printed);
        assertTrue(r[0].drama().replies() > 0, "moves were made but no reply came back\n" + printed);
        assertTrue(r[0].drama().moves().getTotalCount() > 0, printed);
        assertTrue(r[0].echoBefore().replies() > 0 && r[0].echoAfter().replies() > 0, printed);
        assertEquals(2 * 4, r[0].participants(), printed);
        assertTrue(printed.contains("== results =="), printed);
    }

    @Test
    @Timeout(value = 60) // a guard against a hang: about 8 s on a quiet machine, 20-30 s at a load average of 30
    void aSoakSamplesTheServersMemoryAndWritesItsCsvAndChart() throws Exception {
        LoadGenerator.Options o = small();
        o.sessions = 1;
        o.echoDuration = 0;
        o.soak = 2;
        o.sampleEveryMillis = 400;
        o.soakEvery = 1;
        o.results = results.toString();
        o.connsPerAddress = 1; // every connection from an address of its own
        LoadGenerator.Report[] r = new LoadGenerator.Report[1];
        String printed = run(o, r);
        assertTrue(r[0].drama().replies() > 0, printed);

        List<Path> csv = files("csv"), svg = files("svg");
        assertEquals(1, csv.size(), printed);
        assertEquals(1, svg.size(), printed);
        List<String> lines = Files.readAllLines(csv.get(0));
        assertTrue(lines.size() >= 1 + 2, "samples every 0.4 s for 2 s\n" + String.join("\n", lines));
        assertTrue(lines.stream().skip(1).anyMatch(l -> !l.split(",", -1)[5].isEmpty()), "a full-GC sample");
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            assertTrue(Double.parseDouble(f[4]) > 0 && Double.parseDouble(f[6]) > Double.parseDouble(f[4]),
                    "heap after GC and an RSS larger than it: " + line);
        }
        Document chart = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.get(0).toFile());
        assertEquals("svg", chart.getDocumentElement().getTagName());
        assertEquals(3, chart.getElementsByTagName("polyline").getLength(), "RSS, heap in use, heap after GC");
        assertTrue(printed.contains("memory: written"), printed);
    }

    private List<Path> files(String extension) throws java.io.IOException {
        try (var s = Files.list(results)) {
            return s.filter(p -> p.getFileName().toString().startsWith("soak-")
                    && p.getFileName().toString().endsWith("." + extension)).toList();
        }
    }
}
