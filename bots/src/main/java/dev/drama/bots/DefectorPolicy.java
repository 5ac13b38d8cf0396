package dev.drama.bots;

import static dev.drama.engine.WayOutKind.PROMISE;

import dev.drama.proto.Dilemma;
import dev.drama.proto.DilemmaKind;
import dev.drama.proto.Offer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Agrees, then breaks agreements where tempted: promises freely to persuade, accepts any offer
 * whose other side helps it whatever its own part costs, lives with its co-operation and trust
 * dilemmas, and at the moment of truth commits what suits it best, agreement or not.
 */
final class DefectorPolicy extends Policy {
    DefectorPolicy() {
        super(Stance.DEFECTOR);
    }

    @Override
    Optional<Step> onDilemma(Dilemma d, Judge j) {
        return switch (d.getKind()) {
            case PERSUASION -> first(d, j, PROMISE).flatMap(w -> take(w, d, j, "a promise costs it nothing until it has to keep it"))
                    .or(() -> realist(d, j));
            case COOPERATION, TRUST -> Optional.empty();
            default -> realist(d, j);
        };
    }

    @Override
    Answer answer(Offer offer, Judge j) {
        // Only the others' part counts: its own part is for the moment of truth to decide.
        Map<String, Boolean> theirs = new LinkedHashMap<>(ifAccepted(offer));
        theirs.keySet().removeIf(id -> j.view().ownerOf(id).equals(j.me()));
        if (j.score(theirs) > j.scoreOfThreatened()) {
            return new Accept("Accepts " + j.view().possessive(offer.getFromCharacterId()) + " offer " + offer.getOfferId()
                    + ": it gains by the others' part and can still decide its own at the moment of truth.");
        }
        return judge(offer, j);
    }

    @Override
    Commitment commit(Judge j) {
        Map<String, Boolean> best = ordered(bestReply(j), j);
        Map<String, Boolean> broken = new LinkedHashMap<>();
        ownAgreed(j).forEach((id, v) -> {
            if (!v.equals(best.get(id))) {
                broken.put(id, best.get(id));
            }
        });
        return new Commitment(best, broken.isEmpty()
                ? "Commits what suits it best; no agreement tempts it to break."
                : "Breaks its agreement on " + String.join(", ", broken.keySet().stream().map(j.view()::label).toList())
                + " at the moment of truth: it prefers that to keeping its word.");
    }

}
