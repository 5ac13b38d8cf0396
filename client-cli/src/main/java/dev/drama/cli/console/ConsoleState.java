package dev.drama.cli.console;

import dev.drama.cli.command.ParseContext;
import dev.drama.proto.BoardDelta;
import dev.drama.proto.BoardDeltas;
import dev.drama.proto.BoardView;
import dev.drama.proto.Briefing;
import dev.drama.proto.CharacterView;
import dev.drama.proto.Dilemma;
import dev.drama.proto.DilemmaEvent;
import dev.drama.proto.Offer;
import dev.drama.proto.OptionView;
import dev.drama.proto.Participant;
import dev.drama.proto.ParticipantEvent;
import dev.drama.proto.Role;
import dev.drama.proto.ServerMessage;
import dev.drama.proto.SessionJoined;
import dev.drama.proto.SessionState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What this console knows of its session, rebuilt from the messages the server sends:
 * who we are, the participants, the latest board, briefings, offers and the dilemmas
 * that currently hold. Read by the parser (names to ids), completion and the renderers.
 * Updated on the delivery thread and read on the input thread, hence synchronized.
 */
public final class ConsoleState implements ParseContext {
    private final Role consoleRole;
    private SessionJoined joined = SessionJoined.getDefaultInstance();
    private SessionState session = SessionState.getDefaultInstance();
    private final Map<String, Participant> participants = new LinkedHashMap<>();
    private BoardView board;
    /** A board delta did not follow from the board held: the whole board is wanted, and not yet asked for. */
    private boolean boardWanted;
    /** The whole board was asked for after a gap and has not come yet: other gaps need no new request. */
    private boolean boardAsked;
    private final Map<String, Briefing> briefings = new LinkedHashMap<>();
    private final Map<String, Offer> offers = new LinkedHashMap<>();
    private final Map<String, Dilemma> dilemmas = new LinkedHashMap<>();
    private final List<String> packIds = new ArrayList<>();
    private String myName = "";
    /** Between a SessionJoined that took a seat back and the CatchUp that ends what follows it. */
    private boolean catchingUp;
    /** Where /history pages back from: the earliest event seq shown so far (0: the latest). */
    private long historyBefore;
    private final List<String> injectIds = new ArrayList<>();

    /** @param consoleRole the role the console was opened for (a trainer console is TRAINER before any session) */
    public ConsoleState(Role consoleRole) {
        this.consoleRole = consoleRole;
    }

    public synchronized void apply(ServerMessage message) {
        switch (message.getBodyCase()) {
            case SESSION_JOINED -> {
                joined = message.getSessionJoined();
                // a (re)join is followed by a fresh snapshot of the current dilemmas
                dilemmas.clear();
                catchingUp = joined.getResumed();
            }
            case CATCH_UP -> {
                catchingUp = false;
                historyBefore = message.getCatchUp().getFirstShownSeq();
            }
            case HISTORY -> {
                if (message.getHistory().getFirstSeq() > 0) {
                    historyBefore = message.getHistory().getFirstSeq();
                }
                message.getHistory().getEventsList().forEach(this::apply);
            }
            case SESSION_STATE -> {
                session = message.getSessionState();
                participants.clear();
                session.getParticipantsList().forEach(p -> participants.put(p.getParticipantId(), p));
                updateMyCharacter();
            }
            case PARTICIPANT -> applyParticipant(message.getParticipant());
            case BOARD -> {
                board = message.getBoard();
                boardAsked = false;
            }
            case BOARD_DELTA -> applyDelta(message.getBoardDelta());
            case BRIEFING -> briefings.put(message.getBriefing().getCharacterId(), message.getBriefing());
            case OFFER -> offers.put(message.getOffer().getOffer().getOfferId(), message.getOffer().getOffer());
            case DILEMMA -> applyDilemma(message.getDilemma());
            case INJECTS -> {
                injectIds.clear();
                message.getInjects().getInjectsList().forEach(i -> injectIds.add(i.getInjectId()));
            }
            case PACKS -> {
                packIds.clear();
                message.getPacks().getPacksList().forEach(p -> packIds.add(p.getPackId()));
            }
            default -> {
                // other messages change nothing the console keeps
            }
        }
    }

    private void applyDelta(BoardDelta delta) {
        switch (BoardDeltas.fit(board, delta)) {
            case APPLIES -> board = BoardDeltas.apply(board, delta);
            case STALE -> {
                // a whole board that came meanwhile already has it
            }
            case GAP -> {
                boardWanted = !boardAsked;
                boardAsked = true;
            }
        }
    }

    /**
     * True once after a board delta showed that changes were missed: the console asks for
     * the whole board (GetBoard), and until it comes, later gaps ask nothing more.
     */
    public synchronized boolean takeBoardWanted() {
        boolean wanted = boardWanted;
        boardWanted = false;
        return wanted;
    }

    private void applyParticipant(ParticipantEvent event) {
        Participant participant = event.getParticipant();
        // an observer's seat ends when it leaves: it is no longer in the session
        if (event.getChange() == ParticipantEvent.Change.REMOVED || event.getChange() == ParticipantEvent.Change.COMPUTER_OFF
                || event.getChange() == ParticipantEvent.Change.LEFT && participant.getRole() == Role.OBSERVER) {
            participants.remove(participant.getParticipantId());
        } else {
            participants.put(participant.getParticipantId(), participant);
        }
        updateMyCharacter();
    }

    private void updateMyCharacter() {
        Participant me = participants.get(joined.getParticipantId());
        if (me != null && !me.getCharacterId().equals(joined.getCharacterId())) {
            joined = joined.toBuilder().setCharacterId(me.getCharacterId()).build();
        }
    }

    private void applyDilemma(DilemmaEvent event) {
        Dilemma dilemma = event.getDilemma();
        String key = dilemma.getKind() + "|" + dilemma.getHolderId() + "|" + dilemma.getTowardsId();
        if (event.getChange() == DilemmaEvent.Change.RESOLVED) {
            dilemmas.remove(key);
        } else {
            dilemmas.put(key, dilemma);
        }
    }

    // ------------------------------------------------------------------ views for renderers and commands

    /** The pack's inject ids, once the server has listed them (trainers). */
    public synchronized List<String> injectIds() {
        return List.copyOf(injectIds);
    }

    public synchronized SessionJoined joined() {
        return joined;
    }

    public synchronized SessionState session() {
        return session;
    }

    /** The name this console asked for (trainers: their seat's name; empty: the server's default). */
    public synchronized void named(String name) {
        myName = name == null ? "" : name;
    }

    /** True while the console is being caught up after taking its seat back: state comes in short. */
    public synchronized boolean catchingUp() {
        return catchingUp;
    }

    public synchronized List<Participant> participants() {
        return List.copyOf(participants.values());
    }

    public synchronized Optional<BoardView> board() {
        return Optional.ofNullable(board);
    }

    public synchronized Optional<Briefing> briefing(String characterId) {
        return Optional.ofNullable(briefings.get(characterId));
    }

    public synchronized List<Briefing> briefings() {
        return List.copyOf(briefings.values());
    }

    public synchronized List<Offer> offers() {
        return List.copyOf(offers.values());
    }

    public synchronized List<Dilemma> dilemmas() {
        return List.copyOf(dilemmas.values());
    }

    public synchronized List<String> packIds() {
        return List.copyOf(packIds);
    }

    /** A character's name for people; the id itself when the board does not know it. */
    @Override
    public synchronized String characterName(String characterId) {
        if (characterId.isEmpty()) {
            return "";
        }
        if (board != null) {
            for (CharacterView character : board.getCharactersList()) {
                if (character.getId().equals(characterId)) {
                    return character.getName().isEmpty() ? characterId : character.getName();
                }
            }
        }
        Briefing briefing = briefings.get(characterId);
        return briefing != null && !briefing.getCharacterName().isEmpty() ? briefing.getCharacterName() : characterId;
    }

    /** An option's label for people ("Fund detached youth outreach on the Parade"); the id when the board does not know it. */
    public synchronized String optionLabel(String optionId) {
        if (board != null) {
            for (OptionView option : board.getOptionsList()) {
                if (option.getId().equals(optionId) && !option.getLabel().isEmpty()) {
                    return option.getLabel();
                }
            }
        }
        return optionId;
    }

    public synchronized boolean isMe(String characterId) {
        return !characterId.isEmpty() && characterId.equals(joined.getCharacterId());
    }

    // ------------------------------------------------------------------ ParseContext

    @Override
    public synchronized Role role() {
        return joined.getRole() != Role.ROLE_UNSPECIFIED ? joined.getRole() : consoleRole;
    }

    @Override
    public synchronized String myCharacterId() {
        return joined.getCharacterId();
    }

    @Override
    public synchronized boolean boardKnown() {
        return board != null && board.getCharactersCount() > 0;
    }

    @Override
    public synchronized Optional<String> resolveCharacter(String word) {
        if (board != null) {
            for (CharacterView c : board.getCharactersList()) {
                if (c.getId().equals(word)) {
                    return Optional.of(c.getId());
                }
            }
            for (CharacterView c : board.getCharactersList()) {
                if (c.getId().equalsIgnoreCase(word) || c.getName().equalsIgnoreCase(word)
                        || (!c.getPlayedBy().isEmpty() && c.getPlayedBy().equalsIgnoreCase(word))) {
                    return Optional.of(c.getId());
                }
            }
        }
        for (Participant p : participants.values()) {
            if (!p.getCharacterId().isEmpty() && p.getDisplayName().equalsIgnoreCase(word)) {
                return Optional.of(p.getCharacterId());
            }
        }
        return Optional.empty();
    }

    @Override
    public synchronized Collection<String> characterIds() {
        return board == null ? List.of() : board.getCharactersList().stream().map(CharacterView::getId).toList();
    }

    @Override
    public synchronized Collection<String> characterNames() {
        if (board == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        board.getCharactersList().forEach(c -> names.add(c.getName()));
        participants.values().stream().filter(p -> !p.getCharacterId().isEmpty())
                .forEach(p -> names.add(p.getDisplayName()));
        return names;
    }

    @Override
    public synchronized Optional<OptionView> option(String optionId) {
        if (board == null) {
            return Optional.empty();
        }
        return board.getOptionsList().stream().filter(o -> o.getId().equals(optionId)).findFirst();
    }

    @Override
    public synchronized Collection<String> optionIds() {
        return board == null ? List.of() : board.getOptionsList().stream().map(OptionView::getId).toList();
    }

    @Override
    public synchronized boolean participantsKnown() {
        return !participants.isEmpty();
    }

    @Override
    public synchronized Optional<String> resolveParticipant(String nameOrId) {
        if (participants.containsKey(nameOrId)) {
            return Optional.of(nameOrId);
        }
        return participants.values().stream()
                .filter(p -> p.getDisplayName().equalsIgnoreCase(nameOrId)
                        || p.getParticipantId().equalsIgnoreCase(nameOrId))
                .map(Participant::getParticipantId).findFirst();
    }

    @Override
    public synchronized Optional<Offer> offer(String offerId) {
        return Optional.ofNullable(offers.get(offerId));
    }

    @Override
    public synchronized Collection<String> pendingOfferIds() {
        return offers.values().stream().filter(o -> o.getStatus() == Offer.Status.PENDING).map(Offer::getOfferId)
                .toList();
    }

    @Override
    public synchronized String myName() {
        return myName;
    }

    @Override
    public synchronized long historyBefore() {
        return historyBefore;
    }

    /** Names for completion: display names of participants. */
    public synchronized List<String> participantNames() {
        return participants.values().stream().map(Participant::getDisplayName).toList();
    }
}
