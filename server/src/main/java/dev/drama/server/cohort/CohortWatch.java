package dev.drama.server.cohort;

import dev.drama.proto.CohortView;
import dev.drama.proto.Phase;
import dev.drama.proto.ServerMessage;
import dev.drama.server.session.Recipient;
import dev.drama.server.visibility.Viewer;
import dev.drama.server.visibility.Visibility;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A connection following a cohort: its groups are read every {@value #EVERY_MS} ms and the
 * view is sent when it changed. Reading the groups asks each session's actor, which must not
 * be blocked on, so the watch polls rather than each session knowing who watches it. All its
 * state is touched on one thread: the connection's event loop.
 */
public final class CohortWatch {
    static final long EVERY_MS = 500;

    private final Cohorts cohorts;
    private final Cohort cohort;
    private final Viewer viewer;
    private final Recipient to;
    private final ScheduledExecutorService loop;
    private ScheduledFuture<?> ticks;
    private CohortView last;
    private boolean reading;

    private CohortWatch(Cohorts cohorts, Cohort cohort, Viewer viewer, Recipient to, ScheduledExecutorService loop) {
        this.cohorts = cohorts;
        this.cohort = cohort;
        this.viewer = viewer;
        this.to = to;
        this.loop = loop;
    }

    /**
     * Starts sending the cohort's view to {@code to}, if {@code viewer} may see it (the view
     * holds every group's dilemmas: trainers only, as {@link Visibility} decides).
     *
     * @param loop the connection's own thread
     */
    public static CohortWatch start(Cohorts cohorts, Cohort cohort, Viewer viewer, Recipient to,
                                    ScheduledExecutorService loop) {
        CohortWatch watch = new CohortWatch(cohorts, cohort, viewer, to, loop);
        loop.execute(() -> watch.ticks = loop.scheduleWithFixedDelay(watch::tick, 0, EVERY_MS, TimeUnit.MILLISECONDS));
        return watch;
    }

    private void tick() {
        if (reading) {
            return;
        }
        reading = true;
        cohorts.view(cohort).whenComplete((view, failure) -> loop.execute(() -> {
            reading = false;
            if (view != null && !view.equals(last)) {
                last = view;
                ServerMessage message = ServerMessage.newBuilder().setCohort(view).build();
                // A cohort belongs to no one session: its phase plays no part in who may see it.
                if (Visibility.mayReceive(viewer, message, Phase.PHASE_UNSPECIFIED)) {
                    to.send(message);
                }
            }
        }));
    }

    /** Stops the reads (the connection closed). */
    public void stop() {
        loop.execute(() -> {
            if (ticks != null) {
                ticks.cancel(false);
            }
        });
    }
}
