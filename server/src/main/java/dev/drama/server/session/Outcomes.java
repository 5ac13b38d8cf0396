package dev.drama.server.session;

import dev.drama.engine.Board;
import dev.drama.engine.Future;
import dev.drama.engine.Option;
import dev.drama.engine.Preference;
import dev.drama.proto.CharacterOutcome;
import dev.drama.proto.Offer;
import dev.drama.proto.OutcomeEvent;
import dev.drama.proto.ServerMessage;
import dev.drama.server.view.Settings;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The moment of truth revealed: the future that happened, how each character ranks it
 * against the threatened future and everyone's positions, and which promises and
 * threats were kept.
 */
final class Outcomes {
    private Outcomes() {
    }

    static ServerMessage reveal(SessionState state) {
        Board board = state.board();
        Future outcome = state.outcome();
        Future threatened = state.analysis().threatenedFuture();
        List<boolean[]> candidates = candidates(board, outcome, threatened);
        OutcomeEvent.Builder event = OutcomeEvent.newBuilder()
                .addAllOutcome(Settings.of(outcome))
                .addAllThreatenedFuture(Settings.of(threatened))
                .setComparedFutures(candidates.size());
        int happy = 0;
        for (dev.drama.engine.Character c : board.characters()) {
            Preference preference = board.preference(c.id());
            int score = preference.score(complete(board, outcome));
            int rank = 1;
            for (boolean[] other : candidates) {
                if (preference.score(other) > score) {
                    rank++;
                }
            }
            boolean beatsThreat = score > preference.score(complete(board, threatened));
            boolean matchesOwn = score >= preference.score(complete(board, board.completion(board.position(c.id()))));
            if (matchesOwn) {
                happy++;
            }
            CharacterOutcome.Builder co = CharacterOutcome.newBuilder()
                    .setCharacterId(c.id())
                    .setRankOfOutcome(rank)
                    .setVerdict(verdict(c.name(), matchesOwn, beatsThreat));
            keptAndBroken(state, c.id(), outcome, co);
            event.addCharacters(co);
        }
        event.setSummary(happy + " of " + board.characters().size()
                + " characters got an outcome at least as good as their own position.");
        return ServerMessage.newBuilder().setOutcome(event).build();
    }

    private static String verdict(String name, boolean matchesOwn, boolean beatsThreat) {
        if (matchesOwn) {
            return name + " got an outcome at least as good as its own position.";
        }
        return beatsThreat
                ? name + " did worse than its position, but better than the threatened future."
                : name + " did no better than the threatened future.";
    }

    /** The futures an outcome is ranked among: itself, the threatened future and every completed position. */
    private static List<boolean[]> candidates(Board board, Future outcome, Future threatened) {
        Set<Map<String, Boolean>> distinct = new LinkedHashSet<>();
        distinct.add(outcome.values());
        distinct.add(threatened.values());
        for (dev.drama.engine.Character c : board.characters()) {
            distinct.add(board.completion(board.position(c.id())).values());
        }
        List<boolean[]> out = new ArrayList<>();
        for (Map<String, Boolean> values : distinct) {
            out.add(complete(board, Future.of(values)));
        }
        return out;
    }

    private static boolean[] complete(Board board, Future future) {
        Future full = board.completion(future);
        List<Option> options = board.options();
        boolean[] values = new boolean[options.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = full.value(options.get(i).id()).orElse(false);
        }
        return values;
    }

    private static void keptAndBroken(SessionState state, String characterId, Future outcome, CharacterOutcome.Builder co) {
        for (Offer offer : state.offers().all()) {
            boolean sender = offer.getFromCharacterId().equals(characterId);
            if (offer.getStatus() == Offer.Status.ACCEPTED
                    && (sender || offer.getToCharacterIdsList().contains(characterId))) {
                Map<String, Boolean> part = ownPart(state.board(), characterId,
                        sender ? offer.getPromiseList() : offer.getAskList());
                if (!part.isEmpty()) {
                    String line = "offer " + offer.getOfferId() + ": " + words(state.board(), part);
                    if (matches(outcome, part)) {
                        co.addKept(line);
                    } else {
                        co.addBroken(line);
                    }
                }
            }
            boolean refused = offer.getStatus() == Offer.Status.REJECTED || offer.getStatus() == Offer.Status.EXPIRED;
            Map<String, Boolean> threat = Settings.fixed(offer.getThreatList());
            if (sender && refused && !threat.isEmpty() && matches(outcome, threat)) {
                co.addThreatsCarriedOut("offer " + offer.getOfferId() + ": " + words(state.board(), threat));
            }
        }
    }

    /** The values on options this character owns (its part of a deal). */
    private static Map<String, Boolean> ownPart(Board board, String characterId,
                                                List<dev.drama.proto.OptionSetting> settings) {
        Map<String, Boolean> part = Settings.fixed(settings);
        part.keySet().removeIf(o -> !board.option(o).map(x -> x.owner().equals(characterId)).orElse(false));
        return part;
    }

    private static String words(Board board, Map<String, Boolean> values) {
        List<String> out = new ArrayList<>();
        values.forEach((id, v) -> out.add((v ? "" : "not ") + board.option(id).map(Option::label).orElse(id)));
        return String.join("; ", out);
    }

    private static boolean matches(Future outcome, Map<String, Boolean> part) {
        for (Map.Entry<String, Boolean> e : part.entrySet()) {
            if (!outcome.value(e.getKey()).equals(java.util.Optional.of(e.getValue()))) {
                return false;
            }
        }
        return true;
    }
}
