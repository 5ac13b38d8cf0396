package dev.drama.bench.load;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What the clients saw, shared by every connection (any event-loop thread records).
 * Latencies are in microseconds, from the moment a move was due to be sent to the
 * moment its reply arrived (so a client that falls behind its schedule is charged for it).
 */
final class Stats {
    static final long MAX_MICROS = 120_000_000L;

    final Recorder moves = new Recorder(MAX_MICROS, 3);
    final Map<Kind, Recorder> byKind = new EnumMap<>(Kind.class);
    final LongAdder sent = new LongAdder();
    final LongAdder replies = new LongAdder();
    final LongAdder errors = new LongAdder();
    final LongAdder events = new LongAdder();
    final LongAdder eventBytes = new LongAdder();
    final LongAdder dropped = new LongAdder();
    final Map<String, LongAdder> errorCodes = new ConcurrentHashMap<>();
    final Map<Kind, LongAdder> repliesByKind = new EnumMap<>(Kind.class);

    Stats() {
        for (Kind k : Kind.values()) {
            byKind.put(k, new Recorder(MAX_MICROS, 3));
            repliesByKind.put(k, new LongAdder());
        }
    }

    void reply(Kind kind, long micros, boolean error, String code) {
        if (kind.isMove()) {
            moves.recordValue(Math.min(Math.max(micros, 0), MAX_MICROS));
            replies.increment();
        }
        byKind.get(kind).recordValue(Math.min(Math.max(micros, 0), MAX_MICROS));
        repliesByKind.get(kind).increment();
        if (error) {
            errors.increment();
            errorCodes.computeIfAbsent(kind.name() + ":" + code, k -> new LongAdder()).increment();
        }
    }

    /** Starts a fresh interval: everything recorded so far is dropped. */
    void reset() {
        moves.getIntervalHistogram();
        byKind.values().forEach(Recorder::getIntervalHistogram);
        sent.reset();
        replies.reset();
        errors.reset();
        events.reset();
        eventBytes.reset();
        dropped.reset();
        errorCodes.clear();
        repliesByKind.values().forEach(LongAdder::reset);
    }

    /** The figures of the interval since the last reset, over {@code seconds}. */
    Snapshot snapshot(double seconds) {
        Map<Kind, Histogram> kinds = new EnumMap<>(Kind.class);
        byKind.forEach((k, r) -> kinds.put(k, r.getIntervalHistogram()));
        Map<String, Long> codes = new TreeMap<>();
        errorCodes.forEach((k, v) -> codes.put(k, v.sum()));
        return new Snapshot(moves.getIntervalHistogram(), kinds, seconds, sent.sum(), replies.sum(), errors.sum(),
                events.sum(), eventBytes.sum(), dropped.sum(), codes);
    }

    record Snapshot(Histogram moves, Map<Kind, Histogram> byKind, double seconds, long sent, long replies,
                    long errors, long events, long eventBytes, long dropped, Map<String, Long> errorCodes) {
        double movesPerSecond() {
            return (replies - errors) / seconds;
        }

        double ms(double percentile) {
            return moves.getTotalCount() == 0 ? Double.NaN : moves.getValueAtPercentile(percentile) / 1000.0;
        }

        double maxMs() {
            return moves.getTotalCount() == 0 ? Double.NaN : moves.getMaxValue() / 1000.0;
        }
    }
}
