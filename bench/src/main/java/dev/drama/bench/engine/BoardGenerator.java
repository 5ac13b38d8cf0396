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
 * mix a character's own options with others', and intentions on about half of each character's
 * own options. Positions come in two profiles:
 * <ul>
 * <li>{@code typical}: a character fixes most of its own options (its promises) and a quarter of
 *     the others' (its demands, mostly away from the status quo), as briefing packs do;</li>
 * <li>{@code dense}: every character fixes two thirds of all options to random values, a worst
 *     case where nearly every pair of characters conflicts on nearly everything.</li>
 * </ul>
 * Both sit at a crisis point with many dilemmas, so the rules and the way-out search do real work.
 */
public final class BoardGenerator {
    private BoardGenerator() {
    }

    /** {@code size} is "CxO", e.g. "6x16"; {@code profile} "typical" or "dense". */
    public static Board board(String size, String profile, long seed) {
        String[] parts = size.split("x");
        return board(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), profile.equals("dense"), seed);
    }

    public static Board board(int characters, int options, boolean dense, long seed) {
        Random random = new Random(seed);
        Board.Builder b = Board.builder();
        List<String> ids = new ArrayList<>();
        boolean[] statusQuo = new boolean[options];
        for (int i = 0; i < characters; i++) {
            b.character("C" + i, "Character " + i);
        }
        for (int o = 0; o < options; o++) {
            ids.add("o" + o);
            statusQuo[o] = random.nextBoolean();
            b.option("o" + o, "C" + (o % characters), "Option " + o, statusQuo[o]);
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
                boolean own = o % characters == i;
                if (dense) {
                    if (random.nextInt(3) > 0) {
                        position.put(ids.get(o), random.nextBoolean());
                    }
                } else if (own ? random.nextInt(5) > 0 : random.nextInt(4) == 0) {
                    position.put(ids.get(o), own ? random.nextBoolean() : random.nextInt(5) < 3 != statusQuo[o]);
                }
                if (o % characters == i && random.nextBoolean()) {
                    intentions.put(ids.get(o), random.nextBoolean());
                }
            }
            b.position("C" + i, position).intentions("C" + i, intentions);
        }
        return b.build();
    }

    /**
     * The board after one character's move, as a session sees it: the second character (the first
     * when there is one) turns its first fixed value the other way.
     */
    public static Board afterOneMove(Board board) {
        String mover = board.characters().get(Math.min(1, board.characters().size() - 1)).id();
        Map<String, Boolean> position = new LinkedHashMap<>(board.position(mover).values());
        if (position.isEmpty()) {
            position.put(board.optionIds().get(0), true);
        } else {
            String first = position.keySet().iterator().next();
            position.put(first, !position.get(first));
        }
        return board.withPosition(mover, dev.drama.engine.Future.of(position));
    }

    private static int ownOption(Random random, int character, int characters, int options) {
        int owned = (options - character + characters - 1) / characters;
        return character + characters * random.nextInt(Math.max(1, owned));
    }
}
