package dev.drama.server.session;

import dev.drama.proto.Offer;
import dev.drama.proto.RespondToOffer.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The offers of one session and their lifecycle: pending, then accepted, rejected, withdrawn or expired. */
final class OfferBook {
    private final Map<String, Offer> offers = new LinkedHashMap<>();

    String nextId() {
        return "o" + (offers.size() + 1);
    }

    void add(Offer offer) {
        offers.put(offer.getOfferId(), offer.toBuilder().setStatus(Offer.Status.PENDING).build());
    }

    Optional<Offer> find(String id) {
        return Optional.ofNullable(offers.get(id));
    }

    List<Offer> all() {
        return List.copyOf(offers.values());
    }

    /** The offers still waiting for an answer, in the order they were made. */
    List<Offer> pending() {
        return offers.values().stream().filter(o -> o.getStatus() == Offer.Status.PENDING).toList();
    }

    boolean isPending(String id) {
        Offer offer = offers.get(id);
        return offer != null && offer.getStatus() == Offer.Status.PENDING;
    }

    /** Records a response; an offer is accepted once every recipient has accepted it. */
    Offer answer(String id, String characterId, Response response) {
        Offer offer = offers.get(id);
        Offer.Builder b = offer.toBuilder();
        switch (response) {
            case ACCEPT -> {
                b.addAcceptedBy(characterId);
                if (b.getAcceptedByCount() == offer.getToCharacterIdsCount()) {
                    b.setStatus(Offer.Status.ACCEPTED);
                }
            }
            case REJECT -> b.setStatus(Offer.Status.REJECTED);
            case WITHDRAW -> b.setStatus(Offer.Status.WITHDRAWN);
            default -> throw new IllegalArgumentException("no response");
        }
        Offer updated = b.build();
        offers.put(id, updated);
        return updated;
    }

    /**
     * A recipient's counter-offer ends the pending offer it answers; returns that offer,
     * now countered, if this was such a counter.
     */
    Optional<Offer> countered(Offer counter) {
        Offer original = offers.get(counter.getCountersOfferId());
        if (original == null || original.getStatus() != Offer.Status.PENDING
                || !original.getToCharacterIdsList().contains(counter.getFromCharacterId())) {
            return Optional.empty();
        }
        Offer ended = original.toBuilder().setStatus(Offer.Status.COUNTERED).build();
        offers.put(ended.getOfferId(), ended);
        return Optional.of(ended);
    }

    /** Ends every pending offer (the negotiation is over); returns those that expired. */
    List<Offer> expirePending() {
        List<Offer> expired = new ArrayList<>();
        offers.replaceAll((id, offer) -> {
            if (offer.getStatus() != Offer.Status.PENDING) {
                return offer;
            }
            Offer e = offer.toBuilder().setStatus(Offer.Status.EXPIRED).build();
            expired.add(e);
            return e;
        });
        return expired;
    }
}
