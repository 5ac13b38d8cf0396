package dev.drama.cli.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drama.cli.console.ConsoleState;
import dev.drama.cli.console.Fixtures;
import dev.drama.proto.Ack;
import dev.drama.proto.CharacterOutcome;
import dev.drama.proto.DebriefSummary;
import dev.drama.proto.CommitmentEvent;
import dev.drama.proto.InjectEvent;
import dev.drama.proto.OutcomeEvent;
import dev.drama.proto.SessionJoined;
import dev.drama.proto.Dilemma;
import dev.drama.proto.DilemmaEvent;
import dev.drama.proto.DilemmaKind;
import dev.drama.proto.Error;
import dev.drama.proto.ErrorCode;
import dev.drama.proto.OfferEvent;
import dev.drama.proto.Phase;
import dev.drama.proto.Role;
import dev.drama.proto.ServerMessage;
import dev.drama.proto.SessionState;
import dev.drama.proto.Talk;
import dev.drama.proto.WayOut;
import dev.drama.proto.BoardDelta;
import dev.drama.proto.BoardView;
import dev.drama.proto.CharacterStance;
import dev.drama.proto.Choice;
import dev.drama.proto.OptionView;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;

class HumanRendererTest {
    private static final long NOW = 1_000_000_000L;
    private final ConsoleState manager = Fixtures.state(Role.TRAINEE, "manager");
    /** Wide enough that only the tests about wrapping see lines wrapped. */
    private final HumanRenderer renderer = new HumanRenderer(manager, () -> NOW, () -> 160);

    private String render(ServerMessage message) {
        return renderer.render(message).toString();
    }

    private static Dilemma persuasion() {
        return Dilemma.newBuilder().setKind(DilemmaKind.PERSUASION).setHolderId("manager").setTowardsId("union")
                .setExplanation("Ann Price prefers the threatened future to your position.")
                .addWaysOut(WayOut.newBuilder().setDescription("Promise overtime").setCost("if agreed: worse for you"))
                .addWaysOut(WayOut.newBuilder().setDescription("Give up your position"))
                .build();
    }

    @Test
    void aDilemmaShowsItsBestThreeWaysOutAndSlashWaysShowsEveryOne() {
        Dilemma.Builder many = persuasion().toBuilder();
        for (int i = 3; i <= 5; i++) {
            many.addWaysOut(WayOut.newBuilder().setDescription("Way " + i));
        }
        ServerMessage arose = ServerMessage.newBuilder().setDilemma(DilemmaEvent.newBuilder()
                .setChange(DilemmaEvent.Change.AROSE).setDilemma(many)).build();
        manager.apply(arose); // as the console does: the state first, then the screen
        String text = render(arose);
        assertTrue(text.contains("  3) Way 3\n  2 more: /ways 1"), text);
        assertTrue(!text.contains("Way 4"), text);

        assertEquals("Dilemmas now\n  1) You: persuasion towards Ann Price, Unison Steward (5 ways out)",
                renderer.dilemmas().toString());
        String all = renderer.waysOut(1).toString();
        assertTrue(all.startsWith("Your PERSUASION dilemma towards Ann Price, Unison Steward\n  Ways out:"), all);
        assertTrue(all.contains("  5) Way 5") && !all.contains("more:"), all);
        assertEquals("there is no dilemma 2 now; /dilemmas lists them", renderer.waysOut(2).toString());
    }

    @Test
    void aTrainerIsToldTheDashboardAndProjectorLinks() {
        String text = render(ServerMessage.newBuilder().setDashboardLinks(dev.drama.proto.DashboardLinks.newBuilder()
                .setDashboardUrl("http://10.0.0.5:4711/#code=K7QF2MA&token=abc")
                .setProjectorUrl("http://10.0.0.5:4711/#code=K7QF2MA")).build());
        assertEquals("Dashboard (yours, it holds a trainer token): http://10.0.0.5:4711/#code=K7QF2MA&token=abc\n"
                + "Projector (safe to show the room): http://10.0.0.5:4711/#code=K7QF2MA", text);
    }

    @Test
    void aDilemmaThatAroseIsToldInPlainWordsWithWaysOut() {
        String text = render(ServerMessage.newBuilder().setDilemma(DilemmaEvent.newBuilder()
                .setChange(DilemmaEvent.Change.AROSE).setDilemma(persuasion())).build());
        assertEquals("You have a PERSUASION dilemma towards Ann Price, Unison Steward: Ann Price prefers the threatened"
                + " future to your position.\n  Ways out:\n  1) Promise overtime (if agreed: worse for you)\n"
                + "  2) Give up your position", text);
    }

    @Test
    void dilemmasStandOutInColour() {
        AttributedString arose = renderer.render(ServerMessage.newBuilder().setDilemma(DilemmaEvent.newBuilder()
                .setChange(DilemmaEvent.Change.AROSE).setDilemma(persuasion())).build());
        assertEquals(HumanRenderer.MY_DILEMMA, arose.styleAt(0));
        AttributedString resolved = renderer.render(ServerMessage.newBuilder().setDilemma(DilemmaEvent.newBuilder()
                .setChange(DilemmaEvent.Change.RESOLVED).setDilemma(persuasion())).build());
        assertEquals("Your PERSUASION dilemma towards Ann Price, Unison Steward is resolved.", resolved.toString());
        assertEquals(HumanRenderer.RESOLVED, resolved.styleAt(0));
    }

    @Test
    void aTrainerReadsWhoseDilemmaItIs() {
        ConsoleState trainer = Fixtures.state(Role.TRAINER, "");
        AttributedString text = new HumanRenderer(trainer).render(ServerMessage.newBuilder().setDilemma(
                DilemmaEvent.newBuilder().setChange(DilemmaEvent.Change.CURRENT).setDilemma(persuasion())).build());
        assertTrue(text.toString().startsWith("Priya Nair, Centre Manager still has a PERSUASION dilemma towards Ann Price"),
                text.toString());
        assertTrue(text.toString().contains("(if agreed: worse for you)"));
        assertEquals(HumanRenderer.OTHER_DILEMMA, text.styleAt(0));
    }

    @Test
    void theBoardIsACompactTable() {
        String text = render(ServerMessage.newBuilder().setBoard(Fixtures.board()).build());
        String expected = String.join("\n",
                "Board - crisis point: positions conflict",
                "option                           owner    now  threat  manager*  carers   union",
                "late      Open until 8pm         manager  no   no      no        yes      yes",
                "overtime  Pay overtime           manager  no   no      no        -        -",
                "protest   Protest at council     carers   no   yes     -         - ->yes  -",
                "refuse    Refuse evening shifts  union    no   yes     -         -        - ->yes",
                "now: status quo; threat: the threatened future; per character: position (-> stated intention on its"
                        + " own options); - open",
                "manager = Priya Nair, Centre Manager (Priya); carers = Tom Bell, Carers' Forum (Tom); union = Ann Price,"
                        + " Unison Steward",
                "Doubts: carers doubts manager");
        assertEquals(expected, text);
    }

    @Test
    void privateTalkIsMarkedAndColouredDifferently() {
        AttributedString whisper = renderer.render(ServerMessage.newBuilder().setTalk(Talk.newBuilder()
                .setFromCharacterId("union").addToCharacterIds("manager").setText("Off the record").setPrivate(true))
                .build());
        assertEquals("[private] Ann Price, Unison Steward to you: Off the record", whisper.toString());
        assertEquals(HumanRenderer.PRIVATE.bold(), whisper.styleAt(0));
        AttributedString aloud = renderer.render(ServerMessage.newBuilder().setTalk(Talk.newBuilder()
                .setFromCharacterId("carers").setText("Hello")).build());
        assertEquals("Tom Bell, Carers' Forum: Hello", aloud.toString());
        assertEquals(HumanRenderer.SPEAKER, aloud.styleAt(0));
    }

    @Test
    void anOfferToMeSaysHowToAnswer() {
        String text = render(ServerMessage.newBuilder().setOffer(OfferEvent.newBuilder()
                .setOffer(Fixtures.offer("o1", "union", "manager"))).build());
        assertEquals(String.join("\n",
                "Offer o1 from Ann Price, Unison Steward to you:",
                "  if you do: Refuse evening shifts: no",
                "  Ann Price, Unison Steward will do: Pay overtime: yes",
                "  if not, Ann Price, Unison Steward will do: Open until 8pm: no",
                "  /accept o1  /reject o1  /counter o1 ..."), text);
    }

    @Test
    void longTalkAndWaysOutWrapToTheTerminalWidthWithAHangingIndent() {
        HumanRenderer narrow = new HumanRenderer(manager, () -> NOW, () -> 40);
        assertEquals(String.join("\n",
                "Tom Bell, Carers' Forum: If the centre",
                "  stays open late we will drop the",
                "  protest."), narrow.render(ServerMessage.newBuilder().setTalk(Talk.newBuilder()
                .setFromCharacterId("carers").setText("If the centre stays open late we will drop the protest."))
                .build()).toString());
        String dilemma = narrow.render(ServerMessage.newBuilder().setDilemma(DilemmaEvent.newBuilder()
                .setChange(DilemmaEvent.Change.AROSE).setDilemma(persuasion())).build()).toString();
        assertTrue(dilemma.contains("\n  1) Promise overtime (if agreed: worse\n     for you)"), dilemma);
        for (String line : dilemma.split("\n")) {
            assertTrue(line.length() <= 40, line);
        }
    }

    @Test
    void aBriefingIsDrawnFromItsMarkdown() {
        HumanRenderer narrow = new HumanRenderer(manager, () -> NOW, () -> 40);
        AttributedString text = narrow.render(ServerMessage.newBuilder().setBriefing(dev.drama.proto.Briefing.newBuilder()
                .setCharacterId("manager").setCharacterName("Priya Nair")
                .setText("# Priya Nair\n\n*Private.*\n\n## What matters\n\n- **keep** the centre open in the evenings\n")
                .setMandate("Up to 10 hours of overtime a week.").addPreferences("Open until 8pm")).build());
        assertEquals(String.join("\n",
                "Your briefing: Priya Nair",
                "Priya Nair",
                "",
                "Private.",
                "",
                "What matters",
                "",
                "- keep the centre open in the evenings",
                "Mandate: Up to 10 hours of overtime a",
                "  week.",
                "What matters to you, most important",
                "  first:",
                "  1. Open until 8pm"), text.toString());
        assertEquals(AttributedStyle.DEFAULT.bold(), text.styleAt(text.toString().indexOf("keep")));
    }

    @Test
    void aBoardAfterAMoveIsToldAsWhatChanged() {
        BoardView moved = Fixtures.board().toBuilder().setChangedBy("union")
                .setStances(2, CharacterStance.newBuilder().setCharacterId("union")
                        .addPosition(Fixtures.setting("late", Choice.YES))
                        .addPosition(Fixtures.setting("overtime", Choice.YES))
                        .addIntentions(Fixtures.setting("refuse", Choice.NO)).addDoubts("manager"))
                .setCrisisPoint(false).build();
        render(ServerMessage.newBuilder().setBoard(Fixtures.board()).build());
        assertEquals(String.join("\n",
                "Ann Price, Unison Steward changed its position: Pay overtime: yes",
                "Ann Price, Unison Steward states its intentions: Refuse evening shifts: no",
                "Ann Price, Unison Steward doubts you",
                "The positions no longer conflict"), render(ServerMessage.newBuilder().setBoard(moved).build()));
        BoardView newPlayer = moved.toBuilder().setCharacters(2, moved.getCharacters(2).toBuilder().setPlayedBy("Ann"))
                .build();
        assertEquals("", render(ServerMessage.newBuilder().setBoard(newPlayer).build()), "nothing visible changed");
        assertTrue(render(ServerMessage.newBuilder().setRequestId(9).setBoard(newPlayer).build())
                .startsWith("Board"), "asked for: the whole board");
    }

    @Test
    void aBoardDeltaIsToldAsWhatChangedAndAStaleOrMissedOneSaysNothing() {
        render(ServerMessage.newBuilder().setBoard(Fixtures.board()).build());
        ServerMessage delta = ServerMessage.newBuilder().setBoardDelta(BoardDelta.newBuilder().setBaseVersion(0).setVersion(1)
                .setChangedBy("union").addStances(CharacterStance.newBuilder().setCharacterId("union")
                        .addPosition(Fixtures.setting("late", Choice.YES))
                        .addPosition(Fixtures.setting("overtime", Choice.YES))
                        .addIntentions(Fixtures.setting("refuse", Choice.YES)))).build();
        manager.apply(delta); // as the console does: the state first, then the screen
        assertEquals(String.join("\n",
                "Ann Price, Unison Steward changed its position: Pay overtime: yes",
                "The positions no longer conflict"), render(delta));
        assertEquals(1, manager.board().orElseThrow().getVersion());
        manager.apply(delta);
        assertEquals("", render(delta), "stale: already applied");
        ServerMessage missed = ServerMessage.newBuilder().setBoardDelta(BoardDelta.newBuilder().setBaseVersion(3).setVersion(4)
                .setCrisisPoint(true)).build();
        manager.apply(missed);
        assertEquals("", render(missed), "the whole board is on its way");
        assertTrue(manager.takeBoardWanted());
        assertEquals(1, manager.board().orElseThrow().getVersion(), "kept until the whole board comes");
    }

    @Test
    void aBoardWithANewOptionIsPrintedWholeAfterSayingSo() {
        render(ServerMessage.newBuilder().setBoard(Fixtures.board()).build());
        BoardView reshaped = Fixtures.board().toBuilder().addOptions(OptionView.newBuilder().setId("trial")
                .setOwnerId("manager").setLabel("Run a three-month trial")).build();
        String text = render(ServerMessage.newBuilder().setBoard(reshaped).build());
        assertTrue(text.startsWith("New option: Run a three-month trial (trial, you)\nBoard"), text);
        assertTrue(text.contains("trial     Run a three-month trial"), text);
    }

    @Test
    void offersListsOpenOffersAndAgreementsWithTheirIds() {
        manager.apply(ServerMessage.newBuilder().setOffer(OfferEvent.newBuilder().setOffer(Fixtures.offer("o2", "manager",
                "carers").toBuilder().clearAsk().clearThreat().setStatus(dev.drama.proto.Offer.Status.ACCEPTED)
                .setNote("until March"))).build());
        assertEquals(String.join("\n",
                "Open offers",
                "  o1 Ann Price, Unison Steward to you: asks Refuse evening shifts: no; promises Pay overtime: yes;"
                        + " threatens, if refused, Open until 8pm: no",
                "Agreements",
                "  o2 You to Tom Bell, Carers' Forum: promises Pay overtime: yes (note: until March)"),
                renderer.offers().toString());
        assertEquals("Open offers\n  none\nAgreements\n  none yet",
                new HumanRenderer(new ConsoleState(Role.TRAINEE)).offers().toString());
    }

    @Test
    void anOfferChangingStateIsOneLine() {
        var accepted = Fixtures.offer("o1", "union", "manager").toBuilder().setStatus(dev.drama.proto.Offer.Status.ACCEPTED);
        assertEquals("Offer o1 from Ann Price, Unison Steward to you: accepted by you", render(ServerMessage.newBuilder()
                .setOffer(OfferEvent.newBuilder().setOffer(accepted).setByCharacterId("manager")).build()));
    }

    @Test
    void phaseChangesAreShownOnceWithTheClock() {
        SessionState negotiation = Fixtures.session(Phase.NEGOTIATION).toBuilder()
                .setPhaseDeadlineEpochMs(NOW + 25 * 60_000).build();
        assertEquals("Phase: negotiation (25 min left)  /position, /intend, /offer, /say, /tell; /help for more",
                render(ServerMessage.newBuilder().setSessionState(negotiation).build()));
        assertEquals("", render(ServerMessage.newBuilder().setSessionState(negotiation).build()));
        SessionState paused = negotiation.toBuilder().setPaused(true).setRemainingSeconds(90).build();
        assertEquals("Phase: negotiation (paused, 90 s left)  /position, /intend, /offer, /say, /tell; /help for more",
                render(ServerMessage.newBuilder().setSessionState(paused).build()));
    }

    @Test
    void errorsAndSilence() {
        assertEquals("refused: that is not your option (not_your_option)", render(ServerMessage.newBuilder()
                .setError(Error.newBuilder().setCode(ErrorCode.NOT_YOUR_OPTION).setMessage("that is not your option"))
                .build()));
        assertEquals("", render(ServerMessage.newBuilder().setAck(Ack.getDefaultInstance()).build()));
    }

    @Test
    void injectsOutcomesAndCommitments() {
        assertEquals("NEWS: A petition\n400 signatures.\n  * new option: trial", render(ServerMessage.newBuilder()
                .setInject(InjectEvent.newBuilder().setTitle("A petition").setText("400 signatures.\n")
                        .addBoardChanges("new option: trial")).build()));
        OutcomeEvent outcome = OutcomeEvent.newBuilder().setComparedFutures(4)
                .setSummary("A deal.").addOutcome(Fixtures.setting("late", dev.drama.proto.Choice.YES))
                .addOutcome(Fixtures.setting("overtime", dev.drama.proto.Choice.NO))
                .addCharacters(CharacterOutcome.newBuilder().setCharacterId("union").setRankOfOutcome(2)
                        .setVerdict("its second best").addKept("offer o1: Staff refuse: no").addBroken("offer o2: late"))
                .build();
        // the reveal by labels, with each character's rank, what it kept and broke
        String reveal = render(ServerMessage.newBuilder().setOutcome(outcome).build());
        assertTrue(reveal.startsWith("The outcome\nWhat happens:\n  Open until 8pm (late): yes\n"), reveal);
        assertTrue(reveal.contains("How each character ranks it (1 is best, of 4 futures compared):\n"
                + "  Ann Price, Unison Steward: 2. its second best\n     kept offer o1: Staff refuse: no\n"
                + "     broke offer o2: late\nA deal.\nThe trainer opens the debrief when the room is ready."), reveal);
        assertTrue(!reveal.contains("late=yes"), reveal);
        String summary = render(ServerMessage.newBuilder().setDebriefSummary(DebriefSummary.newBuilder()
                .setOutcome(outcome).setDilemmasArose(7).setDilemmasResolved(5)).build());
        assertEquals("Debrief\nWhat happened: Open until 8pm (late) (everything else: no)\n"
                + "Ranks (1 is best, of 4 futures compared): Ann Price, Unison Steward 2\n"
                + "Agreements: 1 part kept, 1 broken; 0 threats carried out\n"
                + "Dilemmas during play: 7 arose, 5 resolved\n"
                + "/debrief reads the whole debrief (timeline, dilemmas, every briefing)", summary);
        assertEquals("Tom Bell, Carers' Forum has committed", render(ServerMessage.newBuilder()
                .setCommitment(CommitmentEvent.newBuilder().setCharacterId("carers")).build()));
        assertEquals("You have committed: Open until 8pm: no", render(ServerMessage.newBuilder()
                .setCommitment(CommitmentEvent.newBuilder().setCharacterId("manager")
                        .addChoices(Fixtures.setting("late", dev.drama.proto.Choice.NO))).build()));
    }

    @Test
    void aTrainerIsToldHowTraineesJoin() {
        String text = new HumanRenderer(new ConsoleState(Role.TRAINER)).render(ServerMessage.newBuilder()
                .setSessionJoined(SessionJoined.newBuilder().setJoinCode("K7QF2MA").setRole(Role.TRAINER)
                        .setPackTitle("Eastgate")).build()).toString();
        assertEquals("Session K7QF2MA: Eastgate\nYou are the trainer. Trainees join with:  drama join K7QF2MA --name NAME\n"
                + "Assign characters with /assign NAME CHARACTER, then /phase briefing.", text);
    }

    @Test
    void whoListsParticipants() {
        String text = renderer.who().toString();
        assertTrue(text.startsWith("Session ABC1234, phase negotiation"), text);
        assertTrue(text.contains("Ann Lee  trainee  Ann Price, Unison Steward"), text);
    }

    @Test
    void jsonIsOneLinePerMessage() {
        ServerMessage message = ServerMessage.newBuilder().setRequestId(7).setTalk(Talk.newBuilder()
                .setFromCharacterId("union").setText("a \"quoted\"\nline = 1")).build();
        assertEquals("{\"requestId\":\"7\",\"talk\":{\"fromCharacterId\":\"union\",\"text\":\"a \\\"quoted\\\"\\nline \\u003d 1\"}}",
                JsonRenderer.render(message));
        assertEquals("{\"localError\":\"bad \\\"x\\\"\\n\"}", JsonRenderer.localError("bad \"x\"\n"));
        assertEquals("line \\u003d 1", JsonRenderer.escaped("line = 1"));
    }
}
