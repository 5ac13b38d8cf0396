package dev.drama.server.cohort;

import dev.drama.proto.ErrorCode;
import dev.drama.server.session.Refusal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/** The cohorts of a server, by id. Pure bookkeeping: saving them is {@link CohortFiles}' job. Thread-safe. */
public final class CohortRegistry {
    public static final int MIN_GROUPS = 2;
    /** A room's breakout groups, with room to spare; each is a whole session. */
    public static final int MAX_GROUPS = 12;

    private final Map<String, Cohort> byId = new ConcurrentHashMap<>();

    /** Refuses a number of groups a cohort cannot have. */
    public static void checkGroups(int groups) {
        if (groups < MIN_GROUPS || groups > MAX_GROUPS) {
            throw new Refusal(ErrorCode.INVALID_COHORT, "a cohort has " + MIN_GROUPS + " to " + MAX_GROUPS
                    + " groups, not " + groups);
        }
    }

    /** Adds a cohort; a session belongs to one cohort at most. */
    public void add(Cohort cohort) {
        for (String session : cohort.sessionIds()) {
            if (cohortOf(session).isPresent()) {
                throw new IllegalArgumentException("session " + session + " is already in cohort "
                        + cohortOf(session).get().id());
            }
        }
        if (byId.putIfAbsent(cohort.id(), cohort) != null) {
            throw new IllegalArgumentException("a cohort " + cohort.id() + " exists already");
        }
    }

    public Optional<Cohort> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Optional<Cohort> cohortOf(String sessionId) {
        return byId.values().stream().filter(c -> c.sessionIds().contains(sessionId)).findFirst();
    }

    /** The group number of a session in its cohort. */
    public OptionalInt groupOf(String sessionId) {
        return cohortOf(sessionId).map(c -> OptionalInt.of(c.sessionIds().indexOf(sessionId) + 1))
                .orElse(OptionalInt.empty());
    }

    /** Oldest first. */
    public List<Cohort> all() {
        return byId.values().stream().sorted(Comparator.comparingLong(Cohort::createdEpochMs)).toList();
    }
}
