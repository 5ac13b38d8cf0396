package dev.drama.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A way out of a dilemma for its holder (drama-theory.md section 8). A concrete way out is a
 * move on the board: {@code intentions} (values the holder states on its own options, merged
 * onto its current intentions), {@code position} (values its position fixes, merged onto it),
 * {@code release} (options its position stops fixing: left open, completed from T) and
 * {@code withdrawDoubt} (the character it stops doubting, or empty). Applying it with
 * {@link #applyTo(Board, String)} removes the dilemma, which the engine checks by re-analysis.
 * A way out with none of these is general advice (section 2) that is not a move on the board.
 * {@code cost} says in words how the holder ranks where the move leads against the threatened
 * future (the outcome if nobody moves); {@code breaks} lists the accepted agreements of the
 * holder's the move would break (the description says so too).
 */
public record WayOut(WayOutKind kind, String description, Map<String, Boolean> intentions,
                     Map<String, Boolean> position, List<String> release, String withdrawDoubt, String cost,
                     List<Agreement> breaks) {

    public WayOut {
        Objects.requireNonNull(kind, "kind");
        // OrderedValues are the engine's own immutable maps; anything else is copied, keeping its order.
        intentions = intentions == null ? Map.of() : intentions instanceof OrderedValues ? intentions : OrderedValues.copyOf(intentions);
        position = position == null ? Map.of() : position instanceof OrderedValues ? position : OrderedValues.copyOf(position);
        release = release == null ? List.of() : List.copyOf(release);
        withdrawDoubt = withdrawDoubt == null ? "" : withdrawDoubt;
        breaks = breaks == null ? List.of() : List.copyOf(breaks);
    }

    /** A move that only states intentions and fixes values, breaking no agreement. */
    public WayOut(WayOutKind kind, String description, Map<String, Boolean> intentions, Map<String, Boolean> position, String cost) {
        this(kind, description, intentions, position, null, null, cost, null);
    }

    /** Whether this is a move on the board. */
    public boolean isConcrete() {
        return !intentions.isEmpty() || !position.isEmpty() || !release.isEmpty() || !withdrawDoubt.isEmpty();
    }

    /** Whether the move keeps every agreement the holder accepted. */
    public boolean keepsAgreements() {
        return breaks.isEmpty();
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
        if (!position.isEmpty() || !release.isEmpty()) {
            Map<String, Boolean> merged = new LinkedHashMap<>(board.position(holderId).values());
            release.forEach(merged::remove);
            merged.putAll(position);
            b.position(holderId, merged);
        }
        if (!withdrawDoubt.isEmpty()) {
            b.removeDoubt(holderId, withdrawDoubt);
        }
        return b.build();
    }
}
