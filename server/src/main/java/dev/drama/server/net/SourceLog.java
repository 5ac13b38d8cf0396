package dev.drama.server.net;

import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rate-limits the log lines about one address (connections, bad frames, floods), so a
 * client churning connections cannot flood the log: past a burst, lines about it are
 * dropped and counted, and the count is logged with its next line or once it is quiet.
 * Thread-safe.
 */
public final class SourceLog {
    private static final Logger log = LoggerFactory.getLogger(SourceLog.class);

    private final double perSecond;
    private final int burst;
    private final LongSupplier nanoClock;
    private final Map<InetAddress, Source> sources = new ConcurrentHashMap<>();

    private static final class Source {
        final TokenBucket bucket;
        int dropped;

        Source(TokenBucket bucket) {
            this.bucket = bucket;
        }
    }

    public SourceLog(double linesPerSecond, int burst, LongSupplier nanoClock) {
        this.perSecond = linesPerSecond;
        this.burst = burst;
        this.nanoClock = nanoClock;
    }

    /**
     * Whether a line about this address may be logged now; if not, it is counted as
     * dropped. Use as {@code if (lines.permit(address)) log.info(...)}.
     */
    public boolean permit(InetAddress address) {
        long now = nanoClock.getAsLong();
        Source s = sources.computeIfAbsent(address, a -> new Source(new TokenBucket(perSecond, burst, now)));
        int dropped;
        synchronized (s) {
            if (!s.bucket.tryTake(now)) {
                s.dropped++;
                return false;
            }
            dropped = s.dropped;
            s.dropped = 0;
        }
        if (dropped > 0) {
            log.warn("{}: {} log lines about it were dropped (over {} a second)", address.getHostAddress(), dropped, perSecond);
        }
        return true;
    }

    /** Reports what was dropped about the addresses that are quiet again, and forgets them. */
    public void sweep() {
        long now = nanoClock.getAsLong();
        QuietAddresses.forget(sources, s -> s.bucket, now, (address, s) -> {
            if (s.dropped > 0) {
                log.warn("{}: {} log lines about it were dropped (over {} a second); quiet again",
                        address.getHostAddress(), s.dropped, perSecond);
            }
        });
    }

    /** Addresses being counted (for tests). */
    int tracked() {
        return sources.size();
    }
}
