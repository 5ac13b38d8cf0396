package dev.drama.scenarios.model;

/**
 * A character of a pack. {@code description} is public; {@code briefing} (the Markdown text of
 * {@code briefingFile}) and {@code mandate} are private to the player and the trainers.
 * {@code stance} is the stance the computer plays it in when the trainer hands it the characters
 * nobody plays ({@code /bot defaults}); empty: none.
 */
public record PackCharacter(String id, String name, String description, String briefingFile,
                            String briefing, String mandate, boolean playable, String stance) {
    /**
     * The stances a character may name, as the computer players know them ({@code dev.drama.bots.Stance}:
     * the bots module's tests read packs, so packs cannot depend on it; a server test checks the two agree).
     */
    public static final java.util.List<String> STANCES =
            java.util.List.of("realist", "blusterer", "appeaser", "sceptic", "defector", "oppressed");

    public PackCharacter {
        description = Copies.text(description);
        briefingFile = Copies.text(briefingFile);
        briefing = Copies.text(briefing);
        mandate = Copies.text(mandate);
        stance = Copies.text(stance);
    }

    public PackCharacter(String id, String name, String description, String briefingFile, String briefing,
                         String mandate, boolean playable) {
        this(id, name, description, briefingFile, briefing, mandate, playable, "");
    }

    public dev.drama.engine.Character toEngine() {
        return new dev.drama.engine.Character(id, name);
    }
}
