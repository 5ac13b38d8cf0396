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
 * Immutable; the description is written when first read (see {@link Text}).
 */
public final class WayOut {
    private final WayOutKind kind;
    private final Text description;
    private final Map<String, Boolean> intentions;
    private final Map<String, Boolean> position;
    private final List<String> release;
    private final String withdrawDoubt;
    private final String cost;
    private final List<Agreement> breaks;

    public WayOut(WayOutKind kind, String description, Map<String, Boolean> intentions,
                  Map<String, Boolean> position, List<String> release, String withdrawDoubt, String cost,
                  List<Agreement> breaks) {
        this(kind, Text.of(Objects.requireNonNull(description, "description")), intentions, position, release, withdrawDoubt,
                cost, breaks);
    }

    /** A move that only states intentions and fixes values, breaking no agreement. */
    public WayOut(WayOutKind kind, String description, Map<String, Boolean> intentions, Map<String, Boolean> position, String cost) {
        this(kind, description, intentions, position, null, null, cost, null);
    }

    /** The engine's own: the description is written when first read. */
    WayOut(WayOutKind kind, Text description, Map<String, Boolean> intentions, Map<String, Boolean> position,
           List<String> release, String withdrawDoubt, String cost, List<Agreement> breaks) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.description = description;
        // OrderedValues are the engine's own immutable maps; anything else is copied, keeping its order.
        this.intentions = intentions == null ? Map.of() : intentions instanceof OrderedValues ? intentions : OrderedValues.copyOf(intentions);
        this.position = position == null ? Map.of() : position instanceof OrderedValues ? position : OrderedValues.copyOf(position);
        this.release = release == null ? List.of() : List.copyOf(release);
        this.withdrawDoubt = withdrawDoubt == null ? "" : withdrawDoubt;
        this.cost = cost;
        this.breaks = breaks == null ? List.of() : List.copyOf(breaks);
    }

    public WayOutKind kind() {
        return kind;
    }

    public String description() {
        return description.get();
    }

    public Map<String, Boolean> intentions() {
        return intentions;
    }

    public Map<String, Boolean> position() {
        return position;
    }

    public List<String> release() {
        return release;
    }

    public String withdrawDoubt() {
        return withdrawDoubt;
    }

    public String cost() {
        return cost;
    }

    public List<Agreement> breaks() {
        return breaks;
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

    @Override
    public boolean equals(Object o) {
        return o instanceof WayOut w && kind == w.kind && description().equals(w.description()) && intentions.equals(w.intentions)
                && position.equals(w.position) && release.equals(w.release) && withdrawDoubt.equals(w.withdrawDoubt)
                && Objects.equals(cost, w.cost) && breaks.equals(w.breaks);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, description(), intentions, position, release, withdrawDoubt, cost, breaks);
    }

    @Override
    public String toString() {
        return "WayOut[kind=" + kind + ", description=" + description() + ", intentions=" + intentions + ", position=" + position
                + ", release=" + release + ", withdrawDoubt=" + withdrawDoubt + ", cost=" + cost + ", breaks=" + breaks + "]";
    }
}
