package dev.drama.server.session;

import dev.drama.proto.JournalRecord;
import dev.drama.proto.Phase;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The debrief's figures as data: the phases on the clock, each character's dilemmas as spans
 * of time, how each character ranks the outcome among the futures compared, and each party's
 * part of every agreement, kept or broken. Worked out once here; the debrief page draws them
 * from the JSON export and the HTML export from this record, so both show the same.
 *
 * @param startEpochMs where the time axis begins: the briefing (dilemmas arise from it on), else the first line
 * @param endEpochMs   where it ends: the opening of the debrief (the drama is over; people attaching to read
 *                     the debrief would stretch it), else the last line of the timeline
 * @param dilemmas     by character id, in the board's order
 * @param rankings     by character id, in the board's order; best first
 */
record DebriefCharts(long startEpochMs, long endEpochMs, List<PhaseMark> phases,
                     Map<String, List<DilemmaSpan>> dilemmas, Map<String, List<Outcomes.RankedFuture>> rankings,
                     List<Outcomes.AgreementPart> agreements) {

    /** A phase and when it began. {@code name} is in words ("moment of truth"). */
    record PhaseMark(String phase, String name, long atEpochMs) {
    }

    /**
     * A dilemma from the moment it arose to the moment it resolved ({@code resolvedEpochMs} null:
     * still open at the end). {@code kind} is the protocol's name (PERSUASION...); {@code towards}
     * a character id, empty for threat and co-operation.
     */
    record DilemmaSpan(String kind, String towards, long aroseEpochMs, Long resolvedEpochMs) {
    }

    static DebriefCharts of(SessionState state, List<JournalRecord> journal, List<TimelineEntry> timeline) {
        List<PhaseMark> phases = new ArrayList<>();
        for (JournalRecord r : journal) {
            if (r.hasPhaseChanged()) {
                Phase p = r.getPhaseChanged().getPhase();
                phases.add(new PhaseMark(p.name(), Moves.phaseName(p), r.getAtEpochMs()));
            }
        }
        long end = phases.stream().filter(p -> p.phase().equals(Phase.DEBRIEF.name())).findFirst()
                .map(PhaseMark::atEpochMs)
                .orElse(timeline.isEmpty() ? state.createdEpochMs() : timeline.get(timeline.size() - 1).atEpochMs());
        long start = phases.stream().filter(p -> p.phase().equals(Phase.BRIEFING.name())).findFirst()
                .map(PhaseMark::atEpochMs)
                .orElse(timeline.isEmpty() ? end : timeline.get(0).atEpochMs());
        Map<String, List<DilemmaSpan>> dilemmas = new LinkedHashMap<>();
        Map<String, List<Outcomes.RankedFuture>> rankings = new LinkedHashMap<>();
        for (dev.drama.engine.Character c : state.board().characters()) {
            dilemmas.put(c.id(), new ArrayList<>());
            rankings.put(c.id(), Outcomes.ranking(state, c.id()));
        }
        spans(timeline, dilemmas);
        return new DebriefCharts(start, end, phases, dilemmas, rankings,
                Outcomes.agreementParts(state, state.outcome()));
    }

    /** Pairs each dilemma's "arose" line with the "resolved" line that follows it for the same holder, kind and target. */
    private static void spans(List<TimelineEntry> timeline, Map<String, List<DilemmaSpan>> out) {
        Map<String, Deque<TimelineEntry>> open = new HashMap<>();
        for (TimelineEntry e : timeline) {
            if (e.dilemma() == null) {
                continue;
            }
            String key = e.dilemma().getHolderId() + '|' + e.dilemma().getKind() + '|' + e.dilemma().getTowardsId();
            if (!e.kind().equals("dilemma_resolved")) {  // arose, or open at the briefing
                open.computeIfAbsent(key, k -> new ArrayDeque<>()).add(e);
            } else {
                TimelineEntry arose = open.getOrDefault(key, new ArrayDeque<>()).poll();
                if (arose != null) {
                    span(out, arose, e.atEpochMs());
                }
            }
        }
        open.values().forEach(still -> still.forEach(arose -> span(out, arose, null)));
        out.values().forEach(list -> list.sort(java.util.Comparator.comparingLong(DilemmaSpan::aroseEpochMs)));
    }

    private static void span(Map<String, List<DilemmaSpan>> out, TimelineEntry arose, Long resolved) {
        var d = arose.dilemma();
        out.computeIfAbsent(d.getHolderId(), k -> new ArrayList<>())
                .add(new DilemmaSpan(d.getKind().name(), d.getTowardsId(), arose.atEpochMs(), resolved));
    }
}
