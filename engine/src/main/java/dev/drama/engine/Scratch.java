package dev.drama.engine;

/**
 * Work arrays for one analysis, so the rules allocate nothing while they look: a list of option
 * positions and a future; and the memo of search results the analysis reads and fills. One
 * analysis runs on one thread; the arrays never outlive a call.
 */
final class Scratch {
    final int[] options;
    final boolean[] future;
    final SearchMemo memo;

    Scratch(int optionCount, SearchMemo memo) {
        this.options = new int[optionCount];
        this.future = new boolean[optionCount];
        this.memo = memo;
    }
}
