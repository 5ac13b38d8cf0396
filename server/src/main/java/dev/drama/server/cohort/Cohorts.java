package dev.drama.server.cohort;

import dev.drama.proto.CohortGroup;
import dev.drama.proto.CohortView;
import dev.drama.scenarios.registry.PackRegistry;
import dev.drama.server.session.Session;
import dev.drama.server.session.SessionRegistry;
import dev.drama.server.session.Tokens;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opening cohorts (a session per group, saved before anyone is told), finding them again
 * after a restart, and reading their groups for the cohort page.
 */
public final class Cohorts {
    private static final Logger log = LoggerFactory.getLogger(Cohorts.class);
    /** A group whose actor does not answer in this time (the server is stopping) is shown as missing. */
    private static final long GROUP_TIMEOUT_MS = 5_000;

    private final CohortRegistry registry = new CohortRegistry();
    private final CohortFiles files;
    private final SessionRegistry sessions;
    private final PackRegistry packs;
    private final LongSupplier clock;

    public Cohorts(CohortFiles files, SessionRegistry sessions, PackRegistry packs, LongSupplier clock) {
        this.files = files;
        this.sessions = sessions;
        this.packs = packs;
        this.clock = clock;
    }

    /** Reads back the saved cohorts (after the sessions are recovered); returns how many. */
    public int recover() throws IOException {
        List<Cohort> saved = files.loadAll();
        for (Cohort c : saved) {
            registry.add(c);
            long missing = c.sessionIds().stream().filter(id -> sessions.byId(id).isEmpty()).count();
            if (missing > 0) {
                log.warn("cohort {}: {} of its {} groups' sessions are not on this server", c.id(), missing, c.groups());
            }
        }
        return saved.size();
    }

    /**
     * Opens a session per group on the pack and saves the cohort. Refused (nothing opened) for
     * a number of groups out of range or a pack not known.
     */
    public Cohort open(String packId, int groups) throws IOException {
        CohortRegistry.checkGroups(groups);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < groups; i++) {
            ids.add(sessions.open(packId).id());
        }
        Cohort cohort = new Cohort(Tokens.newSessionId(), packId, ids, clock.getAsLong());
        files.save(cohort);
        registry.add(cohort);
        log.info("cohort {} opened on pack {}: sessions {}", cohort.id(), packId, ids);
        return cohort;
    }

    public Optional<Cohort> byId(String id) {
        return registry.byId(id);
    }

    public Optional<Session> session(Cohort cohort, int number) {
        return sessions.byId(cohort.sessionOf(number));
    }

    /** Every group as it stands, read from each session's actor; completes once all have answered. */
    public CompletableFuture<CohortView> view(Cohort cohort) {
        List<CompletableFuture<CohortGroup>> groups = new ArrayList<>();
        for (int n = 1; n <= cohort.groups(); n++) {
            CohortGroup missing = CohortGroup.newBuilder().setNumber(n).setSessionId(cohort.sessionOf(n))
                    .setMissing(true).build();
            groups.add(session(cohort, n)
                    .map(s -> s.cohortGroup(missing.getNumber()))
                    .orElseGet(() -> CompletableFuture.completedFuture(missing))
                    .completeOnTimeout(missing, GROUP_TIMEOUT_MS, TimeUnit.MILLISECONDS));
        }
        return CompletableFuture.allOf(groups.toArray(CompletableFuture[]::new))
                .thenApply(done -> CohortViews.view(cohort, packs.find(cohort.packId()),
                        groups.stream().map(CompletableFuture::join).toList()));
    }
}
