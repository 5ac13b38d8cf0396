package dev.drama.server.session;

import dev.drama.scenarios.model.Change;
import dev.drama.scenarios.model.Inject;
import dev.drama.scenarios.model.Pack;
import java.util.ArrayList;
import java.util.List;

/** An inject's board changes in plain words, for everyone to read. */
final class InjectWords {
    private InjectWords() {
    }

    static List<String> describe(Inject inject, Pack pack) {
        List<String> out = new ArrayList<>();
        for (Change c : inject.changes()) {
            if (c instanceof Change.AddOption a) {
                out.add("new option: " + a.option().label() + " (" + a.option().id() + ", decided by "
                        + pack.character(a.option().owner()).map(x -> x.name()).orElse(a.option().owner()) + ")");
            } else if (c instanceof Change.AddCharacter a) {
                out.add("new character at the table: " + a.character().name() + " (" + a.character().id() + ")");
            } else if (c instanceof Change.SetPreference s) {
                out.add(pack.character(s.character()).map(x -> x.name()).orElse(s.character())
                        + " sees things differently now");
            }
        }
        return out;
    }
}
