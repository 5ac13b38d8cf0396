package dev.drama.server.net;

/**
 * Counts refusals in a sliding window: more than {@code max} of them within the window is
 * a sustained excess. Unlike a count of refusals in a row, a client cannot reset it by
 * slipping an allowed command in between, so a flood just above the rate is caught too.
 * Keeps the times of the latest {@code max + 1} refusals; time is passed in. Not thread-safe.
 */
public final class RefusalWindow {
    private final long windowNanos;
    private final long[] times;
    private int next;
    private int count;

    public RefusalWindow(int max, long windowNanos) {
        if (max < 1) {
            throw new IllegalArgumentException("tolerate at least one refusal");
        }
        this.windowNanos = windowNanos;
        this.times = new long[max + 1];
    }

    /** Records a refusal; true when it makes more than {@code max} within the window. */
    public boolean refuse(long nowNanos) {
        times[next] = nowNanos;
        next = (next + 1) % times.length;
        count = Math.min(count + 1, times.length);
        // With the ring full, the slot to be overwritten next holds the oldest of the latest max + 1.
        return count == times.length && nowNanos - times[next] < windowNanos;
    }
}
