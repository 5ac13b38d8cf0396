package dev.drama.server.cohort;

import java.util.List;

/**
 * Sessions of one pack run side by side as breakout groups: group N is the session at
 * index N - 1.
 */
public record Cohort(String id, String packId, List<String> sessionIds, long createdEpochMs) {
    public Cohort {
        sessionIds = List.copyOf(sessionIds);
    }

    public int groups() {
        return sessionIds.size();
    }

    /** The session of group {@code number} (1-based). */
    public String sessionOf(int number) {
        return sessionIds.get(number - 1);
    }
}
