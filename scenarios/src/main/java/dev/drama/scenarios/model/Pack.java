package dev.drama.scenarios.model;

import dev.drama.engine.Board;
import dev.drama.engine.Preference;
import dev.drama.engine.StatementException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One version of a briefing pack, as loaded and checked. Immutable: a running session keeps the
 * {@code Pack} it started with even when a newer version is installed.
 *
 * <p>{@code digest} is a SHA-256 (hex) of the pack's files, so two loads of the same content are
 * recognisably the same version; {@code source} says where it was loaded from.
 */
public record Pack(String id, String title, int version, List<String> authors,
                   String introductionFile, String introduction,
                   String facilitatorFile, String facilitator,
                   Players players,
                   List<PackCharacter> characters,
                   List<PackOption> options,
                   Map<String, PreferenceSpec> preferences,
                   Map<String, Map<String, Boolean>> positions,
                   Map<String, Map<String, Boolean>> intentions,
                   List<Doubt> doubts,
                   List<Phase> phases,
                   List<Inject> injects,
                   String source,
                   String digest) {

    public Pack {
        authors = Copies.list(authors);
        introductionFile = Copies.text(introductionFile);
        introduction = Copies.text(introduction);
        facilitatorFile = Copies.text(facilitatorFile);
        facilitator = Copies.text(facilitator);
        characters = Copies.list(characters);
        options = Copies.list(options);
        preferences = Copies.map(preferences);
        positions = Copies.nested(positions);
        intentions = Copies.nested(intentions);
        doubts = Copies.list(doubts);
        phases = Copies.list(phases);
        injects = Copies.list(injects);
        source = Copies.text(source);
        digest = Copies.text(digest);
    }

    /** The board at the start of a session: characters, options, preferences, positions, intentions, doubts. */
    public Board openingBoard() {
        Board.Builder b = Board.builder();
        for (PackCharacter c : characters) b.character(c.id(), c.name());
        List<String> ids = new ArrayList<>();
        for (PackOption o : options) {
            b.option(o.toEngine());
            ids.add(o.id());
        }
        for (PackCharacter c : characters) {
            PreferenceSpec spec = preferences.get(c.id());
            try {
                b.preference(c.id(), spec == null ? Preference.indifferent() : spec.compile(ids));
            } catch (StatementException ex) {
                throw new IllegalStateException("pack " + id + ": " + ex.getMessage(), ex);
            }
        }
        positions.forEach(b::position);
        intentions.forEach(b::intentions);
        for (Doubt d : doubts) b.doubt(d.holder(), d.about());
        return b.build();
    }

    public Optional<PackCharacter> character(String characterId) {
        for (PackCharacter c : characters) if (c.id().equals(characterId)) return Optional.of(c);
        for (Inject i : injects) for (PackCharacter c : i.addedCharacters()) if (c.id().equals(characterId)) return Optional.of(c);
        return Optional.empty();
    }

    public Optional<PackOption> option(String optionId) {
        for (PackOption o : options) if (o.id().equals(optionId)) return Optional.of(o);
        for (Inject i : injects) for (PackOption o : i.addedOptions()) if (o.id().equals(optionId)) return Optional.of(o);
        return Optional.empty();
    }

    public Optional<Inject> inject(String injectId) {
        for (Inject i : injects) if (i.id().equals(injectId)) return Optional.of(i);
        return Optional.empty();
    }

    public Optional<Phase> phase(String name) {
        for (Phase p : phases) if (p.name().equals(name)) return Optional.of(p);
        return Optional.empty();
    }

    public List<PackCharacter> playableCharacters() {
        List<PackCharacter> out = new ArrayList<>();
        for (PackCharacter c : characters) if (c.playable()) out.add(c);
        return out;
    }

    /** The label of an option (opening or added by an inject), or the id itself when unknown. */
    public String label(String optionId) {
        return option(optionId).map(PackOption::label).orElse(optionId);
    }

    /**
     * A character's opening preferences in plain words, most important first, with option labels
     * (for showing a player its own briefing). Empty when the pack gives none.
     */
    public List<String> preferencesInWords(String characterId) {
        PreferenceSpec spec = preferences.get(characterId);
        if (spec == null) {
            for (Inject i : injects) {
                for (Change c : i.changes()) {
                    if (c instanceof Change.AddCharacter a && a.character().id().equals(characterId)) spec = a.preference();
                }
            }
        }
        return spec == null ? List.of() : spec.inWords(this::label);
    }

    /** Any preference spec (e.g. one set by an inject) in plain words with this pack's labels. */
    public List<String> inWords(PreferenceSpec spec) {
        return spec.inWords(this::label);
    }

    @Override
    public String toString() {
        return id + " v" + version + " (" + title + ")";
    }
}
