package dev.drama.server.session;

import dev.drama.bots.Stance;
import dev.drama.proto.CharacterOutcome;
import dev.drama.proto.Choice;
import dev.drama.proto.OptionSetting;
import dev.drama.scenarios.model.Pack;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an author reads after simulating a pack: how often each outcome came about, which
 * dilemmas arose and resolved (by kind and character), and the agreements made, kept and
 * broken. Plain text, in a fixed order, so the same runs always give the same report.
 */
public final class SimulationReport {
    private SimulationReport() {
    }

    public static String text(Pack pack, List<Simulation.Run> runs, long seed, List<Stance> stances) {
        StringBuilder out = new StringBuilder();
        int n = runs.size();
        out.append("Simulated ").append(n).append(n == 1 ? " run" : " runs").append(" of ").append(pack.id())
                .append(" v").append(pack.version()).append(" (").append(pack.title()).append("), seed ").append(seed)
                .append(", every character computer-played")
                .append(stances.isEmpty() ? " in its pack's default stance, or one drawn from the seed"
                        : " in the stances " + String.join(", ", stances.stream().map(Stance::word).toList()))
                .append(".\n");

        out.append("\nStances played (runs):\n");
        Map<String, Map<String, Integer>> stanceCounts = new LinkedHashMap<>();
        for (Simulation.Run r : runs) {
            r.stances().forEach((id, s) -> stanceCounts.computeIfAbsent(id, k -> new TreeMap<>()).merge(s.word(), 1, Integer::sum));
        }
        stanceCounts.forEach((id, counts) -> out.append("  ").append(name(pack, id)).append(": ")
                .append(counts(counts)).append('\n'));

        out.append("\nOutcomes (the options that came out yes; every other option no):\n");
        Map<String, Integer> outcomes = new LinkedHashMap<>();
        for (Simulation.Run r : runs) {
            outcomes.merge(outcomeWords(pack, r.outcome().getOutcomeList()), 1, Integer::sum);
        }
        outcomes.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue())
                .forEach(e -> out.append(String.format(Locale.ROOT, "  %3d%%  %d of %d: %s%n",
                        Math.round(100.0 * e.getValue() / n), e.getValue(), n, e.getKey())));

        out.append("\nHow the characters rank the outcome (1 is best), average over the runs:\n");
        Map<String, double[]> ranks = new LinkedHashMap<>();
        for (Simulation.Run r : runs) {
            for (CharacterOutcome c : r.outcome().getCharactersList()) {
                double[] sum = ranks.computeIfAbsent(c.getCharacterId(), k -> new double[2]);
                sum[0] += c.getRankOfOutcome();
                sum[1]++;
            }
        }
        ranks.forEach((id, sum) -> out.append(String.format(Locale.ROOT, "  %s: %.1f%n", name(pack, id), sum[0] / sum[1])));

        out.append("\nDilemmas during play (arose / resolved, over all runs; in how many runs it arose):\n");
        Map<Simulation.DilemmaKey, int[]> dilemmas = new TreeMap<>((a, b) -> a.kind() != b.kind()
                ? a.kind().getNumber() - b.kind().getNumber() : a.holderId().compareTo(b.holderId()));
        for (Simulation.Run r : runs) {
            r.arose().forEach((k, c) -> {
                int[] counts = dilemmas.computeIfAbsent(k, x -> new int[3]);
                counts[0] += c;
                counts[2]++;
            });
            r.resolved().forEach((k, c) -> dilemmas.computeIfAbsent(k, x -> new int[3])[1] += c);
        }
        if (dilemmas.isEmpty()) {
            out.append("  none arose or resolved: the computer players left the opening board as it was\n");
        }
        dilemmas.forEach((k, c) -> out.append(String.format(Locale.ROOT, "  %-12s %-28s %3d / %-3d in %d of %d%n",
                k.kind().name().toLowerCase(Locale.ROOT), name(pack, k.holderId()), c[0], c[1], c[2], n)));

        int made = runs.stream().mapToInt(Simulation.Run::agreementsMade).sum();
        int kept = 0;
        int broken = 0;
        int threats = 0;
        for (Simulation.Run r : runs) {
            for (CharacterOutcome c : r.outcome().getCharactersList()) {
                kept += c.getKeptCount();
                broken += c.getBrokenCount();
                threats += c.getThreatsCarriedOutCount();
            }
        }
        out.append(String.format(Locale.ROOT, "%nAgreements: %d made (%.1f a run); at the moment of truth %d parts kept,"
                + " %d broken; %d threats carried out.%n", made, (double) made / Math.max(1, n), kept, broken, threats));
        int moves = runs.stream().mapToInt(Simulation.Run::moves).sum();
        int refused = runs.stream().mapToInt(Simulation.Run::refused).sum();
        out.append(String.format(Locale.ROOT, "Moves: %d made by the computer players, %d of them refused by the rules.%n",
                moves, refused));
        return out.toString();
    }

    private static String counts(Map<String, Integer> counts) {
        List<String> parts = new ArrayList<>();
        counts.forEach((k, v) -> parts.add(k + " " + v));
        return String.join(", ", parts);
    }

    private static String outcomeWords(Pack pack, List<OptionSetting> outcome) {
        List<String> yes = outcome.stream().filter(s -> s.getChoice() == Choice.YES)
                .map(s -> pack.option(s.getOptionId()).map(o -> o.label()).orElse(s.getOptionId())).toList();
        return yes.isEmpty() ? "none of the options" : String.join("; ", yes);
    }

    private static String name(Pack pack, String characterId) {
        return pack.character(characterId).map(c -> c.name()).orElse(characterId);
    }
}
