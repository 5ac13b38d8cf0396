package dev.drama.scenarios.model;

/**
 * A character of a pack. {@code description} is public; {@code briefing} (the Markdown text of
 * {@code briefingFile}) and {@code mandate} are private to the player and the trainers.
 */
public record PackCharacter(String id, String name, String description, String briefingFile,
                            String briefing, String mandate, boolean playable) {
    public PackCharacter {
        description = Copies.text(description);
        briefingFile = Copies.text(briefingFile);
        briefing = Copies.text(briefing);
        mandate = Copies.text(mandate);
    }

    public dev.drama.engine.Character toEngine() {
        return new dev.drama.engine.Character(id, name);
    }
}
