package dev.drama.bots;

import dev.drama.proto.OptionView;
import dev.drama.proto.WayOut;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The character's own judgement of futures: its preference applied to what its seat knows.
 * A partial future is completed from the threatened future T ("everything else as it would
 * happen anyway", as the engine does); an option T does not cover falls to its status quo.
 */
final class Judge {
    /** Own options beyond this are improved one at a time instead of trying every combination. */
    private static final int EXHAUSTIVE_OPTIONS = 12;

    private final Self self;
    private final SeatView view;

    Judge(Self self, SeatView view) {
        this.self = self;
        this.view = view;
    }

    SeatView view() {
        return view;
    }

    String me() {
        return self.characterId();
    }

    /** T overlaid with {@code values}; an option T does not cover (not yet on a board sent) at its status quo. */
    Map<String, Boolean> complete(Map<String, Boolean> values) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        for (String id : view.optionIds()) {
            Boolean t = view.threatened().get(id);
            out.put(id, t != null ? t : view.option(id).map(OptionView::getStatusQuo).orElse(false));
        }
        out.putAll(values);
        return out;
    }

    /** How much the character likes the completion of {@code values}; higher is better. */
    int score(Map<String, Boolean> values) {
        Map<String, Boolean> future = complete(values);
        // The preference reads options in board order; options added later (injects) come after.
        List<String> ids = view.hasBoard() ? view.optionIds() : self.optionIds();
        boolean[] array = new boolean[Math.max(ids.size(), self.preference().optionCount())];
        for (int i = 0; i < ids.size(); i++) {
            array[i] = future.getOrDefault(ids.get(i), false);
        }
        return self.preference().score(array);
    }

    int scoreOfThreatened() {
        return score(Map.of());
    }

    /** Its own position completed from T: where it proposes the drama should end. */
    int scoreOfOwnPosition() {
        return score(view.position(me()));
    }

    List<String> ownOptions() {
        return view.optionsOf(me());
    }

    /**
     * The values on {@code mine} (its own options) it likes best when everything else is as in
     * {@code base} (completed from T); ties keep {@code base}'s values.
     */
    Map<String, Boolean> bestReply(Map<String, Boolean> base, Collection<String> mine) {
        Map<String, Boolean> best = complete(base);
        List<String> ids = List.copyOf(mine);
        int bestScore = score(best);
        if (ids.size() <= EXHAUSTIVE_OPTIONS) {
            Map<String, Boolean> trial = new LinkedHashMap<>(best);
            Map<String, Boolean> start = new LinkedHashMap<>(best);
            for (int mask = 1; mask < (1 << ids.size()); mask++) {
                for (int i = 0; i < ids.size(); i++) {
                    String id = ids.get(i);
                    boolean flip = (mask & (1 << i)) != 0;
                    trial.put(id, flip != start.get(id));
                }
                int s = score(trial);
                if (s > bestScore) {
                    bestScore = s;
                    best = new LinkedHashMap<>(trial);
                }
            }
        } else {
            for (boolean improved = true; improved; ) {
                improved = false;
                for (String id : ids) {
                    Map<String, Boolean> trial = new LinkedHashMap<>(best);
                    trial.put(id, !best.get(id));
                    int s = score(trial);
                    if (s > bestScore) {
                        bestScore = s;
                        best = trial;
                        improved = true;
                    }
                }
            }
        }
        Map<String, Boolean> out = new LinkedHashMap<>();
        for (String id : ids) {
            out.put(id, best.get(id));
        }
        return out;
    }

    /**
     * Whether it would really carry out these intentions on its own options: with T changed to
     * them, no other values on those options are better for it (drama-theory.md's threat rule).
     */
    boolean wouldCarryOut(Map<String, Boolean> intentions) {
        if (intentions.isEmpty()) {
            return true;
        }
        Map<String, Boolean> carried = complete(intentions);
        Map<String, Boolean> reply = new LinkedHashMap<>(carried);
        reply.putAll(bestReply(carried, intentions.keySet()));
        return score(reply) <= score(carried);
    }

    /** Where a way out leads: its position after the move, completed from T after the move. */
    int scoreAfter(WayOut w) {
        Map<String, Boolean> future = new LinkedHashMap<>(view.threatened());
        future.putAll(Commands.values(w.getIntentionsList()));
        Map<String, Boolean> position = new LinkedHashMap<>(view.position(me()));
        w.getReleaseList().forEach(position::remove);
        position.putAll(Commands.values(w.getPositionList()));
        future.putAll(position);
        return score(future);
    }
}
