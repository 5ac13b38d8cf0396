package dev.drama.bots;

import dev.drama.proto.Dilemma;
import dev.drama.proto.Offer;
import java.util.Optional;

/** Takes the ways out that serve its preferences, threatens only what it would carry out, keeps agreements it still prefers. */
final class RealistPolicy extends Policy {
    RealistPolicy() {
        super(Stance.REALIST);
    }

    @Override
    Optional<Step> onDilemma(Dilemma d, Judge j) {
        return realist(d, j);
    }

    @Override
    Answer answer(Offer offer, Judge j) {
        return judge(offer, j);
    }

    @Override
    Commitment commit(Judge j) {
        return keepOrBreak(j);
    }
}
