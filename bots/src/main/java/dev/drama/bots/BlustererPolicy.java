package dev.drama.bots;

import dev.drama.engine.WayOutKind;
import dev.drama.proto.Dilemma;
import dev.drama.proto.DilemmaKind;
import dev.drama.proto.Offer;
import dev.drama.proto.WayOut;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Threatens beyond what it would carry out: to press a persuasion or rejection dilemma it
 * states a threat it would not carry out by its own preference, keeps the threat dilemma that
 * follows, and meets threats with bigger ones. At the moment of truth it does what suits it.
 */
final class BlustererPolicy extends Policy {
    BlustererPolicy() {
        super(Stance.BLUSTERER);
    }

    @Override
    Optional<Step> onDilemma(Dilemma d, Judge j) {
        if (d.getKind() != DilemmaKind.PERSUASION && d.getKind() != DilemmaKind.REJECTION) {
            return Optional.empty(); // it keeps its threats, credible or not, and never gives way
        }
        WayOutKind wanted = d.getKind() == DilemmaKind.PERSUASION ? WayOutKind.THREATEN : WayOutKind.HARDEN;
        Map<String, Boolean> threat = new LinkedHashMap<>();
        moves(d, j).stream().filter(w -> kind(w) == wanted && w.getIntentionsCount() > 0).findFirst()
                .ifPresent(w -> threat.putAll(Commands.values(w.getIntentionsList())));
        // Beyond what it would carry out: add a bluff unless the threat is already one.
        if (j.wouldCarryOut(threat)) {
            bluff(j, d.getTowardsId(), threat.keySet()).ifPresent(threat::putAll);
        }
        if (threat.isEmpty() || j.wouldCarryOut(threat)) {
            return Optional.empty();
        }
        WayOut w = WayOut.newBuilder().setKind(WayOutKind.THREATEN.name().toLowerCase(java.util.Locale.ROOT))
                .addAllIntentions(Commands.settings(threat)).build();
        List<dev.drama.proto.ClientMessage> commands = commandsOf(w, j.view());
        if (commands.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Step(commands, "Makes a threat it would not carry out, to press " + dilemma(d, j) + ".",
                d.getKind() == DilemmaKind.PERSUASION ? followUp(d, w, j) : Optional.empty()));
    }

    /**
     * A threat against {@code target} it would not carry out: one of its own options that the
     * target's position cares about, stated at the value the target does not want, chosen among
     * those it would least like to carry out itself.
     */
    static Optional<Map<String, Boolean>> bluff(Judge j, String target, java.util.Set<String> taken) {
        String worst = null;
        int worstScore = Integer.MAX_VALUE;
        for (Map.Entry<String, Boolean> e : j.view().position(target).entrySet()) {
            String id = e.getKey();
            boolean against = !e.getValue();
            if (!j.view().ownerOf(id).equals(j.me()) || taken.contains(id)
                    || Boolean.valueOf(against).equals(j.view().threatened().get(id)) || j.wouldCarryOut(Map.of(id, against))) {
                continue;
            }
            int s = j.score(Map.of(id, against));
            if (s < worstScore) {
                worstScore = s;
                worst = id;
            }
        }
        return worst == null ? Optional.empty() : Optional.of(Map.of(worst, !j.view().position(target).get(worst)));
    }

    @Override
    Optional<String> remark(Dilemma d, Judge j, Lines lines) {
        if (d.getKind() != DilemmaKind.THREAT) {
            return Optional.empty();
        }
        Map<String, Boolean> stated = j.view().intentions(j.me());
        return stated.isEmpty() ? Optional.empty() : Optional.of(lines.bluster(stated));
    }

    @Override
    Answer answer(Offer offer, Judge j) {
        if (offer.getThreatCount() == 0) {
            boolean better = j.score(ifAccepted(offer)) > j.scoreOfThreatened() && conflicts(ifAccepted(offer), j).isEmpty();
            String from = j.view().possessive(offer.getFromCharacterId());
            return better ? new Accept("Accepts " + from + " offer " + offer.getOfferId() + ": it gains by it.")
                    : new Reject("Rejects " + from + " offer " + offer.getOfferId() + ": it gives nothing worth having.");
        }
        // A threat is answered with a bigger one.
        String sender = offer.getFromCharacterId();
        Map<String, Boolean> ask = new LinkedHashMap<>();
        j.view().position(j.me()).forEach((id, v) -> {
            if (j.view().ownerOf(id).equals(sender)) {
                ask.put(id, v);
            }
        });
        Optional<Map<String, Boolean>> bluff = bluff(j, sender, java.util.Set.of());
        if (!ask.isEmpty() && bluff.isPresent()) {
            return new Counter(new Commands.Terms(List.of(sender), ask, Map.of(), bluff.get()),
                    "Answers " + j.view().possessive(sender) + " threat in offer " + offer.getOfferId()
                            + " with a bigger threat it would not carry out.");
        }
        return new Reject("Rejects " + j.view().possessive(sender) + " offer " + offer.getOfferId() + ": it will not be threatened.");
    }

    @Override
    Commitment commit(Judge j) {
        Commitment c = keepOrBreak(j);
        return new Commitment(c.choices(), c.reason().substring(0, c.reason().length() - 1) + "; its bluffs are not carried out.");
    }
}
