package dev.drama.scenarios.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drama.engine.Analysis;
import dev.drama.engine.Board;
import dev.drama.engine.DilemmaEngine;
import org.junit.jupiter.api.Test;

class BoardReportTest {

    @Test
    void jsonFollowsSection7() throws Exception {
        Board board = BoardFile.read(BoardFileTest.examples().resolve("chicken.json"));
        JsonNode report = new ObjectMapper().readTree(BoardReport.toJsonString(DilemmaEngine.analyse(board)));
        assertEquals("{\"a\":false,\"b\":false}", report.get("threatenedFuture").toString());
        JsonNode dilemmas = report.get("dilemmas");
        assertEquals(4, dilemmas.size());
        assertEquals("rejection", dilemmas.get(0).get("kind").asText());
        assertEquals("A", dilemmas.get(0).get("holder").asText());
        assertEquals("B", dilemmas.get(0).get("towards").asText());
        JsonNode threat = dilemmas.get(2);
        assertEquals("threat", threat.get("kind").asText());
        assertFalse(threat.has("towards"), "towards is absent for threat");
        assertEquals("{\"a\":true,\"b\":false}", threat.get("compared").toString());
        assertTrue(threat.get("explanation").asText().contains("Alice swerves = yes"));
        JsonNode way = dilemmas.get(0).get("waysOut").get(0);
        assertEquals("accept", way.get("kind").asText());
        assertEquals("{\"a\":true,\"b\":false}", way.get("position").toString());
        assertTrue(way.get("concrete").asBoolean());
        assertEquals("rejection", dilemmas.get(0).get("detail").get(0).get("verdict").asText());
    }

    @Test
    void cooperationHasNoTowards() throws Exception {
        Board board = BoardFile.read(BoardFileTest.examples().resolve("prisoners-agreed.json"));
        JsonNode report = new ObjectMapper().readTree(BoardReport.toJsonString(DilemmaEngine.analyse(board)));
        assertEquals("cooperation", report.get("dilemmas").get(0).get("kind").asText());
        assertFalse(report.get("dilemmas").get(0).has("towards"));
        assertTrue(report.get("commitmentPoint").asBoolean());
    }

    @Test
    void textNamesCharactersAndLabels() throws Exception {
        Board board = BoardFile.read(BoardFileTest.examples().resolve("television.json"));
        Analysis analysis = DilemmaEngine.analyse(board);
        String text = BoardReport.toText(board, analysis);
        assertTrue(text.contains("Watch TV instead of washing up: yes"), text);
        assertTrue(text.contains("Husband (H): 2 dilemmas"), text);
        assertTrue(text.contains("Persuasion dilemma towards Wife"), text);
        assertTrue(text.contains("Ways out:"), text);
    }
}
