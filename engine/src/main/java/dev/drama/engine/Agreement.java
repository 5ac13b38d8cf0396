package dev.drama.engine;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An agreement the parties accepted: the values it fixes (what each party promised and was
 * asked to do). The board carries it so that ways out can say when a move would break it; the
 * rules of section 2 never read it (an accepted agreement already shows in the parties'
 * positions and intentions).
 */
public record Agreement(List<String> parties, Map<String, Boolean> values) {

    public Agreement {
        parties = List.copyOf(Objects.requireNonNull(parties, "parties"));
        values = values instanceof OrderedValues ? values : OrderedValues.copyOf(Objects.requireNonNull(values, "values"));
    }

    public boolean isParty(String characterId) {
        return parties.contains(characterId);
    }
}
