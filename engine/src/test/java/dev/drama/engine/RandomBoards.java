package dev.drama.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Seeded random boards for property tests: statements are random expressions, written out and parsed. */
final class RandomBoards {
    private final Random random;

    RandomBoards(long seed) {
        this.random = new Random(seed);
    }

    Random random() {
        return random;
    }

    /** A board with 1..maxCharacters characters owning 0..maxOwned options each. */
    Board board(int maxCharacters, int maxOwned) {
        int c = 1 + random.nextInt(maxCharacters);
        Board.Builder b = Board.builder();
        List<String> chars = new ArrayList<>();
        for (int i = 0; i < c; i++) {
            chars.add("C" + i);
            b.character("C" + i, "Character " + i);
        }
        List<String> ids = new ArrayList<>();
        List<String> owners = new ArrayList<>();
        for (int i = 0; i < c; i++) {
            int owned = random.nextInt(maxOwned + 1);
            for (int k = 0; k < owned; k++) {
                ids.add("o" + ids.size());
                owners.add(chars.get(i));
            }
        }
        for (int o = 0; o < ids.size(); o++) {
            b.option(ids.get(o), owners.get(o), "Option " + o, random.nextBoolean());
        }
        for (String ch : chars) {
            b.preference(ch, preference(ids));
            b.position(ch, partial(ids, 0.6));
            Map<String, Boolean> intents = new LinkedHashMap<>();
            for (int o = 0; o < ids.size(); o++) {
                if (owners.get(o).equals(ch) && random.nextDouble() < 0.5) {
                    intents.put(ids.get(o), random.nextBoolean());
                }
            }
            b.intentions(ch, intents);
            for (String other : chars) {
                if (!other.equals(ch) && random.nextDouble() < 0.1) {
                    b.doubt(ch, other);
                }
            }
        }
        return b.build();
    }

    Map<String, Boolean> partial(List<String> ids, double fixedShare) {
        Map<String, Boolean> m = new LinkedHashMap<>();
        for (String id : ids) {
            if (random.nextDouble() < fixedShare) {
                m.put(id, random.nextBoolean());
            }
        }
        return m;
    }

    Preference preference(List<String> ids) {
        if (ids.isEmpty()) {
            return Preference.indifferent();
        }
        if (ids.size() <= 4 && random.nextInt(3) == 0) {
            return ranking(ids.size());
        }
        try {
            return Preference.statements(statements(ids, 1 + random.nextInt(5)), ids);
        } catch (StatementException e) {
            throw new AssertionError(e);
        }
    }

    List<String> statements(List<String> ids, int count) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(expression(ids, 2));
        }
        return out;
    }

    String expression(List<String> ids, int depth) {
        if (depth == 0 || random.nextInt(3) == 0) {
            String id = ids.get(random.nextInt(ids.size()));
            return random.nextBoolean() ? id : "!" + id;
        }
        String[] ops = {"&", "|", "->", "<->"};
        return "(" + expression(ids, depth - 1) + " " + ops[random.nextInt(ops.length)] + " " + expression(ids, depth - 1) + ")";
    }

    /** A random strict ranking of a random subset of the 2^n futures. */
    Preference ranking(int n) {
        List<List<Boolean>> all = new ArrayList<>();
        for (int i = 0; i < 1 << n; i++) {
            List<Boolean> f = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                f.add((i >>> k & 1) != 0);
            }
            all.add(f);
        }
        java.util.Collections.shuffle(all, random);
        return Preference.ranking(all.subList(0, 1 + random.nextInt(all.size())), n);
    }
}
