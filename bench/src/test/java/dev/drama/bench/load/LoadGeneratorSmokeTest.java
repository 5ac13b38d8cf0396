package dev.drama.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A few seconds of the load generator against an in-process server: a few clients make
 * moves and get replies, and the echo baseline answers too. No figure is asserted.
 */
class LoadGeneratorSmokeTest {
    @Test
    @Timeout(value = 15)
    void clientsMakeMovesAndReceiveReplies() throws Exception {
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
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        long start = System.nanoTime();
        LoadGenerator.Report r;
        try (PrintStream out = new PrintStream(text, true, StandardCharsets.UTF_8)) {
            r = new LoadGenerator(o, out).run();
        }
        String printed = text.toString(StandardCharsets.UTF_8);
        assertTrue(r.drama().sent() > 0, printed);
        assertTrue(r.drama().replies() > 0, "moves were made but no reply came back\n" + printed);
        assertTrue(r.drama().moves().getTotalCount() > 0, printed);
        assertTrue(r.echoBefore().replies() > 0 && r.echoAfter().replies() > 0, printed);
        assertEquals(2 * 4, r.participants(), printed);
        assertTrue(printed.contains("== results =="), printed);
        System.out.println(printed);
        System.out.println("smoke run took " + Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms");
    }
}
