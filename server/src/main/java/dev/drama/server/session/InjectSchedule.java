package dev.drama.server.session;

import dev.drama.proto.InjectList;
import dev.drama.proto.InjectSummary;
import dev.drama.proto.Phase;
import dev.drama.scenarios.model.Inject;
import java.util.Optional;

/**
 * When the pack suggests each inject, on the session's clock: its phase's start (the latest
 * time the session entered that phase) plus its minutes. Wall time: a pause does not move it.
 */
final class InjectSchedule {
    private InjectSchedule() {
    }

    static InjectList list(SessionState state) {
        InjectList.Builder out = InjectList.newBuilder();
        for (Inject i : state.pack().injects()) {
            Long sent = state.injectsSent().get(i.id());
            out.addInjects(InjectSummary.newBuilder().setInjectId(i.id()).setTitle(i.title()).setAt(i.at())
                    .setDueEpochMs(due(state, i).orElse(0L))
                    .setSent(sent != null).setSentEpochMs(sent == null ? 0 : sent));
        }
        return out.build();
    }

    /** The suggested moment of an inject, once its phase has begun. */
    static Optional<Long> due(SessionState state, Inject inject) {
        return inject.phase().flatMap(PhasePlan::fromPackName)
                .flatMap(state::phaseStarted)
                .map(start -> start + Math.max(0, inject.atMinute()) * 60_000L);
    }

    /**
     * The next inject of the current phase to remind trainers of: not sent, not reminded of
     * yet, and due no earlier than {@code notBeforeMs} (one long past was missed, not due now).
     */
    static Optional<Inject> next(SessionState state, java.util.Set<String> reminded, long notBeforeMs) {
        Phase current = state.phase();
        return state.pack().injects().stream()
                .filter(i -> !state.injectsSent().containsKey(i.id()) && !reminded.contains(i.id()))
                .filter(i -> i.phase().flatMap(PhasePlan::fromPackName).filter(current::equals).isPresent())
                .filter(i -> due(state, i).orElse(Long.MIN_VALUE) >= notBeforeMs)
                .min(java.util.Comparator.comparing(i -> due(state, i).orElseThrow()));
    }

    static String reminder(Inject inject) {
        return "suggested now (" + inject.at() + "): inject " + inject.id() + ", \"" + inject.title()
                + "\"; send it with /inject " + inject.id();
    }
}
