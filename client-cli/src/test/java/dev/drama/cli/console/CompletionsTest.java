package dev.drama.cli.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drama.cli.console.Completions.Candidate;
import dev.drama.proto.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompletionsTest {
    private final Completions completions = new Completions(Fixtures.state(Role.TRAINEE, "manager"));

    private List<String> values(String... words) {
        return completions.candidates(List.of(words), words.length - 1).stream().map(Candidate::value).toList();
    }

    @Test
    void commandsFirst() {
        assertTrue(values("/").containsAll(List.of("/offer", "/accept", "/help", "/wait-for")));
    }

    @Test
    void charactersAndCommaLists() {
        assertEquals(List.of("manager", "carers", "union"), values("/doubt", ""));
        assertEquals(List.of("union,manager", "union,carers", "union,union"), values("/tell", "union,"));
    }

    @Test
    void optionSettingsThenTheirValues() {
        List<Candidate> options = completions.candidates(List.of("/position", ""), 1);
        assertEquals(new Candidate("late=", false), options.get(0));
        assertEquals(List.of("late=yes", "late=no", "late=open"), values("/position", "late="));
    }

    @Test
    void offersOfferKeywordsAndPendingOffers() {
        assertTrue(values("/offer", "union", "").containsAll(List.of("ask", "promise", "threat", "note", "refuse=")));
        assertEquals(List.of("o1"), values("/accept", ""));
    }

    @Test
    void participantsPhasesAndNothingForText() {
        assertEquals(List.of("Trainer", "Priya", "Tom", "Ann Lee"), values("/assign", ""));
        assertEquals(List.of("next", "briefing", "negotiation", "moment", "debrief", "end"), values("/phase", ""));
        assertEquals(List.of(), values("/say", ""));
        assertEquals(List.of(), values("hello", ""));
    }

    @Test
    void injectIdsOnceTheServerListedThem() {
        ConsoleState trainer = Fixtures.state(Role.TRAINER, "");
        trainer.apply(dev.drama.proto.ServerMessage.newBuilder().setInjects(dev.drama.proto.InjectList.newBuilder()
                .addInjects(dev.drama.proto.InjectSummary.newBuilder().setInjectId("petition"))
                .addInjects(dev.drama.proto.InjectSummary.newBuilder().setInjectId("press"))).build());
        List<String> ids = new Completions(trainer).candidates(List.of("/inject", "p"), 1).stream()
                .map(Candidate::value).toList();
        assertEquals(List.of("petition", "press"), ids);
    }

    @Test
    void actingAsACharacterCompletesItsCommandAndThatCommandsArguments() {
        assertEquals(List.of("manager", "carers", "union"), values("/as", ""));
        assertTrue(values("/as", "carers", "").containsAll(List.of("position", "accept", "say", "commit")));
        assertTrue(!values("/as", "carers", "").contains("choose"));
        assertEquals(List.of("o1"), values("/as", "carers", "accept", ""));
        assertEquals(List.of("late=yes", "late=no", "late=open"), values("/as", "carers", "position", "late="));
    }
}
