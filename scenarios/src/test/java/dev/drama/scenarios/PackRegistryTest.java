package dev.drama.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drama.scenarios.load.PackLoader;
import dev.drama.scenarios.model.Pack;
import dev.drama.scenarios.registry.PackEvent;
import dev.drama.scenarios.registry.PackRegistry;
import dev.drama.scenarios.registry.UploadResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackRegistryTest {
    @TempDir
    Path dir;

    private static Map<String, byte[]> tiny(int version, String title) {
        Map<String, byte[]> files = new TreeMap<>(TestPacks.files(TestPacks.TINY));
        String yaml = new String(files.get("pack.yaml"), StandardCharsets.UTF_8)
                .replace("version: 1", "version: " + version)
                .replace("title: \"Late Opening at Millbrook Day Centre\"", "title: \"" + title + "\"");
        files.put("pack.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        return files;
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("timed out waiting for: " + what);
            Thread.sleep(20);
        }
    }

    @Test
    void hotReloadsAChangedFolderPackAndKeepsTheOldVersionForRunningSessions() throws Exception {
        TestPacks.write(dir.resolve("tiny"), tiny(1, "First"));
        List<PackEvent> events = new CopyOnWriteArrayList<>();
        try (PackRegistry r = new PackRegistry(dir, Duration.ofMillis(50), false)) {
            r.addListener(events::add);
            r.start();
            Pack v1 = r.find("tiny").orElseThrow();
            assertEquals("First", v1.title());
            assertEquals(PackEvent.Kind.ADDED, events.get(0).kind());

            TestPacks.write(dir.resolve("tiny"), tiny(2, "Second"));
            await(() -> r.find("tiny").map(p -> p.version() == 2).orElse(false), "version 2");
            assertEquals("Second", r.find("tiny").get().title());
            assertEquals("First", v1.title(), "a session keeps the version it started with");
            assertTrue(events.stream().anyMatch(e -> e.kind() == PackEvent.Kind.UPDATED && e.version() == 2));

            // a broken edit is refused; version 2 stays in use
            Files.writeString(dir.resolve("tiny/pack.yaml"), "id: tiny\ntitle: [unclosed\n");
            await(() -> events.stream().anyMatch(e -> e.kind() == PackEvent.Kind.REFUSED), "refusal");
            assertEquals(2, r.find("tiny").get().version());
            assertFalse(r.refusals().get("tiny").isEmpty());

            // a new pack dropped in as a zip is picked up; removing it removes it
            Map<String, byte[]> other = tiny(1, "Other");
            other.put("pack.yaml", new String(other.get("pack.yaml"), StandardCharsets.UTF_8)
                    .replace("id: tiny", "id: other").getBytes(StandardCharsets.UTF_8));
            Files.write(dir.resolve("other.zip"), TestPacks.zip(other, ""));
            await(() -> r.find("other").isPresent(), "other added");
            Files.delete(dir.resolve("other.zip"));
            await(() -> r.find("other").isEmpty(), "other removed");
            assertTrue(events.stream().anyMatch(e -> e.kind() == PackEvent.Kind.REMOVED && e.packId().equals("other")));
        }
    }

    @Test
    void uploadsAreCheckedWholeAndWrittenToTheFolder() throws Exception {
        List<PackEvent> events = new CopyOnWriteArrayList<>();
        try (PackRegistry r = new PackRegistry(dir, Duration.ofMillis(50), false)) {
            r.addListener(events::add);
            r.start();
            UploadResult ok = r.upload("tiny.zip", TestPacks.zip(tiny(1, "Uploaded"), "tiny/"));
            assertTrue(ok.ok(), ok.problems().toString());
            Pack v1 = r.find("tiny").orElseThrow();
            assertSame(ok.pack().get(), v1);
            assertTrue(Files.exists(dir.resolve("tiny.zip")));

            // broken upload: refused with the checker's problems, version 1 stays
            Map<String, byte[]> broken = tiny(2, "Broken");
            broken.put("pack.yaml", new String(broken.get("pack.yaml"), StandardCharsets.UTF_8)
                    .replace("owner: union", "owner: unoin").getBytes(StandardCharsets.UTF_8));
            UploadResult bad = r.upload("tiny.zip", TestPacks.zip(broken, ""));
            assertFalse(bad.ok());
            assertEquals("pack.yaml:42:12: error: option 'refuse' is owned by 'unoin', who is not a character; did you mean 'union'?",
                    bad.problems().get(0).headline());
            assertSame(v1, r.find("tiny").get());
            assertTrue(events.stream().anyMatch(e -> e.kind() == PackEvent.Kind.REFUSED));

            // a new version is installed; an older one is refused
            UploadResult v2 = r.upload("tiny-2.zip", TestPacks.zip(tiny(2, "Two"), ""));
            assertTrue(v2.ok());
            assertEquals(2, r.find("tiny").get().version());
            UploadResult older = r.upload("tiny.zip", TestPacks.zip(tiny(1, "Old"), ""));
            assertFalse(older.ok());
            assertTrue(older.problems().get(0).message().contains("version 2 is already installed"), older.problems().toString());
            assertEquals("Two", r.find("tiny").get().title());

            // not a zip at all
            UploadResult garbage = r.upload("x.zip", "hello".getBytes(StandardCharsets.UTF_8));
            assertFalse(garbage.ok());
            assertEquals("Two", r.find("tiny").get().title());
        }
        // a new registry on the same folder (a restart) finds the uploaded version, and the
        // older version by its digest, for sessions recovered from their journals
        String v1Digest = PackLoader.loadZip("t.zip", TestPacks.zip(tiny(1, "Uploaded"), "")).pack().orElseThrow().digest();
        try (PackRegistry again = new PackRegistry(dir, Duration.ZERO, false)) {
            again.start();
            Pack two = again.find("tiny").orElseThrow();
            assertEquals("Two", two.title());
            assertSame(two, again.find("tiny", two.digest()).orElseThrow());
            Pack one = again.find("tiny", v1Digest).orElseThrow();
            assertEquals("Uploaded", one.title());
            assertEquals(1, one.version());
            assertTrue(again.find("tiny", "0".repeat(64)).isEmpty());
            assertTrue(again.find("../x", v1Digest).isEmpty());
            assertEquals(List.of("tiny"), again.list().stream().map(Pack::id).toList(), "the archive is not offered as packs");
        }
    }

    @Test
    void concurrentUploadsAndLookupsAreSafe() throws Exception {
        byte[][] zips = new byte[12][];
        for (int v = 1; v <= zips.length; v++) zips[v - 1] = TestPacks.zip(tiny(v, "V" + v), "");
        try (PackRegistry r = new PackRegistry(dir, Duration.ofMillis(20), false)) {
            r.start();
            List<Throwable> failures = new CopyOnWriteArrayList<>();
            java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
            Thread reader = new Thread(() -> {
                while (!done.get()) {
                    try {
                        r.find("tiny").ifPresent(p -> assertEquals("V" + p.version(), p.title()));
                        r.list();
                    } catch (Throwable t) {
                        failures.add(t);
                    }
                }
            });
            reader.start();
            List<Thread> writers = new java.util.ArrayList<>();
            for (int w = 0; w < 3; w++) {
                int offset = w;
                Thread t = new Thread(() -> {
                    for (int v = offset; v < zips.length; v += 3) {
                        try {
                            r.upload("tiny.zip", zips[v]);
                        } catch (Throwable e) {
                            failures.add(e);
                        }
                    }
                });
                writers.add(t);
                t.start();
            }
            for (Thread t : writers) t.join();
            done.set(true);
            reader.join();
            assertTrue(failures.isEmpty(), failures.toString());
            assertEquals(zips.length, r.find("tiny").orElseThrow().version(), "the highest version wins whatever the order");
        }
    }

    @Test
    void uploadsWorkWithoutAFolder() {
        try (PackRegistry r = new PackRegistry(null, Duration.ZERO, false)) {
            r.start();
            assertTrue(r.list().isEmpty());
            assertTrue(r.upload("tiny.zip", TestPacks.zip(tiny(1, "Mem"), "")).ok());
            assertEquals(List.of("tiny"), r.list().stream().map(Pack::id).toList());
        }
    }

    @Test
    void bundledPacksComeFromTheClasspath() {
        try (PackRegistry r = new PackRegistry(null, Duration.ZERO, true)) {
            r.start();
            // every bundled pack either loads or is refused with its problems: none is silently lost
            List<String> ids = r.list().stream().map(Pack::id).toList();
            Map<String, ?> refused = r.refusals();
            try (var s = Files.list(TestPacks.BUNDLED)) {
                s.filter(p -> Files.isRegularFile(p.resolve("pack.yaml"))).forEach(p -> {
                    String id = p.getFileName().toString();
                    assertTrue(ids.contains(id) || refused.containsKey("bundled:" + id), id + " is neither loaded nor refused");
                });
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
