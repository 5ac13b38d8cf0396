package dev.drama.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code drama pack simulate}: a fixed seed gives the same report, on a bundled pack or a pack folder. */
class PackSimulateTest {
    private record Result(int code, String out, String err) {
    }

    private static Result simulate(String... args) throws Exception {
        PackSimulateCommand command = new PackSimulateCommand();
        new CommandLine(command).parseArgs(args);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = command.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aFixedSeedGivesTheSameReport() throws Exception {
        Result first = simulate("day-services", "--runs", "4", "--seed", "11");
        assertThat(first.code()).isZero();
        assertThat(first.out()).startsWith("Simulated 4 runs of day-services v").contains("seed 11")
                .contains("Outcomes (the options that came out yes").contains("Agreements: ");
        assertThat(simulate("day-services", "--runs", "4", "--seed", "11").out()).isEqualTo(first.out());
    }

    @Test
    void stancesAreGivenInBoardOrderAndCheckedAgainstTheKnownOnes() throws Exception {
        Result tiny = simulate(LocalServer.TINY_PACK.toString(), "--runs", "2", "--stances", "realist,defector");
        assertThat(tiny.code()).isZero();
        assertThat(tiny.out()).contains("in the stances realist, defector")
                .contains("Priya Nair: realist 2").contains("Tom Bell: defector 2").contains("Ann Price: realist 2");
        Result bad = simulate("tiny-missing", "--runs", "1");
        assertThat(bad.code()).isEqualTo(3);
        assertThat(bad.err()).contains("no bundled pack of that id; bundled: community-safety");
        Result stance = simulate("day-services", "--stances", "realist,bluster");
        assertThat(stance.code()).isEqualTo(2);
        assertThat(stance.err()).contains("there is no stance 'bluster'");
    }
}
