package dev.drama.cli.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReconnectPolicyTest {
    private static ReconnectPolicy policy(double random) {
        return new ReconnectPolicy(Duration.ofMillis(250), Duration.ofSeconds(10), 0.2, Duration.ofMinutes(10),
                () -> random);
    }

    private static long delay(ReconnectPolicy policy, int attempt) {
        return policy.delayBefore(attempt, Duration.ofSeconds(1)).orElseThrow().toMillis();
    }

    @Test
    void delaysDoubleUntilTheCap() {
        ReconnectPolicy noJitter = policy(0);
        long[] expected = {250, 500, 1000, 2000, 4000, 8000, 10000, 10000};
        for (int attempt = 1; attempt <= expected.length; attempt++) {
            assertEquals(expected[attempt - 1], delay(noJitter, attempt), "attempt " + attempt);
        }
        assertEquals(10000, delay(noJitter, 1000), "no overflow after many attempts");
    }

    @Test
    void jitterOnlyShortensTheDelaySoTheCapHolds() {
        ReconnectPolicy fullJitter = policy(1);
        assertEquals(200, delay(fullJitter, 1));
        assertEquals(8000, delay(fullJitter, 20));
        ReconnectPolicy halfJitter = policy(0.5);
        assertEquals(450, delay(halfJitter, 2));
    }

    @Test
    void givesUpAfterTheGracePeriod() {
        ReconnectPolicy policy = policy(0);
        assertEquals(Optional.empty(), policy.delayBefore(3, Duration.ofMinutes(10)));
        assertEquals(Optional.of(Duration.ofMillis(1000)), policy.delayBefore(3, Duration.ofMinutes(9)));
    }

    @Test
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new ReconnectPolicy(Duration.ZERO, Duration.ofSeconds(1),
                0.1, Duration.ofMinutes(1), () -> 0));
        assertThrows(IllegalArgumentException.class, () -> new ReconnectPolicy(Duration.ofSeconds(2),
                Duration.ofSeconds(1), 0.1, Duration.ofMinutes(1), () -> 0));
        assertThrows(IllegalArgumentException.class, () -> new ReconnectPolicy(Duration.ofSeconds(1),
                Duration.ofSeconds(1), 1.0, Duration.ofMinutes(1), () -> 0));
    }
}
