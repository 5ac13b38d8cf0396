package dev.drama.server.session;

/** The clock of the current phase: a deadline, or when paused, the time that was left. */
public final class PhaseClock {
    private boolean paused;
    private long deadlineEpochMs;
    private long remainingMs;

    void set(boolean paused, long deadlineEpochMs, long remainingMs) {
        this.paused = paused;
        this.deadlineEpochMs = deadlineEpochMs;
        this.remainingMs = remainingMs;
    }

    public boolean paused() {
        return paused;
    }

    /** 0 when the phase has no clock. */
    public long deadlineEpochMs() {
        return deadlineEpochMs;
    }

    public boolean running() {
        return !paused && deadlineEpochMs > 0;
    }

    public long remainingMs(long nowMs) {
        if (paused) {
            return remainingMs;
        }
        return deadlineEpochMs == 0 ? 0 : Math.max(0, deadlineEpochMs - nowMs);
    }
}
