package dev.drama.server.session;

import static dev.drama.proto.ErrorCode.*;
import static dev.drama.server.session.Refusal.require;
import static dev.drama.server.session.Refusal.requireNone;

import dev.drama.engine.Option;
import dev.drama.proto.AdvancePhase;
import dev.drama.proto.Choice;
import dev.drama.proto.ClientMessage;
import dev.drama.proto.ClockChanged;
import dev.drama.proto.Commit;
import dev.drama.proto.Committed;
import dev.drama.proto.CharacterAssigned;
import dev.drama.proto.DoubtDeclared;
import dev.drama.proto.ErrorCode;
import dev.drama.proto.InjectSent;
import dev.drama.proto.IntentionsStated;
import dev.drama.proto.JournalRecord;
import dev.drama.proto.MakeOffer;
import dev.drama.proto.Offer;
import dev.drama.proto.OfferAnswered;
import dev.drama.proto.OfferMade;
import dev.drama.proto.OptionSetting;
import dev.drama.proto.ParticipantRemoved;
import dev.drama.proto.Phase;
import dev.drama.proto.PhaseChanged;
import dev.drama.proto.PositionSet;
import dev.drama.proto.RespondToOffer;
import dev.drama.proto.Role;
import dev.drama.proto.ServerMessage;
import dev.drama.proto.Talk;
import dev.drama.proto.TalkSent;
import dev.drama.scenarios.model.PackCharacter;
import dev.drama.server.text.TextRules;
import dev.drama.server.visibility.Visibility;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides whether a participant's command is allowed now, and if so which journal
 * record it becomes. Reads the state, never changes it: the record changes it when
 * applied, live or on replay.
 */
final class Moves {
    private final SessionState state;
    private final int maxTextChars;
    private final OfferRate offerRate;
    private final java.util.function.Supplier<String> newJoinCode;
    private final TalkBudget talkBudget;
    /** Seeds for the computer's players (random on a server, from the run's seed in a simulation). */
    private final java.util.function.LongSupplier botSeeds;

    Moves(SessionState state, int maxTextChars, int offersPerMinute, java.util.function.Supplier<String> newJoinCode,
          TalkBudget talkBudget, java.util.function.LongSupplier botSeeds) {
        this.botSeeds = botSeeds;
        this.state = state;
        this.newJoinCode = newJoinCode;
        this.maxTextChars = maxTextChars;
        this.offerRate = new OfferRate(offersPerMinute);
        this.talkBudget = talkBudget;
    }

    /** Keeps the talk budget in step with a record applied, live or on replay. */
    void applied(JournalRecord record) {
        if (record.hasTalkSent()) {
            Talk talk = record.getTalkSent().getTalk();
            talkBudget.spend(talk.getFromCharacterId(), talk.getSerializedSize());
        } else if (record.hasOfferMade()) {
            Offer offer = record.getOfferMade().getOffer();
            talkBudget.spend(offer.getFromCharacterId(), offer.getSerializedSize());
        }
    }

    Decision decide(Participant who, ClientMessage command, long nowMs) {
        try {
            return switch (command.getCommandCase()) {
                case GET_BOARD -> new Decision.Answer(ServerMessage.newBuilder().setBoard(state.boardView()).build());
                case GET_HISTORY -> new Decision.Answer(
                        state.historyPage(who, command.getGetHistory().getBeforeSeq(), SessionState.PAGE_BYTES));
                case CHOOSE_CHARACTER -> choose(who, command.getChooseCharacter().getCharacterId());
                case ASSIGN_CHARACTER -> assign(who, command.getAssignCharacter().getParticipantId(),
                        command.getAssignCharacter().getCharacterId());
                case SET_POSITION -> change(b -> b.setPositionSet(PositionSet.newBuilder()
                        .setCharacterId(mover(who).characterId())
                        .addAllSettings(known(command.getSetPosition().getSettingsList()))
                        .setReplace(command.getSetPosition().getReplace())));
                case STATE_INTENTIONS -> change(b -> b.setIntentionsStated(IntentionsStated.newBuilder()
                        .setCharacterId(mover(who).characterId())
                        .addAllSettings(owned(who.characterId(), known(command.getStateIntentions().getSettingsList())))));
                case DECLARE_DOUBT -> change(b -> b.setDoubtDeclared(DoubtDeclared.newBuilder()
                        .setHolderId(mover(who).characterId())
                        .setAboutId(otherCharacter(who, command.getDeclareDoubt().getAboutCharacterId()))
                        .setDoubt(command.getDeclareDoubt().getDoubt())));
                case MAKE_OFFER -> offer(who, command.getMakeOffer(), nowMs);
                case RESPOND_TO_OFFER -> respond(who, command.getRespondToOffer());
                case SAY -> talk(who, List.of(), command.getSay().getText());
                case TELL -> talk(who, List.copyOf(new java.util.LinkedHashSet<>(command.getTell().getToCharacterIdsList())),
                        command.getTell().getText());
                case ADVANCE_PHASE -> advance(who, command.getAdvancePhase(), nowMs);
                case PAUSE_CLOCK -> pause(who, command.getPauseClock().getPaused(), nowMs);
                case EXTEND_CLOCK -> extend(who, command.getExtendClock().getSeconds(), nowMs);
                case SEND_INJECT -> inject(who, command.getSendInject().getInjectId(), command.getSendInject().getText());
                case COMMIT -> commit(who, command.getCommit());
                case EXPORT_DEBRIEF -> export(who, command.getExportDebrief());
                case REMOVE_PARTICIPANT -> remove(who, command.getRemoveParticipant().getParticipantId());
                case ROTATE_JOIN_CODE -> {
                    trainer(who);
                    String code = newJoinCode.get();
                    yield change(b -> b.setJoinCodeRotated(dev.drama.proto.JoinCodeRotated.newBuilder().setJoinCode(code)));
                }
                case MUTE_PARTICIPANT -> mute(who, command.getMuteParticipant().getParticipantId(),
                        command.getMuteParticipant().getMuted());
                case ACT_AS -> actAs(who, command.getActAs(), nowMs);
                case SET_BOT -> ComputerPlayers.decide(who, command.getSetBot(), state, botSeeds);
                case LIST_INJECTS -> {
                    trainer(who);
                    yield new Decision.Answer(ServerMessage.newBuilder().setInjects(InjectSchedule.list(state)).build());
                }
                case GET_GUIDE -> {
                    trainer(who);
                    yield new Decision.Answer(ServerMessage.newBuilder().setGuide(dev.drama.proto.Guide.newBuilder()
                            .setPackId(state.pack().id()).setText(state.pack().facilitator())).build());
                }
                default -> Decision.refuse(ALREADY_IN_SESSION, "you are already in a session; leave it first");
            };
        } catch (Refusal r) {
            return Decision.refuse(r.code(), r.getMessage());
        }
    }

    /**
     * A trainer's move for a character nobody plays: decided exactly as that character's
     * player's move would be, and each record keeps who really made it.
     */
    private Decision actAs(Participant who, dev.drama.proto.ActAs a, long nowMs) {
        Participant standIn = StandIns.forCharacter(who, a, state);
        Decision decision = decide(standIn, a.getCommand(), nowMs);
        if (decision instanceof Decision.Change change) {
            change.records().forEach(r -> r.setActedByParticipantId(who.id()));
        }
        return decision;
    }

    private interface RecordFiller {
        void fill(JournalRecord.Builder b);
    }

    private static Decision change(RecordFiller filler) {
        return new Decision.Change(List.of(record(filler)));
    }

    private static JournalRecord.Builder record(RecordFiller filler) {
        JournalRecord.Builder b = JournalRecord.newBuilder();
        filler.fill(b);
        return b;
    }

    // ------------------------------------------------------------------ who may do what, when

    private static void trainer(Participant who) {
        require(who.role() == Role.TRAINER, NOT_ALLOWED, "only the trainer can do that");
    }

    private static Participant player(Participant who) {
        require(who.role() == Role.TRAINEE, NOT_ALLOWED, "only a player can do that");
        require(who.hasCharacter(), NO_CHARACTER, "you have no character yet; choose one or ask the trainer");
        return who;
    }

    /** A player making a move on the board: only while negotiating, and not while paused. */
    private Participant mover(Participant who) {
        player(who);
        require(state.phase() == Phase.NEGOTIATION, WRONG_PHASE,
                "moves are made during the negotiation; the session is in " + phaseName(state.phase()));
        require(!state.clock().paused(), SESSION_PAUSED, "the trainer has paused the session");
        return who;
    }

    static String phaseName(Phase phase) {
        return phase.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    private String character(String id) {
        require(state.board().character(id).isPresent(), UNKNOWN_CHARACTER,
                "there is no character '" + id + "'; characters: " + characterIds());
        return id;
    }

    private String otherCharacter(Participant who, String id) {
        character(id);
        require(!id.equals(who.characterId()), NOT_ALLOWED, "that is your own character");
        return id;
    }

    private String characterIds() {
        return String.join(", ", state.board().characters().stream().map(dev.drama.engine.Character::id).toList());
    }

    private List<OptionSetting> known(List<OptionSetting> settings) {
        require(!settings.isEmpty(), MALFORMED_COMMAND, "name at least one option");
        for (OptionSetting s : settings) {
            require(state.board().option(s.getOptionId()).isPresent(), UNKNOWN_OPTION,
                    "there is no option '" + s.getOptionId() + "'");
            require(s.getChoice() != Choice.CHOICE_UNSPECIFIED && s.getChoice() != Choice.UNRECOGNIZED, MALFORMED_COMMAND,
                    "say yes, no or open for '" + s.getOptionId() + "'");
        }
        return settings;
    }

    /** Where open means nothing (a commitment, the terms of an offer): yes or no only. */
    private static List<OptionSetting> decided(List<OptionSetting> settings, String what) {
        for (OptionSetting s : settings) {
            require(s.getChoice() == Choice.YES || s.getChoice() == Choice.NO, MALFORMED_COMMAND,
                    what + " yes or no on '" + s.getOptionId() + "', not open");
        }
        return settings;
    }

    private List<OptionSetting> owned(String characterId, List<OptionSetting> settings) {
        return ownedBy(Set.of(characterId), settings, "you can only state intentions on your own options");
    }

    private List<OptionSetting> ownedBy(Set<String> owners, List<OptionSetting> settings, String why) {
        for (OptionSetting s : settings) {
            Option o = state.board().option(s.getOptionId()).orElseThrow();
            require(owners.contains(o.owner()), NOT_YOUR_OPTION,
                    "'" + o.id() + "' (" + o.label() + ") is decided by " + o.owner() + ": " + why);
        }
        return settings;
    }

    // ------------------------------------------------------------------ characters

    private Decision choose(Participant who, String characterId) {
        require(who.role() == Role.TRAINEE, NOT_ALLOWED, "only a player can choose a character");
        require(state.phase() == Phase.LOBBY || state.phase() == Phase.BRIEFING, WRONG_PHASE,
                "characters are chosen in the lobby or the briefing; ask the trainer to reassign you");
        require(!who.hasCharacter(), NOT_ALLOWED, "you already play " + who.characterId() + "; ask the trainer to change it");
        return assignment(who, characterId);
    }

    private Decision assign(Participant who, String participantId, String characterId) {
        trainer(who);
        if (participantId.isEmpty()) {
            return assignEveryone();
        }
        Participant target = present(participantId);
        require(target.role() == Role.TRAINEE, NOT_ALLOWED, target.displayName() + " is not a player");
        if (characterId.isEmpty()) {
            return change(b -> b.setCharacterAssigned(assigned(target.id(), "")));
        }
        PackCharacter c = playable(characterId);
        List<JournalRecord.Builder> records = new java.util.ArrayList<>();
        // The trainer may hand a character on, for instance from an absent trainee to a late one.
        state.playerOf(c.id()).filter(p -> p != target)
                .ifPresent(previous -> records.add(ComputerPlayers.release(previous)));
        records.add(record(b -> b.setCharacterAssigned(assigned(target.id(), c.id()))));
        return new Decision.Change(records);
    }

    /** Gives every player without a character one of the free playable characters, in pack order. */
    private Decision assignEveryone() {
        java.util.Iterator<PackCharacter> free = state.pack().playableCharacters().stream()
                .filter(c -> state.board().character(c.id()).isPresent() && state.playerOf(c.id()).isEmpty()).iterator();
        List<JournalRecord.Builder> records = new java.util.ArrayList<>();
        for (Participant p : state.participants()) {
            if (p.role() == Role.TRAINEE && !p.removed() && !p.hasCharacter() && free.hasNext()) {
                String characterId = free.next().id();
                records.add(record(b -> b.setCharacterAssigned(assigned(p.id(), characterId))));
            }
        }
        require(!records.isEmpty(), NOT_ALLOWED, "no player is waiting for a character, or no character is free");
        return new Decision.Change(records);
    }

    private static CharacterAssigned.Builder assigned(String participantId, String characterId) {
        return CharacterAssigned.newBuilder().setParticipantId(participantId).setCharacterId(characterId);
    }

    /** A player takes a character: from nobody, or from the computer (a person comes first). */
    private Decision assignment(Participant target, String characterId) {
        PackCharacter c = playable(characterId);
        List<JournalRecord.Builder> records = new java.util.ArrayList<>();
        state.playerOf(characterId).filter(p -> p != target).ifPresent(p -> {
            require(p.computer().isPresent(), CHARACTER_TAKEN, c.name() + " is already played by " + p.displayName());
            records.add(ComputerPlayers.off(p));
        });
        records.add(record(b -> b.setCharacterAssigned(assigned(target.id(), characterId))));
        return new Decision.Change(records);
    }

    private PackCharacter playable(String characterId) {
        PackCharacter c = state.pack().character(character(characterId)).orElseThrow();
        require(c.playable(), NOT_ALLOWED, c.name() + " is played by the trainer, not by a trainee");
        return c;
    }

    private Participant present(String participantId) {
        return state.participant(participantId).filter(p -> !p.removed())
                .orElseThrow(() -> new Refusal(UNKNOWN_PARTICIPANT, "there is no participant '" + participantId + "'"));
    }

    private Decision mute(Participant who, String participantId, boolean muted) {
        trainer(who);
        Participant target = present(participantId);
        require(target != who, NOT_ALLOWED, "you cannot mute yourself");
        require(target.muted() != muted, NOT_ALLOWED, target.displayName() + (muted ? " is already muted" : " is not muted"));
        return change(b -> b.setParticipantMuted(dev.drama.proto.ParticipantMuted.newBuilder()
                .setParticipantId(target.id()).setMuted(muted)));
    }

    private Decision remove(Participant who, String participantId) {
        trainer(who);
        Participant target = present(participantId);
        require(target != who, NOT_ALLOWED, "you cannot remove yourself");
        return change(b -> b.setParticipantRemoved(ParticipantRemoved.newBuilder().setParticipantId(target.id())));
    }

    // ------------------------------------------------------------------ offers

    private Decision offer(Participant who, MakeOffer m, long nowMs) {
        mover(who);
        require(offerRate.allow(who.characterId(), nowMs), RATE_LIMITED,
                "at most " + offerRate.perMinute() + " offers a minute; give the others time to answer");
        require(m.getToCharacterIdsCount() > 0, INVALID_OFFER, "say who the offer is to");
        Set<String> to = new HashSet<>();
        for (String id : m.getToCharacterIdsList()) {
            // Everyone named must accept: naming one twice would make an offer that can never be accepted.
            require(to.add(otherCharacter(who, id)), INVALID_OFFER, id + " is named twice among the recipients");
        }
        require(m.getAskCount() + m.getPromiseCount() > 0, INVALID_OFFER,
                "an offer needs something asked of them or promised by you");
        if (m.getAskCount() > 0) {
            decided(ownedBy(to, known(m.getAskList()), "you can only ask the recipients to act on their own options"), "ask");
        }
        if (m.getPromiseCount() > 0) {
            decided(owned(who.characterId(), known(m.getPromiseList())), "promise");
        }
        if (m.getThreatCount() > 0) {
            decided(owned(who.characterId(), known(m.getThreatList())), "threaten");
        }
        if (!m.getCountersOfferId().isEmpty()) {
            require(state.offers().find(m.getCountersOfferId()).isPresent(), UNKNOWN_OFFER,
                    "there is no offer '" + m.getCountersOfferId() + "' to counter");
        }
        require(m.getNote().length() <= maxTextChars, TEXT_TOO_LONG, "the note is over " + maxTextChars + " characters");
        requireNone(TextRules.textProblem("the note", m.getNote()), INVALID_TEXT);
        Offer offer = Offer.newBuilder()
                .setOfferId(state.offers().nextId())
                .setFromCharacterId(who.characterId())
                .addAllToCharacterIds(m.getToCharacterIdsList())
                .addAllAsk(m.getAskList()).addAllPromise(m.getPromiseList()).addAllThreat(m.getThreatList())
                .setNote(m.getNote()).setCountersOfferId(m.getCountersOfferId())
                .build();
        talkBudget.check(offer.getFromCharacterId(), offer.getSerializedSize());
        return change(b -> b.setOfferMade(OfferMade.newBuilder().setOffer(offer)));
    }

    private Decision respond(Participant who, RespondToOffer r) {
        mover(who);
        Offer offer = state.offers().find(r.getOfferId())
                .orElseThrow(() -> new Refusal(UNKNOWN_OFFER, "there is no offer '" + r.getOfferId() + "'"));
        require(offer.getStatus() == Offer.Status.PENDING, WRONG_PHASE,
                "offer " + offer.getOfferId() + " is " + offer.getStatus().name().toLowerCase(java.util.Locale.ROOT));
        String me = who.characterId();
        switch (r.getResponse()) {
            case ACCEPT, REJECT -> {
                require(offer.getToCharacterIdsList().contains(me), NOT_ALLOWED, "that offer was not made to you");
                require(!offer.getAcceptedByList().contains(me), NOT_ALLOWED, "you have already accepted it");
            }
            case WITHDRAW -> require(offer.getFromCharacterId().equals(me), NOT_ALLOWED, "only its sender can withdraw an offer");
            default -> throw new Refusal(MALFORMED_COMMAND, "say accept, reject or withdraw");
        }
        return change(b -> b.setOfferAnswered(OfferAnswered.newBuilder()
                .setOfferId(offer.getOfferId()).setCharacterId(me).setResponse(r.getResponse())));
    }

    // ------------------------------------------------------------------ talk

    private Decision talk(Participant who, List<String> to, String text) {
        require(who.role() != Role.OBSERVER, NOT_ALLOWED, "observers watch; they do not speak");
        require(!who.muted(), MUTED, "the trainer has muted you");
        require(who.role() == Role.TRAINER || who.hasCharacter(), NO_CHARACTER, "you have no character yet");
        require(state.phase() != Phase.ENDED, WRONG_PHASE, "the session has ended");
        require(!text.isBlank(), MALFORMED_COMMAND, "say something");
        require(text.length() <= maxTextChars, TEXT_TOO_LONG,
                "that is " + text.length() + " characters; the limit is " + maxTextChars);
        requireNone(TextRules.textProblem("the text", text), INVALID_TEXT);
        for (String id : to) {
            otherCharacter(who, id);
        }
        String from = who.role() == Role.TRAINER ? "" : who.characterId();
        String name = who.role() == Role.TRAINER ? who.displayName()
                : state.board().character(from).map(dev.drama.engine.Character::name).orElse(who.displayName());
        Talk talk = Talk.newBuilder().setFromCharacterId(from).setFromName(name)
                .addAllToCharacterIds(to).setText(text).setPrivate(!to.isEmpty()).build();
        talkBudget.check(from, talk.getSerializedSize());
        return change(b -> b.setTalkSent(TalkSent.newBuilder().setTalk(talk)));
    }

    // ------------------------------------------------------------------ the trainer's controls

    private Decision advance(Participant who, AdvancePhase a, long nowMs) {
        trainer(who);
        Phase next = a.getTo() == Phase.PHASE_UNSPECIFIED ? PhasePlan.next(state.phase()) : a.getTo();
        require(next != Phase.UNRECOGNIZED && next != Phase.PHASE_UNSPECIFIED, MALFORMED_COMMAND, "no such phase");
        require(state.phase() != Phase.ENDED, WRONG_PHASE, "the session has ended");
        require(next != state.phase(), WRONG_PHASE, "the session is already in " + phaseName(next));
        long deadline = PhasePlan.minutes(state.pack(), next).map(m -> nowMs + m * 60_000L).orElse(0L);
        return change(b -> b.setPhaseChanged(PhaseChanged.newBuilder().setPhase(next).setDeadlineEpochMs(deadline)));
    }

    private Decision pause(Participant who, boolean paused, long nowMs) {
        trainer(who);
        PhaseClock clock = state.clock();
        require(paused != clock.paused(), WRONG_PHASE, paused ? "already paused" : "not paused");
        long remaining = clock.remainingMs(nowMs);
        ClockChanged.Builder c = ClockChanged.newBuilder().setPaused(paused);
        if (paused) {
            c.setRemainingMs(remaining).setDeadlineEpochMs(clock.deadlineEpochMs());
        } else {
            c.setDeadlineEpochMs(clock.deadlineEpochMs() == 0 ? 0 : nowMs + remaining);
        }
        return change(b -> b.setClockChanged(c));
    }

    private Decision extend(Participant who, int seconds, long nowMs) {
        trainer(who);
        require(seconds > 0, MALFORMED_COMMAND, "extend by a positive number of seconds");
        PhaseClock clock = state.clock();
        long base = clock.deadlineEpochMs() == 0 ? nowMs : clock.deadlineEpochMs();
        long extra = seconds * 1000L;
        return change(b -> b.setClockChanged(ClockChanged.newBuilder().setPaused(clock.paused())
                .setDeadlineEpochMs(clock.paused() ? clock.deadlineEpochMs() : base + extra)
                .setRemainingMs(clock.paused() ? clock.remainingMs(nowMs) + extra : 0)));
    }

    private Decision inject(Participant who, String injectId, String text) {
        trainer(who);
        if (!injectId.isEmpty()) {
            require(state.pack().inject(injectId).isPresent(), MALFORMED_COMMAND,
                    "the pack has no inject '" + injectId + "'; injects: "
                            + String.join(", ", state.pack().injects().stream().map(i -> i.id()).toList()));
        } else {
            require(!text.isBlank(), MALFORMED_COMMAND, "name an inject of the pack, or give its text");
            require(text.length() <= maxTextChars, TEXT_TOO_LONG, "the text is over " + maxTextChars + " characters");
        }
        requireNone(TextRules.textProblem("the text", text), INVALID_TEXT);
        return change(b -> b.setInjectSent(InjectSent.newBuilder().setInjectId(injectId).setText(text)));
    }

    // ------------------------------------------------------------------ the moment of truth and after

    private Decision commit(Participant who, Commit c) {
        player(who);
        require(state.phase() == Phase.MOMENT_OF_TRUTH, WRONG_PHASE,
                "commitments are made at the moment of truth; the session is in " + phaseName(state.phase()));
        require(!state.outcomeRevealed(), OUTCOME_REVEALED, "the outcome has been revealed; commitments are final");
        List<OptionSetting> choices = decided(owned(who.characterId(), known(c.getSettingsList())), "commit");
        return change(b -> b.setCommitted(Committed.newBuilder().setCharacterId(who.characterId()).addAllChoices(choices)));
    }

    private Decision export(Participant who, dev.drama.proto.ExportDebrief e) {
        require(who.role() == Role.TRAINER || Visibility.revealed(state.phase()),
                NOT_ALLOWED, "the debrief is shared when the trainer opens the debrief");
        return new Decision.Export(e.getFormat(), who.role() == Role.TRAINER);
    }
}
