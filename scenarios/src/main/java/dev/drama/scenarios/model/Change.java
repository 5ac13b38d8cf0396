package dev.drama.scenarios.model;

/** One board change an inject makes when the trainer sends it (a reframing). */
public sealed interface Change permits Change.AddOption, Change.SetPreference, Change.AddCharacter {

    /** A new option appears on the board (appended after the existing ones). */
    record AddOption(PackOption option) implements Change {
    }

    /** A character's preferences are replaced. */
    record SetPreference(String character, PreferenceSpec preference) implements Change {
    }

    /** A new character arrives, with its preferences. Its briefing is loaded from the pack. */
    record AddCharacter(PackCharacter character, PreferenceSpec preference) implements Change {
    }
}
