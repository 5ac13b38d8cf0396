package dev.drama.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drama.cli.console.ConsoleState;
import dev.drama.cli.console.Fixtures;
import dev.drama.proto.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

class PackExamplesTest {
    private final ConsoleState manager = Fixtures.state(Role.TRAINEE, "manager");

    private List<String> examples(String command, ParseContext context) {
        return PackExamples.of(Commands.find(command).orElseThrow(), context);
    }

    @Test
    void examplesUseTheSessionsCharactersAndOptions() {
        assertEquals(List.of("/offer carers ask protest=yes promise late=yes threat overtime=yes",
                "/offer carers,union ask protest=yes note \"we can talk budgets tomorrow\""), examples("offer", manager));
        assertEquals(List.of("/position late=yes protest=no", "/position protest=open", "/position clear"),
                examples("position", manager));
        assertEquals(List.of("/commit late=yes overtime=no"), examples("commit", manager));
        assertEquals(List.of("/accept o1"), examples("accept", manager), "the open offer the console knows");
        assertEquals(List.of("/tell carers Off the record: we could find half the money.",
                "/tell \"Tom Bell, Carers' Forum\",union Can we talk before the vote?"), examples("tell", manager));
    }

    @Test
    void everyExampleParsesForThePlayerItIsWrittenFor() {
        for (CommandSpec spec : Commands.all()) {
            if (spec.audience() == CommandSpec.Audience.PLAYER || spec.name().equals("tell")) {
                for (String example : examples(spec.name(), manager)) {
                    assertInstanceOf(ParseResult.Send.class, new CommandParser().parse(example, manager), example);
                }
            }
        }
    }

    @Test
    void withoutABoardTheSpecsExamplesStand() {
        assertEquals(Commands.find("offer").orElseThrow().examples(), examples("offer", ParseContext.empty()));
        assertEquals(List.of("/packs"), examples("packs", manager));
    }

    @Test
    void helpShowsThem() {
        String help = HelpText.render("offer", Role.TRAINEE, false, spec -> PackExamples.of(spec, manager)).toString();
        assertTrue(help.contains("\n    /offer carers ask protest=yes promise late=yes threat overtime=yes"), help);
        String list = HelpText.render("", Role.TRAINEE, false, spec -> PackExamples.of(spec, manager)).toString();
        assertTrue(list.endsWith("Example: /offer carers ask protest=yes promise late=yes threat overtime=yes"), list);
    }
}
