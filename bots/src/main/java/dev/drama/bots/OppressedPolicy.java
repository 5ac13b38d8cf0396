package dev.drama.bots;

import static dev.drama.engine.WayOutKind.ACCEPT;
import static dev.drama.engine.WayOutKind.CONCEDE;
import static dev.drama.engine.WayOutKind.DROP_THREAT;
import static dev.drama.engine.WayOutKind.MOVE_POSITION;
import static dev.drama.engine.WayOutKind.PROMISE;

import dev.drama.proto.Dilemma;
import dev.drama.proto.Offer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Gives way under threat and rarely threatens: it persuades only with promises, accepts the
 * position of whoever it cannot refuse, drops its own threats, accepts any offer that carries
 * a threat, and at the moment of truth does what the threats against it demanded.
 */
final class OppressedPolicy extends Policy {
    OppressedPolicy() {
        super(Stance.OPPRESSED);
    }

    @Override
    Optional<Step> onDilemma(Dilemma d, Judge j) {
        return switch (d.getKind()) {
            case PERSUASION -> serving(d, j, PROMISE);
            case REJECTION -> first(d, j, ACCEPT, CONCEDE).flatMap(w -> take(w, d, j, "it gives way rather than face the threat"));
            case THREAT -> first(d, j, DROP_THREAT).flatMap(w -> take(w, d, j, "it does not want to be seen to threaten"));
            case POSITIONING -> serving(d, j, MOVE_POSITION);
            default -> Optional.empty();
        };
    }

    @Override
    Answer answer(Offer offer, Judge j) {
        if (offer.getThreatCount() > 0) {
            return new Accept("Gives way to " + j.view().possessive(offer.getFromCharacterId()) + " threat in offer "
                    + offer.getOfferId() + ".");
        }
        Answer a = judge(offer, j);
        // It does not haggle: what it would counter, it refuses.
        return a instanceof Counter ? new Reject("Rejects " + j.view().possessive(offer.getFromCharacterId()) + " offer "
                + offer.getOfferId() + ": it cannot afford it.") : a;
    }

    @Override
    Commitment commit(Judge j) {
        Map<String, Boolean> choices = new LinkedHashMap<>(ownAgreed(j));
        for (Offer o : j.view().offers()) {
            if (o.getThreatCount() > 0 && o.getToCharacterIdsList().contains(j.me())) {
                Commands.values(o.getAskList()).forEach((id, v) -> {
                    if (j.view().ownerOf(id).equals(j.me())) {
                        choices.put(id, v);
                    }
                });
            }
        }
        return new Commitment(ordered(choices, j), choices.isEmpty() ? "Does what it said it would; nothing was demanded of it."
                : "Does what it agreed and what the threats against it demanded.");
    }
}
