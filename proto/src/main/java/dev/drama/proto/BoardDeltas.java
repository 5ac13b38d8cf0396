package dev.drama.proto;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * How a client keeps the public board from the deltas the server sends after each move
 * (the rules are those of {@link BoardDelta} in drama.proto): the terminal console, the
 * tests and the bots share this one reading of them; the browser dashboard has its own, in
 * JavaScript, with the same rules.
 */
public final class BoardDeltas {
    private BoardDeltas() {
    }

    /** What a delta means to a client holding a board. */
    public enum Fit {
        /** It applies to the board held. */
        APPLIES,
        /** The board held already has it (a whole board came meanwhile): ignore it. */
        STALE,
        /** Changes were missed (or no board is held yet): ask for the whole board. */
        GAP
    }

    public static Fit fit(BoardView held, BoardDelta delta) {
        if (held == null) {
            return Fit.GAP;
        }
        if (delta.getBaseVersion() == held.getVersion()) {
            return Fit.APPLIES;
        }
        return delta.getVersion() <= held.getVersion() ? Fit.STALE : Fit.GAP;
    }

    /** The board once the delta is applied; it must {@link Fit#APPLIES apply} to {@code held}. */
    public static BoardView apply(BoardView held, BoardDelta delta) {
        if (fit(held, delta) != Fit.APPLIES) {
            throw new IllegalArgumentException("a delta from board version " + delta.getBaseVersion()
                    + " does not apply to version " + (held == null ? "none" : held.getVersion()));
        }
        BoardView.Builder b = held.toBuilder()
                .setVersion(delta.getVersion())
                .setCrisisPoint(delta.getCrisisPoint())
                .setCommitmentPoint(delta.getCommitmentPoint())
                .setChangedBy(delta.getChangedBy());
        if (!delta.getCharactersList().isEmpty()) {
            b.clearCharacters().addAllCharacters(
                    merged(held.getCharactersList(), delta.getCharactersList(), CharacterView::getId));
        }
        if (!delta.getOptionsList().isEmpty()) {
            b.clearOptions().addAllOptions(merged(held.getOptionsList(), delta.getOptionsList(), OptionView::getId));
        }
        if (!delta.getStancesList().isEmpty()) {
            b.clearStances().addAllStances(
                    merged(held.getStancesList(), delta.getStancesList(), CharacterStance::getCharacterId));
        }
        if (delta.hasThreatenedFuture()) {
            b.clearThreatenedFuture().addAllThreatenedFuture(delta.getThreatenedFuture().getSettingsList());
        }
        if (delta.hasPreferencesChanged()) {
            b.clearPreferencesChanged().addAllPreferencesChanged(delta.getPreferencesChanged().getIdsList());
        }
        return b.build();
    }

    /** Each changed item replaces the held one of its id, in place; new ones are appended, in the delta's order. */
    private static <T> List<T> merged(List<T> held, List<T> changed, Function<T, String> id) {
        List<T> out = new ArrayList<>(held);
        for (T item : changed) {
            String key = id.apply(item);
            int at = indexOf(out, key, id);
            if (at < 0) {
                out.add(item);
            } else {
                out.set(at, item);
            }
        }
        return out;
    }

    private static <T> int indexOf(List<T> items, String key, Function<T, String> id) {
        for (int i = 0; i < items.size(); i++) {
            if (id.apply(items.get(i)).equals(key)) {
                return i;
            }
        }
        return -1;
    }
}
