package dev.drama.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drama.bots.Stance;
import dev.drama.proto.Choice;
import dev.drama.scenarios.load.PackLoader;
import dev.drama.scenarios.model.Pack;
import dev.drama.server.session.Simulation;
import dev.drama.server.session.SimulationReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Simulated sessions: every character computer-played, in process. A seed replays the same
 * session; the moves are a player's moves under the rules; the report adds up the runs.
 */
class SimulationTest {
    private static final Pack TINY = PackLoader.load(Path.of("../scenarios/examples/tiny")).pack().orElseThrow();
    private static final ServerConfig SEEDED = ServerConfig.builder().botMaker(SeededBot::new).build();

    private static String report(long seed, int runs, ServerConfig config) {
        List<Simulation.Run> played = new ArrayList<>();
        java.util.SplittableRandom seeds = new java.util.SplittableRandom(seed);
        for (int i = 0; i < runs; i++) {
            played.add(Simulation.play(TINY, List.of(), seeds.nextLong(), config));
        }
        return SimulationReport.text(TINY, played, seed, List.of());
    }

    @Test
    void theSameSeedPlaysTheSameSessionsAndAnotherSeedOthers() {
        String first = report(42, 8, SEEDED);
        assertThat(report(42, 8, SEEDED)).isEqualTo(first);
        assertThat(report(43, 8, SEEDED)).isNotEqualTo(first);
        assertThat(first).contains("Simulated 8 runs of tiny v1").contains("seed 42")
                .doesNotContain("none arose or resolved");
    }

    @Test
    void everyCharacterCommitsAndTheOutcomeIsWhatTheyCommitted() {
        Simulation.Run run = Simulation.play(TINY, List.of(Stance.SCEPTIC, Stance.DEFECTOR), 5, SEEDED);
        assertThat(run.stances()).containsExactly(java.util.Map.entry("manager", Stance.SCEPTIC),
                java.util.Map.entry("carers", Stance.DEFECTOR), java.util.Map.entry("union", Stance.SCEPTIC));
        // three intentions and a commitment each, all within the rules
        assertThat(run.moves()).isEqualTo(12);
        assertThat(run.refused()).isZero();
        assertThat(run.outcome().getOutcomeList()).allMatch(s -> s.getChoice() == Choice.YES || s.getChoice() == Choice.NO);
        assertThat(run.outcome().getCharactersCount()).isEqualTo(3);
    }

    @Test
    void movesAgainstTheRulesAreRefusedAndCounted() {
        ScriptedBot.Maker maker = new ScriptedBot.Maker().script("carers", ScriptedBot.move(
                dev.drama.proto.ClientMessage.newBuilder().setStateIntentions(dev.drama.proto.StateIntentions.newBuilder()
                        .addSettings(SessionEndToEndTest.set("late", true))), "not its option"));
        Simulation.Run run = Simulation.play(TINY, List.of(Stance.REALIST), 1, ServerConfig.builder().botMaker(maker).build());
        assertThat(run.moves()).isEqualTo(1);
        assertThat(run.refused()).isEqualTo(1);
        assertThat(maker.last("carers").heard(m -> m.hasError()
                && m.getError().getCode() == dev.drama.proto.ErrorCode.NOT_YOUR_OPTION)).isTrue();
        // the computer players hear what their character may: no other character's briefing
        assertThat(maker.last("carers").heard(m -> m.hasBriefing() && !m.getBriefing().getCharacterId().equals("carers")))
                .isFalse();
    }

    @Test
    void theStancePoliciesPlayReproducibly() {
        // whatever the stances do, a seed replays them (the policies promise it of their seed)
        ServerConfig real = ServerConfig.defaults();
        assertThat(report(7, 3, real)).isEqualTo(report(7, 3, real));
    }
}
