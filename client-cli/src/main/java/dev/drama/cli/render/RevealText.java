package dev.drama.cli.render;

import dev.drama.cli.console.ConsoleState;
import dev.drama.proto.CharacterOutcome;
import dev.drama.proto.Choice;
import dev.drama.proto.DebriefSummary;
import dev.drama.proto.OptionSetting;
import dev.drama.proto.OptionView;
import dev.drama.proto.OutcomeEvent;
import dev.drama.proto.Role;
import java.util.List;
import org.jline.utils.AttributedStringBuilder;

/**
 * The reveal and the debrief's summary in words: what happened option by option (labels, not
 * ids), how each character ranks it, agreements kept and broken, threats carried out.
 */
final class RevealText {
    private final ConsoleState state;

    RevealText(ConsoleState state) {
        this.state = state;
    }

    /** The reveal: the outcome first, then each character's view of it. */
    void outcome(AttributedStringBuilder out, OutcomeEvent outcome) {
        out.append("The outcome", HumanRenderer.HEADING).append("\nWhat happens:");
        for (OptionSetting s : outcome.getOutcomeList()) {
            out.append("\n  " + label(s) + ": " + (s.getChoice() == Choice.YES ? "yes" : "no"));
        }
        out.append("\nHow each character ranks it (1 is best" + of(outcome) + "):");
        for (CharacterOutcome c : outcome.getCharactersList()) {
            out.append("\n  " + state.characterName(c.getCharacterId()) + ": " + c.getRankOfOutcome() + ". ", HumanRenderer.SPEAKER)
                    .append(c.getVerdict());
            c.getKeptList().forEach(k -> out.append("\n     kept " + k, HumanRenderer.RESOLVED));
            c.getBrokenList().forEach(b -> out.append("\n     broke " + b, HumanRenderer.ERROR));
            c.getThreatsCarriedOutList().forEach(t -> out.append("\n     carried out the threat of " + t, HumanRenderer.ERROR));
        }
        if (!outcome.getSummary().isEmpty()) {
            out.append("\n" + outcome.getSummary().strip());
        }
        out.append("\n" + (state.role() == Role.TRAINER
                ? "Take the time you need; /phase debrief opens the debrief."
                : "The trainer opens the debrief when the room is ready."), HumanRenderer.FAINT);
    }

    /** A few lines on entering the debrief; the whole of it is one command away. */
    void summary(AttributedStringBuilder out, DebriefSummary summary) {
        OutcomeEvent outcome = summary.getOutcome();
        out.append("Debrief", HumanRenderer.HEADING);
        List<String> yes = outcome.getOutcomeList().stream().filter(s -> s.getChoice() == Choice.YES).map(this::label).toList();
        out.append("\nWhat happened: " + (yes.isEmpty() ? "none of the options" : String.join("; ", yes))
                + " (everything else: no)");
        out.append("\nRanks (1 is best" + of(outcome) + "): " + String.join(", ", outcome.getCharactersList().stream()
                .map(c -> state.characterName(c.getCharacterId()) + " " + c.getRankOfOutcome()).toList()));
        int kept = outcome.getCharactersList().stream().mapToInt(CharacterOutcome::getKeptCount).sum();
        int broken = outcome.getCharactersList().stream().mapToInt(CharacterOutcome::getBrokenCount).sum();
        int threats = outcome.getCharactersList().stream().mapToInt(CharacterOutcome::getThreatsCarriedOutCount).sum();
        out.append("\nAgreements: " + kept + " part" + (kept == 1 ? "" : "s") + " kept, " + broken + " broken; "
                + threats + " threat" + (threats == 1 ? "" : "s") + " carried out");
        out.append("\nDilemmas during play: " + summary.getDilemmasArose() + " arose, " + summary.getDilemmasResolved()
                + " resolved");
        if (summary.getComputerPlayedCount() > 0) {
            out.append("\nPlayed by the computer: " + String.join(", ", summary.getComputerPlayedList().stream()
                    .map(c -> state.characterName(c.getCharacterId()) + " (" + c.getStance() + ")").toList()));
        }
        out.append("\n/debrief reads the whole debrief (timeline, dilemmas, every briefing)", HumanRenderer.FAINT);
    }

    private static String of(OutcomeEvent outcome) {
        return outcome.getComparedFutures() > 0 ? ", of " + outcome.getComparedFutures() + " futures compared" : "";
    }

    private String label(OptionSetting s) {
        return state.option(s.getOptionId()).map(OptionView::getLabel).filter(l -> !l.isEmpty())
                .map(l -> l + " (" + s.getOptionId() + ")").orElse(s.getOptionId());
    }
}
