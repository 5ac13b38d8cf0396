package dev.drama.bench.engine;

import dev.drama.engine.Board;
import dev.drama.engine.Preference;
import dev.drama.engine.StatementException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Reproducible boards of a given size for the benchmarks: options dealt round-robin (so each
 * character owns options/characters of them), preferences of five prioritised statements that
 * mix a character's own options with others', positions fixing about two thirds of the options,
 * and intentions on about half of each character's own options. Such boards sit at a crisis
 * point with many dilemmas, so the analysis and the way-out search both do real work.
 */
public final class BoardGenerator {
    private BoardGenerator() {
    }

    /** {@code size} is "CxO", e.g. "6x16". */
    public static Board board(String size, long seed) {
        String[] parts = size.split("x");
        return board(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), seed);
    }

    public static Board board(int characters, int options, long seed) {
        Random random = new Random(seed);
        Board.Builder b = Board.builder();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < characters; i++) {
            b.character("C" + i, "Character " + i);
        }
        for (int o = 0; o < options; o++) {
            ids.add("o" + o);
            b.option("o" + o, "C" + (o % characters), "Option " + o, random.nextBoolean());
        }
        for (int i = 0; i < characters; i++) {
            List<String> statements = new ArrayList<>();
            for (int s = 0; s < 5; s++) {
                String own = "o" + ownOption(random, i, characters, options);
                String any = ids.get(random.nextInt(options));
                statements.add(switch (random.nextInt(4)) {
                    case 0 -> own;
                    case 1 -> "!" + own + " & " + any;
                    case 2 -> any + " -> " + own;
                    default -> "(" + any + " | " + own + ") <-> !" + ids.get(random.nextInt(options));
                });
            }
            try {
                b.preference("C" + i, Preference.statements(statements, ids));
            } catch (StatementException e) {
                throw new IllegalStateException(e);
            }
            Map<String, Boolean> position = new LinkedHashMap<>();
            Map<String, Boolean> intentions = new LinkedHashMap<>();
            for (int o = 0; o < options; o++) {
                if (random.nextInt(3) > 0) {
                    position.put(ids.get(o), random.nextBoolean());
                }
                if (o % characters == i && random.nextBoolean()) {
                    intentions.put(ids.get(o), random.nextBoolean());
                }
            }
            b.position("C" + i, position).intentions("C" + i, intentions);
        }
        return b.build();
    }

    private static int ownOption(Random random, int character, int characters, int options) {
        int owned = (options - character + characters - 1) / characters;
        return character + characters * random.nextInt(Math.max(1, owned));
    }
}
