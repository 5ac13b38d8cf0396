package dev.drama.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The token bucket with a hand-driven clock. */
class TokenBucketTest {
    static final long MS = 1_000_000L;
    static final long T0 = 1_000_000_000_000L;

    private static int takeAll(TokenBucket b, long now) {
        int n = 0;
        while (b.tryTake(now)) {
            n++;
            if (n > 1_000_000) {
                throw new AssertionError("bucket never empties");
            }
        }
        return n;
    }

    @Test
    void startsFullWithTheBurstThenRefuses() {
        TokenBucket b = new TokenBucket(10, 40, T0);
        assertThat(takeAll(b, T0)).isEqualTo(40);
        assertThat(b.tryTake(T0)).isFalse();
    }

    @Test
    void refillsAtTheSteadyRate() {
        TokenBucket b = new TokenBucket(10, 40, T0);
        takeAll(b, T0);
        assertThat(b.tryTake(T0 + 99 * MS)).as("99 ms: not yet a whole token").isFalse();
        assertThat(b.tryTake(T0 + 100 * MS)).as("100 ms at 10/s: one token").isTrue();
        assertThat(b.tryTake(T0 + 100 * MS)).isFalse();
        assertThat(takeAll(b, T0 + 1100 * MS)).as("a further second: ten tokens").isEqualTo(10);
    }

    @Test
    void neverHoldsMoreThanTheBurst() {
        TokenBucket b = new TokenBucket(10, 40, T0);
        takeAll(b, T0);
        assertThat(takeAll(b, T0 + 3_600_000 * MS)).as("an hour idle still gives only the burst").isEqualTo(40);
    }

    @Test
    void aClockGoingBackwardsGivesNothing() {
        TokenBucket b = new TokenBucket(10, 5, T0);
        takeAll(b, T0);
        assertThat(b.tryTake(T0 - 10_000 * MS)).isFalse();
        assertThat(b.tryTake(T0 - 10_000 * MS + 50 * MS)).as("time is counted from the latest reading").isFalse();
        assertThat(b.tryTake(T0 - 10_000 * MS + 100 * MS)).isTrue();
    }

    @Test
    void aSteadyClientAtTheRateIsNeverRefused() {
        TokenBucket b = new TokenBucket(20, 1, T0);
        for (int i = 0; i < 10_000; i++) {
            assertThat(b.tryTake(T0 + i * 50 * MS)).as("command %d", i).isTrue();
        }
    }

    @Test
    void aClientTwiceOverTheRateGetsHalfThrough() {
        TokenBucket b = new TokenBucket(20, 40, T0);
        int passed = 0;
        for (int i = 0; i < 4000; i++) { // 40 per second for 100 seconds
            if (b.tryTake(T0 + i * 25 * MS)) {
                passed++;
            }
        }
        assertThat(passed).isBetween(2000 + 40 - 2, 2000 + 40 + 2);
    }

    @Test
    void fractionalRatesAccumulate() {
        TokenBucket b = new TokenBucket(0.5, 1, T0);
        assertThat(b.tryTake(T0)).isTrue();
        assertThat(b.tryTake(T0 + 1999 * MS)).isFalse();
        assertThat(b.tryTake(T0 + 2000 * MS)).isTrue();
    }

    @Test
    void availableCountsFractionsAndFullMeansQuietLongEnough() {
        TokenBucket b = new TokenBucket(10, 4, T0);
        takeAll(b, T0);
        assertThat(b.available(T0 + 50 * MS)).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(b.full(T0 + 399 * MS)).isFalse();
        assertThat(b.full(T0 + 400 * MS)).isTrue();
    }
}
