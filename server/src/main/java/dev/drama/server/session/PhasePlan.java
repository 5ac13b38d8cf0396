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
        String name = switch (phase) {
            case BRIEFING -> "briefing";
            case NEGOTIATION -> "negotiation";
            case MOMENT_OF_TRUTH -> "momentOfTruth";
            default -> "";
        };
        return name.isEmpty() ? Optional.empty()
                : pack.phase(name).map(dev.drama.scenarios.model.Phase::minutes).filter(m -> m > 0);
    }
}
