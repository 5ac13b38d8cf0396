package dev.drama.server.view;

import dev.drama.engine.Board;
import dev.drama.engine.Character;
import dev.drama.engine.Option;
import dev.drama.proto.CharacterStance;
import dev.drama.proto.CharacterView;
import dev.drama.proto.OptionView;
import dev.drama.scenarios.model.PackCharacter;
import dev.drama.scenarios.model.PackOption;
import dev.drama.scenarios.model.Pack;

/** The parts of the public board as wire messages: nothing in them is private to anyone. */
final class BoardViews {
    private BoardViews() {
    }

    static CharacterView character(Character c, Pack pack, String playedBy) {
        return CharacterView.newBuilder()
                .setId(c.id()).setName(c.name())
                .setDescription(pack.character(c.id()).map(PackCharacter::description).orElse(""))
                .setPlayedBy(playedBy).build();
    }

    static OptionView option(Option o, Pack pack) {
        return OptionView.newBuilder()
                .setId(o.id()).setOwnerId(o.owner()).setLabel(o.label()).setStatusQuo(o.statusQuo())
                .setDescription(pack.option(o.id()).map(PackOption::description).orElse("")).build();
    }

    static CharacterStance stance(Board board, String characterId) {
        return CharacterStance.newBuilder()
                .setCharacterId(characterId)
                .addAllPosition(Settings.of(board.position(characterId)))
                .addAllIntentions(Settings.of(board.intentions(characterId)))
                .addAllDoubts(board.doubts(characterId)).build();
    }
}
