package dev.drama.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * An analysis that reuses the searches of the previous one ({@link SearchMemo}) equals a fresh
 * analysis of the same board, dilemma for dilemma, text for text, over seeded random boards and
 * sequences of moves like a session's: a position, intentions or a doubt changed by one
 * character, now and then an accepted agreement or a changed preference.
 */
class IncrementalAnalysisTest {
    private static final int SESSIONS = 150;
    private static final int MOVES = 25;

    @Test
    void reusingSearchesGivesTheFullAnalysis() {
        long hits = 0;
        long misses = 0;
        for (long seed = 1; seed <= SESSIONS; seed++) {
            RandomBoards random = new RandomBoards(seed);
            Board board = seed % 3 == 0 ? random.board(3, 6) : random.board(6, 3);
            SearchMemo memo = new SearchMemo();
            for (int move = 0; move <= MOVES; move++) {
                Analysis incremental = DilemmaEngine.analyse(board, memo);
                Analysis full = DilemmaEngine.analyse(board);
                String where = "seed " + seed + ", move " + move;
                assertEquals(full.keys(), incremental.keys(), where);
                for (int i = 0; i < full.dilemmas().size(); i++) {
                    // Dilemma equality covers the futures, the detail, every way out and all texts.
                    assertEquals(full.dilemmas().get(i), incremental.dilemmas().get(i), where + ", " + full.keys().get(i));
                }
                assertEquals(full, incremental, where);
                board = move(board, random);
            }
            hits += memo.hits();
            misses += memo.misses();
        }
        // The reuse is real: most searches after a one-character move are answered from the memo.
        assertTrue(hits > misses, "hits " + hits + ", misses " + misses);
    }

    @Test
    void theMemoHoldsOnlyWhatTheLastAnalysisUsed() {
        RandomBoards random = new RandomBoards(7);
        Board board = random.board(6, 3);
        SearchMemo memo = new SearchMemo();
        for (int move = 0; move < 200; move++) {
            long before = memo.hits() + memo.misses();
            DilemmaEngine.analyse(board, memo);
            long asked = memo.hits() + memo.misses() - before;
            assertTrue(memo.size() <= asked, "move " + move + ": holds " + memo.size() + " after " + asked + " searches");
            board = move(board, random);
        }
    }

    /** One character's move: mostly a position, intentions or a doubt; sometimes an agreement or a new preference. */
    private static Board move(Board board, RandomBoards random) {
        Random r = random.random();
        List<Character> cast = board.characters();
        String c = cast.get(r.nextInt(cast.size())).id();
        int kind = r.nextInt(20);
        if (kind < 9) {
            return board.withPosition(c, Future.of(random.partial(board.optionIds(), 0.6)));
        }
        if (kind < 15) {
            Map<String, Boolean> intents = new LinkedHashMap<>();
            for (Option o : board.optionsOf(c)) {
                if (r.nextBoolean()) {
                    intents.put(o.id(), r.nextBoolean());
                }
            }
            return board.withIntentions(c, Future.of(intents));
        }
        if (kind < 18 && cast.size() > 1) {
            String about = cast.get(r.nextInt(cast.size())).id();
            return about.equals(c) ? board : board.withDoubt(c, about, !board.doubts(c).contains(about));
        }
        if (kind == 18 && cast.size() > 1 && !board.options().isEmpty()) {
            return board.withAgreement(WayOutPropertiesTest.randomAgreement(board, random));
        }
        return board.withPreference(c, random.preference(board.optionIds()));
    }
}
