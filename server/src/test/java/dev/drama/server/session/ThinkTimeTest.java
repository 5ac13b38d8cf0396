package dev.drama.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The computer players' pace: around the think time, never at once after a refusal, and slower the more it is refused. */
class ThinkTimeTest {
    @Test
    void aPauseIsBetweenHalfAndOneAndAHalfTimesTheThinkTime() {
        ThinkTime think = new ThinkTime(4_000, new Random(1));
        for (int i = 0; i < 1_000; i++) {
            assertThat(think.pause(0)).isBetween(2_000L, 6_000L);
        }
        assertThat(ThinkTime.of(Duration.ZERO).pause(0)).isZero();
    }

    @Test
    void refusalsDoubleThePauseUpToAMinuteEvenWithoutThinkTime() {
        ThinkTime now = ThinkTime.of(Duration.ZERO);
        assertThat(now.pause(1)).isEqualTo(500);
        assertThat(now.pause(2)).isEqualTo(1_000);
        assertThat(now.pause(3)).isEqualTo(2_000);
        assertThat(now.pause(30)).isEqualTo(60_000);
        assertThat(new ThinkTime(4_000, new Random(1)).pause(2)).isEqualTo(8_000);
    }
}
