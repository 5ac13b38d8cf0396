package dev.drama.bots;

import static dev.drama.engine.WayOutKind.ACCEPT;
import static dev.drama.engine.WayOutKind.CHANGE_POSITION;
import static dev.drama.engine.WayOutKind.CONCEDE;
import static dev.drama.engine.WayOutKind.DROP_THREAT;
import static dev.drama.engine.WayOutKind.MOVE_POSITION;
import static dev.drama.engine.WayOutKind.WITHDRAW_DOUBT;

import dev.drama.proto.Dilemma;
import dev.drama.proto.Offer;
import java.util.Optional;

/**
 * Concedes to end its dilemmas: gives up demands the other will not meet, accepts the other's
 * position, drops its threats, withdraws its doubts, and accepts any offer that breaks none
 * of its agreements. It commits what it said it would do.
 */
final class AppeaserPolicy extends Policy {
    AppeaserPolicy() {
        super(Stance.APPEASER);
    }

    @Override
    Optional<Step> onDilemma(Dilemma d, Judge j) {
        Optional<dev.drama.proto.WayOut> way = switch (d.getKind()) {
            case PERSUASION -> first(d, j, CONCEDE);
            case REJECTION -> first(d, j, ACCEPT, CONCEDE);
            case THREAT -> first(d, j, DROP_THREAT);
            case POSITIONING -> first(d, j, MOVE_POSITION);
            case COOPERATION -> first(d, j, CHANGE_POSITION);
            case TRUST -> first(d, j, WITHDRAW_DOUBT, CONCEDE);
            default -> Optional.empty();
        };
        return way.flatMap(w -> take(w, d, j, "it would rather give way than keep the conflict"));
    }

    @Override
    Answer answer(Offer offer, Judge j) {
        String from = j.view().possessive(offer.getFromCharacterId());
        if (!conflicts(ifAccepted(offer), j).isEmpty()) {
            return new Reject("Rejects " + from + " offer " + offer.getOfferId() + ": it would break an agreement it made.");
        }
        return new Accept("Accepts " + from + " offer " + offer.getOfferId() + " to keep the peace.");
    }

    @Override
    Commitment commit(Judge j) {
        return new Commitment(ordered(ownAgreed(j), j), "Does what it said it would: its agreements and its stated intentions.");
    }
}
