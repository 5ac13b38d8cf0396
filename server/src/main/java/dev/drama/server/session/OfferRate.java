package dev.drama.server.session;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/** At most so many offers a minute from each character: offers are meant to be read and answered. */
final class OfferRate {
    private static final long WINDOW_MS = 60_000;
    private final int perMinute;
    private final Map<String, Deque<Long>> recent = new HashMap<>();

    OfferRate(int perMinute) {
        this.perMinute = perMinute;
    }

    int perMinute() {
        return perMinute;
    }

    /** Counts an offer at {@code nowMs} if the character is under its rate. */
    boolean allow(String characterId, long nowMs) {
        Deque<Long> times = recent.computeIfAbsent(characterId, id -> new ArrayDeque<>());
        while (!times.isEmpty() && nowMs - times.peekFirst() >= WINDOW_MS) {
            times.removeFirst();
        }
        if (times.size() >= perMinute) {
            return false;
        }
        times.addLast(nowMs);
        return true;
    }
}
