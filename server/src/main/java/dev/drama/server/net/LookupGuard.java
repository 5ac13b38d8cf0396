package dev.drama.server.net;

import dev.drama.proto.ErrorCode;
import dev.drama.proto.ServerMessage;
import java.net.InetAddress;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes guessing join codes and resume tokens hopeless. Each wrong one costs its address a
 * token and the server a token (token buckets); while either has none left, lookups from
 * there are refused unchecked, so guessing over parallel or fresh connections gains
 * nothing: the limit is the address's, not the connection's. Answers to wrong guesses come
 * later and later (a typo or two costs nothing), and a connection waiting for one reads
 * nothing meanwhile, so it cannot pipeline guesses. A burst is logged once when refusals
 * start and once, with its counts, when it is over. Thread-safe.
 */
public final class LookupGuard {
    private static final Logger log = LoggerFactory.getLogger(LookupGuard.class);
    /** Wrong lookups in a row from an address answered at once: typos. */
    static final int FREE_FAILURES = 3;
    static final long FIRST_DELAY_MS = 250;
    static final long MAX_DELAY_MS = 10_000;

    private final double perAddressPerSecond;
    private final int perAddressBurst;
    private final double serverPerSecond;
    private final LongSupplier nanoClock;
    private final Map<InetAddress, Burst> sources = new ConcurrentHashMap<>();
    private final Burst server;

    /** One address's (or the server's) budget of wrong lookups, and its burst so far. */
    private static final class Burst {
        final TokenBucket bucket;
        long startNanos;
        int failures;
        int refused;

        Burst(TokenBucket bucket) {
            this.bucket = bucket;
        }

        void failed(long nowNanos) {
            if (failures++ == 0 && refused == 0) {
                startNanos = nowNanos;
            }
            bucket.tryTake(nowNanos);
        }
    }

    public LookupGuard(int perAddressPerMinute, int serverPerMinute, LongSupplier nanoClock) {
        this.perAddressPerSecond = perAddressPerMinute / 60.0;
        this.perAddressBurst = perAddressPerMinute;
        this.serverPerSecond = serverPerMinute / 60.0;
        this.nanoClock = nanoClock;
        this.server = new Burst(new TokenBucket(serverPerSecond, serverPerMinute, nanoClock.getAsLong()));
    }

    /**
     * Looks something up by a secret the client gave (a join code, a resume token). Answers
     * the client itself when the lookup is refused or finds nothing, then returns empty.
     */
    <T> Optional<T> lookup(Connection c, long requestId, Supplier<Optional<T>> find, String notFound) {
        return lookup(c, requestId, find, ErrorCode.UNKNOWN_SESSION, notFound);
    }

    /** The same, answering {@code notFoundCode} when nothing is found. */
    <T> Optional<T> lookup(Connection c, long requestId, Supplier<Optional<T>> find, ErrorCode notFoundCode,
                           String notFound) {
        InetAddress address = c.address();
        long now = nanoClock.getAsLong();
        String refusal = refusal(address, now);
        if (refusal != null) {
            answerLater(c, Replies.error(requestId, ErrorCode.RATE_LIMITED, refusal), MAX_DELAY_MS);
            return Optional.empty();
        }
        Optional<T> found = find.get();
        if (found.isEmpty()) {
            answerLater(c, Replies.error(requestId, notFoundCode, notFound), failed(address, now));
        }
        return found;
    }

    private static void answerLater(Connection c, ServerMessage answer, long delayMs) {
        if (delayMs == 0) {
            c.send(answer);
            return;
        }
        // Not a sleep: the event loop goes on serving others; this connection just reads nothing until answered.
        c.channel().config().setAutoRead(false);
        c.channel().eventLoop().schedule(() -> {
            c.send(answer);
            c.channel().config().setAutoRead(true);
        }, delayMs, TimeUnit.MILLISECONDS);
    }

    /** Why a lookup from this address must be refused unchecked now, or null if it may go ahead. */
    String refusal(InetAddress address, long nowNanos) {
        Burst s = sources.get(address);
        if (s != null) {
            synchronized (s) {
                double tokens = s.bucket.available(nowNanos);
                if (tokens < 1) {
                    if (s.refused++ == 0) {
                        log.warn("{}: {} wrong join codes or resume tokens; refusing its lookups unchecked until it slows down",
                                address.getHostAddress(), s.failures);
                    }
                    return "too many wrong join codes or resume tokens from " + address.getHostAddress()
                            + "; try again in " + secondsUntilOne(tokens, perAddressPerSecond) + " s";
                }
            }
        }
        synchronized (server) {
            double tokens = server.bucket.available(nowNanos);
            if (tokens < 1) {
                if (server.refused++ == 0) {
                    log.warn("the server has answered {} wrong join codes or resume tokens; refusing lookups unchecked"
                            + " until the guessing slows down", server.failures);
                }
                return "the server is refusing join codes for a moment (too many wrong ones were tried); try again in "
                        + secondsUntilOne(tokens, serverPerSecond) + " s";
            }
        }
        return null;
    }

    /** Charges a wrong lookup to its address and to the server; returns how long to hold its answer. */
    long failed(InetAddress address, long nowNanos) {
        synchronized (server) {
            server.failed(nowNanos);
        }
        Burst s = sources.computeIfAbsent(address,
                a -> new Burst(new TokenBucket(perAddressPerSecond, perAddressBurst, nowNanos)));
        synchronized (s) {
            s.failed(nowNanos);
            int strikes = (int) Math.round(perAddressBurst - s.bucket.available(nowNanos));
            return delayMs(strikes);
        }
    }

    /** The hold on the answer to a wrong lookup, by how many the address made lately: doubling, capped. */
    static long delayMs(int strikes) {
        if (strikes <= FREE_FAILURES) {
            return 0;
        }
        return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS << Math.min(20, strikes - FREE_FAILURES - 1));
    }

    private static long secondsUntilOne(double tokens, double perSecond) {
        return Math.max(1, (long) Math.ceil((1 - tokens) / perSecond));
    }

    /** Logs the bursts that are over (their budget is full again) and forgets those addresses. */
    public void sweep() {
        long now = nanoClock.getAsLong();
        QuietAddresses.forget(sources, s -> s.bucket, now, (address, s) -> report(address.getHostAddress(), s, now));
        synchronized (server) {
            if (server.failures > 0 && server.bucket.full(now)) {
                if (server.refused > 0) {
                    report("the server", server, now);  // only a burst that was refused: typos are no news
                }
                server.refused = 0;
                server.failures = 0;
            }
        }
    }

    private static void report(String who, Burst b, long nowNanos) {
        if (b.refused > 0 || b.failures > FREE_FAILURES) {
            log.info("{}: a burst of {} wrong join codes or resume tokens is over ({} more refused unchecked, {} s)",
                    who, b.failures, b.refused, TimeUnit.NANOSECONDS.toSeconds(nowNanos - b.startNanos));
        }
    }

    /** Addresses with wrong lookups not yet forgiven (for tests). */
    int tracked() {
        return sources.size();
    }
}
