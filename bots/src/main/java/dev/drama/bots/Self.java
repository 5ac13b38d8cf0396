package dev.drama.bots;

import dev.drama.engine.Preference;
import java.util.List;
import java.util.Objects;

/**
 * What a computer-played character knows beyond its seat's messages: its own preference
 * (the same prioritised statements its briefing gives a human, compiled), to rank futures.
 *
 * @param characterId the character it plays
 * @param preference  its own preference over complete futures, in board option order
 * @param optionIds   the board's option ids in board order (the preference's indexing)
 */
public record Self(String characterId, Preference preference, List<String> optionIds) {
    public Self {
        Objects.requireNonNull(characterId, "characterId");
        Objects.requireNonNull(preference, "preference");
        optionIds = List.copyOf(optionIds);
    }
}
