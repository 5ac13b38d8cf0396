package dev.drama.scenarios.model;

import dev.drama.engine.Board;
import dev.drama.engine.Option;
import dev.drama.engine.Preference;
import dev.drama.engine.StatementException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A scripted event the trainer may send: a text shown to everyone, and optional board changes.
 * {@code at} is the suggested moment as written ({@code "negotiation+20"}, or empty), split into
 * {@code atPhase} and {@code atMinute} (-1 when absent).
 */
public record Inject(String id, String title, String at, String atPhase, int atMinute,
                     String textFile, String text, List<Change> changes) {

    public Inject {
        at = Copies.text(at);
        atPhase = Copies.text(atPhase);
        textFile = Copies.text(textFile);
        text = Copies.text(text);
        changes = Copies.list(changes);
    }

    /** The characters this inject brings in. */
    public List<PackCharacter> addedCharacters() {
        List<PackCharacter> out = new ArrayList<>();
        for (Change c : changes) if (c instanceof Change.AddCharacter a) out.add(a.character());
        return out;
    }

    /** The options this inject adds. */
    public List<PackOption> addedOptions() {
        List<PackOption> out = new ArrayList<>();
        for (Change c : changes) if (c instanceof Change.AddOption a) out.add(a.option());
        return out;
    }

    /**
     * The board after this inject's changes: new characters first (so that new options may be
     * owned by them), then new options, then preferences (so that statements may name the new
     * options). A character or option already on the board is left as it is, so sending an
     * inject twice is harmless. Positions and intentions of the running session are kept.
     *
     * @throws IllegalArgumentException if the board does not fit this inject (a character or
     *         option it names is missing); never for a board built from this inject's own pack.
     */
    public Board applyTo(Board board) {
        Board b = board;
        Preference neutral = Preference.indifferent();
        for (Change c : changes) {
            if (c instanceof Change.AddCharacter a && b.character(a.character().id()).isEmpty()) {
                b = b.withCharacter(a.character().toEngine(), neutral);
            }
        }
        for (Change c : changes) {
            if (c instanceof Change.AddOption a && b.option(a.option().id()).isEmpty()) {
                b = b.withOption(a.option().toEngine());
            }
        }
        List<String> ids = new ArrayList<>();
        for (Option o : b.options()) ids.add(o.id());
        for (Change c : changes) {
            String who;
            PreferenceSpec spec;
            if (c instanceof Change.AddCharacter a) {
                who = a.character().id();
                spec = a.preference();
            } else if (c instanceof Change.SetPreference s) {
                who = s.character();
                spec = s.preference();
            } else {
                continue;
            }
            if (b.character(who).isEmpty()) {
                throw new IllegalArgumentException("inject '" + id + "' sets the preferences of '" + who
                        + "', who is not on the board");
            }
            try {
                b = b.withPreference(who, spec.compile(ids));
            } catch (StatementException e) {
                throw new IllegalArgumentException("inject '" + id + "': " + e.getMessage(), e);
            }
        }
        return b;
    }

    /** The suggested phase, if any. */
    public Optional<String> phase() {
        return atPhase.isEmpty() ? Optional.empty() : Optional.of(atPhase);
    }
}
