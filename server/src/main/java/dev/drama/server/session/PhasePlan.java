package dev.drama.server.session;

import dev.drama.proto.Phase;
import dev.drama.scenarios.model.Pack;
import java.util.Optional;

/** The order of phases and how long a pack suggests each should take. */
final class PhasePlan {
    private PhasePlan() {
    }

    static Phase next(Phase phase) {
        return switch (phase) {
            case LOBBY -> Phase.BRIEFING;
            case BRIEFING -> Phase.NEGOTIATION;
            case NEGOTIATION -> Phase.MOMENT_OF_TRUTH;
            case MOMENT_OF_TRUTH -> Phase.DEBRIEF;
            default -> Phase.ENDED;
        };
    }

    /** The pack's suggested minutes for a phase, if it gives any. */
    static Optional<Integer> minutes(Pack pack, Phase phase) {
        return phase == Phase.DEBRIEF ? Optional.empty() : minutes(pack, packName(phase));
    }

    /**
     * How long the revealed outcome stays on screen before the debrief opens by itself
     * ({@code phases: {reveal: 3}}); none by default: the trainer moves on with /phase debrief.
     */
    static Optional<Integer> revealMinutes(Pack pack) {
        return minutes(pack, "reveal");
    }

    private static Optional<Integer> minutes(Pack pack, String name) {
        return name.isEmpty() ? Optional.empty()
                : pack.phase(name).map(dev.drama.scenarios.model.Phase::minutes).filter(m -> m > 0);
    }

    /** A phase as packs name it (for clocks and injects' suggested moments); empty for lobby and end. */
    static String packName(Phase phase) {
        return switch (phase) {
            case BRIEFING -> "briefing";
            case NEGOTIATION -> "negotiation";
            case MOMENT_OF_TRUTH -> "momentOfTruth";
            case DEBRIEF -> "debrief";
            default -> "";
        };
    }

    static Optional<Phase> fromPackName(String name) {
        return java.util.Arrays.stream(Phase.values())
                .filter(p -> p != Phase.UNRECOGNIZED && !name.isEmpty() && packName(p).equals(name)).findFirst();
    }
}
