package dev.drama.bots;

import dev.drama.proto.Dilemma;
import dev.drama.proto.DilemmaKind;
import dev.drama.proto.Offer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Doubts others' promises until they are guaranteed, and the guarantee it can check is the
 * promiser's own stated intentions: it declares a doubt about a promise nobody has stated as
 * an intention, withdraws it once stated, and accepts only then. Otherwise it plays as a realist.
 */
final class ScepticPolicy extends Policy {
    ScepticPolicy() {
        super(Stance.SCEPTIC);
    }

    @Override
    Optional<Step> onDilemma(Dilemma d, Judge j) {
        if (d.getKind() != DilemmaKind.TRUST) {
            return realist(d, j);
        }
        String other = d.getTowardsId();
        boolean doubting = j.view().doubts(j.me()).contains(other);
        boolean guaranteed = guaranteed(other, j);
        String name = j.view().nameOf(other);
        if (!doubting && !guaranteed) {
            return Optional.of(new Step(List.of(Commands.doubt(other, true)),
                    "Declares a doubt about " + name + ", holding on to " + dilemma(d, j)
                            + ": nothing guarantees " + name + " will do its part.", Optional.empty()));
        }
        if (doubting && guaranteed) {
            return Optional.of(new Step(List.of(Commands.doubt(other, false)),
                    "Withdraws its doubt about " + name + ", which resolves " + dilemma(d, j)
                            + ": " + name + " has stated its part as its intention.", Optional.empty()));
        }
        return Optional.empty();
    }

    /**
     * Whether the character's stated intentions already carry out its part: what this
     * character's position asks of it, and what it promised this character in pending offers.
     */
    private static boolean guaranteed(String other, Judge j) {
        Map<String, Boolean> part = new LinkedHashMap<>();
        j.view().position(j.me()).forEach((id, v) -> {
            if (j.view().ownerOf(id).equals(other)) {
                part.put(id, v);
            }
        });
        for (Offer o : j.view().offersAwaitingMe()) {
            if (o.getFromCharacterId().equals(other)) {
                part.putAll(Commands.values(o.getPromiseList()));
            }
        }
        Map<String, Boolean> stated = j.view().intentions(other);
        return part.entrySet().stream().allMatch(e -> e.getValue().equals(stated.get(e.getKey())));
    }

    @Override
    Answer answer(Offer offer, Judge j) {
        String sender = offer.getFromCharacterId();
        if (offer.getPromiseCount() == 0) {
            return judge(offer, j);
        }
        boolean doubting = j.view().doubts(j.me()).contains(sender);
        boolean guaranteed = guaranteed(sender, j);
        if (!guaranteed) {
            return doubting ? new Wait() : new Doubt(true, "Doubts " + j.view().possessive(sender) + " promise in offer "
                    + offer.getOfferId() + ": " + j.view().nameOf(sender) + " has not stated it as an intention.");
        }
        if (doubting) {
            return new Doubt(false, "Withdraws its doubt about " + j.view().nameOf(sender) + ": the promise of offer "
                    + offer.getOfferId() + " is now its stated intention.");
        }
        return judge(offer, j);
    }

    @Override
    Commitment commit(Judge j) {
        return keepOrBreak(j);
    }
}
