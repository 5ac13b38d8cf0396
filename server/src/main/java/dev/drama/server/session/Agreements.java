package dev.drama.server.session;

import dev.drama.engine.Board;
import dev.drama.engine.Future;
import dev.drama.engine.Option;
import dev.drama.proto.Offer;
import dev.drama.server.view.Settings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an accepted offer does to the board: everyone in it now proposes the agreed
 * values (what the recipients were asked to do and what the sender promised), and each
 * declares it will carry out its own part, so that an agreement covering every contested
 * option is a commitment point the engine can judge for co-operation and trust.
 */
final class Agreements {
    private Agreements() {
    }

    static Board apply(Board board, Offer offer) {
        Map<String, Boolean> agreed = new LinkedHashMap<>(Settings.fixed(offer.getAskList()));
        agreed.putAll(Settings.fixed(offer.getPromiseList()));
        List<String> parties = new ArrayList<>(offer.getToCharacterIdsList());
        parties.add(offer.getFromCharacterId());
        Board next = board;
        for (String party : parties) {
            Future position = next.position(party);
            Future intentions = next.intentions(party);
            for (Map.Entry<String, Boolean> e : agreed.entrySet()) {
                position = position.with(e.getKey(), e.getValue());
                Option option = next.option(e.getKey()).orElseThrow();
                if (option.owner().equals(party)) {
                    intentions = intentions.with(e.getKey(), e.getValue());
                }
            }
            next = next.withPosition(party, position).withIntentions(party, intentions);
        }
        return next;
    }
}
