package dev.drama.engine;

import java.util.List;

/**
 * The dilemmas of one board, sorted by kind (declaration order of {@link DilemmaKind}), then
 * holder, then towards (both in board character order; no towards comes first). {@code limits}
 * says, one sentence each, where the engine did not search every way out (a character owning more
 * options than a way-out search tries); empty when every search ran.
 */
public record Analysis(Future threatenedFuture, boolean crisisPoint, boolean commitmentPoint, List<Dilemma> dilemmas,
                       List<String> limits) {

    public Analysis {
        dilemmas = List.copyOf(dilemmas);
        limits = List.copyOf(limits);
    }

    /** An analysis every search of which ran. */
    public Analysis(Future threatenedFuture, boolean crisisPoint, boolean commitmentPoint, List<Dilemma> dilemmas) {
        this(threatenedFuture, crisisPoint, commitmentPoint, dilemmas, List.of());
    }

    /** The holder's dilemmas, in report order. */
    public List<Dilemma> of(String characterId) {
        return dilemmas.stream().filter(d -> d.holder().equals(characterId)).toList();
    }

    /** Whether no character has any dilemma. */
    public boolean resolved() {
        return dilemmas.isEmpty();
    }

    /** The dilemmas' keys in report order. */
    public List<String> keys() {
        return dilemmas.stream().map(Dilemma::key).toList();
    }
}
