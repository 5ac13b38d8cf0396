package dev.drama.cli;

import dev.drama.bots.Stance;
import dev.drama.scenarios.Problem;
import dev.drama.scenarios.load.LoadResult;
import dev.drama.scenarios.load.PackLoader;
import dev.drama.scenarios.model.Pack;
import dev.drama.scenarios.registry.PackRegistry;
import dev.drama.server.ServerConfig;
import dev.drama.server.session.Simulation;
import dev.drama.server.session.SimulationReport;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code drama pack simulate PACK --runs N}: plays the pack N times with every character
 * computer-played, in process, and reports what came of it. The same seed gives the same report.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Play a pack N times with every character computer-played, and report the outcomes, the dilemmas "
                + "that arose and resolved, and the agreements made and broken.",
                "In process: no server, no think time. The same seed (and stances) gives the same report.",
                "Exit status: 0 done, 2 the pack has errors or a stance is unknown, 3 the pack cannot be read."})
public final class PackSimulateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PACK", description = "a bundled pack's id, or a pack folder, its pack.yaml, or a .zip")
    String pack;

    @Option(names = "--runs", defaultValue = "20", paramLabel = "N", description = "how many runs (default: ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--stances", split = ",", paramLabel = "STANCE",
            description = {"the characters' stances in board order, repeated as needed (realist, blusterer, appeaser, "
                    + "sceptic, defector, oppressed)", "default: each character's stance in the pack, else one drawn per run"})
    List<String> stances = new ArrayList<>();

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "the seed of the first run (default: ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() throws Exception {
        return PackCommand.guarded("simulate", () -> run(System.out, System.err));
    }

    int run(PrintStream out, PrintStream err) throws Exception {
        if (runs < 1 || runs > 10_000) {
            err.println("drama pack simulate: --runs takes 1 to 10000");
            return 2;
        }
        List<Stance> chosen = new ArrayList<>();
        for (String word : stances) {
            Optional<Stance> s = Stance.parse(word);
            if (s.isEmpty()) {
                err.println("drama pack simulate: there is no stance '" + word + "'; stances: " + Stance.words());
                return 2;
            }
            chosen.add(s.get());
        }
        Optional<Pack> found;
        Path path = Path.of(pack);
        if (Files.exists(path)) {
            LoadResult r = PackLoader.load(path);
            for (Problem p : r.problems()) {
                if (r.pack().isEmpty()) {
                    PackCheckCommand.print(err, path, p);
                }
            }
            if (r.pack().isEmpty()) {
                return r.unreadable() ? 3 : 2;
            }
            found = r.pack();
        } else {
            try (PackRegistry bundled = new PackRegistry(null, Duration.ofHours(1), true)) {
                bundled.start();
                found = bundled.find(pack);
                if (found.isEmpty()) {
                    err.println("drama pack simulate: no pack folder '" + pack + "' and no bundled pack of that id; bundled: "
                            + String.join(", ", bundled.list().stream().map(Pack::id).toList()));
                    return 3;
                }
            }
        }
        ServerConfig config = ServerConfig.defaults();
        SplittableRandom seeds = new SplittableRandom(seed);
        List<Simulation.Run> played = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            played.add(Simulation.play(found.get(), chosen, seeds.nextLong(), config));
        }
        out.print(SimulationReport.text(found.get(), played, seed, chosen));
        out.flush();
        return 0;
    }
}
