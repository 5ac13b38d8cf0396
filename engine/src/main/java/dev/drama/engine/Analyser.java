package dev.drama.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One analysis run: checks every rule in report order and dresses each dilemma found. */
final class Analyser {
    private final Board board;
    private final Situation s;
    private final OptionIndex index;
    private final Narrator.Vocabulary vocabulary;
    private final WayOutSearch wayOuts;
    private final Scratch work;

    Analyser(Board board, SearchMemo memo) {
        this.board = board;
        this.s = board.situation();
        this.index = board.optionIndex();
        this.vocabulary = Narrator.Vocabulary.of(board);
        this.work = new Scratch(s.n, memo);
        this.wayOuts = new WayOutSearch(board, vocabulary, work);
    }

    Analysis run() {
        List<Dilemma> found = new ArrayList<>();
        int c = s.c;
        Future t = Future.complete(index, s.t);
        Future[] hats = new Future[c];
        for (DilemmaKind kind : DilemmaKind.values()) {
            for (int a = 0; a < c; a++) {
                if (!kind.hasTowards()) {
                    boolean[] temptation = kind == DilemmaKind.THREAT ? Rules.threatTemptation(s, a, work) : Rules.cooperationTemptation(s, a, work);
                    if (temptation != null) {
                        Future against = kind == DilemmaKind.THREAT ? t : hat(hats, a);
                        found.add(dilemma(kind, a, -1, temptation, Future.complete(index, temptation), against, List.of(), temptation));
                    }
                    continue;
                }
                for (int b = 0; b < c; b++) {
                    if (b == a) {
                        continue;
                    }
                    switch (kind) {
                        case PERSUASION -> {
                            if (Rules.persuasion(s, a, b)) {
                                found.add(dilemma(kind, a, b, s.hat[a], hat(hats, a), t, OptionLevel.detail(board, s, a, b, work), null));
                            }
                        }
                        case REJECTION -> {
                            if (Rules.rejection(s, a, b)) {
                                found.add(dilemma(kind, a, b, s.hat[b], hat(hats, b), t, OptionLevel.detail(board, s, b, a, work), null));
                            }
                        }
                        case POSITIONING -> {
                            if (Rules.positioning(s, a, b)) {
                                found.add(dilemma(kind, a, b, s.hat[b], hat(hats, b), hat(hats, a), List.of(), null));
                            }
                        }
                        case TRUST -> {
                            // Trust: A fixes an option of B's, and A doubts B or B is tempted (kept for the report and the way out).
                            boolean fixesOptionOfB = Rules.fixesAnyOf(s, a, b);
                            boolean[] temptation = fixesOptionOfB ? Rules.trustTemptation(s, a, b, work) : null;
                            if (fixesOptionOfB && (s.doubts[a][b] || temptation != null)) {
                                Future compared = temptation == null ? hat(hats, a) : Future.complete(index, temptation);
                                found.add(dilemma(kind, a, b, temptation, compared, hat(hats, a), List.of(), temptation));
                            }
                        }
                        default -> throw new AssertionError(kind);
                    }
                }
            }
        }
        work.memo.finish();
        return new Analysis(t, s.crisis(), s.commitment(), found, limits());
    }

    /** One sentence per character whose options were too many for a way-out search. */
    private List<String> limits() {
        List<String> out = new ArrayList<>(0);
        boolean[] unsearched = wayOuts.unsearched();
        for (int i = 0; i < s.c; i++) {
            if (unsearched[i]) {
                Character who = board.characters().get(i);
                out.add("Ways out that change several of " + who.name() + "'s options were not searched: " + who.name() + " owns "
                        + s.owned[i].length + " options, and a search tries combinations of at most " + WayOutSearch.MAX_SEARCH
                        + " of one character's (the dilemmas themselves are exact).");
            }
        }
        return out;
    }

    private Future hat(Future[] hats, int i) {
        if (hats[i] == null) {
            hats[i] = Future.complete(index, s.hat[i]);
        }
        return hats[i];
    }

    private Dilemma dilemma(DilemmaKind kind, int a, int b, boolean[] comparedValues, Future compared, Future against,
                            List<OptionDetail> detail, boolean[] temptation) {
        String holder = board.characters().get(a).id();
        Optional<String> towards = b < 0 ? Optional.empty() : Optional.of(board.characters().get(b).id());
        List<WayOut> ways = wayOuts.find(kind, a, b, temptation);
        int[] detailOptions = null; // only read when there are several options to list
        if (detail.size() > 1) {
            detailOptions = new int[detail.size()];
            for (int i = 0; i < detailOptions.length; i++) {
                detailOptions[i] = index.indexOf(detail.get(i).optionId());
            }
        }
        int[] listed = detailOptions;
        Text explanation = new Text(vocabulary, words -> words.explain(s, kind, a, b, comparedValues, detail, listed));
        return new Dilemma(kind, holder, towards, compared, against, detail, ways, explanation);
    }
}
