package dev.drama.bots;

import dev.drama.proto.BoardDelta;
import dev.drama.proto.BoardDeltas;
import dev.drama.proto.BoardView;
import dev.drama.proto.CharacterStance;
import dev.drama.proto.CharacterView;
import dev.drama.proto.Dilemma;
import dev.drama.proto.DilemmaEvent;
import dev.drama.proto.Offer;
import dev.drama.proto.OptionView;
import dev.drama.proto.Phase;
import dev.drama.proto.ServerMessage;
import dev.drama.proto.Talk;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one character's seat knows, from the messages it received: the public board, the
 * phase, its own briefing's mandate, its own current dilemmas with their ways out, the offers
 * it is party to and the talk addressed to it. Nothing else: a bot cannot act on what its
 * character may not know. Board changes all go through {@link #board(BoardView)}, so a board
 * delta is one more method beside it.
 */
final class SeatView {
    private static final int TALK_KEPT = 20;

    private final String self;
    private Phase phase = Phase.PHASE_UNSPECIFIED;
    private boolean paused;
    private String name;
    private String mandate = "";
    private final Map<String, String> characterNames = new LinkedHashMap<>();
    private final Map<String, OptionView> options = new LinkedHashMap<>();
    private final Map<String, Map<String, Boolean>> positions = new LinkedHashMap<>();
    private final Map<String, Map<String, Boolean>> intentions = new LinkedHashMap<>();
    private final Map<String, Set<String>> doubts = new LinkedHashMap<>();
    private Map<String, Boolean> threatened = Map.of();
    private boolean crisisPoint;
    private boolean commitmentPoint;
    private final Map<String, Dilemma> dilemmas = new LinkedHashMap<>();
    private final Map<String, Offer> offers = new LinkedHashMap<>();
    private final Deque<Talk> talk = new ArrayDeque<>();
    private Map<String, Boolean> committed = Map.of();
    /** The values its own moves set this phase, on its position and on its intentions: not to be undone lightly. */
    private final Map<String, Boolean> ownPositionMoves = new LinkedHashMap<>();
    private final Map<String, Boolean> ownIntentionMoves = new LinkedHashMap<>();
    private boolean outcomeRevealed;
    /** The board as last told, to apply the next delta to; null before the first whole board. */
    private BoardView held;
    private boolean gap;
    /** Counts changes that could matter to a decision. */
    private long version;

    SeatView(String self) {
        this.self = self;
        this.name = self;
    }

    /** Takes in one message the seat received; returns whether it changed what the seat knows. */
    boolean apply(ServerMessage m) {
        boolean changed = switch (m.getBodyCase()) {
            case SESSION_STATE -> session(m.getSessionState());
            case BRIEFING -> briefing(m.getBriefing());
            case BOARD -> board(m.getBoard());
            case BOARD_DELTA -> delta(m.getBoardDelta());
            case DILEMMA -> dilemma(m.getDilemma());
            case OFFER -> offer(m.getOffer().getOffer());
            case TALK -> talk(m.getTalk());
            case COMMITMENT -> commitment(m.getCommitment());
            case OUTCOME, DEBRIEF_SUMMARY -> !outcomeRevealed && (outcomeRevealed = true);
            // A catch-up follows: it re-sends the dilemmas that are current, so forget the old ones.
            case SESSION_JOINED -> {
                dilemmas.clear();
                yield true;
            }
            default -> false;
        };
        if (changed) {
            version++;
        }
        return changed;
    }

    private boolean session(dev.drama.proto.SessionState s) {
        boolean changed = s.getPhase() != phase || s.getPaused() != paused;
        if (s.getPhase() != phase) {
            ownPositionMoves.clear();
            ownIntentionMoves.clear();
        }
        phase = s.getPhase();
        paused = s.getPaused();
        return changed;
    }

    private boolean briefing(dev.drama.proto.Briefing b) {
        if (!b.getCharacterId().equals(self)) {
            return false; // in the debrief every briefing is everyone's
        }
        name = b.getCharacterName().isBlank() ? self : b.getCharacterName();
        mandate = b.getMandate();
        return true;
    }

    /**
     * A change to the board: applied when it follows the board held; a gap (a change missed)
     * makes the seat ask for the whole board, which {@link #needsWholeBoard()} says.
     */
    private boolean delta(BoardDelta d) {
        return switch (BoardDeltas.fit(held, d)) {
            case APPLIES -> board(BoardDeltas.apply(held, d));
            case STALE -> false;
            case GAP -> {
                boolean news = !gap;
                gap = true;
                yield news;
            }
        };
    }

    /** Whether it missed a board change and should ask for the whole board before deciding. */
    boolean needsWholeBoard() {
        return gap;
    }

    /** The seat asked for the whole board: it does not ask again until one arrives. */
    void wholeBoardAsked() {
        gap = false;
    }

    /** A whole board (on joining, or as GetBoard answers), or the board a delta made. */
    boolean board(BoardView b) {
        held = b;
        gap = false;
        if (b.getChangedBy().equals(self)) {
            for (CharacterStance s : b.getStancesList()) {
                if (s.getCharacterId().equals(self)) {
                    remember(ownPositionMoves, position(self), Commands.values(s.getPositionList()));
                    remember(ownIntentionMoves, intentions(self), Commands.values(s.getIntentionsList()));
                }
            }
        }
        characterNames.clear();
        for (CharacterView c : b.getCharactersList()) {
            characterNames.put(c.getId(), c.getName().isBlank() ? c.getId() : c.getName());
        }
        options.clear();
        for (OptionView o : b.getOptionsList()) {
            options.put(o.getId(), o);
        }
        positions.clear();
        intentions.clear();
        doubts.clear();
        for (CharacterStance s : b.getStancesList()) {
            positions.put(s.getCharacterId(), Commands.values(s.getPositionList()));
            intentions.put(s.getCharacterId(), Commands.values(s.getIntentionsList()));
            doubts.put(s.getCharacterId(), new LinkedHashSet<>(s.getDoubtsList()));
        }
        threatened = Commands.values(b.getThreatenedFutureList());
        crisisPoint = b.getCrisisPoint();
        commitmentPoint = b.getCommitmentPoint();
        return true;
    }

    /** What its own move changed: values set, and options left open (remembered as absent from {@code after}). */
    private static void remember(Map<String, Boolean> moves, Map<String, Boolean> before, Map<String, Boolean> after) {
        after.forEach((id, v) -> {
            if (!v.equals(before.get(id))) {
                moves.put(id, v);
            }
        });
        before.keySet().stream().filter(id -> !after.containsKey(id)).forEach(moves::remove);
    }

    private boolean dilemma(DilemmaEvent e) {
        Dilemma d = e.getDilemma();
        if (!d.getHolderId().equals(self)) {
            return false; // in the debrief every dilemma is everyone's
        }
        if (e.getChange() == DilemmaEvent.Change.RESOLVED) {
            return dilemmas.remove(key(d)) != null;
        }
        dilemmas.put(key(d), d);
        return true;
    }

    private boolean offer(Offer o) {
        return !o.equals(offers.put(o.getOfferId(), o));
    }

    private boolean talk(Talk t) {
        if (t.getFromCharacterId().equals(self)) {
            return false;
        }
        talk.addLast(t);
        if (talk.size() > TALK_KEPT) {
            talk.removeFirst();
        }
        return true;
    }

    private boolean commitment(dev.drama.proto.CommitmentEvent c) {
        if (!c.getCharacterId().equals(self) || c.getChoicesCount() == 0) {
            return false;
        }
        committed = Commands.values(c.getChoicesList());
        return true;
    }

    /** Identity of a dilemma across events: "persuasion:a->b", "threat:a". */
    static String key(Dilemma d) {
        String kind = d.getKind().name().toLowerCase(java.util.Locale.ROOT);
        return d.getTowardsId().isEmpty() ? kind + ":" + d.getHolderId() : kind + ":" + d.getHolderId() + "->" + d.getTowardsId();
    }

    // ------------------------------------------------------------------ reading

    String self() {
        return self;
    }

    long version() {
        return version;
    }

    Phase phase() {
        return phase;
    }

    boolean paused() {
        return paused;
    }

    String name() {
        return name;
    }

    String mandate() {
        return mandate;
    }

    String nameOf(String characterId) {
        return characterId.equals(self) ? name : characterNames.getOrDefault(characterId, characterId);
    }

    boolean hasBoard() {
        return !options.isEmpty();
    }

    /** Option ids in board order. */
    List<String> optionIds() {
        return List.copyOf(options.keySet());
    }

    Optional<OptionView> option(String id) {
        return Optional.ofNullable(options.get(id));
    }

    String label(String optionId) {
        OptionView o = options.get(optionId);
        return o == null ? optionId : o.getLabel();
    }

    String ownerOf(String optionId) {
        OptionView o = options.get(optionId);
        return o == null ? "" : o.getOwnerId();
    }

    /** The options the character owns, in board order. */
    List<String> optionsOf(String characterId) {
        return options.values().stream().filter(o -> o.getOwnerId().equals(characterId)).map(OptionView::getId).toList();
    }

    Map<String, Boolean> position(String characterId) {
        return positions.getOrDefault(characterId, Map.of());
    }

    Map<String, Boolean> intentions(String characterId) {
        return intentions.getOrDefault(characterId, Map.of());
    }

    Set<String> doubts(String characterId) {
        return doubts.getOrDefault(characterId, Set.of());
    }

    /** T: every option at its owner's stated intention, else its status quo. */
    Map<String, Boolean> threatened() {
        return threatened;
    }

    boolean crisisPoint() {
        return crisisPoint;
    }

    boolean commitmentPoint() {
        return commitmentPoint;
    }

    /** Its own current dilemmas, in the order they arose. */
    Collection<Dilemma> dilemmas() {
        return dilemmas.values();
    }

    /** Every offer it is party to, as it last heard of each. */
    Collection<Offer> offers() {
        return offers.values();
    }

    /** Pending offers made to it that it has not answered yet. */
    List<Offer> offersAwaitingMe() {
        return offers.values().stream()
                .filter(o -> o.getStatus() == Offer.Status.PENDING && o.getToCharacterIdsList().contains(self)
                        && !o.getAcceptedByList().contains(self))
                .toList();
    }

    /** Accepted offers it is a party to: its agreements. */
    List<Offer> agreements() {
        return offers.values().stream()
                .filter(o -> o.getStatus() == Offer.Status.ACCEPTED
                        && (o.getFromCharacterId().equals(self) || o.getToCharacterIdsList().contains(self)))
                .toList();
    }

    /** The values an agreement fixes: what the recipients were asked and what the sender promised. */
    static Map<String, Boolean> agreed(Offer o) {
        Map<String, Boolean> values = new LinkedHashMap<>(Commands.values(o.getAskList()));
        values.putAll(Commands.values(o.getPromiseList()));
        return values;
    }

    /** Public talk and private talk to it, oldest first (the last few only). */
    List<Talk> talk() {
        return new ArrayList<>(talk);
    }

    /** Values its own moves fixed on its position this phase. */
    Map<String, Boolean> ownPositionMoves() {
        return ownPositionMoves;
    }

    /** Values its own moves stated as intentions this phase. */
    Map<String, Boolean> ownIntentionMoves() {
        return ownIntentionMoves;
    }

    /** "Label: yes and Other: no", for lines and reasons. */
    String describe(Map<String, Boolean> values) {
        return values.entrySet().stream().map(e -> label(e.getKey()) + ": " + (e.getValue() ? "yes" : "no"))
                .collect(java.util.stream.Collectors.joining(" and "));
    }

    /** "Karen Whitlow's", "Residents'". */
    String possessive(String characterId) {
        String n = nameOf(characterId);
        return n + (n.endsWith("s") ? "'" : "'s");
    }

    Map<String, Boolean> committed() {
        return committed;
    }

    boolean outcomeRevealed() {
        return outcomeRevealed;
    }
}
