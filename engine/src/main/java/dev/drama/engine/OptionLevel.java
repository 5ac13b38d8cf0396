package dev.drama.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Option-level detail (drama-theory.md section 5): each option owned by D that the position of
 * C fixes to a value other than T's, judged alone with {@code comply} = T with that option set
 * to C's value.
 */
final class OptionLevel {
    private OptionLevel() {
    }

    /** The options owned by {@code owner} on which {@code proposer}'s position departs from T. */
    static List<OptionDetail> detail(Board board, Situation s, int proposer, int owner, Scratch work) {
        List<OptionDetail> out = null;
        String ownerId = board.characters().get(owner).id();
        boolean[] comply = null;
        for (int o : s.owned[owner]) {
            if (!s.fixed[proposer][o] || s.fixedValue[proposer][o] == s.t[o]) {
                continue;
            }
            if (comply == null) {
                comply = work.future;
                System.arraycopy(s.t, 0, comply, 0, s.n);
                out = new ArrayList<>(2);
            }
            comply[o] = s.fixedValue[proposer][o];
            int complyScore = s.score(owner, comply);
            comply[o] = s.t[o];
            int tScore = s.scoreOfT(owner);
            String verdict = tScore > complyScore ? OptionDetail.PERSUASION
                    : complyScore > tScore ? OptionDetail.REJECTION : OptionDetail.INDIFFERENT;
            out.add(new OptionDetail(board.options().get(o).id(), ownerId, s.t[o], s.fixedValue[proposer][o], verdict));
        }
        return out == null ? List.of() : out;
    }
}
