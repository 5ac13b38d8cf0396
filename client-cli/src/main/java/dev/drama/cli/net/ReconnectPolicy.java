package dev.drama.cli.net;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * How long to wait before each reconnection attempt: exponential backoff from
 * {@code initial}, capped at {@code max}, shortened by a random fraction up to
 * {@code jitter} so that a roomful of clients cut off together do not all come back in
 * the same instant. Gives up once {@code giveUpAfter} has passed since the connection
 * was lost (the server forgets resume tokens after its grace period anyway).
 */
public final class ReconnectPolicy {
    private final Duration initial;
    private final Duration max;
    private final double jitter;
    private final Duration giveUpAfter;
    private final DoubleSupplier random;

    public ReconnectPolicy(Duration initial, Duration max, double jitter, Duration giveUpAfter, DoubleSupplier random) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 < initial <= max");
        }
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("jitter must be in [0, 1)");
        }
        this.initial = initial;
        this.max = max;
        this.jitter = jitter;
        this.giveUpAfter = giveUpAfter;
        this.random = random;
    }

    /** 250 ms doubling to 10 s, up to 20 % shorter at random, for up to 10 minutes. */
    public static ReconnectPolicy defaults() {
        return new ReconnectPolicy(Duration.ofMillis(250), Duration.ofSeconds(10), 0.2, Duration.ofMinutes(10),
                () -> ThreadLocalRandom.current().nextDouble());
    }

    /**
     * @param attempt one for the first attempt after the loss
     * @param sinceLoss how long ago the connection was lost
     * @return the delay before this attempt, or empty to give up
     */
    public Optional<Duration> delayBefore(int attempt, Duration sinceLoss) {
        if (sinceLoss.compareTo(giveUpAfter) >= 0) {
            return Optional.empty();
        }
        long base = initial.toMillis();
        for (int i = 1; i < attempt && base < max.toMillis(); i++) {
            base *= 2;
        }
        base = Math.min(base, max.toMillis());
        long jittered = Math.round(base * (1 - jitter * random.getAsDouble()));
        return Optional.of(Duration.ofMillis(Math.max(1, jittered)));
    }
}
