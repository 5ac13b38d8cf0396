package dev.drama.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.drama.scenarios.load.LoadResult;
import dev.drama.scenarios.load.PackLoader;
import dev.drama.scenarios.model.Inject;
import dev.drama.scenarios.model.Pack;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Seeded fuzzing: thousands of mutated packs (YAML lines deleted, duplicated, swapped,
 * re-indented, characters flipped, files truncated or missing; zips with flipped bytes,
 * truncated, or with hostile entry names). Every one must give a clean refusal (at least one
 * error, no pack) or a clean load (a pack whose board builds and whose injects apply); no
 * exception may escape.
 */
class LoaderFuzzTest {
    private static final String FLIPS = ":-\" '[]{}#&*!|>%@`,?\t\n\r\u0000\u00e9\u2028aZ09_.\\";

    @Test
    void mutatedYamlNeverEscapes() {
        // the example pack, and every bundled pack
        List<Map<String, byte[]>> bases = new ArrayList<>();
        bases.add(TestPacks.files(TestPacks.TINY));
        try {
            for (java.nio.file.Path p : BundledPacksTest.packs()) bases.add(TestPacks.files(p));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Random rnd = new Random(20261128L);
        int loaded = 0;
        int refused = 0;
        for (int i = 0; i < 2000; i++) {
            Map<String, byte[]> base = bases.get(i % 8 == 0 ? rnd.nextInt(bases.size()) : 0);
            String yaml = new String(base.get("pack.yaml"), StandardCharsets.UTF_8);
            Map<String, byte[]> files = new TreeMap<>(base);
            int rounds = 1 + rnd.nextInt(3);
            String text = yaml;
            for (int k = 0; k < rounds; k++) text = mutate(text, rnd);
            files.put("pack.yaml", text.getBytes(StandardCharsets.UTF_8));
            if (rnd.nextInt(10) == 0) mutateFiles(files, rnd);
            if (check("case " + i, files, text)) loaded++;
            else refused++;
        }
        assertTrue(loaded > 50, "some mutations are harmless (" + loaded + ")");
        assertTrue(refused > 600, "most mutations are refused (" + refused + ")");
    }

    @Test
    void mutatedZipsNeverEscape() {
        Map<String, byte[]> base = TestPacks.files(TestPacks.TINY);
        byte[] zip = TestPacks.zip(base, "tiny/");
        Random rnd = new Random(7L);
        for (int i = 0; i < 700; i++) {
            byte[] z;
            switch (rnd.nextInt(5)) {
                case 0 -> {
                    z = zip.clone();
                    for (int k = 0; k < 1 + rnd.nextInt(8); k++) z[rnd.nextInt(z.length)] = (byte) rnd.nextInt(256);
                }
                case 1 -> z = Arrays.copyOf(zip, rnd.nextInt(zip.length));
                case 2 -> {
                    z = new byte[rnd.nextInt(2000)];
                    rnd.nextBytes(z);
                    if (z.length > 4) {
                        z[0] = 'P';
                        z[1] = 'K';
                        z[2] = 3;
                        z[3] = 4;
                    }
                }
                case 3 -> {
                    Map<String, byte[]> files = new TreeMap<>(base);
                    String[] hostile = {"../x.md", "/etc/passwd", "a/../../b.md", "C:\\x.md", "briefings\\..\\..\\x", "./pack.yaml", ""};
                    files.put(hostile[rnd.nextInt(hostile.length)], new byte[] {'x'});
                    z = TestPacks.zip(files, rnd.nextBoolean() ? "tiny/" : "");
                }
                default -> {
                    Map<String, byte[]> files = new TreeMap<>(base);
                    mutateFiles(files, rnd);
                    z = TestPacks.zip(files, rnd.nextBoolean() ? "tiny/" : "");
                }
            }
            LoadResult r;
            try {
                r = PackLoader.loadZip("fuzz.zip", z);
            } catch (Throwable t) {
                throw new AssertionError("zip case " + i + " threw", t);
            }
            consistent("zip case " + i, r, null);
        }
    }

    private static boolean check(String name, Map<String, byte[]> files, String text) {
        LoadResult r;
        try {
            r = PackLoader.load("fuzz", files);
        } catch (Throwable t) {
            throw new AssertionError(name + " threw on:\n" + text, t);
        }
        return consistent(name, r, text);
    }

    private static boolean consistent(String name, LoadResult r, String text) {
        assertNotNull(r);
        boolean errors = r.problems().stream().anyMatch(Problem::isError);
        assertEquals(!errors, r.pack().isPresent(), name + ": a pack iff no errors\n" + r.report());
        int lines = text == null ? Integer.MAX_VALUE : text.split("\r\n|\r|\n|\u2028", -1).length + 1;
        for (Problem p : r.problems()) {
            assertFalse(p.message().isBlank(), name);
            assertFalse(p.fix().isBlank(), name + ": " + p);
            assertFalse(p.message().contains("Exception"), name + ": no exception names in messages: " + p);
            if (p.file().equals("pack.yaml")) assertTrue(p.line() <= lines, name + ": line in range: " + p);
        }
        if (r.pack().isPresent()) {
            Pack pack = r.pack().get();
            try {
                var board = pack.openingBoard();

                for (Inject inj : pack.injects()) inj.applyTo(board);
                pack.characters().forEach(c -> pack.preferencesInWords(c.id()));
            } catch (RuntimeException e) {
                fail(name + ": the pack loaded but is not usable:\n" + (text == null ? "" : text), e);
            }
            return true;
        }
        return false;
    }

    private static String mutate(String text, Random rnd) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        if (lines.isEmpty()) return text;
        int i = rnd.nextInt(lines.size());
        switch (rnd.nextInt(8)) {
            case 0 -> lines.remove(i);
            case 1 -> lines.add(i, lines.get(i));
            case 2 -> {
                int j = rnd.nextInt(lines.size());
                String t = lines.get(i);
                lines.set(i, lines.get(j));
                lines.set(j, t);
            }
            case 3 -> {
                String l = lines.get(i);
                if (!l.isEmpty()) {
                    int c = rnd.nextInt(l.length());
                    lines.set(i, l.substring(0, c) + FLIPS.charAt(rnd.nextInt(FLIPS.length())) + l.substring(c + 1));
                }
            }
            case 4 -> {
                String joined = String.join("\n", lines);
                return joined.substring(0, rnd.nextInt(joined.length() + 1));
            }
            case 5 -> lines.set(i, (rnd.nextBoolean() ? "  " : "") + lines.get(i).replaceFirst("^  ", rnd.nextBoolean() ? "" : "  "));
            case 6 -> {
                String l = lines.get(i);
                int c = l.isEmpty() ? 0 : rnd.nextInt(l.length());
                lines.set(i, l.substring(0, c) + FLIPS.charAt(rnd.nextInt(FLIPS.length())) + l.substring(c));
            }
            default -> {
                // swap two ids the pack uses, so cross-references break in plausible ways
                String[] ids = {"manager", "carers", "union", "late", "overtime", "protest", "refuse", "trial", "negotiation"};
                String a = ids[rnd.nextInt(ids.length)];
                String b = ids[rnd.nextInt(ids.length)];
                lines.set(i, lines.get(i).replace(a, b));
            }
        }
        return String.join("\n", lines);
    }

    private static void mutateFiles(Map<String, byte[]> files, Random rnd) {
        List<String> names = new ArrayList<>(files.keySet());
        String n = names.get(rnd.nextInt(names.size()));
        switch (rnd.nextInt(4)) {
            case 0 -> files.remove(n);
            case 1 -> files.put(n, new byte[0]);
            case 2 -> files.put(n, new byte[] {(byte) 0xC3, (byte) 0x28, 'x'});
            default -> files.put(n, Arrays.copyOf(files.get(n), rnd.nextInt(files.get(n).length + 1)));
        }
    }
}
