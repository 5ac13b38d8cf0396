package dev.drama.server.session;

import dev.drama.engine.Agreement;
import dev.drama.engine.Board;
import dev.drama.proto.Offer;
import dev.drama.server.view.Settings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an accepted offer does to the board: the agreed values are what the recipients were
 * asked to do and what the sender promised; {@link Board#withAgreement} makes every party
 * propose them and carry out its own part, and records the agreement so that the ways out
 * the engine offers say when they would break it.
 */
final class Agreements {
    private Agreements() {
    }

    static Board apply(Board board, Offer offer) {
        Map<String, Boolean> agreed = new LinkedHashMap<>(Settings.fixed(offer.getAskList()));
        agreed.putAll(Settings.fixed(offer.getPromiseList()));
        List<String> parties = new ArrayList<>(offer.getToCharacterIdsList());
        parties.add(offer.getFromCharacterId());
        return board.withAgreement(new Agreement(parties, agreed));
    }
}
