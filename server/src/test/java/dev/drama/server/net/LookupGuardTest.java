package dev.drama.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The budget of wrong join codes and resume tokens, per address and server-wide, with a hand-driven clock. */
class LookupGuardTest {
    static final long SECOND = 1_000_000_000L;
    final AtomicLong now = new AtomicLong(7_000 * SECOND);
    final InetAddress a = address(1);
    final InetAddress b = address(2);

    static InetAddress address(int last) {
        try {
            return InetAddress.getByAddress(new byte[] {10, 0, 0, (byte) last});
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** Wrong lookups from an address until it is refused; returns how many were checked. */
    static int failUntilRefused(LookupGuard g, InetAddress from, long at) {
        int checked = 0;
        while (g.refusal(from, at) == null) {
            g.failed(from, at);
            if (++checked > 1_000_000) {
                throw new AssertionError("never refused");
            }
        }
        return checked;
    }

    @Test
    void anAddressGetsItsBurstThenIsRefusedUncheckedUntilItsBudgetRefills() {
        LookupGuard g = new LookupGuard(30, 100_000, now::get);
        assertThat(failUntilRefused(g, a, now.get())).isEqualTo(30);
        assertThat(g.refusal(a, now.get())).contains("too many wrong join codes").contains("try again in 2 s");
        assertThat(g.refusal(b, now.get())).as("another address is not held back").isNull();
        assertThat(g.refusal(a, now.get() + 1 * SECOND)).as("half a token after a second").isNotNull();
        assertThat(g.refusal(a, now.get() + 2 * SECOND)).as("30 a minute: one every 2 s").isNull();
    }

    @Test
    void theServerWideBudgetHoldsBackEveryAddress() {
        LookupGuard g = new LookupGuard(30, 100, now::get);
        int checked = 0;
        for (int i = 1; i <= 20; i++) {
            InetAddress from = address(i);
            for (int k = 0; k < 10 && g.refusal(from, now.get()) == null; k++) {
                g.failed(from, now.get());
                checked++;
            }
        }
        assertThat(checked).as("many addresses, each within its own budget, share the server's").isEqualTo(100);
        assertThat(g.refusal(address(99), now.get())).contains("the server is refusing join codes");
    }

    @Test
    void answersToWrongGuessesComeLaterAndLater() {
        LookupGuard g = new LookupGuard(30, 100_000, now::get);
        long[] delays = new long[12];
        for (int i = 0; i < delays.length; i++) {
            delays[i] = g.failed(a, now.get());
        }
        assertThat(delays).startsWith(0, 0, 0, 250, 500, 1000, 2000, 4000, 8000, 10_000, 10_000);
    }

    @Test
    void aQuietAddressIsForgivenAndForgotten() {
        LookupGuard g = new LookupGuard(30, 100_000, now::get);
        failUntilRefused(g, a, now.get());
        g.sweep();
        assertThat(g.tracked()).isEqualTo(1);
        now.addAndGet(61 * SECOND);
        g.sweep();
        assertThat(g.tracked()).as("its budget is full again: nothing kept about it").isZero();
        assertThat(g.failed(a, now.get())).as("a fresh start: answered at once").isZero();
    }

    @Test
    void delaysAreCappedAndStartAfterTheFreeTypos() {
        assertThat(LookupGuard.delayMs(0)).isZero();
        assertThat(LookupGuard.delayMs(LookupGuard.FREE_FAILURES)).isZero();
        assertThat(LookupGuard.delayMs(LookupGuard.FREE_FAILURES + 1)).isEqualTo(LookupGuard.FIRST_DELAY_MS);
        assertThat(LookupGuard.delayMs(1_000_000)).isEqualTo(LookupGuard.MAX_DELAY_MS);
    }
}
