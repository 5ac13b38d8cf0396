package dev.drama.server.session;

import dev.drama.engine.Analysis;
import dev.drama.engine.AnalysisDiff;
import dev.drama.engine.Board;
import dev.drama.engine.Dilemma;
import dev.drama.engine.DilemmaEngine;
import dev.drama.engine.SearchMemo;
import dev.drama.engine.Future;
import dev.drama.proto.BoardView;
import dev.drama.proto.Briefing;
import dev.drama.proto.CatchUp;
import dev.drama.proto.CommitmentEvent;
import dev.drama.proto.DilemmaEvent;
import dev.drama.proto.HistoryPage;
import dev.drama.proto.InjectEvent;
import dev.drama.proto.JournalDamaged;
import dev.drama.proto.JournalRecord;
import dev.drama.proto.Notice;
import dev.drama.proto.Offer;
import dev.drama.proto.OfferEvent;
import dev.drama.proto.OptionSetting;
import dev.drama.proto.ParticipantEvent;
import dev.drama.proto.Phase;
import dev.drama.proto.Role;
import dev.drama.proto.ServerMessage;
import dev.drama.scenarios.model.Change;
import dev.drama.scenarios.model.Inject;
import dev.drama.scenarios.model.Pack;
import dev.drama.scenarios.model.PackCharacter;
import dev.drama.server.view.PublicBoard;
import dev.drama.server.view.DilemmaViews;
import dev.drama.server.view.Settings;
import dev.drama.server.visibility.Audience;
import dev.drama.server.visibility.Visibility;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one session knows, changed only by applying journal records. Applying the
 * same records in the same order always gives the same state, which is how a restarted
 * server rebuilds a session. Pure: no I/O, no clock, no threads; it returns what should
 * be sent and leaves the sending to {@link Session}.
 */
public final class SessionState {
    private final String sessionId;
    private String joinCode;
    private final Pack pack;
    private final long createdEpochMs;
    private Board board;
    private Analysis analysis;
    /** The board changed since the engine last ran on it. */
    private boolean boardChanged;
    /** The engine's searches of the last analysis, reused where a move left their inputs alone. */
    private final SearchMemo searches = new SearchMemo();
    /** Who plays whom changed since the board was last told (the engine's board does not know). */
    private boolean castChanged;
    private String lastChangedBy = "";
    /** The public board as participants were last told it, with its version. */
    private final PublicBoard publicBoard;
    /**
     * Dilemma news is built only when a connected participant may have it: set by a live
     * session; a replay for the debrief, where nobody is connected, wants every event.
     */
    private boolean onlyHeardDilemmas;
    private Phase phase = Phase.LOBBY;
    private final PhaseClock clock = new PhaseClock();
    private final Map<String, Participant> participants = new LinkedHashMap<>();
    private final OfferBook offers = new OfferBook();
    private final Map<String, List<OptionSetting>> commitments = new LinkedHashMap<>();
    /**
     * The latest talk, offers and injects in order, replayed (through visibility) to late
     * joiners. Bounded, so a long session's memory stays flat; the whole story is in the journal.
     */
    private final java.util.ArrayDeque<ServerMessage> history = new java.util.ArrayDeque<>();
    static final int HISTORY_KEPT = 300;
    /**
     * The most a catch-up or a history page sends of kept events: a quarter of the
     * outbound buffer a connection may have waiting before it is cut off as a slow reader,
     * leaving room for the state that comes with it.
     */
    static final int PAGE_BYTES = 256 * 1024;
    /** The seq of the record being applied: the events it makes known carry it. */
    private long applyingSeq;
    /** What recovery found damaged in the journal: told to trainers whenever they attach. */
    private final List<ServerMessage> damageNotices = new ArrayList<>();
    private long applied;
    /** The moment of truth is over and its outcome shown; commitments are final. */
    private boolean outcomeRevealed;
    /** Injects sent, by id, with when (the first time). */
    private final Map<String, Long> injectsSent = new LinkedHashMap<>();
    /** When each phase began (the latest time), for injects timed from a phase's start. */
    private final Map<Phase, Long> phaseStarted = new java.util.EnumMap<>(Phase.class);
    /** Characters whose preferences an inject changed, with the title of the last such inject. */
    private final Map<String, String> preferencesChangedBy = new LinkedHashMap<>();

    public SessionState(String sessionId, String joinCode, Pack pack, long createdEpochMs) {
        this.sessionId = sessionId;
        this.joinCode = joinCode;
        this.pack = pack;
        this.createdEpochMs = createdEpochMs;
        this.board = pack.openingBoard();
        this.analysis = DilemmaEngine.analyse(board);
        this.publicBoard = new PublicBoard(pack, board, analysis, this::playedBy);
    }

    // ------------------------------------------------------------------ reading

    public String sessionId() { return sessionId; }
    public String joinCode() { return joinCode; }
    public Pack pack() { return pack; }
    public long createdEpochMs() { return createdEpochMs; }
    public Board board() { return board; }
    public Analysis analysis() { return analysis; }
    public Phase phase() { return phase; }
    public PhaseClock clock() { return clock; }
    /** How many records have been applied. */
    public long applied() { return applied; }
    OfferBook offers() { return offers; }
    boolean outcomeRevealed() { return outcomeRevealed; }
    Map<String, Long> injectsSent() { return java.util.Collections.unmodifiableMap(injectsSent); }
    Optional<Long> phaseStarted(Phase p) { return Optional.ofNullable(phaseStarted.get(p)); }
    Map<String, String> preferencesChangedBy() { return java.util.Collections.unmodifiableMap(preferencesChangedBy); }
    Map<String, List<OptionSetting>> commitments() { return commitments; }

    public List<Participant> participants() {
        return List.copyOf(participants.values());
    }

    /** Everyone seated, in joining order, without a copy: for the fan-out inside the actor. */
    java.util.Collection<Participant> seats() {
        return java.util.Collections.unmodifiableCollection(participants.values());
    }

    public Optional<Participant> participant(String id) {
        return Optional.ofNullable(participants.get(id));
    }

    Optional<Participant> playerOf(String characterId) {
        return participants.values().stream()
                .filter(p -> p.role() == Role.TRAINEE && characterId.equals(p.characterId()))
                .findFirst();
    }

    /** Characters that have a player, in board order: they must commit at the moment of truth. */
    List<String> playedCharacters() {
        return board.characters().stream().map(dev.drama.engine.Character::id)
                .filter(id -> playerOf(id).isPresent()).toList();
    }

    /** The moment of truth waits for nobody: every character with a player has committed, and the outcome is not yet out. */
    boolean everyoneCommitted() {
        return phase == Phase.MOMENT_OF_TRUTH && !outcomeRevealed && !playedCharacters().isEmpty()
                && commitments.keySet().containsAll(playedCharacters());
    }

    public ServerMessage sessionStateMessage(long nowMs) {
        dev.drama.proto.SessionState.Builder b = dev.drama.proto.SessionState.newBuilder()
                .setSessionId(sessionId).setPackId(pack.id()).setPackTitle(pack.title())
                .setPhase(phase).setPaused(clock.paused())
                .setPhaseDeadlineEpochMs(clock.paused() ? 0 : clock.deadlineEpochMs())
                .setRemainingSeconds((int) (clock.remainingMs(nowMs) / 1000))
                .setIntroduction(pack.introduction());
        for (Participant p : participants.values()) {
            if (p.listed()) {
                b.addParticipants(p.view());
            }
        }
        return ServerMessage.newBuilder().setSessionState(b).build();
    }

    /** The public board whole, as last told, with its version: for arrivals and whoever asks. */
    public BoardView boardView() {
        return publicBoard.whole();
    }

    private String playedBy(String characterId) {
        return playerOf(characterId).map(Participant::displayName).orElse("");
    }

    ServerMessage briefingMessage(String characterId) {
        PackCharacter c = pack.character(characterId).orElseThrow();
        return ServerMessage.newBuilder().setBriefing(Briefing.newBuilder()
                .setCharacterId(c.id()).setCharacterName(c.name()).setText(c.briefing())
                .setMandate(c.mandate()).addAllPreferences(preferencesInWords(c.id()))
                .setPreferencesChangedBy(preferencesChangedBy.getOrDefault(c.id(), ""))).build();
    }

    /** A character's preferences as they stand: the pack's, or those the last inject that changed them set. */
    List<String> preferencesInWords(String characterId) {
        List<String> words = pack.preferencesInWords(characterId);
        for (String injectId : injectsSent.keySet()) {
            for (Change.SetPreference p : preferenceChanges(pack.inject(injectId))) {
                if (p.character().equals(characterId)) {
                    words = pack.inWords(p.preference());
                }
            }
        }
        return words;
    }

    private static List<Change.SetPreference> preferenceChanges(Optional<Inject> inject) {
        List<Change.SetPreference> out = new ArrayList<>();
        inject.ifPresent(i -> i.changes().forEach(c -> {
            if (c instanceof Change.SetPreference p) {
                out.add(p);
            }
        }));
        return out;
    }

    /**
     * What a participant needs on arriving or coming back: the state of things (session,
     * board, the open offers it may see, its own secrets), then the events it missed since
     * {@code sinceSeq} (a fresh seat: since 0), newest first as many as fit in
     * {@code maxBytes}, so that a resume never floods a connection; a {@link CatchUp}
     * closes it and says what was left out.
     */
    List<Outbound> catchUp(Participant p, long sinceSeq, boolean resumed, long nowMs, int maxBytes) {
        List<Outbound> out = new ArrayList<>();
        out.add(Outbound.to(p, sessionStateMessage(nowMs)));
        out.add(Outbound.to(p, ServerMessage.newBuilder().setBoard(boardView()).build()));
        for (Offer open : offers.pending()) {
            out.add(Outbound.to(p, offerEvent(open, open.getFromCharacterId())));
        }
        out.addAll(secretsFor(p));
        damageNotices.forEach(n -> out.add(Outbound.to(p, n)));
        if (p.role() == Role.TRAINER) {
            // so that the trainer's console can complete inject ids from the start
            out.add(Outbound.to(p, ServerMessage.newBuilder().setInjects(InjectSchedule.list(this)).build()));
        }
        // Open offers were just sent as they stand: their earlier events would say it twice.
        Page missed = page(p, m -> m.getSeq() > sinceSeq
                && !(m.hasOffer() && offers.isPending(m.getOffer().getOffer().getOfferId())), maxBytes);
        missed.events().forEach(m -> out.add(Outbound.to(p, m)));
        out.add(Outbound.to(p, ServerMessage.newBuilder().setCatchUp(CatchUp.newBuilder()
                .setSinceSeq(sinceSeq).setEvents(missed.events().size()).setBytes(missed.bytes())
                .setNotShown(missed.earlier()).setFirstShownSeq(missed.firstSeq()).setResumed(resumed)).build()));
        return out;
    }

    /** The page of kept events before {@code beforeSeq} (0: the latest) that a participant may see. */
    ServerMessage historyPage(Participant p, long beforeSeq, int maxBytes) {
        Page page = page(p, m -> beforeSeq == 0 || m.getSeq() < beforeSeq, maxBytes);
        return ServerMessage.newBuilder().setHistory(HistoryPage.newBuilder().addAllEvents(page.events())
                .setFirstSeq(page.firstSeq()).setEarlier(page.earlier())).build();
    }

    /** Kept events, oldest first, within a bound: the newest that fit, and how many earlier ones did not. */
    private record Page(List<ServerMessage> events, int bytes, int earlier, long firstSeq) {
    }

    private Page page(Participant p, java.util.function.Predicate<ServerMessage> wanted, int maxBytes) {
        java.util.ArrayDeque<ServerMessage> events = new java.util.ArrayDeque<>();
        int bytes = 0;
        int earlier = 0;
        var newestFirst = history.descendingIterator();
        while (newestFirst.hasNext()) {
            ServerMessage m = newestFirst.next();
            if (!wanted.test(m) || !Visibility.mayReceive(p, m, phase)) {
                continue;
            }
            int size = m.getSerializedSize();
            if (earlier > 0 || bytes + size > maxBytes) {
                earlier++;
                continue;
            }
            bytes += size;
            events.addFirst(m);
        }
        return new Page(List.copyOf(events), bytes, earlier, events.isEmpty() ? 0 : events.getFirst().getSeq());
    }

    /** The briefing and current dilemmas a participant may see (trainers: all of them). */
    private List<Outbound> secretsFor(Participant p) {
        List<Outbound> out = new ArrayList<>();
        if (phase.getNumber() < Phase.BRIEFING_VALUE) {
            return out;
        }
        for (dev.drama.engine.Character c : board.characters()) {
            boolean mine = c.id().equals(p.characterId());
            if (mine || p.role() == Role.TRAINER) {
                out.add(Outbound.to(p, briefingMessage(c.id())));
                for (Dilemma d : analysis.of(c.id())) {
                    out.add(Outbound.to(p, DilemmaViews.event(d, DilemmaEvent.Change.CURRENT)));
                }
                List<OptionSetting> committed = commitments.get(c.id());
                if (committed != null) {
                    out.add(Outbound.to(p, ServerMessage.newBuilder().setCommitment(CommitmentEvent.newBuilder()
                            .setCharacterId(c.id()).addAllChoices(committed)).build()));
                }
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ applying records

    /** Applies one record and returns what it makes known, to whom visibility allows. */
    public List<Outbound> apply(JournalRecord record) {
        applied++;
        applyingSeq = record.getSeq();
        long at = record.getAtEpochMs();
        List<Outbound> out = new ArrayList<>();
        switch (record.getEventCase()) {
            case SESSION_OPENED -> { }
            case PARTICIPANT_JOINED -> {
                var e = record.getParticipantJoined();
                Participant p = new Participant(e.getParticipantId(), e.getDisplayName(), e.getRole(),
                        e.getResumeTokenHash().toByteArray());
                participants.put(p.id(), p);
                // Told once the joiner's connection is seated: it arrives connected.
                out.add(Outbound.broadcast(ServerMessage.newBuilder().setParticipant(ParticipantEvent.newBuilder()
                        .setChange(ParticipantEvent.Change.JOINED).setParticipant(p.view().toBuilder().setConnected(true)))
                        .build()));
            }
            case CHARACTER_ASSIGNED -> {
                var e = record.getCharacterAssigned();
                Participant p = participants.get(e.getParticipantId());
                p.assign(e.getCharacterId());
                out.add(participantEvent(ParticipantEvent.Change.ASSIGNED, p));
                castChanged = true; // the board says who plays whom: told when the session settles
                out.addAll(secretsFor(p));
            }
            case SEAT_RECLAIMED -> participants.get(record.getSeatReclaimed().getParticipantId())
                    .reissue(record.getSeatReclaimed().getResumeTokenHash().toByteArray());
            case JOIN_CODE_ROTATED -> {
                joinCode = record.getJoinCodeRotated().getJoinCode();
                out.add(Outbound.broadcast(ServerMessage.newBuilder()
                        .setJoinCode(dev.drama.proto.JoinCode.newBuilder().setJoinCode(joinCode)).build()));
            }
            case PARTICIPANT_MUTED -> {
                Participant p = participants.get(record.getParticipantMuted().getParticipantId());
                p.mute(record.getParticipantMuted().getMuted());
                out.add(participantEvent(p.muted() ? ParticipantEvent.Change.MUTED : ParticipantEvent.Change.UNMUTED, p));
            }
            case PARTICIPANT_REMOVED -> {
                Participant p = participants.get(record.getParticipantRemoved().getParticipantId());
                out.add(participantEvent(ParticipantEvent.Change.REMOVED, p));
                castChanged |= p.hasCharacter();
                p.remove();
            }
            case POSITION_SET -> {
                var e = record.getPositionSet();
                Future base = e.getReplace() ? Future.of(Map.of()) : board.position(e.getCharacterId());
                out.addAll(changeBoard(board.withPosition(e.getCharacterId(),
                        Settings.applyTo(base, e.getSettingsList())), e.getCharacterId()));
            }
            case INTENTIONS_STATED -> {
                var e = record.getIntentionsStated();
                out.addAll(changeBoard(board.withIntentions(e.getCharacterId(),
                        Settings.applyTo(board.intentions(e.getCharacterId()), e.getSettingsList())), e.getCharacterId()));
            }
            case DOUBT_DECLARED -> {
                var e = record.getDoubtDeclared();
                out.addAll(changeBoard(board.withDoubt(e.getHolderId(), e.getAboutId(), e.getDoubt()), e.getHolderId()));
            }
            case OFFER_MADE -> {
                Offer made = record.getOfferMade().getOffer();
                offers.countered(made).ifPresent(original -> out.add(remember(offerEvent(original, made.getFromCharacterId()))));
                offers.add(made);
                out.add(remember(offerEvent(offers.find(made.getOfferId()).orElseThrow(), made.getFromCharacterId())));
                out.addAll(UnplayedNotices.forOffer(this, made));
            }
            case OFFER_ANSWERED -> out.addAll(answerOffer(record.getOfferAnswered()));
            case TALK_SENT -> out.add(remember(ServerMessage.newBuilder().setTalk(record.getTalkSent().getTalk()).build()));
            case PHASE_CHANGED -> out.addAll(changePhase(record.getPhaseChanged().getPhase(),
                    record.getPhaseChanged().getDeadlineEpochMs(), at));
            case CLOCK_CHANGED -> {
                var e = record.getClockChanged();
                clock.set(e.getPaused(), e.getDeadlineEpochMs(), e.getRemainingMs());
                out.add(Outbound.broadcast(sessionStateMessage(at)));
            }
            case INJECT_SENT -> out.addAll(inject(record.getInjectSent(), at));
            case COMMITTED -> {
                var e = record.getCommitted();
                commitments.put(e.getCharacterId(), e.getChoicesList());
                // The choices go to the character's player and trainers; everyone else learns only that it
                // committed. Visibility gives each recipient exactly one of the two.
                out.add(Outbound.broadcast(ServerMessage.newBuilder().setCommitment(CommitmentEvent.newBuilder()
                        .setCharacterId(e.getCharacterId()).addAllChoices(e.getChoicesList())).build()));
                out.add(Outbound.broadcast(ServerMessage.newBuilder().setCommitment(CommitmentEvent.newBuilder()
                        .setCharacterId(e.getCharacterId())).build()));
            }
            case JOURNAL_DAMAGED -> {
                ServerMessage notice = damageNotice(record.getJournalDamaged());
                damageNotices.add(notice);
                out.add(Outbound.broadcast(notice));
            }
            case BOT_SWITCHED -> out.addAll(botSwitched(record.getBotSwitched()));
            case OUTCOME_REVEALED -> {
                clock.set(false, record.getOutcomeRevealed().getDeadlineEpochMs(), 0);
                out.add(Outbound.broadcast(sessionStateMessage(at)));
                out.add(reveal());
            }
            case EVENT_NOT_SET -> throw new IllegalArgumentException("journal record without an event");
        }
        return out;
    }

    /** The computer takes a character's seat (with what a player gets on taking a character), or leaves it. */
    private List<Outbound> botSwitched(dev.drama.proto.BotSwitched e) {
        List<Outbound> out = new ArrayList<>();
        if (e.getStance().isEmpty()) {
            Participant seat = participants.get(e.getParticipantId());
            out.add(participantEvent(ParticipantEvent.Change.COMPUTER_OFF, seat));
            seat.remove();
            castChanged = true; // the board says who plays whom: told when the session settles
            return out;
        }
        Participant seat = Participant.computer(e.getParticipantId(), e.getCharacterId(),
                new Participant.Computer(dev.drama.bots.Stance.parse(e.getStance()).orElseThrow(), e.getSeed()));
        participants.put(seat.id(), seat);
        out.add(Outbound.broadcast(ServerMessage.newBuilder().setParticipant(ParticipantEvent.newBuilder()
                .setChange(ParticipantEvent.Change.COMPUTER_ON).setParticipant(seat.view().toBuilder().setConnected(true)))
                .build()));
        castChanged = true; // everyone else learns of it as a delta when the session settles
        out.add(Outbound.to(seat, ServerMessage.newBuilder().setBoard(boardView()).build()));
        out.addAll(secretsFor(seat));
        return out;
    }

    /** The seats the computer plays now, in the order they were taken. */
    List<Participant> computerPlayers() {
        return participants.values().stream().filter(p -> !p.removed() && p.computer().isPresent()).toList();
    }

    private static ServerMessage damageNotice(JournalDamaged d) {
        String what = d.getLostBytes() == 0
                ? "the journal was damaged at offset " + d.getOffset() + " (" + d.getDetail()
                        + "); every record passed its checksum and was recovered"
                : "the journal was damaged at record " + d.getRecord() + " (offset " + d.getOffset() + ": "
                        + d.getDetail() + "); the session is recovered up to the record before it, and moves after it ("
                        + d.getLostBytes() + " bytes) could not be recovered";
        return ServerMessage.newBuilder().setNotice(Notice.newBuilder().setTrainersOnly(true)
                .setText(what + "; the damaged file is kept at " + d.getKeptAt())).build();
    }

    private Outbound participantEvent(ParticipantEvent.Change change, Participant p) {
        return Outbound.broadcast(ServerMessage.newBuilder().setParticipant(
                ParticipantEvent.newBuilder().setChange(change).setParticipant(p.view())).build());
    }

    /** Lets presence changes (not journaled) be told like everything else. */
    Outbound presence(Participant p, boolean back) {
        return participantEvent(back ? ParticipantEvent.Change.BACK : ParticipantEvent.Change.LEFT, p);
    }

    /** Keeps an event for catch-ups, stamped with its record's seq (so a console can say what it saw last). */
    private Outbound remember(ServerMessage event) {
        ServerMessage message = event.toBuilder().setSeq(applyingSeq).build();
        if (history.size() == HISTORY_KEPT) {
            history.removeFirst();
        }
        history.addLast(message);
        return Outbound.broadcast(message);
    }

    private static ServerMessage offerEvent(Offer offer, String by) {
        return ServerMessage.newBuilder().setOffer(OfferEvent.newBuilder().setOffer(offer).setByCharacterId(by)).build();
    }

    /** Installs a new board; the engine runs when the session {@link #settle()}s. */
    private List<Outbound> changeBoard(Board next, String changedBy) {
        board = next;
        boardChanged = true;
        lastChangedBy = changedBy;
        return List.of();
    }

    /**
     * Re-runs the engine on a changed board, once however many moves changed it since the
     * last time, and reports what changed on the board (a delta, to everyone) and in the
     * dilemmas. Called after each record, or after a batch of them when moves arrive faster
     * than they are handled.
     */
    public List<Outbound> settle() {
        if (!boardChanged && !castChanged) {
            return List.of();
        }
        Analysis before = analysis;
        boolean reanalysed = boardChanged;
        if (reanalysed) {
            analysis = DilemmaEngine.analyse(board, searches);
        }
        List<Outbound> out = new ArrayList<>();
        publicBoard.update(board, analysis, castChanged, preferencesChangedBy.keySet(), lastChangedBy)
                .ifPresent(delta -> out.add(Outbound.broadcast(ServerMessage.newBuilder().setBoardDelta(delta).build())));
        boardChanged = false;
        castChanged = false;
        lastChangedBy = "";
        if (!reanalysed || phase.getNumber() < Phase.BRIEFING_VALUE) {
            return out;
        }
        AnalysisDiff diff = AnalysisDiff.between(before, analysis);
        for (Dilemma d : diff.resolved()) {
            dilemmaEvent(d, DilemmaEvent.Change.RESOLVED).ifPresent(out::add);
        }
        for (Dilemma d : diff.arose()) {
            dilemmaEvent(d, DilemmaEvent.Change.AROSE).ifPresent(out::add);
        }
        return out;
    }

    /**
     * From now on, builds a dilemma's news only when someone connected may have it: its text
     * and ways out are the dearest event to build, and an unplayed character's go to trainers
     * alone, who may not be there. Whoever arrives later gets the current dilemmas anyway.
     */
    void buildOnlyHeardDilemmas() {
        onlyHeardDilemmas = true;
    }

    private Optional<Outbound> dilemmaEvent(Dilemma d, DilemmaEvent.Change change) {
        if (onlyHeardDilemmas) {
            Audience audience = Visibility.dilemmaAudience(d.holder(), phase);
            if (participants.values().stream().noneMatch(p -> p.recipient() != null && Visibility.mayReceive(p, audience))) {
                return Optional.empty();
            }
        }
        return Optional.of(Outbound.broadcast(DilemmaViews.event(d, change)));
    }

    private List<Outbound> answerOffer(dev.drama.proto.OfferAnswered e) {
        Offer offer = offers.answer(e.getOfferId(), e.getCharacterId(), e.getResponse());
        List<Outbound> out = new ArrayList<>();
        out.add(remember(offerEvent(offer, e.getCharacterId())));
        if (offer.getStatus() == Offer.Status.ACCEPTED) {
            out.addAll(changeBoard(Agreements.apply(board, offer), e.getCharacterId()));
        }
        return out;
    }

    /** The outcome, once: at the end of the moment of truth, or on entering the debrief without one. */
    private Outbound reveal() {
        outcomeRevealed = true;
        return Outbound.broadcast(Outcomes.reveal(this));
    }

    private List<Outbound> changePhase(Phase next, long deadlineEpochMs, long at) {
        List<Outbound> out = new ArrayList<>(settle());
        Phase previous = phase;
        phase = next;
        phaseStarted.put(next, at);
        clock.set(false, deadlineEpochMs, 0);
        if (previous == Phase.NEGOTIATION) {
            for (Offer expired : offers.expirePending()) {
                out.add(remember(offerEvent(expired, "")));
            }
        }
        out.add(Outbound.broadcast(sessionStateMessage(at)));
        if (previous.getNumber() < Phase.BRIEFING_VALUE && next.getNumber() >= Phase.BRIEFING_VALUE) {
            for (Participant p : participants.values()) {
                out.addAll(secretsFor(p));
            }
        }
        // The briefings are revealed too, but in the debrief itself (/debrief), not pushed onto every screen.
        if (next == Phase.DEBRIEF && !outcomeRevealed) {
            out.add(reveal());
        }
        return out;
    }

    private List<Outbound> inject(dev.drama.proto.InjectSent e, long atEpochMs) {
        List<Outbound> out = new ArrayList<>();
        InjectEvent.Builder event = InjectEvent.newBuilder().setInjectId(e.getInjectId()).setText(e.getText());
        Optional<Inject> inject = e.getInjectId().isEmpty() ? Optional.empty() : pack.inject(e.getInjectId());
        inject.ifPresent(i -> event.setTitle(i.title()).setText(i.text()).addAllBoardChanges(InjectWords.describe(i, pack)));
        out.add(remember(ServerMessage.newBuilder().setInject(event).build()));
        if (inject.isPresent()) {
            injectsSent.putIfAbsent(e.getInjectId(), atEpochMs);
            out.addAll(changeBoard(inject.get().applyTo(board), ""));
            for (Change.SetPreference p : preferenceChanges(inject)) {
                if (board.character(p.character()).isPresent()) {
                    preferencesChangedBy.put(p.character(), inject.get().title());
                    // The players concerned (and trainers) see their changed preferences in their briefing.
                    if (phase.getNumber() >= Phase.BRIEFING_VALUE) {
                        out.add(Outbound.broadcast(briefingMessage(p.character())));
                    }
                }
            }
        }
        return out;
    }

    /** The future each character's options fall to at the moment of truth: its commitment, else its stated intention. */
    Future outcome() {
        Map<String, Boolean> values = new LinkedHashMap<>(analysis.threatenedFuture().values());
        for (List<OptionSetting> choices : commitments.values()) {
            values.putAll(Settings.fixed(choices));
        }
        return Future.of(values);
    }
}
