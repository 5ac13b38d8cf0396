package dev.drama.scenarios.model;

/**
 * A character of a pack. {@code description} is public; {@code briefing} (the Markdown text of
 * {@code briefingFile}) and {@code mandate} are private to the player and the trainers.
 * {@code stance} is the stance the computer plays it in when the trainer hands it the characters
 * nobody plays ({@code /bot defaults}); empty: none.
 */
public record PackCharacter(String id, String name, String description, String briefingFile,
                            String briefing, String mandate, boolean playable, String stance) {
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
