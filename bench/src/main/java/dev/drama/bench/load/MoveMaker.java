package dev.drama.bench.load;

import dev.drama.proto.Choice;
import dev.drama.proto.ClientMessage;
import dev.drama.proto.GetBoard;
import dev.drama.proto.MakeOffer;
import dev.drama.proto.OptionSetting;
import dev.drama.proto.RespondToOffer;
import dev.drama.proto.Say;
import dev.drama.proto.SetPosition;
import dev.drama.proto.StateIntentions;
import dev.drama.proto.Tell;
import dev.drama.scenarios.model.Pack;
import dev.drama.scenarios.model.PackCharacter;
import dev.drama.scenarios.model.PackOption;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Builds one player's next move from the pack: the loop of a realistic trainee (read the
 * board, set a position, state intentions, make an offer, answer offers made to it, talk
 * in public and in private). Every move it makes is legal for its character, so the server
 * should answer each with an Ack; an Error in the report is a real refusal.
 */
final class MoveMaker {
    /**
     * Weights of the moves when no offer is waiting for an answer (they sum to 100). Offers are
     * 8%: at the target's 1.67 moves/s per player that is 8 offers a minute, under the server's
     * default of 12 offers a minute per character.
     */
    static final int W_BOARD = 10, W_POSITION = 22, W_INTENTIONS = 18, W_OFFER = 8, W_SAY = 21, W_TELL = 21;
    /** Chance (in %) that a player with an offer waiting answers it as its next move. */
    static final int ANSWER_CHANCE = 80;

    private static final String[] PUBLIC_LINES = {
        "We have to see the ward figures before anyone votes on this; the residents deserve that much.",
        "I am not prepared to sign anything tonight unless the partnership agrees to publish its scorecard.",
        "Let us be clear about what happens if nobody moves: the fund ends and the call-in goes ahead.",
        "I hear the concern about the whip, but the committee has to be seen to make up its own mind.",
    };
    private static final String[] PRIVATE_LINES = {
        "Between us: I can live with the critical friend if you hold back on the call-in.",
        "Off the record, my trustees will not accept another year of borough averages.",
        "Can we talk before the hearing? I think there is a deal on the data.",
    };

    private final String me;
    private final List<String> others = new ArrayList<>();
    private final List<String> myOptions = new ArrayList<>();
    private final List<String> allOptions = new ArrayList<>();
    private final java.util.Map<String, List<String>> optionsOf = new java.util.HashMap<>();
    private final List<String> othersWithOptions = new ArrayList<>();

    MoveMaker(Pack pack, String characterId) {
        this.me = characterId;
        for (PackOption o : pack.options()) {
            allOptions.add(o.id());
            optionsOf.computeIfAbsent(o.owner(), k -> new ArrayList<>()).add(o.id());
        }
        for (PackCharacter c : pack.characters()) {
            if (!c.id().equals(me)) {
                others.add(c.id());
                if (optionsOf.containsKey(c.id())) {
                    othersWithOptions.add(c.id());
                }
            }
        }
        myOptions.addAll(optionsOf.getOrDefault(me, List.of()));
    }

    String character() {
        return me;
    }

    /** A move and its kind; {@code pendingOffers} holds offers made to this player that it has not answered. */
    Kind next(SplittableRandom rnd, List<String> pendingOffers, ClientMessage.Builder out) {
        if (!pendingOffers.isEmpty() && rnd.nextInt(100) < ANSWER_CHANCE) {
            String offer = pendingOffers.remove(0);
            out.setRespondToOffer(RespondToOffer.newBuilder().setOfferId(offer)
                    .setResponse(rnd.nextBoolean() ? RespondToOffer.Response.ACCEPT : RespondToOffer.Response.REJECT));
            return Kind.RESPOND;
        }
        int r = rnd.nextInt(100);
        if ((r -= W_BOARD) < 0) {
            out.setGetBoard(GetBoard.getDefaultInstance());
            return Kind.BOARD;
        }
        if ((r -= W_POSITION) < 0) {
            out.setSetPosition(SetPosition.newBuilder().addSettings(setting(pick(rnd, allOptions), rnd)));
            return Kind.POSITION;
        }
        if ((r -= W_INTENTIONS) < 0 && !myOptions.isEmpty()) {
            out.setStateIntentions(StateIntentions.newBuilder().addSettings(setting(pick(rnd, myOptions), rnd)));
            return Kind.INTENTIONS;
        }
        if ((r -= W_OFFER) < 0 && !myOptions.isEmpty() && !othersWithOptions.isEmpty()) {
            String to = pick(rnd, othersWithOptions);
            String mine = pick(rnd, myOptions);
            boolean promise = rnd.nextBoolean();
            out.setMakeOffer(MakeOffer.newBuilder().addToCharacterIds(to)
                    .addAsk(setting(pick(rnd, optionsOf.get(to)), Choice.YES))
                    .addPromise(setting(mine, promise ? Choice.YES : Choice.NO))
                    .addThreat(setting(mine, promise ? Choice.NO : Choice.YES))
                    .setNote("if you move on this, I will move on mine"));
            return Kind.OFFER;
        }
        if (r < W_SAY || others.isEmpty()) {
            out.setSay(Say.newBuilder().setText(pick(rnd, PUBLIC_LINES)));
            return Kind.SAY;
        }
        out.setTell(Tell.newBuilder().addToCharacterIds(pick(rnd, others)).setText(pick(rnd, PRIVATE_LINES)));
        return Kind.TELL;
    }

    private static OptionSetting setting(String option, SplittableRandom rnd) {
        return setting(option, rnd.nextBoolean() ? Choice.YES : Choice.NO);
    }

    private static OptionSetting setting(String option, Choice choice) {
        return OptionSetting.newBuilder().setOptionId(option).setChoice(choice).build();
    }

    private static <T> T pick(SplittableRandom rnd, List<T> list) {
        return list.get(rnd.nextInt(list.size()));
    }

    private static <T> T pick(SplittableRandom rnd, T[] array) {
        return array[rnd.nextInt(array.length)];
    }
}
