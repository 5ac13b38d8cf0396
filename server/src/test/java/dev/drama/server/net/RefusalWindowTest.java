package dev.drama.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The sliding window of refusals, with a hand-driven clock. */
class RefusalWindowTest {
    static final long MS = 1_000_000L;
    static final long T0 = 5_000_000_000_000L;

    @Test
    void moreThanTheMaximumWithinTheWindowIsAnExcess() {
        RefusalWindow w = new RefusalWindow(5, 1000 * MS);
        for (int i = 0; i < 5; i++) {
            assertThat(w.refuse(T0 + i * MS)).as("refusal %d", i + 1).isFalse();
        }
        assertThat(w.refuse(T0 + 5 * MS)).as("the sixth within a second").isTrue();
    }

    @Test
    void refusalsSpreadWiderThanTheWindowAreTolerated() {
        RefusalWindow w = new RefusalWindow(5, 1000 * MS);
        for (int i = 0; i < 1000; i++) {
            // one every 250 ms: four in any second, never more than five
            assertThat(w.refuse(T0 + i * 250 * MS)).as("refusal %d", i).isFalse();
        }
    }

    @Test
    void grantedCommandsInBetweenDoNotResetTheCount() {
        // The old limiter counted refusals in a row: one granted command in between reset it, so a
        // flood just above the rate was never cut. The window only sees refusals and their times.
        RefusalWindow w = new RefusalWindow(50, 10_000 * MS);
        boolean cut = false;
        int refusals = 0;
        for (int i = 0; i < 10_000 && !cut; i++) {
            // a client at 30/s against a rate of 20/s: every third command refused, 10 a second
            if (i % 3 == 2) {
                refusals++;
                cut = w.refuse(T0 + i * 33 * MS);
            }
        }
        assertThat(cut).isTrue();
        assertThat(refusals).isEqualTo(51);
    }

    @Test
    void theWindowSlides() {
        RefusalWindow w = new RefusalWindow(2, 1000 * MS);
        assertThat(w.refuse(T0)).isFalse();
        assertThat(w.refuse(T0 + 600 * MS)).isFalse();
        assertThat(w.refuse(T0 + 1100 * MS)).as("the first has left the window").isFalse();
        assertThat(w.refuse(T0 + 1200 * MS)).as("three within 600 ms").isTrue();
    }
}
