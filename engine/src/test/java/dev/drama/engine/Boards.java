package dev.drama.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The worked examples of drama-theory.md section 4, and helpers to write boards briefly. */
final class Boards {
    private Boards() {
    }

    /** "yn" style: y = true, n = false, one letter per option in board order. */
    static List<Boolean> f(String yn) {
        List<Boolean> out = new ArrayList<>();
        for (char ch : yn.toCharArray()) {
            out.add(ch == 'y');
        }
        return out;
    }

    static Preference rank(String... bestFirst) {
        List<List<Boolean>> r = new ArrayList<>();
        for (String s : bestFirst) {
            r.add(f(s));
        }
        return Preference.ranking(r, bestFirst[0].length());
    }

    static Map<String, Boolean> map(Object... kv) {
        Map<String, Boolean> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (Boolean) kv[i + 1]);
        }
        return m;
    }

    static Board television() {
        return Board.builder()
                .character("H", "Husband").character("W", "Wife")
                .option("tv", "H", "Watch TV instead of washing up", true)
                .option("nag", "W", "Nag", false)
                .preference("H", rank("yn", "yy", "nn", "ny"))
                .preference("W", rank("nn", "yy", "yn", "ny"))
                .position("H", map("tv", true, "nag", false))
                .position("W", map("tv", false, "nag", false))
                .intentions("H", map("tv", true))
                .intentions("W", map("nag", true))
                .build();
    }

    static Board.Builder prisoners() {
        return Board.builder()
                .character("A", "Alice").character("B", "Bob")
                .option("a", "A", "Alice co-operates", true)
                .option("b", "B", "Bob co-operates", true)
                .preference("A", rank("ny", "yy", "nn", "yn"))
                .preference("B", rank("yn", "yy", "nn", "ny"));
    }

    static Board prisonersAgreed() {
        return prisoners()
                .position("A", map("a", true, "b", true)).position("B", map("a", true, "b", true))
                .intentions("A", map("a", true)).intentions("B", map("b", true))
                .build();
    }

    static Board prisonersGreedy() {
        return prisoners()
                .position("A", map("a", false, "b", true)).position("B", map("a", true, "b", false))
                .intentions("A", map("a", false)).intentions("B", map("b", false))
                .build();
    }

    static Board chicken() {
        return Board.builder()
                .character("A", "Alice").character("B", "Bob")
                .option("a", "A", "Alice swerves", false)
                .option("b", "B", "Bob swerves", false)
                .preference("A", rank("ny", "yy", "yn", "nn"))
                .preference("B", rank("yn", "yy", "ny", "nn"))
                .position("A", map("a", false, "b", true)).position("B", map("a", true, "b", false))
                .intentions("A", map("a", false)).intentions("B", map("b", false))
                .build();
    }

    /** Bosnia 1995 with statements; the faction's own position asks the force not to strike. */
    static Board bosnia() {
        List<String> ids = List.of("attack", "withdraw", "hostages", "strikes");
        try {
            return Board.builder()
                    .character("F", "Armed faction").character("P", "Peacekeeping force")
                    .option("attack", "F", "Attack the enclaves", false)
                    .option("withdraw", "F", "Withdraw heavy weapons", false)
                    .option("hostages", "F", "Take hostages", false)
                    .option("strikes", "P", "Air strikes", false)
                    .preference("F", Preference.statements(List.of("attack", "!withdraw", "!strikes", "strikes -> hostages"), ids))
                    .preference("P", Preference.statements(List.of("!hostages", "!attack", "withdraw", "!strikes"), ids))
                    .position("P", map("attack", false, "withdraw", true, "hostages", false, "strikes", false))
                    .position("F", map("attack", true, "withdraw", false, "hostages", false, "strikes", false))
                    .intentions("F", map("attack", true, "withdraw", false, "hostages", true))
                    .intentions("P", map("strikes", true))
                    .build();
        } catch (StatementException e) {
            throw new AssertionError(e);
        }
    }
}
