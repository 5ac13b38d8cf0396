package dev.drama.engine;

import java.util.List;

/** Plain-language text: names characters by name and options by label. */
final class Narrator {
    private final Board board;

    Narrator(Board board) {
        this.board = board;
    }

    String explain(DilemmaKind kind, int a, int b, Future compared, Future against, List<OptionDetail> detail) {
        return "";
    }
}
