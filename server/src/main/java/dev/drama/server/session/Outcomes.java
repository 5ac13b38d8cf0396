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
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        Map<Map<String, Boolean>, Candidate> candidates = candidates(board, outcome, threatened);
        OutcomeEvent.Builder event = OutcomeEvent.newBuilder()
                .addAllOutcome(Settings.of(outcome))
                .addAllThreatenedFuture(Settings.of(threatened))
                .setComparedFutures(candidates.size());
        List<AgreementPart> parts = agreementParts(state, outcome);
        int happy = 0;
        for (dev.drama.engine.Character c : board.characters()) {
            Preference preference = board.preference(c.id());
            int score = preference.score(complete(board, outcome));
            boolean beatsThreat = score > preference.score(complete(board, threatened));
            boolean matchesOwn = score >= preference.score(complete(board, board.completion(board.position(c.id()))));
            if (matchesOwn) {
                happy++;
            }
            CharacterOutcome.Builder co = CharacterOutcome.newBuilder()
                    .setCharacterId(c.id())
                    .setRankOfOutcome(rank(preference, score, candidates.values()))
                    .setVerdict(verdict(c.name(), matchesOwn, beatsThreat));
            for (AgreementPart part : parts) {
                if (part.characterId().equals(c.id())) {
                    String line = "offer " + part.offerId() + ": " + part.words();
                    if (part.kept()) {
                        co.addKept(line);
                    } else {
                        co.addBroken(line);
                    }
                }
            }
            threatsCarriedOut(state, c.id(), outcome, co);
            event.addCharacters(co);
        }
        event.setSummary(happy + " of " + board.characters().size()
                + " characters got an outcome at least as good as their own position.");
        return ServerMessage.newBuilder().setOutcome(event).build();
    }

    /** 1 for the best: one more than the futures compared that the character prefers to this score. */
    private static int rank(Preference preference, int score, Collection<Candidate> candidates) {
        int rank = 1;
        for (Candidate other : candidates) {
            if (preference.score(other.values()) > score) {
                rank++;
            }
        }
        return rank;
    }

    /**
     * A future the outcome was compared with, as one character ranks it, and what it was: the
     * outcome, the threatened future, the position of some characters (several may be one future).
     */
    record RankedFuture(int rank, boolean outcome, boolean threatened, List<String> positionOf) {
    }

    /** Every future the outcome was compared with, best first for this character (the debrief's chart). */
    static List<RankedFuture> ranking(SessionState state, String characterId) {
        Board board = state.board();
        Preference preference = board.preference(characterId);
        Map<Map<String, Boolean>, Candidate> candidates = candidates(board, state.outcome(),
                state.analysis().threatenedFuture());
        List<RankedFuture> out = new ArrayList<>();
        for (Candidate c : candidates.values()) {
            out.add(new RankedFuture(rank(preference, preference.score(c.values()), candidates.values()),
                    c.outcome, c.threatened, List.copyOf(c.positionOf)));
        }
        out.sort(Comparator.comparingInt(RankedFuture::rank));
        return out;
    }

    /** One party's part of an accepted offer, and whether the outcome kept it. */
    record AgreementPart(String offerId, String characterId, String words, boolean kept) {
    }

    /** Every accepted offer's parts, in the order the offers were made: the sender's promise, the recipients' asks. */
    static List<AgreementPart> agreementParts(SessionState state, Future outcome) {
        List<AgreementPart> out = new ArrayList<>();
        for (Offer offer : state.offers().all()) {
            if (offer.getStatus() != Offer.Status.ACCEPTED) {
                continue;
            }
            List<String> parties = new ArrayList<>(List.of(offer.getFromCharacterId()));
            parties.addAll(offer.getToCharacterIdsList());
            for (String characterId : parties) {
                boolean sender = offer.getFromCharacterId().equals(characterId);
                Map<String, Boolean> part = ownPart(state.board(), characterId,
                        sender ? offer.getPromiseList() : offer.getAskList());
                if (!part.isEmpty()) {
                    out.add(new AgreementPart(offer.getOfferId(), characterId, words(state.board(), part),
                            matches(outcome, part)));
                }
            }
        }
        return out;
    }

    private static String verdict(String name, boolean matchesOwn, boolean beatsThreat) {
        if (matchesOwn) {
            return name + " got an outcome at least as good as its own position.";
        }
        return beatsThreat
                ? name + " did worse than its position, but better than the threatened future."
                : name + " did no better than the threatened future.";
    }

    /** A future an outcome is ranked among, completed, and what it was. */
    private static final class Candidate {
        private final boolean[] values;
        private boolean outcome;
        private boolean threatened;
        private final List<String> positionOf = new ArrayList<>();

        Candidate(boolean[] values) {
            this.values = values;
        }

        boolean[] values() {
            return values;
        }
    }

    /** The futures an outcome is ranked among: itself, the threatened future and every completed position. */
    private static Map<Map<String, Boolean>, Candidate> candidates(Board board, Future outcome, Future threatened) {
        Map<Map<String, Boolean>, Candidate> distinct = new LinkedHashMap<>();
        candidate(distinct, board, outcome.values()).outcome = true;
        candidate(distinct, board, threatened.values()).threatened = true;
        for (dev.drama.engine.Character c : board.characters()) {
            candidate(distinct, board, board.completion(board.position(c.id())).values()).positionOf.add(c.id());
        }
        return distinct;
    }

    private static Candidate candidate(Map<Map<String, Boolean>, Candidate> distinct, Board board,
                                       Map<String, Boolean> values) {
        return distinct.computeIfAbsent(values, v -> new Candidate(complete(board, Future.of(v))));
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

    private static void threatsCarriedOut(SessionState state, String characterId, Future outcome,
                                          CharacterOutcome.Builder co) {
        for (Offer offer : state.offers().all()) {
            boolean refused = offer.getStatus() == Offer.Status.REJECTED || offer.getStatus() == Offer.Status.EXPIRED;
            Map<String, Boolean> threat = Settings.fixed(offer.getThreatList());
            if (offer.getFromCharacterId().equals(characterId) && refused && !threat.isEmpty()
                    && matches(outcome, threat)) {
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
