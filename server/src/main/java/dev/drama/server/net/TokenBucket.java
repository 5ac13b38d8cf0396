package dev.drama.server.net;

/**
 * A token bucket: a steady rate with a burst allowance, so that pasting a few
 * commands at once is fine but a flood is not. Time is passed in, which keeps it
 * deterministic in tests. Not thread-safe: one per connection, used on its event loop.
 */
public final class TokenBucket {
    private final double ratePerNano;
    private final double capacity;
    private double tokens;
    private long lastNanos;

    public TokenBucket(double perSecond, int burst, long nowNanos) {
        this.ratePerNano = perSecond / 1e9;
        this.capacity = burst;
        this.tokens = burst;
        this.lastNanos = nowNanos;
    }

    /** Takes one token if there is one. */
    public boolean tryTake(long nowNanos) {
        refill(nowNanos);
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    /** The tokens there are now (a fraction while one refills). */
    public double available(long nowNanos) {
        refill(nowNanos);
        return tokens;
    }

    /** Whether the bucket is full again: whoever emptied it has been quiet long enough. */
    public boolean full(long nowNanos) {
        return available(nowNanos) >= capacity;
    }

    private void refill(long nowNanos) {
        long elapsed = Math.max(0, nowNanos - lastNanos);
        tokens = Math.min(capacity, tokens + elapsed * ratePerNano);
        lastNanos = nowNanos;
    }
}
