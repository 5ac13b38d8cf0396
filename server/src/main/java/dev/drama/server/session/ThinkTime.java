package dev.drama.server.session;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How long a computer player pauses before a move: around the configured think time (between
 * half and one and a half times it, so players do not move in lockstep), and after refusals
 * longer, doubling each time up to a minute, so a move that keeps being refused cannot flood.
 */
record ThinkTime(long meanMs, RandomGenerator random) {
    static final long FIRST_BACKOFF_MS = 500;
    static final long MAX_BACKOFF_MS = 60_000;

    static ThinkTime of(Duration mean) {
        return new ThinkTime(Math.max(0, mean.toMillis()), RandomGenerator.getDefault());
    }

    /** The pause before the next move, after {@code refusals} refusals in a row. */
    long pause(int refusals) {
        long pause = meanMs == 0 ? 0 : meanMs / 2 + random.nextLong(meanMs + 1);
        if (refusals > 0) {
            long backoff = Math.max(FIRST_BACKOFF_MS, meanMs) << Math.min(refusals - 1, 7);
            pause = Math.max(pause, Math.min(backoff, MAX_BACKOFF_MS));
        }
        return pause;
    }
}
