package dev.drama.scenarios.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drama.engine.Board;
import dev.drama.engine.DilemmaEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class BoardFileTest {
    /** The section 7 example, to vary in the error tests. */
    static final String SECTION_7 = """
            {
              "characters": ["H", "W"],
              "options": [
                {"id": "tv",  "owner": "H", "label": "Watch TV instead of washing up", "statusQuo": true},
                {"id": "nag", "owner": "W", "label": "Nag", "statusQuo": false}
              ],
              "preferences": {
                "H": {"ranking": [[true, false], [true, true], [false, false], [false, true]]},
                "W": {"statements": ["nag <-> tv", "!nag"]}
              },
              "positions":  {"H": {"tv": true, "nag": false}, "W": {"tv": false, "nag": false}},
              "intentions": {"H": {"tv": true}, "W": {"nag": true}},
              "doubts": [{"holder": "H", "about": "W"}]
            }
            """;

    static Path examples() {
        Path here = Path.of("").toAbsolutePath();
        Path p = here.resolveSibling("engine").resolve("examples");
        return Files.isDirectory(p) ? p : here.resolve("engine").resolve("examples");
    }

    @Test
    void readsTheSection7Example() throws BoardFileException {
        Board board = BoardFile.parse(SECTION_7);
        assertEquals(List.of("tv", "nag"), board.optionIds());
        assertEquals("Watch TV instead of washing up", board.option("tv").orElseThrow().label());
        assertEquals(java.util.Set.of("W"), board.doubts("H"));
        assertEquals(java.util.Map.of("tv", true, "nag", true), board.threatenedFuture().values());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "television.json       | persuasion:H->W persuasion:W->H trust:H->W trust:W->H",
            "prisoners-agreed.json | cooperation:A cooperation:B trust:A->B trust:B->A",
            "prisoners-greedy.json | persuasion:A->B persuasion:B->A trust:A->B trust:B->A",
            "chicken.json          | rejection:A->B rejection:B->A threat:A threat:B",
    })
    void theExampleBoardsGiveTheWorkedExamplesDilemmas(String file, String keys) throws BoardFileException {
        Board board = BoardFile.read(examples().resolve(file));
        assertEquals(List.of(keys.split(" ")), DilemmaEngine.analyse(board).keys());
    }

    @Test
    void bosniaExampleReads() throws BoardFileException {
        Board board = BoardFile.read(examples().resolve("bosnia.json"));
        assertTrue(DilemmaEngine.analyse(board).keys().contains("persuasion:P->F"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // what to replace | with what | the expected message
            "\"statements\": [\"nag <-> tv\", \"!nag\"] | \"statements\": [\"nag <-> tv\", \"!nagg\"] | preferences.W.statements[1]: unknown option 'nagg' at column 2; did you mean 'nag'? in \"!nagg\"",
            "\"owner\": \"W\" | \"owner\": \"X\" | options[1].owner: 'X' is not a character (characters: H, W)",
            "\"owner\": \"W\" | \"owner\": \"w\" | options[1].owner: 'w' is not a character; did you mean 'W'? (characters: H, W)",
            "\"intentions\": {\"H\": {\"tv\": true} | \"intentions\": {\"H\": {\"nag\": true} | intentions of character 'H' (H) name option 'nag' (Nag), which character 'W' owns; a character states intentions on its own options only",
            "[false, true]] | [false]] | preferences.H.ranking[3]: has 1 values; expected 2, one per option in order (tv, nag)",
            "[true, false], [true, true] | [true, false], [true, false] | preferences.H.ranking[1]: the ranking lists the future [true, false] twice ([0] and [1]); remove one",
            "[true, false], [true, true] | [true, \"no\"], [true, true] | preferences.H.ranking[0][1] (nag): expected true or false, found the string \"no\"",
            "\"positions\":  {\"H\": {\"tv\": true, | \"positions\":  {\"H\": {\"tvv\": true, | positions.H.tvv: unknown option 'tvv'; did you mean 'tv'?",
            "\"positions\" | \"postions\" | postions: unknown field; did you mean 'positions'? (expected characters, options, preferences, positions, intentions, doubts)",
            "\"about\": \"W\" | \"about\": \"H\" | doubts[0]: 'H' cannot doubt itself",
            "\"about\": \"W\" | \"about\": \"Q\" | doubts[0].about: unknown character 'Q'",
            "\"statusQuo\": true} | \"statusQuo\": 1} | options[0].statusQuo: expected true or false, found the number 1",
            "\"W\": {\"statements\": [\"nag <-> tv\", \"!nag\"]} | \"W\": {} | preferences.W: give exactly one of \"ranking\" or \"statements\"",
            "\"W\": {\"statements\": [\"nag <-> tv\", \"!nag\"]} | \"W\": {\"statements\": [\"nag <->\"]} | preferences.W.statements[0]: unexpected end of statement at column 8; expected an option id, '!' or '(' in \"nag <->\"",
            "{\"id\": \"nag\", | {\"id\": \"tv\", | options[1].id: duplicate option id 'tv'",
            "[\"H\", \"W\"] | [\"H\", \"W\", \"2x\"] | characters[2]: '2x' is not a valid id: a letter followed by letters, digits or '_'",
            "\"preferences\": { | \"preferences\": {\"Z\": {\"statements\": []}, | preferences.Z: unknown character 'Z'",
    })
    void badFilesGivePreciseErrors(String from, String to, String expected) {
        String json = SECTION_7.replace(from, to);
        assertTrue(!json.equals(SECTION_7), "the test's replacement did not apply: " + from);
        BoardFileException e = assertThrows(BoardFileException.class, () -> BoardFile.parse(json));
        assertEquals(expected, e.getMessage());
    }

    @Test
    void missingPreferenceIsNamed() {
        String json = SECTION_7.replace(",\n    \"W\": {\"statements\": [\"nag <-> tv\", \"!nag\"]}", "");
        BoardFileException e = assertThrows(BoardFileException.class, () -> BoardFile.parse(json));
        assertEquals("preferences.W: missing: every character needs a preference (\"ranking\" or \"statements\")", e.getMessage());
    }

    @Test
    void syntaxErrorsGiveLineAndColumn() {
        BoardFileException e = assertThrows(BoardFileException.class, () -> BoardFile.parse("{\n  \"characters\": [\"H\",]\n}"));
        assertTrue(e.getMessage().startsWith("line 2, column "), e.getMessage());
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
        assertEquals("the file is empty; expected a JSON object with characters, options and preferences",
                assertThrows(BoardFileException.class, () -> BoardFile.parse("")).getMessage());
        assertEquals("expected a JSON object at the top, found an array",
                assertThrows(BoardFileException.class, () -> BoardFile.parse("[]")).getMessage());
        assertEquals("characters: missing (required)",
                assertThrows(BoardFileException.class, () -> BoardFile.parse("{}")).getMessage());
        BoardFileException dup = assertThrows(BoardFileException.class, () -> BoardFile.parse("{\"characters\": [], \"characters\": []}"));
        assertTrue(dup.getMessage().contains("duplicate"), dup.getMessage());
    }

    @Test
    void aMissingFileIsAnErrorNotAStackTrace() {
        BoardFileException e = assertThrows(BoardFileException.class, () -> BoardFile.read(Path.of("/no/such/board.json")));
        assertEquals("no such file", e.getMessage());
    }
}
