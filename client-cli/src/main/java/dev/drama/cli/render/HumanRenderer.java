package dev.drama.cli.render;

import dev.drama.cli.command.Choices;
import dev.drama.cli.console.ConsoleState;
import dev.drama.proto.BoardView;
import dev.drama.proto.Briefing;
import dev.drama.proto.CatchUp;
import dev.drama.proto.CharacterOutcome;
import dev.drama.proto.CharacterStance;
import dev.drama.proto.CharacterView;
import dev.drama.proto.Choice;
import dev.drama.proto.CommitmentEvent;
import dev.drama.proto.Dilemma;
import dev.drama.proto.DilemmaEvent;
import dev.drama.proto.CohortGroupLinks;
import dev.drama.proto.CohortOpened;
import dev.drama.proto.Error;
import dev.drama.proto.HistoryPage;
import dev.drama.proto.InjectEvent;
import dev.drama.proto.Offer;
import dev.drama.proto.OfferEvent;
import dev.drama.proto.OptionSetting;
import dev.drama.proto.OptionView;
import dev.drama.proto.PackSummary;
import dev.drama.proto.Participant;
import dev.drama.proto.ParticipantEvent;
import dev.drama.proto.Phase;
import dev.drama.proto.Role;
import dev.drama.proto.ServerMessage;
import dev.drama.proto.SessionJoined;
import dev.drama.proto.SessionState;
import dev.drama.proto.SessionSummary;
import dev.drama.proto.Talk;
import dev.drama.proto.WayOut;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * Server messages in plain words for people, with colour: dilemmas that arise in red
 * (yours) or yellow (others', for trainers), resolved ones in green, private talk in
 * magenta, errors in red. Prose is wrapped to the terminal's width with a hanging indent;
 * briefings and the introduction are drawn from their Markdown. Reads names from the
 * {@link ConsoleState}, which has already taken the message in. Keeps a little memory of
 * its own (the phase last shown, whether the introduction was shown, the board last
 * shown) so that repeated session states are not repeated on screen, and a board after a
 * move is told as what changed rather than printed whole.
 */
public final class HumanRenderer {
    /** Ways out shown with a dilemma; /ways N shows them all. */
    static final int WAYS_OUT_SHOWN = 3;
    static final AttributedStyle HEADING = AttributedStyle.BOLD.foreground(AttributedStyle.BLUE);
    static final AttributedStyle ERROR = AttributedStyle.DEFAULT.foreground(AttributedStyle.RED);
    static final AttributedStyle MY_DILEMMA = AttributedStyle.BOLD.foreground(AttributedStyle.RED);
    static final AttributedStyle OTHER_DILEMMA = AttributedStyle.BOLD.foreground(AttributedStyle.YELLOW);
    static final AttributedStyle RESOLVED = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
    static final AttributedStyle PRIVATE = AttributedStyle.DEFAULT.foreground(AttributedStyle.MAGENTA);
    static final AttributedStyle SPEAKER = AttributedStyle.BOLD.foreground(AttributedStyle.CYAN);
    static final AttributedStyle NOTICE = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
    static final AttributedStyle FAINT = AttributedStyle.DEFAULT.faint();

    private final ConsoleState state;
    private final LongSupplier clock;
    private final IntSupplier width;
    private final OfferText words;
    private final BoardChanges boardChanges;
    private BoardView lastBoard;
    private final RevealText reveal;
    private Phase lastPhase = Phase.PHASE_UNSPECIFIED;
    private boolean lastPaused;
    private String introductionShown = "";

    public HumanRenderer(ConsoleState state) {
        this(state, System::currentTimeMillis);
    }

    public HumanRenderer(ConsoleState state, LongSupplier clock) {
        this(state, clock, () -> Wrap.DEFAULT_WIDTH);
    }

    /** @param width the terminal's width in columns, asked at each message (0 when unknown) */
    public HumanRenderer(ConsoleState state, LongSupplier clock, IntSupplier width) {
        this.state = state;
        this.clock = clock;
        this.width = width;
        this.reveal = new RevealText(state);
        this.words = new OfferText(state);
        this.boardChanges = new BoardChanges(words);
    }

    private int width() {
        return Wrap.usable(width.getAsInt());
    }

    /** A console's own line (a local error, news of the connection) wrapped like the server's messages. */
    public AttributedString wrapped(AttributedString text) {
        return Wrap.lines(text, width());
    }

    /** What to show for a message; an empty string when there is nothing worth showing (acks, pongs). */
    public AttributedString render(ServerMessage message) {
        AttributedStringBuilder out = new AttributedStringBuilder();
        switch (message.getBodyCase()) {
            case WELCOME -> out.append("connected to " + message.getWelcome().getServer()
                    + (message.getWelcome().getTrainer() ? " as trainer" : ""), FAINT);
            case ERROR -> error(out, message.getError());
            case SESSION_JOINED -> joined(out, message.getSessionJoined());
            case SESSION_STATE -> sessionState(out, message.getSessionState());
            case PARTICIPANT -> participant(out, message.getParticipant());
            case BRIEFING -> {
                if (state.catchingUp()) {
                    briefingLine(out, message.getBriefing());
                } else {
                    briefing(out, message.getBriefing());
                }
            }
            case BOARD -> {
                if (!state.catchingUp()) {
                    return board(message.getBoard(), message.getRequestId() != 0);
                }
                lastBoard = message.getBoard();
                boardLine(out, message.getBoard());
            }
            case BOARD_DELTA -> {
                // the console state has applied it; a stale one, or one after a gap (the whole board is on its way), says nothing
                BoardView now = state.board().orElse(null);
                if (now != null && now.getVersion() == message.getBoardDelta().getVersion() && now != lastBoard) {
                    return board(now, false);
                }
            }
            case CATCH_UP -> catchUp(out, message.getCatchUp());
            case HISTORY -> history(out, message.getHistory());
            case OFFER -> offer(out, message.getOffer());
            case TALK -> talk(out, message.getTalk());
            case DILEMMA -> dilemma(out, message.getDilemma());
            case INJECT -> inject(out, message.getInject());
            case OUTCOME -> reveal.outcome(out, message.getOutcome());
            case DEBRIEF -> out.append(message.getDebrief().getContent());
            case SESSIONS -> {
                sessions(out, message.getSessions().getSessionsList());
                return out.toAttributedString();
            }
            case PACKS -> {
                packs(out, message.getPacks().getPacksList());
                return out.toAttributedString();
            }
            case COMMITMENT -> commitment(out, message.getCommitment());
            case NOTICE -> out.append((message.getNotice().getTrainersOnly() ? "[for trainers] " : "")
                    + message.getNotice().getText(), NOTICE);
            case INJECTS -> InjectTable.render(out, message.getInjects(), clock);
            case GUIDE -> out.append("Facilitator guide", HEADING).append("\n").append(message.getGuide().getText().isBlank()
                    ? "this pack has no facilitator guide" : message.getGuide().getText().strip());
            case DEBRIEF_SUMMARY -> reveal.summary(out, message.getDebriefSummary());
            case JOIN_CODE -> out.append("New join code: " + message.getJoinCode().getJoinCode()
                    + " (the old one no longer works)", NOTICE);
            case DASHBOARD_LINKS -> out.append("Dashboard (yours, it holds a trainer token): "
                    + message.getDashboardLinks().getDashboardUrl() + "\nProjector (safe to show the room): "
                    + message.getDashboardLinks().getProjectorUrl(), NOTICE);
            case COHORT_OPENED -> cohortOpened(out, message.getCohortOpened());
            case ACK, PONG, BODY_NOT_SET -> {
                // nothing to say
            }
        }
        // tables (board, sessions, packs) are laid out by TextTable; everything else is prose
        return Wrap.lines(out.toAttributedString(), width());
    }

    // ------------------------------------------------------------------ session and people

    private static void cohortOpened(AttributedStringBuilder out, CohortOpened cohort) {
        out.append("Cohort of " + cohort.getGroupsCount() + " groups on " + cohort.getPackId(), HEADING);
        for (CohortGroupLinks g : cohort.getGroupsList()) {
            out.append("\nGroup " + g.getNumber() + ": join code " + g.getJoinCode() + (g.getNumber() == 1 ? " (you are here)" : ""));
            if (!g.getDashboardUrl().isEmpty()) {
                out.append("\n  dashboard " + g.getDashboardUrl() + "\n  projector " + g.getProjectorUrl(), FAINT);
            }
        }
        out.append("\nMove to a group with /attach CODE.", NOTICE);
        if (!cohort.getCohortUrl().isEmpty()) {
            out.append("\nCohort page (yours, it holds a trainer token): " + cohort.getCohortUrl(), NOTICE);
        }
    }

    private static void error(AttributedStringBuilder out, Error error) {
        out.append("refused: " + error.getMessage(), ERROR);
        out.append(" (" + error.getCode().name().toLowerCase(Locale.ROOT) + ")", FAINT);
    }

    private void joined(AttributedStringBuilder out, SessionJoined joined) {
        out.append("Session " + joined.getJoinCode(), HEADING);
        if (!joined.getPackTitle().isEmpty()) {
            out.append(": " + joined.getPackTitle(), HEADING);
        }
        out.append("\n");
        switch (joined.getRole()) {
            case TRAINER -> out.append("You are the trainer. Trainees join with:  drama join " + joined.getJoinCode()
                    + " --name NAME\nAssign characters with /assign NAME CHARACTER, then /phase briefing.");
            case OBSERVER -> out.append("You are watching: the public board and public talk.");
            default -> out.append(joined.getCharacterId().isEmpty()
                    ? "You have joined. The trainer will give you a character (or try /choose CHARACTER)."
                    : "You play " + state.characterName(joined.getCharacterId()) + ".");
        }
    }

    private void sessionState(AttributedStringBuilder out, SessionState session) {
        if (!session.getIntroduction().isEmpty() && !session.getIntroduction().equals(introductionShown)) {
            introductionShown = session.getIntroduction();
            if (!session.getIntroduction().strip().startsWith("# ")) {
                // the introduction has no title of its own
                out.append(session.getPackTitle().isEmpty() ? "The scenario" : session.getPackTitle(), HEADING).append("\n");
            }
            out.append(MarkdownText.render(session.getIntroduction(), width())).append("\n\n");
        }
        if (session.getPhase() != lastPhase || session.getPaused() != lastPaused) {
            lastPhase = session.getPhase();
            lastPaused = session.getPaused();
            out.append("Phase: " + phaseName(session.getPhase()), HEADING);
            String clock = clockText(session);
            if (!clock.isEmpty()) {
                out.append(" (" + clock + ")");
            }
            out.append(phaseHint(session.getPhase()), FAINT);
        }
    }

    public static String phaseName(Phase phase) {
        return switch (phase) {
            case LOBBY -> "lobby";
            case BRIEFING -> "briefing";
            case NEGOTIATION -> "negotiation";
            case MOMENT_OF_TRUTH -> "moment of truth";
            case DEBRIEF -> "debrief";
            case ENDED -> "ended";
            default -> "?";
        };
    }

    private String phaseHint(Phase phase) {
        boolean player = state.role() == Role.TRAINEE;
        return switch (phase) {
            case BRIEFING -> player ? "  read your briefing (/briefing) and the board (/board)" : "";
            case NEGOTIATION -> player ? "  /position, /intend, /offer, /say, /tell; /help for more" : "";
            case MOMENT_OF_TRUTH -> player ? "  choose for real: /commit OPTION=yes|no ..." : "";
            default -> "";
        };
    }

    /** "12 min left", "paused, 3 min left", or empty when the phase has no clock. */
    String clockText(SessionState session) {
        long seconds;
        if (session.getPaused()) {
            seconds = session.getRemainingSeconds();
        } else if (session.getPhaseDeadlineEpochMs() > 0) {
            seconds = Math.max(0, (session.getPhaseDeadlineEpochMs() - clock.getAsLong()) / 1000);
        } else {
            return session.getPaused() ? "paused" : "";
        }
        String left = seconds >= 120 ? (seconds / 60) + " min left" : seconds + " s left";
        return session.getPaused() ? "paused, " + left : left;
    }

    private void participant(AttributedStringBuilder out, ParticipantEvent event) {
        Participant p = event.getParticipant();
        String name = p.getDisplayName() + (p.getRole() == Role.OBSERVER ? " (observer)" : "");
        String text = switch (event.getChange()) {
            case JOINED -> name + " joined";
            case LEFT -> name + " lost connection";
            case BACK -> name + " is back";
            case ASSIGNED -> p.getCharacterId().isEmpty() ? name + " has no character now"
                    : name + " plays " + state.characterName(p.getCharacterId());
            case REMOVED -> name + " was removed from the session";
            case MUTED -> name + " was muted by the trainer";
            case UNMUTED -> name + " may talk again";
            case COMPUTER_ON -> state.characterName(p.getCharacterId()) + " is now played by the computer, as a "
                    + p.getComputerStance();
            case COMPUTER_OFF -> state.characterName(p.getCharacterId()) + " is no longer played by the computer";
            default -> name + " changed";
        };
        out.append(text, FAINT);
    }

    /** The /who view: participants, their characters and whether they are connected. */
    public AttributedString who() {
        AttributedStringBuilder out = new AttributedStringBuilder();
        SessionState session = state.session();
        out.append("Session " + state.joined().getJoinCode(), HEADING);
        if (session.getPhase() != Phase.PHASE_UNSPECIFIED) {
            out.append(", phase " + phaseName(session.getPhase()));
            String clock = clockText(session);
            if (!clock.isEmpty()) {
                out.append(", " + clock);
            }
        }
        List<Participant> participants = state.participants();
        if (participants.isEmpty()) {
            return out.append("\nnobody yet").toAttributedString();
        }
        TextTable table = new TextTable().row(List.of("name", "role", "character", ""));
        for (Participant p : participants) {
            table.row(List.of(p.getDisplayName(), p.getComputerStance().isEmpty() ? p.getRole().name().toLowerCase(Locale.ROOT)
                            : "computer",
                    p.getCharacterId().isEmpty() ? "-" : state.characterName(p.getCharacterId()),
                    p.getConnected() ? "" : "(disconnected)"));
        }
        table.lines().forEach(line -> out.append("\n").append(line));
        return out.toAttributedString();
    }

    private void briefing(AttributedStringBuilder out, Briefing briefing) {
        boolean mine = state.isMe(briefing.getCharacterId());
        out.append((mine ? "Your briefing: " : "Briefing for ") + briefing.getCharacterName(), HEADING).append("\n");
        out.append(MarkdownText.render(briefing.getText(), width()));
        if (!briefing.getMandate().isEmpty()) {
            out.append("\n").append("Mandate: ", AttributedStyle.BOLD).append(briefing.getMandate());
        }
        if (briefing.getPreferencesCount() > 0) {
            out.append("\n").append(mine ? "What matters to you, most important first:" : "What matters, most important first:",
                    AttributedStyle.BOLD);
            if (!briefing.getPreferencesChangedBy().isEmpty()) {
                out.append(" (changed by the news \"" + briefing.getPreferencesChangedBy() + "\")", NOTICE);
            }
            for (int i = 0; i < briefing.getPreferencesCount(); i++) {
                out.append("\n  " + (i + 1) + ". " + briefing.getPreferences(i));
            }
        }
    }

    // ------------------------------------------------------------------ the board

    // ------------------------------------------------------------------ coming back: a catch-up, not a replay

    /** The board in one line, for a console that takes its seat back: /board shows it whole. */
    private void boardLine(AttributedStringBuilder out, BoardView board) {
        long positions = board.getStancesList().stream().filter(s -> s.getPositionCount() > 0).count();
        out.append("Board: ", HEADING).append(board.getCharactersCount() + " characters, " + board.getOptionsCount()
                + " options, " + positions + " with a position"
                + (board.getCrisisPoint() ? "; crisis point: positions conflict" : "")
                + (board.getCommitmentPoint() ? "; commitment point" : ""));
        out.append("  (/board shows it)", FAINT);
    }

    private void briefingLine(AttributedStringBuilder out, Briefing briefing) {
        boolean mine = state.isMe(briefing.getCharacterId());
        out.append((mine ? "Your briefing: " : "Briefing for ") + briefing.getCharacterName(), HEADING);
        out.append("  (/briefing" + (mine ? "" : " " + briefing.getCharacterId()) + " shows it)", FAINT);
    }

    private static void catchUp(AttributedStringBuilder out, CatchUp catchUp) {
        String earlier = catchUp.getNotShown() == 0 ? ""
                : "; " + catchUp.getNotShown() + " earlier not shown: /history shows them";
        if (catchUp.getResumed()) {
            out.append(catchUp.getEvents() == 0 && catchUp.getNotShown() == 0 ? "Back in your seat: nothing new since you left"
                    : "Back in your seat: " + catchUp.getEvents() + " events since you left, above" + earlier, NOTICE);
        } else if (catchUp.getNotShown() > 0) {
            out.append("The latest " + catchUp.getEvents() + " events are above" + earlier, NOTICE);
        }
    }

    private void history(AttributedStringBuilder out, HistoryPage page) {
        if (page.getEventsCount() == 0) {
            out.append("No earlier events kept", NOTICE);
            return;
        }
        out.append("Earlier (" + page.getEventsCount() + " events):", HEADING);
        for (ServerMessage event : page.getEventsList()) {
            AttributedString line = render(event);
            if (line.length() > 0) {
                out.append("\n").append(line);
            }
        }
        if (page.getEarlier() > 0) {
            out.append("\n" + page.getEarlier() + " more before these: /history again", NOTICE);
        }
    }

    /**
     * The whole board when asked for (a reply to /board), when it is the first one seen
     * or when its options or characters changed; otherwise (a delta applied) one line per
     * change, and nothing when nothing visible changed (a new player, say).
     */
    private AttributedString board(BoardView board, boolean asked) {
        BoardView before = lastBoard;
        lastBoard = board;
        AttributedStringBuilder out = new AttributedStringBuilder();
        if (before != null) {
            List<String> changes = boardChanges.between(before, board);
            if (!asked && !BoardChanges.reshaped(before, board)) {
                return Wrap.lines(new AttributedString(String.join("\n", changes), NOTICE), width());
            }
            changes.forEach(change -> out.append(Wrap.lines(new AttributedString(change, NOTICE), width())).append("\n"));
        }
        board(out, board);
        return out.toAttributedString();
    }

    /** The board as a table: options by row, characters by column. */
    private void board(AttributedStringBuilder out, BoardView board) {
        out.append("Board", HEADING);
        if (board.getCrisisPoint()) {
            out.append(" - crisis point: positions conflict", HEADING);
        } else if (board.getCommitmentPoint()) {
            out.append(" - commitment point: every position is the threatened future", HEADING);
        }
        if (!board.getChangedBy().isEmpty()) {
            out.append("  (after a move by " + name(board, board.getChangedBy()) + ")", FAINT);
        }
        Map<String, Choice> threatened = settingsMap(board.getThreatenedFutureList());
        List<String> header = new ArrayList<>(List.of("option", "", "owner", "now", "threat"));
        for (CharacterView c : board.getCharactersList()) {
            header.add(c.getId() + (state.isMe(c.getId()) ? "*" : ""));
        }
        TextTable table = new TextTable().row(header);
        for (OptionView option : board.getOptionsList()) {
            List<String> row = new ArrayList<>(List.of(option.getId(), TextTable.cut(option.getLabel(), 34),
                    option.getOwnerId(), Choices.word(option.getStatusQuo()),
                    word(threatened.get(option.getId()))));
            for (CharacterView c : board.getCharactersList()) {
                row.add(stanceCell(board, c.getId(), option));
            }
            table.row(row);
        }
        table.lines().forEach(line -> out.append("\n").append(line));
        out.append("\n").append("now: status quo; threat: the threatened future; per character: position"
                + " (-> stated intention on its own options); - open", FAINT);
        List<String> names = board.getCharactersList().stream()
                .map(c -> c.getId() + " = " + c.getName() + (c.getPlayedBy().isEmpty() ? "" : " (" + c.getPlayedBy() + ")"))
                .toList();
        out.append("\n").append(String.join("; ", names), FAINT);
        List<String> doubts = new ArrayList<>();
        for (CharacterStance stance : board.getStancesList()) {
            for (String about : stance.getDoubtsList()) {
                doubts.add(stance.getCharacterId() + " doubts " + about);
            }
        }
        if (!doubts.isEmpty()) {
            out.append("\nDoubts: " + String.join(", ", doubts));
        }
        if (board.getPreferencesChangedCount() > 0) {
            out.append("\nPreferences changed by news: " + String.join(", ", board.getPreferencesChangedList().stream()
                    .map(id -> name(board, id)).toList()) + " (/briefing shows them)", NOTICE);
        }
    }

    private static String stanceCell(BoardView board, String characterId, OptionView option) {
        CharacterStance stance = board.getStancesList().stream()
                .filter(s -> s.getCharacterId().equals(characterId)).findFirst()
                .orElse(CharacterStance.getDefaultInstance());
        Choice position = settingsMap(stance.getPositionList()).get(option.getId());
        String cell = position == null || position == Choice.OPEN ? "-" : Choices.word(position);
        if (option.getOwnerId().equals(characterId)) {
            Choice intention = settingsMap(stance.getIntentionsList()).get(option.getId());
            if (intention != null && intention != Choice.OPEN) {
                cell += " ->" + Choices.word(intention);
            }
        }
        return cell;
    }

    private static Map<String, Choice> settingsMap(List<OptionSetting> settings) {
        return settings.stream().collect(Collectors.toMap(OptionSetting::getOptionId, OptionSetting::getChoice,
                (a, b) -> b));
    }

    private static String word(Choice choice) {
        return choice == null || choice == Choice.OPEN ? "-" : Choices.word(choice);
    }

    private static String name(BoardView board, String characterId) {
        return board.getCharactersList().stream().filter(c -> c.getId().equals(characterId))
                .map(CharacterView::getName).findFirst().orElse(characterId);
    }

    // ------------------------------------------------------------------ moves

    private void offer(AttributedStringBuilder out, OfferEvent event) {
        Offer offer = event.getOffer();
        String from = words.who(offer.getFromCharacterId());
        String to = words.recipients(offer);
        String id = offer.getOfferId();
        boolean forMe = offer.getToCharacterIdsList().stream().anyMatch(state::isMe);
        if (offer.getStatus() == Offer.Status.PENDING) {
            out.append("Offer " + id, AttributedStyle.BOLD)
                    .append(offer.getCountersOfferId().isEmpty() ? "" : " (counter to offer " + offer.getCountersOfferId() + ")")
                    .append(" from " + from + " to " + to + ":");
            if (offer.getAskCount() > 0) {
                String doer = forMe ? "you do" : to + (offer.getToCharacterIdsCount() > 1 ? " do" : " does");
                out.append("\n  if " + doer + ": " + settings(offer.getAskList()));
            }
            if (offer.getPromiseCount() > 0) {
                out.append("\n  " + OfferText.capitalised(from) + " will do: " + settings(offer.getPromiseList()));
            }
            if (offer.getThreatCount() > 0) {
                out.append("\n  if not, " + from + " will do: ").append(settings(offer.getThreatList()), ERROR);
            }
            if (!offer.getNote().isEmpty()) {
                out.append("\n  note: " + offer.getNote());
            }
            if (forMe) {
                out.append("\n  /accept " + id + "  /reject " + id + "  /counter " + id + " ...", FAINT);
            }
        } else {
            String by = event.getByCharacterId().isEmpty() ? "" : " by " + words.who(event.getByCharacterId());
            AttributedStyle style = offer.getStatus() == Offer.Status.ACCEPTED ? RESOLVED : FAINT;
            out.append("Offer " + id + " from " + from + " to " + to + ": "
                    + offer.getStatus().name().toLowerCase(Locale.ROOT) + by, style);
        }
    }

    /** The /offers view: open offers and agreements this console has seen, with their ids. */
    public AttributedString offers() {
        List<Offer> open = state.offers().stream().filter(o -> o.getStatus() == Offer.Status.PENDING).toList();
        List<Offer> agreed = state.offers().stream().filter(o -> o.getStatus() == Offer.Status.ACCEPTED).toList();
        AttributedStringBuilder out = new AttributedStringBuilder();
        offerList(out, "Open offers", open, "none");
        out.append("\n");
        offerList(out, "Agreements", agreed, "none yet");
        return Wrap.lines(out.toAttributedString(), width());
    }

    private void offerList(AttributedStringBuilder out, String title, List<Offer> offers, String none) {
        out.append(title, HEADING);
        if (offers.isEmpty()) {
            out.append("\n  " + none, FAINT);
        }
        for (Offer offer : offers) {
            out.append("\n  ").append(offer.getOfferId(), AttributedStyle.BOLD).append(" " + words.summary(offer));
        }
    }

    private String settings(List<OptionSetting> settings) {
        return words.settings(settings);
    }

    /** A trainer speaks under the name /who shows ("Trainer", "Trainer 2", "Sarah (trainer)"). */
    private static String trainerLabel(String name) {
        return name.isEmpty() ? "Trainer" : name.toLowerCase(Locale.ROOT).startsWith("trainer") ? name : name + " (trainer)";
    }

    private void talk(AttributedStringBuilder out, Talk talk) {
        String speaker = talk.getFromCharacterId().isEmpty()
                ? trainerLabel(talk.getFromName())
                : (state.isMe(talk.getFromCharacterId()) ? "You" : state.characterName(talk.getFromCharacterId()));
        if (talk.getPrivate() || talk.getToCharacterIdsCount() > 0) {
            String to = talk.getToCharacterIdsList().stream()
                    .map(id -> state.isMe(id) ? "you" : state.characterName(id)).collect(Collectors.joining(", "));
            out.append("[private] " + speaker + " to " + to + ": ", PRIVATE.bold()).append(talk.getText(), PRIVATE);
        } else {
            out.append(speaker + ": ", SPEAKER).append(talk.getText());
        }
    }

    private void commitment(AttributedStringBuilder out, CommitmentEvent event) {
        String who = state.isMe(event.getCharacterId()) ? "You have" : state.characterName(event.getCharacterId()) + " has";
        out.append(who + " committed");
        if (event.getChoicesCount() > 0) {
            out.append(": " + settings(event.getChoicesList()));
        }
    }

    // ------------------------------------------------------------------ dilemmas

    private void dilemma(AttributedStringBuilder out, DilemmaEvent event) {
        Dilemma d = event.getDilemma();
        boolean mine = state.isMe(d.getHolderId());
        String kind = d.getKind().name();
        String towards = d.getTowardsId().isEmpty() ? "" : " towards " + state.characterName(d.getTowardsId());
        if (event.getChange() == DilemmaEvent.Change.RESOLVED) {
            out.append((mine ? "Your " : state.characterName(d.getHolderId()) + "'s ") + kind + " dilemma" + towards
                    + " is resolved.", RESOLVED);
            return;
        }
        String still = event.getChange() == DilemmaEvent.Change.CURRENT ? " still" : "";
        String subject = mine ? "You" + still + " have" : state.characterName(d.getHolderId()) + still + " has";
        out.append(subject + " a " + kind + " dilemma" + towards, mine ? MY_DILEMMA : OTHER_DILEMMA);
        if (!d.getExplanation().isEmpty()) {
            out.append(": " + d.getExplanation().strip());
        }
        waysOut(out, d, WAYS_OUT_SHOWN);
    }

    /** The first {@code limit} ways out (the engine orders them best first), and how to see the rest. */
    private void waysOut(AttributedStringBuilder out, Dilemma d, int limit) {
        if (d.getWaysOutCount() == 0) {
            return;
        }
        out.append("\n  Ways out:");
        List<WayOut> ways = d.getWaysOutList();
        for (int n = 0; n < Math.min(limit, ways.size()); n++) {
            WayOut way = ways.get(n);
            out.append("\n  " + (n + 1) + ") " + way.getDescription());
            if (!way.getCost().isEmpty()) {
                // The engine words the cost whole ("if agreed: better for you than if nobody moves").
                out.append(" (" + way.getCost() + ")", FAINT);
            }
        }
        if (ways.size() > limit) {
            int number = numberOf(d);
            out.append("\n  " + (ways.size() - limit) + " more: "
                    + (number > 0 ? "/ways " + number : "/dilemmas, then /ways N"), FAINT);
        }
    }

    /** The dilemma's number in /dilemmas, or 0 when the console no longer holds it. */
    private int numberOf(Dilemma d) {
        List<Dilemma> current = state.dilemmas();
        for (int i = 0; i < current.size(); i++) {
            Dilemma c = current.get(i);
            if (c.getKind() == d.getKind() && c.getHolderId().equals(d.getHolderId())
                    && c.getTowardsId().equals(d.getTowardsId())) {
                return i + 1;
            }
        }
        return 0;
    }

    /** /dilemmas: one line each, numbered for /ways. */
    public AttributedString dilemmas() {
        List<Dilemma> current = state.dilemmas();
        AttributedStringBuilder out = new AttributedStringBuilder();
        out.append("Dilemmas now", HEADING);
        if (current.isEmpty()) {
            out.append("\n  none", FAINT);
        }
        for (int i = 0; i < current.size(); i++) {
            Dilemma d = current.get(i);
            String holder = state.isMe(d.getHolderId()) ? "You" : state.characterName(d.getHolderId());
            String towards = d.getTowardsId().isEmpty() ? "" : " towards " + state.characterName(d.getTowardsId());
            out.append("\n  " + (i + 1) + ") " + holder + ": " + d.getKind().name().toLowerCase(Locale.ROOT)
                    + towards + " (" + d.getWaysOutCount() + " ways out)");
        }
        return Wrap.lines(out.toAttributedString(), width());
    }

    /** /ways N: every way out of one dilemma. */
    public AttributedString waysOut(int number) {
        List<Dilemma> current = state.dilemmas();
        if (number > current.size()) {
            return new AttributedString(current.isEmpty() ? "you know of no dilemma now"
                    : "there is no dilemma " + number + " now; /dilemmas lists them");
        }
        Dilemma d = current.get(number - 1);
        AttributedStringBuilder out = new AttributedStringBuilder();
        String holder = state.isMe(d.getHolderId()) ? "Your" : state.characterName(d.getHolderId()) + "'s";
        String towards = d.getTowardsId().isEmpty() ? "" : " towards " + state.characterName(d.getTowardsId());
        out.append(holder + " " + d.getKind().name() + " dilemma" + towards, HEADING);
        waysOut(out, d, Integer.MAX_VALUE);
        return Wrap.lines(out.toAttributedString(), width());
    }

    // ------------------------------------------------------------------ trainer's events and lists

    private void inject(AttributedStringBuilder out, InjectEvent inject) {
        out.append("NEWS" + (inject.getTitle().isEmpty() ? "" : ": " + inject.getTitle()), HEADING);
        if (!inject.getText().isEmpty()) {
            out.append("\n").append(inject.getText().strip());
        }
        for (String change : inject.getBoardChangesList()) {
            out.append("\n  * " + change);
        }
    }

    private static void sessions(AttributedStringBuilder out, List<SessionSummary> sessions) {
        if (sessions.isEmpty()) {
            out.append("no sessions on this server");
            return;
        }
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());
        TextTable table = new TextTable().row(List.of("code", "pack", "phase", "people", "started"));
        for (SessionSummary s : sessions) {
            table.row(List.of(s.getJoinCode(), s.getPackId(), phaseName(s.getPhase()),
                    Integer.toString(s.getParticipants()),
                    s.getCreatedEpochMs() == 0 ? "" : time.format(Instant.ofEpochMilli(s.getCreatedEpochMs()))));
        }
        out.append(String.join("\n", table.lines()));
    }

    private static void packs(AttributedStringBuilder out, List<PackSummary> packs) {
        if (packs.isEmpty()) {
            out.append("no packs on this server");
            return;
        }
        TextTable table = new TextTable().row(List.of("pack", "version", "characters", "options", "title"));
        for (PackSummary p : packs) {
            table.row(List.of(p.getPackId(), p.getVersion(), Integer.toString(p.getCharacters()),
                    Integer.toString(p.getOptions()), p.getTitle()));
        }
        out.append(String.join("\n", table.lines()));
    }
}
