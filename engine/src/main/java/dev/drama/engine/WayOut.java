package dev.drama.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A way out of a dilemma for its holder. A concrete way out carries {@code intentions} (values
 * the holder states on its own options, merged onto its current intentions) and/or
 * {@code position} (values the holder's position fixes, merged onto its current position);
 * applying it with {@link #applyTo(Board, String)} removes the dilemma, which the engine
 * checks by re-analysis. A way out with neither is general advice (section 2) that is not a
 * move on the board. {@code cost} says in words how the holder ranks the result against its
 * current position.
 */
public record WayOut(WayOutKind kind, String description, Map<String, Boolean> intentions,
                     Map<String, Boolean> position, String cost) {

    public WayOut {
        Objects.requireNonNull(kind, "kind");
        // OrderedValues are the engine's own immutable maps; anything else is copied, keeping its order.
        intentions = intentions == null ? Map.of() : intentions instanceof OrderedValues ? intentions : OrderedValues.copyOf(intentions);
        position = position == null ? Map.of() : position instanceof OrderedValues ? position : OrderedValues.copyOf(position);
    }

    /** Whether this is a move on the board (it carries intentions or position changes). */
    public boolean isConcrete() {
        return !intentions.isEmpty() || !position.isEmpty();
    }

    /** The board after the holder makes this move (the same board for advice). */
    public Board applyTo(Board board, String holderId) {
        if (!isConcrete()) {
            return board;
        }
        Board.Builder b = board.toBuilder();
        if (!intentions.isEmpty()) {
            Map<String, Boolean> merged = new LinkedHashMap<>(board.intentions(holderId).values());
            merged.putAll(intentions);
            b.intentions(holderId, merged);
        }
        if (!position.isEmpty()) {
            Map<String, Boolean> merged = new LinkedHashMap<>(board.position(holderId).values());
            merged.putAll(position);
            b.position(holderId, merged);
        }
        return b.build();
    }
}
