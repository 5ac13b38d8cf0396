package dev.drama.bots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drama.engine.Board;
import dev.drama.engine.Option;
import dev.drama.proto.Phase;
import dev.drama.scenarios.load.LoadResult;
import dev.drama.scenarios.load.PackLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bundled pack played from its opening board with every character computer-played: the
 * negotiation comes to rest, nobody is refused, and everyone commits on each of its options.
 */
class BundledPacksTest {
    private static final int ROUNDS = 200;

    static Stream<Path> packs() throws IOException {
        try (Stream<Path> dirs = Files.list(Path.of("..", "scenarios", "packs"))) {
            return dirs.filter(Files::isDirectory).sorted().toList().stream();
        }
    }

    private static Board opening(Path pack) {
        LoadResult r = PackLoader.load(pack);
        assertTrue(r.ok(), r.errors().toString());
        return r.pack().orElseThrow().openingBoard();
    }

    @ParameterizedTest
    @MethodSource("packs")
    void eachStanceAloneComesToRestAndCommits(Path pack) {
        Board board = opening(pack);
        for (Stance stance : Stance.values()) {
            play(board, Table.everyone(board, stance, 11), pack + " " + stance.word());
        }
    }

    @ParameterizedTest
    @MethodSource("packs")
    void aMixedCastComesToRestAndCommits(Path pack) {
        Board board = opening(pack);
        for (long seed = 1; seed <= 3; seed++) {
            Map<String, Stance> cast = new LinkedHashMap<>();
            List<dev.drama.engine.Character> characters = board.characters();
            for (int i = 0; i < characters.size(); i++) {
                cast.put(characters.get(i).id(), Stance.values()[(int) ((i + seed) % Stance.values().length)]);
            }
            play(board, new Table(board, cast, characters.get(0).id(), seed), pack + " mixed " + seed);
        }
    }

    private static void play(Board board, Table table, String what) {
        table.start(Phase.NEGOTIATION);
        int rounds = table.runAll(ROUNDS);
        assertTrue(rounds <= ROUNDS, what + " still moving after " + ROUNDS + " rounds: " + table.log);
        table.phase(Phase.MOMENT_OF_TRUTH);
        table.runAll(5);
        assertTrue(table.log.stream().noneMatch(l -> l.contains(" refused: ")), what + ": " + table.log);
        for (dev.drama.engine.Character c : board.characters()) {
            List<String> own = board.optionsOf(c.id()).stream().map(Option::id).toList();
            if (!own.isEmpty()) {
                assertEquals(own, List.copyOf(table.commitments.getOrDefault(c.id(), Map.of()).keySet()), what + " " + c.id());
            }
        }
    }
}
