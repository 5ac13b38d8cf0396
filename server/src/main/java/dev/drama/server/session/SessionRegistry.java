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
import dev.drama.server.journal.Journal;
import dev.drama.server.journal.JournalCodec;
import dev.drama.server.journal.JournalFile;
import dev.drama.server.journal.OwnerOnly;
import io.netty.util.concurrent.EventExecutorGroup;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All sessions of the server: opening new ones, finding them by join code or resume
 * token, and rebuilding them from their journals when the server starts.
 * Thread-safe; each session's own state is touched only by its actor.
 */
public final class SessionRegistry implements Session.Listener {
    private static final Logger log = LoggerFactory.getLogger(SessionRegistry.class);
    private static final String JOURNAL = "journal.bin";

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
        JournalFile file = journal.open(dir.resolve(JOURNAL), 0);
        long now = clock.getAsLong();
        Session session = newSession(new SessionState(id, code, pack, now), file);
        JournalRecord opened = JournalRecord.newBuilder().setSeq(0).setAtEpochMs(now)
                .setSessionOpened(SessionOpened.newBuilder().setSessionId(id).setJoinCode(code)
                        .setPackId(pack.id()).setPackVersion(String.valueOf(pack.version())).setPackDigest(pack.digest()))
                .build();
        session.applyRecord(opened);
        try {
            journal.append(file, opened).join();
        } catch (CompletionException e) {
            throw new IOException("could not save the first record of session " + id, e.getCause());
        }
        register(session);
        log.info("session {} opened on pack {}", id, pack);  // not its join code: logs are read by more people than the room
        return session;
    }

    /** Rebuilds every session found in the data folder from its journal. */
    public int recover() throws IOException {
        if (!Files.isDirectory(sessionsDir)) {
            return 0;
        }
        int recovered = 0;
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(sessionsDir)) {
            for (Path dir : dirs) {
                try {
                    if (recover(dir.resolve(JOURNAL))) {
                        recovered++;
                    }
                } catch (IOException | RuntimeException e) {
                    log.error("session in {} could not be recovered: {}", dir, e.toString());
                }
            }
        }
        return recovered;
    }

    private boolean recover(Path path) throws IOException {
        OwnerOnly.directory(path.getParent());
        OwnerOnly.narrowFile(path);
        JournalCodec.Contents contents = JournalCodec.read(path);
        Optional<JournalCodec.Damage> damage = contents.damage();
        if (contents.records().isEmpty() || !contents.records().get(0).hasSessionOpened()) {
            if (damage.isPresent()) {
                log.error("{} is damaged at offset {} ({}), before any session record; no session could be "
                        + "recovered from it, and it is left as it is", path, damage.get().offset(), damage.get().what());
            } else {
                log.warn("{} holds no session; skipped", path);
            }
            return false;
        }
        if (contents.torn()) {
            log.warn("{}: dropped {} bytes of a record torn by a crash", path, contents.fileLength() - contents.validLength());
        }
        Path keptAt = null;
        if (damage.isPresent()) {
            keptAt = keepAside(path);
            JournalCodec.Damage d = damage.get();
            log.error("{} is damaged at offset {}: {}; {}; the file as found is kept at {}", path, d.offset(), d.what(),
                    d.inHeader() ? "every record passed its checksum and is recovered"
                            : "the session is recovered with the " + d.recordsBefore() + " records before it; the "
                            + (contents.fileLength() - d.offset()) + " bytes from record " + d.record()
                            + " on could not be recovered",
                    keptAt);
        }
        SessionOpened opened = contents.records().get(0).getSessionOpened();
        Pack pack = packs.find(opened.getPackId(), opened.getPackDigest()).orElseGet(() -> {
            Pack current = packs.find(opened.getPackId()).orElseThrow(() ->
                    new IllegalStateException("pack '" + opened.getPackId() + "' is no longer installed"));
            log.warn("session {} started on a version of pack {} that is no longer kept; replaying on {}",
                    opened.getSessionId(), current.id(), current);
            return current;
        });
        contents = replayable(contents, pack, path);
        long validLength = contents.validLength();
        if (contents.legacy() || damage.isPresent()) {
            // Appending goes on in the current format, after the good records only.
            journal.rewrite(path, contents.records());
            validLength = Files.size(path);
            log.info("{}: rewritten with {} records{}", path, contents.records().size(),
                    contents.legacy() ? ", in the checksummed format (it was written by an older server)" : "");
        }
        JournalFile file = journal.open(path, validLength);
        Session session = newSession(new SessionState(opened.getSessionId(), opened.getJoinCode(), pack,
                contents.records().get(0).getAtEpochMs()), file);
        List<JournalRecord> records = contents.records();
        // Replay on the session's own executor, so its timers and state stay on one thread.
        session.executor().submit(() -> {
            records.forEach(session::applyRecord);
            session.afterReplay();
        }).syncUninterruptibly();
        if (damage.isPresent()) {
            recordDamage(session, file, records, damage.get(), contents.fileLength(), keptAt);
        }
        register(session);
        log.info("session {} recovered: {} records, phase {}", session.id(), records.size(),
                session.summary().getPhase());
        return true;
    }

    /** Copies the damaged journal, exactly as found, beside it: {@code journal.bin.damaged-<UTC time>}. */
    private Path keepAside(Path path) throws IOException {
        String at = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC)
                .format(Instant.ofEpochMilli(clock.getAsLong()));
        Path kept = path.resolveSibling(path.getFileName() + ".damaged-" + at);
        for (int n = 2; Files.exists(kept); n++) {
            kept = path.resolveSibling(path.getFileName() + ".damaged-" + at + "-" + n);
        }
        return Files.copy(path, kept, StandardCopyOption.COPY_ATTRIBUTES);
    }

    /** The damage becomes part of the session's history, so trainers are told on every attach, after every restart. */
    private void recordDamage(Session session, JournalFile file, List<JournalRecord> records, JournalCodec.Damage damage,
                              long fileLength, Path keptAt) {
        JournalRecord record = JournalRecord.newBuilder().setSeq(records.get(records.size() - 1).getSeq() + 1)
                .setAtEpochMs(clock.getAsLong()).setJournalDamaged(JournalDamaged.newBuilder()
                        .setRecord(damage.record()).setOffset(damage.offset()).setDetail(damage.what())
                        .setLostBytes(damage.inHeader() ? 0 : fileLength - damage.offset())
                        .setKeptAt(keptAt.toAbsolutePath().toString()))
                .build();
        session.executor().submit(() -> session.applyRecord(record)).syncUninterruptibly();
        journal.append(file, record).join();
    }

    /**
     * The records that replay cleanly, tried on a scratch state first: a record that cannot
     * be applied (say, the pack changed under it) ends the session's history there, rather
     * than losing the whole session.
     */
    private static JournalCodec.Contents replayable(JournalCodec.Contents contents, Pack pack, Path path) {
        SessionOpened opened = contents.records().get(0).getSessionOpened();
        SessionState scratch = new SessionState(opened.getSessionId(), opened.getJoinCode(), pack, 0);
        for (int i = 0; i < contents.records().size(); i++) {
            try {
                scratch.apply(contents.records().get(i));
            } catch (RuntimeException e) {
                log.error("{}: record {} of {} cannot be replayed ({}); the session is recovered up to the one before it",
                        path, i + 1, contents.records().size(), e.toString());
                return contents.firstRecords(i);
            }
        }
        return contents;
    }

    private Session newSession(SessionState state, JournalFile file) {
        return new Session(state, executors.next(), journal, file, clock, this, config);
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

    public void close() {
        byId.values().forEach(Session::closeFile);
    }
}
