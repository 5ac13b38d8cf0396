package dev.drama.bots;

import dev.drama.proto.Dilemma;
import dev.drama.proto.DilemmaKind;
import dev.drama.proto.Offer;
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
            return serving(d, j);
        }
        String other = d.getTowardsId();
        Map<String, Boolean> asked = asksOf(other, j);
        boolean doubting = j.view().doubts(j.me()).contains(other);
        boolean guaranteed = statesAll(other, asked, j);
        String name = j.view().nameOf(other);
        if (!doubting && !guaranteed) {
            return Optional.of(new Step(List.of(Commands.doubt(other, true)),
                    "Declares a doubt about " + name + ", holding on to " + dilemma(d, j)
                            + ": nothing guarantees " + name + " will do its part.", Optional.empty()));
        }
        if (doubting && guaranteed) {
            return Optional.of(new Step(List.of(Commands.doubt(other, false)),
                    "Withdraws its doubt about " + name + " to resolve " + dilemma(d, j)
                            + ": " + name + " has stated its part as its intention.", Optional.empty()));
        }
        return Optional.empty();
    }

    /** What its position asks of another character's options. */
    private static Map<String, Boolean> asksOf(String other, Judge j) {
        Map<String, Boolean> out = new java.util.LinkedHashMap<>();
        j.view().position(j.me()).forEach((id, v) -> {
            if (j.view().ownerOf(id).equals(other)) {
                out.put(id, v);
            }
        });
        return out;
    }

    /** Whether the character's stated intentions already carry out these values on its options. */
    private static boolean statesAll(String character, Map<String, Boolean> values, Judge j) {
        Map<String, Boolean> stated = j.view().intentions(character);
        return values.entrySet().stream().allMatch(e -> e.getValue().equals(stated.get(e.getKey())));
    }

    @Override
    Answer answer(Offer offer, Judge j) {
        String sender = offer.getFromCharacterId();
        Map<String, Boolean> promise = Commands.values(offer.getPromiseList());
        boolean doubting = j.view().doubts(j.me()).contains(sender);
        String name = j.view().nameOf(sender);
        if (!promise.isEmpty() && !statesAll(sender, promise, j)) {
            return doubting ? new Wait() : new Doubt(true, "Doubts " + name + "'s promise in offer " + offer.getOfferId()
                    + ": " + name + " has not stated it as an intention.");
        }
        if (!promise.isEmpty() && doubting) {
            return new Doubt(false, "Withdraws its doubt about " + name + ": the promise of offer "
                    + offer.getOfferId() + " is now its stated intention.");
        }
        return judge(offer, j);
    }

    @Override
    Commitment commit(Judge j) {
        return keepOrBreak(j);
    }
}
