package dev.drama.server.session;

import dev.drama.proto.Notice;
import dev.drama.proto.Offer;
import dev.drama.proto.ServerMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * An offer to a character nobody plays waits for the trainer: its sender is told so (or it
 * would wait for an answer from an empty chair), and trainers are reminded to answer it.
 */
final class UnplayedNotices {
    private UnplayedNotices() {
    }

    static List<Outbound> forOffer(SessionState state, Offer offer) {
        List<String> unplayed = offer.getToCharacterIdsList().stream()
                .filter(id -> state.playerOf(id).isEmpty()).toList();
        List<Outbound> out = new ArrayList<>();
        if (unplayed.isEmpty()) {
            return out;
        }
        String names = String.join(", ", unplayed.stream().map(id -> name(state, id)).toList());
        String verb = unplayed.size() == 1 ? "plays " : "plays any of ";
        state.playerOf(offer.getFromCharacterId()).ifPresent(sender -> out.add(Outbound.to(sender, notice(
                "nobody " + verb + names + ": the trainer will answer offer " + offer.getOfferId(), false))));
        out.add(Outbound.broadcast(notice("offer " + offer.getOfferId() + " from " + name(state, offer.getFromCharacterId())
                + " is to " + names + ", whom nobody plays: answer it with /as " + unplayed.get(0)
                + " accept|reject " + offer.getOfferId(), true)));
        return out;
    }

    private static ServerMessage notice(String text, boolean trainersOnly) {
        return ServerMessage.newBuilder().setNotice(Notice.newBuilder().setText(text).setTrainersOnly(trainersOnly)).build();
    }

    private static String name(SessionState state, String characterId) {
        return state.board().character(characterId).map(dev.drama.engine.Character::name).orElse(characterId);
    }
}
