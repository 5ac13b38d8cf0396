package dev.drama.bots;

import dev.drama.proto.Choice;
import dev.drama.proto.ClientMessage;
import dev.drama.proto.Commit;
import dev.drama.proto.DeclareDoubt;
import dev.drama.proto.MakeOffer;
import dev.drama.proto.OptionSetting;
import dev.drama.proto.RespondToOffer;
import dev.drama.proto.Say;
import dev.drama.proto.SetPosition;
import dev.drama.proto.StateIntentions;
import dev.drama.proto.Tell;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The player commands a bot sends, and the option values they carry, without request ids. */
final class Commands {
    private Commands() {
    }

    /** The fixed values of settings (OPEN ones left out), in order. */
    static Map<String, Boolean> values(List<OptionSetting> settings) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        for (OptionSetting s : settings) {
            if (s.getChoice() == Choice.YES || s.getChoice() == Choice.NO) {
                out.put(s.getOptionId(), s.getChoice() == Choice.YES);
            }
        }
        return out;
    }

    static List<OptionSetting> settings(Map<String, Boolean> values) {
        List<OptionSetting> out = new ArrayList<>(values.size());
        values.forEach((id, v) -> out.add(setting(id, v ? Choice.YES : Choice.NO)));
        return out;
    }

    private static OptionSetting setting(String optionId, Choice choice) {
        return OptionSetting.newBuilder().setOptionId(optionId).setChoice(choice).build();
    }

    /** Fixes {@code fix} and leaves {@code open} open in the sender's position; other options keep their value. */
    static ClientMessage position(Map<String, Boolean> fix, Collection<String> open) {
        SetPosition.Builder b = SetPosition.newBuilder().addAllSettings(settings(fix));
        open.forEach(id -> b.addSettings(setting(id, Choice.OPEN)));
        return ClientMessage.newBuilder().setSetPosition(b).build();
    }

    static ClientMessage intentions(Map<String, Boolean> values) {
        return ClientMessage.newBuilder().setStateIntentions(StateIntentions.newBuilder().addAllSettings(settings(values))).build();
    }

    static ClientMessage doubt(String about, boolean doubt) {
        return ClientMessage.newBuilder()
                .setDeclareDoubt(DeclareDoubt.newBuilder().setAboutCharacterId(about).setDoubt(doubt)).build();
    }

    static ClientMessage offer(Terms terms, String note, String counters) {
        return ClientMessage.newBuilder().setMakeOffer(MakeOffer.newBuilder()
                .addAllToCharacterIds(terms.to())
                .addAllAsk(settings(terms.ask())).addAllPromise(settings(terms.promise())).addAllThreat(settings(terms.threat()))
                .setNote(note).setCountersOfferId(counters)).build();
    }

    static ClientMessage respond(String offerId, RespondToOffer.Response response) {
        return ClientMessage.newBuilder()
                .setRespondToOffer(RespondToOffer.newBuilder().setOfferId(offerId).setResponse(response)).build();
    }

    static ClientMessage say(String text) {
        return ClientMessage.newBuilder().setSay(Say.newBuilder().setText(text)).build();
    }

    static ClientMessage tell(String to, String text) {
        return ClientMessage.newBuilder().setTell(Tell.newBuilder().addToCharacterIds(to).setText(text)).build();
    }

    static ClientMessage commit(Map<String, Boolean> choices) {
        return ClientMessage.newBuilder().setCommit(Commit.newBuilder().addAllSettings(settings(choices))).build();
    }

    static boolean isTalk(ClientMessage m) {
        return m.hasSay() || m.hasTell();
    }

    /**
     * The terms of an offer: "if you do {@code ask}, I will do {@code promise}; if not, {@code threat}".
     *
     * @param to      the recipients
     * @param ask     values on the recipients' options
     * @param promise values on the sender's options
     * @param threat  values on the sender's options, if refused
     */
    record Terms(List<String> to, Map<String, Boolean> ask, Map<String, Boolean> promise, Map<String, Boolean> threat) {
        Terms {
            to = List.copyOf(to);
            ask = Collections.unmodifiableMap(new LinkedHashMap<>(ask));
            promise = Collections.unmodifiableMap(new LinkedHashMap<>(promise));
            threat = Collections.unmodifiableMap(new LinkedHashMap<>(threat));
        }

        /** The server refuses an offer that neither asks nor promises anything. */
        boolean isValid() {
            return !to.isEmpty() && (!ask.isEmpty() || !promise.isEmpty());
        }
    }
}
