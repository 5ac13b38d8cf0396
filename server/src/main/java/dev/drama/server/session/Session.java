package dev.drama.server.session;

import dev.drama.proto.Ack;
import dev.drama.proto.ClientMessage;
import dev.drama.proto.CohortGroup;
import dev.drama.proto.DilemmaMet;
import dev.drama.proto.ErrorCode;
import dev.drama.proto.ExportDebrief;
import dev.drama.proto.JournalRecord;
import dev.drama.proto.Notice;
import dev.drama.proto.OutcomeRevealed;
import dev.drama.proto.Phase;
import dev.drama.proto.PhaseChanged;
import dev.drama.proto.Role;
import dev.drama.proto.ServerMessage;
import dev.drama.proto.SessionJoined;
import dev.drama.proto.SessionSummary;
import dev.drama.server.ServerConfig;
import dev.drama.server.journal.Journal;
import dev.drama.server.journal.SessionJournal;
import dev.drama.server.net.Replies;
import dev.drama.server.text.Names;
import dev.drama.server.visibility.Visibility;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running session, as an actor: every change runs on its own single-threaded
 * executor, one at a time, so the state needs no locks and every event has a total
 * order. A change is applied, appended to the journal, and only once the journal has
 * it on disk are its effects sent and the command acknowledged.
 */
public final class Session {
    private static final Logger log = LoggerFactory.getLogger(Session.class);
    private static final long WARNING_BEFORE_DEADLINE_MS = 60_000;

    /** What the registry needs to hear from a session. */
    public interface Listener {
        void participantJoined(Session session, byte[] tokenHash, String participantId);

        void joinCodeChanged(Session session, String before, String after);

        /** A join code no session uses. */
        String newJoinCode();
    }

    private final SessionState state;
    private final Moves moves;
    private final EventExecutor executor;
    private final Journal journal;
    private final SessionJournal sessionJournal;
    private final LongSupplier clock;
    private final Listener listener;
    private final ServerConfig.Limits limits;
    private final long resumeGraceMs;
    private final Admission.Limits admissionLimits;
    private long seq;
    /** The seq of the last record whose effects were sent: what a participant that leaves now has seen. */
    private long publishedSeq;
    private ScheduledFuture<?> timer;
    private ScheduledFuture<?> injectReminder;
    /** Injects trainers were reminded of (in memory: after a restart a due one may be reminded of again). */
    private final java.util.Set<String> injectsReminded = new java.util.HashSet<>();
    private static final long REMINDER_LATENESS_MS = 60_000;
    private volatile SessionSummary summary;
    /** The dilemmas met during play, once play is over (see {@link #dilemmasMet()}). */
    private List<DilemmaMet> dilemmasMet;
    /**
     * Set when records could not be saved: memory is ahead of the disk, so the session takes
     * no more moves until a retry has saved them (reads go on).
     */
    private boolean journalFailed;
    /** Batches applied but not saved, in order: their effects and replies wait for a retry to save them. */
    private final List<Batch> unsaved = new ArrayList<>();
    /** Batches given to the journal and not yet answered; a retry waits for them, to rewrite in order. */
    private int inFlight;
    private long retryDelayMs;
    private ScheduledFuture<?> retryTimer;
    private static final long FIRST_RETRY_MS = 100;
    private static final long MAX_RETRY_MS = 5_000;
    private static final String STOPPED = "this session cannot save to its journal just now (is the server's disk full?), "
            + "so it takes no changes; the board, briefings and debrief can still be read, and it resumes by itself "
            + "once saving works again";
    /** Commands from connections, handled in batches by {@link #drain()}. */
    private final Queue<Command> inbox = new ConcurrentLinkedQueue<>();
    /** Where computer players think (one thread for the server's), and how long. */
    private final java.util.concurrent.ScheduledExecutorService thinkers;
    private final ThinkTime thinkTime;
    private final ServerConfig.BotMaker botMaker;
    /** The connections of the seats the computer plays, by participant id. */
    private final java.util.Map<String, ComputerSeat> computerSeats = new java.util.HashMap<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private static final int MAX_BATCH = 64;

    Session(SessionState state, EventExecutor executor, Journal journal, SessionJournal sessionJournal, LongSupplier clock,
            Listener listener, ServerConfig config, java.util.concurrent.ScheduledExecutorService thinkers) {
        this.state = state;
        state.buildOnlyHeardDilemmas();
        this.thinkers = thinkers;
        this.thinkTime = ThinkTime.of(config.botThink());
        this.botMaker = config.botMaker();
        this.limits = config.limits();
        this.resumeGraceMs = config.resumeGrace().toMillis();
        this.admissionLimits = new Admission.Limits(limits.maxParticipantsPerSession(), resumeGraceMs);
        this.moves = new Moves(state, limits.maxTextChars(), limits.offersPerMinute(), listener::newJoinCode,
                new TalkBudget(config.defences().talkBytesPerCharacter(), config.defences().talkBytesPerSession()),
                new java.security.SecureRandom()::nextLong);
        this.executor = executor;
        this.journal = journal;
        this.sessionJournal = sessionJournal;
        this.clock = clock;
        this.listener = listener;
        this.summary = summarise();
    }

    public String id() {
        return state.sessionId();
    }

    public String joinCode() {
        return state.joinCode();
    }

    /** A snapshot safe to read from any thread. */
    public SessionSummary summary() {
        return summary;
    }

    // ------------------------------------------------------------------ entry points (any thread)

    public void submit(Participant who, ClientMessage command, Recipient replyTo) {
        submit(who, command, replyTo, "");
    }

    /** A move the computer makes for a character it plays, with why (kept in the journal for trainers). */
    private void submit(Participant who, ClientMessage command, Recipient replyTo, String botReason) {
        inbox.add(new Command(who, command, replyTo, botReason));
        if (drainScheduled.compareAndSet(false, true)) {
            run(this::drain);
        }
    }

    /**
     * Seats a connection: the seat of its kept token and name, else a new participant or
     * (by name) the seat of one nobody holds now; {@code onJoined} runs (in the actor) once
     * it is durable and told.
     *
     * @param resumeToken a token kept from an earlier run (empty: none)
     * @param lastSeq the latest event the console saw in that seat (0: the server remembers)
     */
    public void join(Recipient recipient, long requestId, String displayName, Role role, String characterWish,
                     String resumeToken, long lastSeq, Consumer<Participant> onJoined) {
        run(() -> {
            Optional<Participant> kept = resumeToken.isEmpty() ? Optional.empty() : state.participants().stream()
                    .filter(p -> !p.removed() && p.role() == role && Names.sameName(p.displayName(), displayName)
                            && Arrays.equals(p.tokenHash(), Tokens.hash(resumeToken)))
                    .findFirst();
            if (kept.isPresent() && !journalFailed) {
                // A new token for the seat: a console still holding the old one cannot take it back in turn.
                Participant p = kept.get();
                Recipient old = p.connection();
                if (old != null && old != recipient) {
                    p.detach(clock.getAsLong(), publishedSeq);
                    old.close();
                }
                String token = Tokens.newToken();
                commit(List.of(JournalRecord.newBuilder().setSeatReclaimed(dev.drama.proto.SeatReclaimed.newBuilder()
                        .setParticipantId(p.id()).setResumeTokenHash(com.google.protobuf.ByteString.copyFrom(Tokens.hash(token))))),
                        () -> {
                            onJoined.accept(p);
                            welcome(p, recipient, requestId, token, true, sinceFor(p, lastSeq));
                        });
                return;
            }
            if (kept.isPresent()) {
                takeBack(kept.get(), resumeToken, lastSeq, recipient, requestId, onJoined);
                return;
            }
            if (journalFailed) {
                recipient.send(Replies.error(requestId, ErrorCode.SESSION_STOPPED, STOPPED));
                return;
            }
            try {
                String token = Tokens.newToken();
                Admission.Seating seating = Admission.admit(state, "p" + (state.participants().size() + 1),
                        Tokens.hash(token), displayName, role, characterWish, admissionLimits, clock.getAsLong());
                commit(seating.records(), () -> {
                    Participant p = state.participant(seating.participantId()).orElseThrow();
                    // Seat the connection before it hears it has joined, so its next command finds the seat.
                    onJoined.accept(p);
                    welcome(p, recipient, requestId, token, seating.reclaimed(), sinceFor(p, seating.reclaimed() ? lastSeq : 0));
                });
            } catch (Refusal r) {
                recipient.send(Replies.error(requestId, r.code(), r.getMessage()));
            }
        });
    }

    /**
     * Takes a participant back on a new connection with its token (after a drop or a
     * restart). A trainer's token needs a connection that presented the trainer secret.
     *
     * @param lastSeq the latest event the console saw (0: it does not know; the server remembers)
     */
    public void resume(String participantId, String token, boolean trainerAuthenticated, long lastSeq,
                       Recipient recipient, long requestId, Consumer<Participant> onResumed) {
        run(() -> {
            Participant p = state.participant(participantId).orElse(null);
            if (p == null || p.removed() || !Arrays.equals(p.tokenHash(), Tokens.hash(token))) {
                recipient.send(Replies.error(requestId, ErrorCode.UNKNOWN_SESSION, "that resume token is no longer valid"));
                return;
            }
            if (p.role() == Role.TRAINER && !trainerAuthenticated) {
                recipient.send(Replies.error(requestId, ErrorCode.NOT_AUTHENTICATED,
                        "a trainer's seat is taken back only with the trainer secret"));
                return;
            }
            if (!p.connected() && p.role() != Role.OBSERVER && clock.getAsLong() - p.leftAtMs() > resumeGraceMs) {
                recipient.send(Replies.error(requestId, ErrorCode.UNKNOWN_SESSION,
                        "you were away longer than the server keeps a seat; join again with the code and your name"));
                return;
            }
            takeBack(p, token, lastSeq, recipient, requestId, onResumed);
        });
    }

    /** Seats a participant again on a new connection; an old connection it still had is closed. */
    private void takeBack(Participant p, String token, long lastSeq, Recipient recipient, long requestId,
                          Consumer<Participant> onResumed) {
        Recipient old = p.connection();
        if (old != null && old != recipient) {
            p.detach(clock.getAsLong(), publishedSeq);
            old.close();
        }
        onResumed.accept(p);
        welcome(p, recipient, requestId, token, true, sinceFor(p, lastSeq));
    }

    /** Where a catch-up starts: after what the console says it saw, else what the server sent it before it left. */
    private static long sinceFor(Participant p, long reportedSeq) {
        return reportedSeq > 0 ? reportedSeq : p.seenSeq();
    }

    /** The connection of a participant closed. */
    public void left(Participant who, Recipient recipient) {
        run(() -> {
            if (who.connection() == recipient) {
                who.detach(clock.getAsLong(), publishedSeq);
                publish(List.of(state.presence(who, false)));
                summaryChanged();
            }
        });
    }

    /** Runs a task in the actor; during shutdown, when the actor has stopped, there is nothing left to do. */
    private void run(Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            log.debug("session {}: stopped; dropped a late task", id());
        }
    }

    // ------------------------------------------------------------------ inside the actor

    /** Seats the connection and sends it the state of things and what it missed since {@code sinceSeq}. */
    private void welcome(Participant p, Recipient recipient, long requestId, String token, boolean resumed, long sinceSeq) {
        p.attach(recipient);
        recipient.send(ServerMessage.newBuilder().setRequestId(requestId).setSessionJoined(SessionJoined.newBuilder()
                .setSessionId(state.sessionId()).setJoinCode(state.joinCode()).setParticipantId(p.id())
                .setResumeToken(token).setRole(p.role()).setCharacterId(p.characterId())
                .setPackTitle(state.pack().title()).setResumed(resumed)).build());
        if (resumed) {
            publish(List.of(state.presence(p, true)));
        }
        publish(state.catchUp(p, sinceSeq, resumed, clock.getAsLong(), SessionState.PAGE_BYTES));
        summaryChanged();
    }

    private record Command(Participant who, ClientMessage message, Recipient replyTo, String botReason) {
    }

    /**
     * Handles the commands waiting, as one batch: each is checked and applied in turn, but
     * the engine runs once for the batch and one fsync covers it. Alone, a move is a batch
     * of one; when moves come faster than the engine, the cost per move falls.
     */
    private void drain() {
        drainScheduled.set(false);
        Batch batch = new Batch();
        Command c;
        for (int n = 0; n < MAX_BATCH && (c = inbox.poll()) != null; n++) {
            batch = handle(c, batch);
        }
        flush(batch);
        if (!inbox.isEmpty() && drainScheduled.compareAndSet(false, true)) {
            run(this::drain);
        }
    }

    /** Handles one command; returns the batch to go on with (a new one after an answer flushed it). */
    private Batch handle(Command c, Batch batch) {
        long requestId = c.message().getRequestId();
        Recipient replyTo = c.replyTo();
        Decision decision = moves.decide(c.who(), c.message(), clock.getAsLong());
        if (decision instanceof Decision.Refuse r) {
            replyTo.send(Replies.error(requestId, r.code(), r.message()));
            return batch;
        }
        if (decision instanceof Decision.Change change) {
            if (journalFailed) {
                replyTo.send(Replies.error(requestId, ErrorCode.SESSION_STOPPED, STOPPED));
                return batch;
            }
            if (!c.botReason().isEmpty()) {
                change.records().forEach(r -> r.setBotReason(c.botReason()));
            }
            batch.add(this, change.records(), () -> {
                if (!c.botReason().isEmpty()) {
                    publish(List.of(Outbound.broadcast(ComputerPlayers.reasonNotice(state, c.who(), c.botReason()))));
                }
                replyTo.send(ServerMessage.newBuilder().setRequestId(requestId).setAck(Ack.getDefaultInstance()).build());
                change.records().stream().filter(JournalRecord.Builder::hasParticipantRemoved)
                        .forEach(r -> disconnect(r.getParticipantRemoved().getParticipantId()));
            });
            return batch;
        }
        // An answer describes the session as it is: the moves before it first.
        flush(batch);
        if (decision instanceof Decision.Answer a) {
            if (Visibility.mayReceive(c.who(), a.reply(), state.phase())) {
                replyTo.send(a.reply().toBuilder().setRequestId(requestId).build());
            }
        } else if (decision instanceof Decision.Export e) {
            replyTo.send(debrief(e.format(), e.withPrivateTalk()).toBuilder().setRequestId(requestId).build());
        }
        return new Batch();
    }

    /** Records applied in the actor and waiting to be journaled, with what to send once they are. */
    private static final class Batch {
        final List<JournalRecord> records = new ArrayList<>();
        final List<Outbound> effects = new ArrayList<>();
        final List<Runnable> replies = new ArrayList<>();

        void add(Session session, List<JournalRecord.Builder> builders, Runnable reply) {
            for (JournalRecord.Builder b : builders) {
                JournalRecord record = b.setSeq(++session.seq).setAtEpochMs(session.clock.getAsLong()).build();
                effects.addAll(session.applyRecord(record));
                records.add(record);
            }
            replies.add(reply);
        }

        boolean entersDebrief() {
            return records.stream().anyMatch(r -> r.hasPhaseChanged() && r.getPhaseChanged().getPhase() == Phase.DEBRIEF);
        }
    }

    /** Applies records and journals them; once they are durable, sends their effects, then runs {@code then} (the reply). */
    private void commit(List<JournalRecord.Builder> builders, Runnable then) {
        Batch batch = new Batch();
        batch.add(this, builders, then);
        flush(batch);
    }

    /**
     * Runs the engine once for the batch, journals its records, and once they are durable
     * sends their effects and the replies, in order. Follow-ups (an automatic reveal) come after.
     */
    private void flush(Batch batch) {
        if (batch.records.isEmpty()) {
            return;
        }
        batch.effects.addAll(state.settle());
        if (journalFailed) {
            unsaved.add(batch); // a change the session made by itself (a deadline): saved with the others
            return;
        }
        inFlight++;
        journal.append(sessionJournal, batch.records).whenComplete((ok, failure) -> run(() -> {
            inFlight--;
            if (failure != null) {
                notSaved(batch);
            } else {
                saved(batch);
            }
        }));
    }

    /** A batch is on disk: its effects go out, then its replies. */
    private void saved(Batch batch) {
        publish(batch.effects);
        if (!batch.records.isEmpty()) {
            publishedSeq = batch.records.get(batch.records.size() - 1).getSeq();
        }
        if (batch.entersDebrief()) {
            // A short summary for every screen; the whole debrief is there for the asking (/debrief).
            publish(List.of(Outbound.broadcast(debriefSummary())));
        }
        batch.replies.forEach(Runnable::run);
        summaryChanged();
        followUps();
    }

    /**
     * A batch could not be saved: memory is now ahead of the disk, so the session stops taking
     * changes, keeps the batch (unacknowledged) and retries, with growing pauses, until the
     * journal takes it; then it is acknowledged and the session goes on as if the disk had been slow.
     */
    private void notSaved(Batch batch) {
        unsaved.add(batch);
        if (!journalFailed) {
            journalFailed = true;
            retryDelayMs = FIRST_RETRY_MS;
            log.error("session {}: could not save to its journal; it takes no changes until a retry succeeds", id());
            notice("this session cannot save just now, so it takes no changes; it retries by itself, and "
                    + "moves already made are acknowledged once they are saved");
        }
        scheduleRetry();
    }

    private void scheduleRetry() {
        if (retryTimer != null || inFlight > 0) {
            return; // the last batch in flight to fail schedules it
        }
        try {
            retryTimer = executor.schedule(this::retry, retryDelayMs, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            log.debug("session {}: stopped; no retry", id());
        }
    }

    /** Writes every unsaved record again, in order (the journal first cuts off what the failed writes left). */
    private void retry() {
        retryTimer = null;
        List<Batch> attempt = List.copyOf(unsaved);
        List<JournalRecord> records = attempt.stream().flatMap(b -> b.records.stream()).toList();
        inFlight++;
        journal.append(sessionJournal, records).whenComplete((ok, failure) -> run(() -> {
            inFlight--;
            if (failure != null) {
                retryDelayMs = Math.min(Math.max(FIRST_RETRY_MS, retryDelayMs * 2), MAX_RETRY_MS);
                log.warn("session {}: journal still cannot be saved; next try in {} ms", id(), retryDelayMs);
                scheduleRetry();
                return;
            }
            unsaved.subList(0, attempt.size()).clear();
            if (unsaved.isEmpty()) {
                journalFailed = false;
                log.info("session {}: saving again ({} records written late); taking changes again", id(), records.size());
                notice("this session is saving again and takes changes again");
            } else {
                retryDelayMs = 0; // changes the session made meanwhile: save them at once
                scheduleRetry();
            }
            attempt.forEach(this::saved);
        }));
    }

    /** Applies a record (live or on replay) and keeps indexes and timers in step with it. */
    List<Outbound> applyRecord(JournalRecord record) {
        seq = Math.max(seq, record.getSeq());
        String codeBefore = state.joinCode();
        List<Outbound> effects = state.apply(record);
        moves.applied(record);
        if (record.hasJoinCodeRotated()) {
            listener.joinCodeChanged(this, codeBefore, state.joinCode());
        }
        if (record.hasParticipantJoined()) {
            listener.participantJoined(this, record.getParticipantJoined().getResumeTokenHash().toByteArray(),
                    record.getParticipantJoined().getParticipantId());
        }
        if (record.hasSeatReclaimed()) {
            listener.participantJoined(this, record.getSeatReclaimed().getResumeTokenHash().toByteArray(),
                    record.getSeatReclaimed().getParticipantId());
        }
        if (record.hasPhaseChanged() || record.hasClockChanged() || record.hasOutcomeRevealed()) {
            scheduleClock();
        }
        if (record.hasPhaseChanged() || record.hasInjectSent()) {
            scheduleInjectReminder();
        }
        if (record.hasBotSwitched()) {
            seatComputer(record.getBotSwitched());
        }
        return effects;
    }

    /**
     * Connects the seat the computer takes (before the records' effects go out, so it hears them),
     * or disconnects the one it leaves.
     */
    private void seatComputer(dev.drama.proto.BotSwitched e) {
        Participant seat = state.participant(e.getParticipantId()).orElseThrow();
        if (e.getStance().isEmpty()) {
            ComputerSeat gone = computerSeats.remove(seat.id());
            if (gone != null) {
                gone.close();
            }
            seat.detach(clock.getAsLong(), publishedSeq);
            return;
        }
        ComputerSeat connection = new ComputerSeat(ComputerPlayers.bot(state, seat, botMaker), thinkers, thinkTime,
                (from, command, reason) -> submit(seat, command, from, reason));
        computerSeats.put(seat.id(), connection);
        seat.attach(connection);
    }

    /** After replaying a journal: the engine runs once on the board, and as nobody is connected yet, everyone's grace to come back starts now. */
    void afterReplay() {
        state.settle();
        long now = clock.getAsLong();
        publishedSeq = seq;
        state.participants().forEach(p -> p.detach(now, 0));
        // The computer comes back at once, and catches up like a player who reconnects.
        for (Participant seat : state.computerPlayers()) {
            ComputerSeat connection = computerSeats.get(seat.id());
            seat.attach(connection);
            publish(state.catchUp(seat, 0, false, now, SessionState.PAGE_BYTES));
        }
        summaryChanged(); // the summary was made before the replay: phase and participants as recovered
    }

    /** Moves the session on by itself: the reveal when every player has committed. */
    private void followUps() {
        if (state.everyoneCommitted()) {
            reveal();
        }
    }

    /** Shows the outcome and waits: for the trainer's /phase debrief, or the pause the pack sets. */
    private void reveal() {
        long deadline = PhasePlan.revealMinutes(state.pack()).map(m -> clock.getAsLong() + m * 60_000L).orElse(0L);
        commit(List.of(JournalRecord.newBuilder().setOutcomeRevealed(
                OutcomeRevealed.newBuilder().setDeadlineEpochMs(deadline))), () -> { });
    }

    private void changePhase(Phase next) {
        long deadline = PhasePlan.minutes(state.pack(), next).map(m -> clock.getAsLong() + m * 60_000L).orElse(0L);
        commit(List.of(JournalRecord.newBuilder().setPhaseChanged(
                PhaseChanged.newBuilder().setPhase(next).setDeadlineEpochMs(deadline))), () -> { });
    }

    private void scheduleClock() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
        PhaseClock c = state.clock();
        if (!c.running()) {
            return;
        }
        long left = c.deadlineEpochMs() - clock.getAsLong();
        if (left > WARNING_BEFORE_DEADLINE_MS) {
            timer = executor.schedule(() -> {
                notice(state.outcomeRevealed() ? "the debrief opens in one minute"
                        : "one minute left in the " + Moves.phaseName(state.phase()));
                scheduleClock();
            }, left - WARNING_BEFORE_DEADLINE_MS, TimeUnit.MILLISECONDS);
        } else {
            timer = executor.schedule(this::deadline, Math.max(0, left), TimeUnit.MILLISECONDS);
        }
    }

    private void deadline() {
        timer = null;
        switch (state.phase()) {
            case NEGOTIATION -> changePhase(Phase.MOMENT_OF_TRUTH);
            case MOMENT_OF_TRUTH -> {
                if (state.outcomeRevealed()) {
                    changePhase(Phase.DEBRIEF);
                } else {
                    reveal();
                }
            }
            default -> notice("time is up for the " + Moves.phaseName(state.phase()) + "; the trainer will move on");
        }
    }

    /**
     * Reminds trainers, at its suggested moment, of the next inject of the current phase not
     * yet sent. One timer; set again whenever the phase changes or an inject goes out.
     */
    private void scheduleInjectReminder() {
        if (injectReminder != null) {
            injectReminder.cancel(false);
            injectReminder = null;
        }
        long now = clock.getAsLong();
        InjectSchedule.next(state, injectsReminded, now - REMINDER_LATENESS_MS).ifPresent(inject -> {
            long due = InjectSchedule.due(state, inject).orElseThrow();
            injectReminder = executor.schedule(() -> {
                injectReminder = null;
                injectsReminded.add(inject.id());
                publish(List.of(Outbound.broadcast(ServerMessage.newBuilder().setNotice(Notice.newBuilder()
                        .setText(InjectSchedule.reminder(inject)).setTrainersOnly(true)).build())));
                scheduleInjectReminder();
            }, Math.max(0, due - now), TimeUnit.MILLISECONDS);
        });
    }

    private ServerMessage debriefSummary() {
        try {
            return Debriefs.summary(state, journal.history(sessionJournal));
        } catch (IOException e) {
            log.error("session {}: reading the journal for the debrief summary", id(), e);
            return ServerMessage.newBuilder().setOutcome(Outcomes.reveal(state).getOutcome()).build();
        }
    }

    /** The debrief, from the journal on disk: everything acknowledged is there. */
    private ServerMessage debrief(ExportDebrief.Format format, boolean withPrivateTalk) {
        try {
            return Debriefs.export(state, journal.history(sessionJournal), format, withPrivateTalk);
        } catch (IOException e) {
            log.error("session {}: reading the journal for the debrief", id(), e);
            return Replies.error(0, ErrorCode.INTERNAL, "the server could not read the session's journal");
        }
    }

    private void disconnect(String participantId) {
        state.participant(participantId).filter(Participant::connected).ifPresent(p -> {
            p.connection().send(Replies.error(0, ErrorCode.NOT_ALLOWED, "the trainer has removed you from the session"));
            p.connection().close();
            p.detach(clock.getAsLong(), publishedSeq);
        });
    }

    private void notice(String text) {
        publish(List.of(Outbound.broadcast(ServerMessage.newBuilder().setNotice(Notice.newBuilder().setText(text)).build())));
    }

    private void publish(List<Outbound> effects) {
        Fanout.publish(effects, state.seats(), state.phase());
    }

    private void summaryChanged() {
        summary = summarise();
    }

    private SessionSummary summarise() {
        return SessionSummary.newBuilder().setSessionId(state.sessionId()).setJoinCode(state.joinCode())
                .setPackId(state.pack().id()).setPhase(state.phase())
                .setParticipants((int) state.participants().stream().filter(Participant::listed).count())
                .setCreatedEpochMs(state.createdEpochMs()).build();
    }

    /**
     * The session as group {@code number} of a cohort, read in the actor. It holds every
     * character's dilemmas: trainers' information. Never completes if the actor has stopped.
     */
    public CompletableFuture<CohortGroup> cohortGroup(int number) {
        CompletableFuture<CohortGroup> group = new CompletableFuture<>();
        run(() -> {
            try {
                group.complete(CohortGroups.of(state, number, clock.getAsLong(), dilemmasMet()));
            } catch (RuntimeException e) {
                group.completeExceptionally(e);
            }
        });
        return group;
    }

    /** From the debrief on, the dilemmas met during play (replayed once from the journal: play is over). */
    private List<DilemmaMet> dilemmasMet() {
        if (!Visibility.revealed(state.phase())) {
            return List.of();
        }
        if (dilemmasMet == null) {
            try {
                dilemmasMet = CohortGroups.met(state, journal.history(sessionJournal));
            } catch (IOException e) {
                log.error("session {}: reading the journal for the dilemmas met", id(), e);
                return List.of();
            }
        }
        return dilemmasMet;
    }

    EventExecutor executor() {
        return executor;
    }

    SessionState state() {
        return state;
    }

    /** Everything the session has recorded, read back from the journal. */
    List<JournalRecord> history() throws IOException {
        return journal.history(sessionJournal);
    }
}
