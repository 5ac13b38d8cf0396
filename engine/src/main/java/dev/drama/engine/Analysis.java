package dev.drama.engine;

import java.util.List;

/**
 * The dilemmas of one board, sorted by kind (declaration order of {@link DilemmaKind}), then
 * holder, then towards (both in board character order; no towards comes first).
 */
public record Analysis(Future threatenedFuture, boolean crisisPoint, boolean commitmentPoint, List<Dilemma> dilemmas) {

    public Analysis {
        dilemmas = List.copyOf(dilemmas);
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
