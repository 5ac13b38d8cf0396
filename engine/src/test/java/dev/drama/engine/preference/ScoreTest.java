package dev.drama.engine.preference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.drama.engine.StatementException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The compiled score (flat arrays when every statement reads at most six options, tables per
 * statement otherwise, expression trees beyond sixteen) equals the definition, evaluated on the
 * parsed expressions: the sum of 2^(m - i) over the satisfied statements, on seeded random
 * statements and futures.
 */
class ScoreTest {

    @Test
    void compiledScoresEqualTheDefinition() throws StatementException {
        Random random = new Random(11);
        List<String> ids = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < 24; i++) {
            ids.add("o" + i);
            index.put("o" + i, i);
        }
        for (int trial = 0; trial < 400; trial++) {
            int depth = trial % 3 == 0 ? 5 : 2; // deep statements read many options: the wider paths
            List<String> statements = new ArrayList<>();
            for (int i = 0, m = 1 + random.nextInt(8); i < m; i++) {
                statements.add(expression(random, ids, depth));
            }
            StatementPreference compiled = StatementPreference.compile(statements, ids);
            List<Expr> parsed = new ArrayList<>();
            for (String s : statements) {
                parsed.add(StatementParser.parse(s, ids, index));
            }
            for (int f = 0; f < 50; f++) {
                boolean[] future = new boolean[ids.size()];
                for (int o = 0; o < future.length; o++) {
                    future[o] = random.nextBoolean();
                }
                int expected = 0;
                for (int i = 0; i < parsed.size(); i++) {
                    expected += parsed.get(i).eval(future) ? 1 << (parsed.size() - 1 - i) : 0;
                }
                assertEquals(expected, compiled.score(future), statements.toString());
            }
        }
    }

    private static String expression(Random random, List<String> ids, int depth) {
        if (depth == 0 || random.nextInt(4) == 0) {
            String id = ids.get(random.nextInt(ids.size()));
            return random.nextBoolean() ? id : "!" + id;
        }
        String[] ops = {"&", "|", "->", "<->"};
        return "(" + expression(random, ids, depth - 1) + " " + ops[random.nextInt(ops.length)] + " "
                + expression(random, ids, depth - 1) + ")";
    }
}
