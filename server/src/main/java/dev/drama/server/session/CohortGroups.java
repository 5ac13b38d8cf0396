package dev.drama.server.session;

import dev.drama.engine.Dilemma;
import dev.drama.proto.CharacterDilemmas;
import dev.drama.proto.CohortGroup;
import dev.drama.proto.DilemmaKind;
import dev.drama.proto.DilemmaMet;
import dev.drama.proto.JournalRecord;
import dev.drama.proto.KindCount;
import dev.drama.proto.Offer;
import dev.drama.proto.Phase;
import dev.drama.proto.Role;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One session as a group of a cohort: what the cohort page shows of it side by side with
 * the others. It holds every character's dilemmas, so it is trainers' information.
 */
final class CohortGroups {
    private CohortGroups() {
    }

    /** The group as it stands; {@code met} is the dilemmas it met, once known (from the debrief on). */
    static CohortGroup of(SessionState state, int number, long nowMs, List<DilemmaMet> met) {
        CohortGroup.Builder g = CohortGroup.newBuilder().setNumber(number).setSessionId(state.sessionId())
                .setJoinCode(state.joinCode()).setPhase(state.phase()).setPaused(state.clock().paused())
                .setPhaseDeadlineEpochMs(state.clock().paused() ? 0 : state.clock().deadlineEpochMs())
                // Only a paused clock's time left: a running one is read from its deadline, so the view
                // does not change (and go out again) every second.
                .setRemainingSeconds(state.clock().paused() ? (int) (state.clock().remainingMs(nowMs) / 1000) : 0)
                .setTrainees((int) state.participants().stream()
                        .filter(p -> p.listed() && p.role() == Role.TRAINEE && p.hasCharacter()).count())
                .setOffersPending(state.offers().pending().size())
                .setAgreements((int) state.offers().all().stream().filter(o -> o.getStatus() == Offer.Status.ACCEPTED).count())
                .setCrisisPoint(state.analysis().crisisPoint())
                .setCommitmentPoint(state.analysis().commitmentPoint())
                .addAllMet(met);
        boolean dilemmasShown = state.phase().getNumber() >= Phase.BRIEFING_VALUE;
        for (dev.drama.engine.Character c : state.board().characters()) {
            CharacterDilemmas.Builder cd = CharacterDilemmas.newBuilder().setCharacterId(c.id()).setName(c.name())
                    .setPlayedBy(state.playerOf(c.id()).map(Participant::displayName).orElse(""));
            if (dilemmasShown) {
                Map<DilemmaKind, Integer> byKind = new EnumMap<>(DilemmaKind.class);
                state.analysis().of(c.id()).forEach(d -> byKind.merge(kind(d), 1, Integer::sum));
                byKind.forEach((kind, count) -> cd.addCurrent(KindCount.newBuilder().setKind(kind).setCount(count)));
            }
            g.addCharacters(cd);
        }
        if (state.outcomeRevealed()) {
            g.setOutcome(Outcomes.reveal(state).getOutcome());
        }
        return g.build();
    }

    /**
     * Every dilemma the group met from the briefing on, in the order first met, and whether it
     * was gone at the end. Replayed from the journal, as the debrief is: the journal is the truth.
     */
    static List<DilemmaMet> met(SessionState state, List<JournalRecord> journal) {
        Map<String, Dilemma> met = new LinkedHashMap<>();
        SessionState replay = Debriefs.replayOf(state);
        for (JournalRecord r : journal) {
            replay.apply(r);
            replay.settle();
            if (replay.phase().getNumber() >= Phase.BRIEFING_VALUE) {
                replay.analysis().dilemmas().forEach(d -> met.putIfAbsent(d.key(), d));
            }
        }
        Set<String> atEnd = state.analysis().dilemmas().stream().map(Dilemma::key).collect(Collectors.toSet());
        return met.values().stream().map(d -> DilemmaMet.newBuilder().setKind(kind(d)).setHolderId(d.holder())
                .setTowardsId(d.towards().orElse("")).setResolved(!atEnd.contains(d.key())).build()).toList();
    }

    private static DilemmaKind kind(Dilemma d) {
        return DilemmaKind.valueOf(d.kind().name());
    }
}
