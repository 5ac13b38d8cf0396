package dev.drama.server.session;

import static dev.drama.server.session.Refusal.require;

import dev.drama.proto.ErrorCode;
import dev.drama.proto.JournalDamaged;
import dev.drama.proto.JournalRecord;
import dev.drama.proto.SessionOpened;
import dev.drama.proto.SessionSummary;
import dev.drama.scenarios.model.Pack;
import dev.drama.scenarios.registry.PackRegistry;
import dev.drama.server.ServerConfig;
import dev.drama.proto.Phase;
import dev.drama.server.journal.Journal;
import dev.drama.server.journal.JournalCodec;
import dev.drama.server.journal.LogRecovery;
import dev.drama.server.journal.OwnerOnly;
import dev.drama.server.journal.SessionHistory;
import dev.drama.server.journal.SessionJournal;
import io.netty.util.concurrent.EventExecutorGroup;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All sessions of the server: opening new ones, finding them by join code or resume
 * token, and rebuilding them from the journal when the server starts.
 * Thread-safe; each session's own state is touched only by its actor.
 */
public final class SessionRegistry implements Session.Listener {
    private static final Logger log = LoggerFactory.getLogger(SessionRegistry.class);

    /** Where a resume token leads. */
    public record Seat(Session session, String participantId) {
    }

    private final Path sessionsDir;
    private final Journal journal;
    private final EventExecutorGroup executors;
    private final PackRegistry packs;
    private final LongSupplier clock;
    private final ServerConfig config;
    private final Map<String, Session> byCode = new ConcurrentHashMap<>();
    private final Map<String, Session> byId = new ConcurrentHashMap<>();
    private final Map<String, Seat> byToken = new ConcurrentHashMap<>();
    /** Where every session's computer players think: one thread, off the sessions' own. */
    private final java.util.concurrent.ScheduledExecutorService thinkers =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "drama-computer-players");
                thread.setDaemon(true);
                return thread;
            });

    public SessionRegistry(Path sessionsDir, Journal journal, EventExecutorGroup executors,
                           PackRegistry packs, LongSupplier clock,
                           ServerConfig config) {
        this.sessionsDir = sessionsDir;
        this.journal = journal;
        this.executors = executors;
        this.packs = packs;
        this.clock = clock;
        this.config = config;
    }

    /** Opens a new session on a pack; its first record is made durable before it can be joined. */
    public Session open(String packId) throws IOException {
        Pack pack = packs.find(packId).orElseThrow(() -> new Refusal(ErrorCode.UNKNOWN_PACK,
                "there is no pack '" + packId + "'; see the list of packs"));
        require(byId.size() < config.limits().maxSessions(), ErrorCode.LIMIT_REACHED,
                "the server is at its limit of " + config.limits().maxSessions() + " sessions");
        String id = Tokens.newSessionId();
        String code = uniqueJoinCode();
        Path dir = OwnerOnly.directory(sessionsDir.resolve(id));
        SessionJournal part = journal.session(id, dir.resolve(Journal.FILE), -1);
        long now = clock.getAsLong();
        Session session = newSession(new SessionState(id, code, pack, now), part);
        JournalRecord opened = JournalRecord.newBuilder().setSeq(0).setAtEpochMs(now)
                .setSessionOpened(SessionOpened.newBuilder().setSessionId(id).setJoinCode(code)
                        .setPackId(pack.id()).setPackVersion(String.valueOf(pack.version())).setPackDigest(pack.digest()))
                .build();
        session.applyRecord(opened);
        try {
            journal.append(part, List.of(opened)).join();
        } catch (CompletionException e) {
            throw new IOException("could not save the first record of session " + id, e.getCause());
        }
        register(session);
        log.info("session {} opened on pack {}", id, pack);  // not its join code: logs are read by more people than the room
        return session;
    }

    /**
     * Rebuilds every session found in the data folder: from its journal file (an ended
     * session's, or one an older server wrote), then its records in the server's log.
     */
    public int recover() throws IOException {
        LogRecovery.Found found = journal.recovered();
        Map<String, List<LogRecovery.Entry>> inLog = new LinkedHashMap<>();
        found.entries().forEach(e -> inLog.computeIfAbsent(e.sessionId(), k -> new ArrayList<>()).add(e));
        Set<String> ids = new TreeSet<>(inLog.keySet());
        if (Files.isDirectory(sessionsDir)) {
            try (DirectoryStream<Path> dirs = Files.newDirectoryStream(sessionsDir, Files::isDirectory)) {
                dirs.forEach(dir -> ids.add(dir.getFileName().toString()));
            }
        }
        int recovered = 0;
        for (String id : ids) {
            // Damage naming this session, or none: a record missing from the log may be its.
            List<LogRecovery.Damage> damages = found.damages().stream()
                    .filter(d -> d.sessionHint().equals(id) || d.sessionHint().isEmpty()).toList();
            try {
                if (recover(id, inLog.getOrDefault(id, List.of()), damages)) {
                    recovered++;
                }
            } catch (IOException | RuntimeException e) {
                log.error("session {} could not be recovered: {}", id, e.toString());
            }
        }
        journal.recoveryDone();
        return recovered;
    }

    private boolean recover(String id, List<LogRecovery.Entry> entries, List<LogRecovery.Damage> damages)
            throws IOException {
        Path path = sessionsDir.resolve(id).resolve(Journal.FILE);
        OwnerOnly.directory(path.getParent());
        OwnerOnly.narrowFile(path);
        SessionHistory history = SessionHistory.assemble(JournalCodec.read(path), entries, damages);
        JournalCodec.Contents file = history.file();
        SessionJournal part = journal.session(id, path,
                file.records().isEmpty() ? -1 : file.records().get(file.records().size() - 1).getSeq());
        // Until the session is rebuilt, its records in the log stay there, whatever happens.
        journal.keep(part, history.inLog());
        if (history.records().isEmpty() || !history.records().get(0).hasSessionOpened()) {
            if (history.loss().isPresent()) {
                log.error("{} is damaged at offset {} ({}), before any session record; no session could be "
                        + "recovered from it, and it is left as it is", path, history.loss().get().offset(),
                        history.loss().get().detail());
            } else {
                log.warn("{} holds no session; skipped", path.getParent());
            }
            return false;
        }
        if (file.torn()) {
            log.warn("{}: dropped {} bytes of a record torn by a crash", path, file.fileLength() - file.validLength());
        }
        SessionOpened opened = history.records().get(0).getSessionOpened();
        Pack pack = packs.find(opened.getPackId(), opened.getPackDigest()).orElseGet(() -> {
            Pack current = packs.find(opened.getPackId()).orElseThrow(() ->
                    new IllegalStateException("pack '" + opened.getPackId() + "' is no longer installed"));
            log.warn("session {} started on a version of pack {} that is no longer kept; replaying on {}",
                    opened.getSessionId(), current.id(), current);
            return current;
        });
        history = replayable(history, pack, path);
        List<JournalRecord> records = history.records();
        if (history.loss().isPresent()) {
            records = withDamage(history, path);
            journal.replaceHistory(part, records, records.get(records.size() - 1).getSeq());
        } else if (file.legacy() || file.torn()) {
            journal.rewrite(path, file.records());
            log.info("{}: rewritten with {} records{}", path, file.records().size(),
                    file.legacy() ? ", in the checksummed format (it was written by an older server)" : "");
        }
        Session session = newSession(new SessionState(opened.getSessionId(), opened.getJoinCode(), pack,
                records.get(0).getAtEpochMs()), part);
        List<JournalRecord> replay = records;
        // Replay on the session's own executor, so its timers and state stay on one thread.
        session.executor().submit(() -> {
            replay.forEach(session::applyRecord);
            session.afterReplay();
        }).syncUninterruptibly();
        register(session);
        if (session.summary().getPhase() == Phase.ENDED) {
            journal.ended(part);
        }
        log.info("session {} recovered: {} records, phase {}", session.id(), records.size(),
                session.summary().getPhase());
        return true;
    }

    /**
     * The history as replayed after a loss, ending with a record of the damage, so trainers are
     * told on every attach, after every restart. What was found is kept aside first: the file as
     * it was, or (for a loss in the log) every record of the session that was found.
     */
    private List<JournalRecord> withDamage(SessionHistory history, Path path) throws IOException {
        SessionHistory.Loss loss = history.loss().get();
        Path keptAt;
        if (history.file().damage().isPresent()) {
            keptAt = LogRecovery.keepAside(path, clock.getAsLong());
        } else {
            keptAt = LogRecovery.asideOf(path, clock.getAsLong());
            journal.rewrite(keptAt, history.found());
        }
        log.error("{}: the session's history is damaged at record {} (offset {}: {}); {}; what was found is kept at {}",
                path, loss.record(), loss.offset(), loss.detail(),
                loss.lostBytes() == 0 ? "every record passed its checksum and is recovered"
                        : "the session is recovered with the " + (loss.record() - 1) + " records before it; the "
                        + loss.lostBytes() + " bytes from record " + loss.record() + " on could not be recovered",
                keptAt);
        List<JournalRecord> records = new ArrayList<>(history.records());
        // After every seq the session ever wrote, so that a lost record left in the log is never taken for a later one.
        records.add(JournalRecord.newBuilder().setSeq(history.lastSeqSeen() + 1)
                .setAtEpochMs(clock.getAsLong()).setJournalDamaged(JournalDamaged.newBuilder()
                        .setRecord(loss.record()).setOffset(loss.offset()).setDetail(loss.detail())
                        .setLostBytes(loss.lostBytes()).setKeptAt(keptAt.toAbsolutePath().toString()))
                .build());
        return records;
    }

    /**
     * The records that replay cleanly, tried on a scratch state first: a record that cannot
     * be applied (say, the pack changed under it) ends the session's history there, rather
     * than losing the whole session.
     */
    private static SessionHistory replayable(SessionHistory history, Pack pack, Path path) {
        List<JournalRecord> records = history.records();
        SessionOpened opened = records.get(0).getSessionOpened();
        SessionState scratch = new SessionState(opened.getSessionId(), opened.getJoinCode(), pack, 0);
        for (int i = 0; i < records.size(); i++) {
            try {
                scratch.apply(records.get(i));
            } catch (RuntimeException e) {
                log.error("{}: record {} of {} cannot be replayed ({}); the session is recovered up to the one before it",
                        path, i + 1, records.size(), e.toString());
                return history.cutAt(i, "it cannot be replayed (" + e.getMessage() + ")");
            }
        }
        return history;
    }

    private Session newSession(SessionState state, SessionJournal part) {
        return new Session(state, executors.next(), journal, part, clock, this, config, thinkers);
    }

    private void register(Session session) {
        byId.put(session.id(), session);
        byCode.put(Tokens.canonicalJoinCode(session.joinCode()), session);
    }

    @Override
    public String newJoinCode() {
        return uniqueJoinCode();
    }

    @Override
    public void joinCodeChanged(Session session, String before, String after) {
        byCode.remove(Tokens.canonicalJoinCode(before), session);
        byCode.put(Tokens.canonicalJoinCode(after), session);
        log.info("session {}: join code rotated", session.id());
    }

    private String uniqueJoinCode() {
        String code;
        do {
            code = Tokens.newJoinCode();
        } while (byCode.containsKey(Tokens.canonicalJoinCode(code)));
        return code;
    }

    public Optional<Session> byJoinCode(String code) {
        return Optional.ofNullable(byCode.get(Tokens.canonicalJoinCode(code)));
    }

    public Optional<Session> byId(String sessionId) {
        return Optional.ofNullable(byId.get(sessionId));
    }

    public Optional<Seat> byToken(String token) {
        return Optional.ofNullable(byToken.get(HexFormat.of().formatHex(Tokens.hash(token))));
    }

    public List<SessionSummary> summaries() {
        return byId.values().stream().map(Session::summary)
                .sorted(Comparator.comparingLong(SessionSummary::getCreatedEpochMs)).toList();
    }

    @Override
    public void participantJoined(Session session, byte[] tokenHash, String participantId) {
        byToken.put(HexFormat.of().formatHex(tokenHash), new Seat(session, participantId));
    }

    /** Stops the computer players' thinking; the sessions' records are the journal's to close. */
    public void close() {
        thinkers.shutdownNow();
    }
}
