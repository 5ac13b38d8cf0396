package dev.drama.server.view;

import dev.drama.engine.Analysis;
import dev.drama.engine.Board;
import dev.drama.engine.Character;
import dev.drama.engine.Option;
import dev.drama.proto.BoardView;
import dev.drama.proto.CharacterStance;
import dev.drama.proto.CharacterView;
import dev.drama.proto.OptionView;
import dev.drama.scenarios.model.PackCharacter;
import dev.drama.scenarios.model.PackOption;
import dev.drama.scenarios.model.Pack;
import java.util.function.Function;

/** The public board as a wire message: nothing in it is private to anyone. */
public final class BoardViews {
    private BoardViews() {
    }

    public static BoardView of(Board board, Analysis analysis, Pack pack, Function<String, String> playedBy,
                               String changedBy) {
        BoardView.Builder b = BoardView.newBuilder()
                .addAllThreatenedFuture(Settings.of(analysis.threatenedFuture()))
                .setCrisisPoint(analysis.crisisPoint())
                .setCommitmentPoint(analysis.commitmentPoint())
                .setChangedBy(changedBy);
        for (Character c : board.characters()) {
            b.addCharacters(CharacterView.newBuilder()
                    .setId(c.id()).setName(c.name())
                    .setDescription(pack.character(c.id()).map(PackCharacter::description).orElse(""))
                    .setPlayedBy(playedBy.apply(c.id())));
            b.addStances(CharacterStance.newBuilder()
                    .setCharacterId(c.id())
                    .addAllPosition(Settings.of(board.position(c.id())))
                    .addAllIntentions(Settings.of(board.intentions(c.id())))
                    .addAllDoubts(board.doubts(c.id())));
        }
        for (Option o : board.options()) {
            b.addOptions(OptionView.newBuilder()
                    .setId(o.id()).setOwnerId(o.owner()).setLabel(o.label()).setStatusQuo(o.statusQuo())
                    .setDescription(pack.option(o.id()).map(PackOption::description).orElse("")));
        }
        return b.build();
    }
}
