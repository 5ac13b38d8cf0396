package dev.drama.cli.command;

import static dev.drama.cli.console.Fixtures.setting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drama.cli.console.ConsoleState;
import dev.drama.cli.console.Fixtures;
import dev.drama.proto.Choice;
import dev.drama.proto.ClientMessage;
import dev.drama.proto.ExportDebrief;
import dev.drama.proto.MakeOffer;
import dev.drama.proto.Phase;
import dev.drama.proto.RespondToOffer;
import dev.drama.proto.Role;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CommandParserTest {
    private final CommandParser parser = new CommandParser();
    private final ConsoleState manager = Fixtures.state(Role.TRAINEE, "manager");
    private final ConsoleState trainer = Fixtures.state(Role.TRAINER, "");

    private ClientMessage send(String line, ParseContext context) {
        ParseResult result = parser.parse(line, context);
        return assertInstanceOf(ParseResult.Send.class, result, () -> "expected a command, got " + result).command();
    }

    private ClientMessage send(String line) {
        return send(line, manager);
    }

    private String error(String line, ParseContext context) {
        ParseResult result = parser.parse(line, context);
        return assertInstanceOf(ParseResult.Error.class, result, () -> "expected an error, got " + result).message();
    }

    private String error(String line) {
        return error(line, manager);
    }

    @Nested
    class Lines {
        @ParameterizedTest
        @ValueSource(strings = {"", "   ", "# a comment", "  # indented comment"})
        void blankLinesAndCommentsDoNothing(String line) {
            assertInstanceOf(ParseResult.Nothing.class, parser.parse(line, manager));
        }

        @Test
    void dilemmasAndWaysAreReadLocallyWithANumber() {
        assertInstanceOf(ParseResult.ListDilemmas.class, parser.parse("/dilemmas", manager));
        assertEquals(new ParseResult.ShowWaysOut(2), parser.parse("/ways 2", manager));
        assertTrue(error("/ways two").contains("the dilemma's number must be a whole number"), error("/ways two"));
        assertTrue(error("/ways").contains("/ways N"), error("/ways"));
    }

    @Test
        void aLineWithoutASlashIsSaid() {
            assertEquals("Can we   talk?", send("Can we   talk?  ").getSay().getText());
        }

        @Test
        void unknownCommandsAreNamedWithASuggestion() {
            assertEquals("unknown command /bogus; /help lists the commands", error("/bogus"));
            assertEquals("unknown command /acc (did you mean /accept?); /help lists the commands", error("/acc o1"));
            assertEquals("unknown command /ofer (did you mean /offer?); /help lists the commands",
                    error("/ofer union"));
            assertEquals("unknown command /baord (did you mean /board?); /help lists the commands", error("/baord"));
        }

        @Test
        void commandNamesIgnoreCase() {
            assertTrue(send("/BOARD").hasGetBoard());
        }

        @Test
        void anUnclosedQuoteIsRefused() {
            assertEquals("this quote is never closed: \"oops now", error("/offer union ask refuse=no note \"oops now"));
        }
    }

    @Nested
    class PlayerCommands {
        @Test
        void position() {
            var position = send("/position late=yes overtime=n protest=open").getSetPosition();
            assertEquals(List.of(setting("late", Choice.YES), setting("overtime", Choice.NO), setting("protest", Choice.OPEN)),
                    position.getSettingsList());
            assertEquals(false, position.getReplace());
        }

        @ParameterizedTest
        @CsvSource({"yes,YES", "y,YES", "true,YES", "1,YES", "no,NO", "N,NO", "false,NO", "0,NO", "open,OPEN"})
        void everyWayOfSayingYesOrNo(String word, Choice choice) {
            assertEquals(choice, send("/position late=" + word).getSetPosition().getSettings(0).getChoice());
        }

        @Test
        void positionClearOpensEverything() {
            var position = send("/position clear").getSetPosition();
            assertTrue(position.getReplace());
            assertEquals(0, position.getSettingsCount());
        }

        @Test
        void optionIdsIgnoreCase() {
            assertEquals("late", send("/position LATE=yes").getSetPosition().getSettings(0).getOptionId());
        }

        @Test
        void badPositions() {
            assertEquals("missing arguments: /position OPTION=VALUE... | /position clear, e.g. /position patrols=yes funding=no",
                    error("/position"));
            assertEquals("expected OPTION=VALUE in your position, got 'late'", error("/position late"));
            assertEquals("expected OPTION=VALUE in your position, got 'late='", error("/position late="));
            assertEquals("'maybe' is not a value for late: use yes or no (or open)", error("/position late=maybe"));
            assertEquals("unknown option 'lat' (options: late, overtime, protest, refuse)", error("/position lat=yes"));
            assertEquals("late is given twice in your position", error("/position late=yes late=no"));
        }

        @Test
        void intentionsOnlyOnYourOwnOptions() {
            assertEquals(List.of(setting("late", Choice.NO)), send("/intend late=no").getStateIntentions().getSettingsList());
            assertEquals("refuse belongs to union, not to you: intentions can only name your own options",
                    error("/intend refuse=yes"));
        }

        @Test
        void doubtsNameCharactersByIdNameOrPlayer() {
            assertEquals("carers", send("/doubt carers").getDeclareDoubt().getAboutCharacterId());
            assertTrue(send("/doubt Tom").getDeclareDoubt().getDoubt());
            assertEquals("union", send("/undoubt \"ann price, unison steward\"").getDeclareDoubt().getAboutCharacterId());
            assertEquals(false, send("/undoubt union").getDeclareDoubt().getDoubt());
            assertEquals("unknown character 'council'; characters: manager, carers, union", error("/doubt council"));
            assertEquals("missing arguments: /doubt CHARACTER, e.g. /doubt council", error("/doubt"));
        }

        @Test
        void anOfferWithEverySection() {
            MakeOffer offer = send("/offer union ask refuse=no promise overtime=yes threat late=no note \"Let us settle\"")
                    .getMakeOffer();
            assertEquals(List.of("union"), offer.getToCharacterIdsList());
            assertEquals(List.of(setting("refuse", Choice.NO)), offer.getAskList());
            assertEquals(List.of(setting("overtime", Choice.YES)), offer.getPromiseList());
            assertEquals(List.of(setting("late", Choice.NO)), offer.getThreatList());
            assertEquals("Let us settle", offer.getNote());
            assertEquals("", offer.getCountersOfferId());
        }

        @Test
        void anOfferToTwoWithANoteToTheEndOfTheLine() {
            MakeOffer offer = send("/offer union,carers ask refuse=no protest=no note we can  talk tomorrow").getMakeOffer();
            assertEquals(List.of("union", "carers"), offer.getToCharacterIdsList());
            assertEquals(2, offer.getAskCount());
            assertEquals("we can  talk tomorrow", offer.getNote());
        }

        @Test
        void badOffers() {
            assertEquals("say who the offer is for: " + usage("offer"), error("/offer ask refuse=no"));
            assertEquals("an offer needs at least one of ask, promise or threat: " + usage("offer"), error("/offer union"));
            assertEquals("expected ask, promise, threat or note before 'refuse=no'", error("/offer union refuse=no"));
            assertEquals("ask needs at least one OPTION=VALUE", error("/offer union ask promise overtime=yes"));
            assertEquals("ask is given twice; put all its options after one ask",
                    error("/offer union ask refuse=no ask protest=no"));
            assertEquals("'open' is not a value for refuse: use yes or no", error("/offer union ask refuse=open"));
            assertEquals("ask: protest belongs to carers, who is not among those the offer is for (union)",
                    error("/offer union ask protest=no"));
            assertEquals("refuse belongs to union, not to you: promise can only name your own options",
                    error("/offer union promise refuse=no"));
            assertEquals("note needs a text: note \"...\"", error("/offer union ask refuse=no note"));
            assertEquals("empty name in 'union,': separate characters with commas, no spaces (quote a name with"
                    + " spaces: \"Karen Whitlow\",police)", error("/offer union, ask refuse=no"));
        }

        @Test
        void aCounterGoesToTheOffersAuthorUnlessToldOtherwise() {
            MakeOffer counter = send("/counter o1 ask refuse=no promise overtime=yes").getMakeOffer();
            assertEquals(List.of("union"), counter.getToCharacterIdsList());
            assertEquals("o1", counter.getCountersOfferId());
            MakeOffer widened = send("/counter o1 union,carers ask refuse=no").getMakeOffer();
            assertEquals(List.of("union", "carers"), widened.getToCharacterIdsList());
            assertEquals("I do not know offer o9; name who the counter-offer is for: /counter o9 TO ask ...",
                    error("/counter o9 ask refuse=no"));
            assertEquals("say which offer you are answering: " + usage("counter"), error("/counter"));
        }

        @Test
        void responsesToOffers() {
            assertEquals(RespondToOffer.newBuilder().setOfferId("o1").setResponse(RespondToOffer.Response.ACCEPT).build(),
                    send("/accept o1").getRespondToOffer());
            assertEquals(RespondToOffer.Response.REJECT, send("/reject o1").getRespondToOffer().getResponse());
            assertEquals(RespondToOffer.Response.WITHDRAW, send("/withdraw o2").getRespondToOffer().getResponse());
            assertEquals("missing arguments: /accept OFFER, e.g. /accept o3", error("/accept"));
            assertEquals("too many arguments: /reject OFFER, e.g. /reject o3", error("/reject o1 o2"));
        }

        @Test
        void talk() {
            assertEquals("Hello  all", send("/say Hello  all").getSay().getText());
            assertEquals("nothing to say: /say TEXT", error("/say   "));
            assertEquals(List.of("carers", "union"), send("/tell carers,union Off the record: yes.").getTell().getToCharacterIdsList());
            assertEquals("Off the record: yes.", send("/tell carers,union Off the record: yes.").getTell().getText());
            assertEquals("unknown character 'Ann' (did you mean \"Ann Price, Unison Steward\" or \"Ann Lee\"?);"
                    + " characters: manager, carers, union", error("/tell Ann Lee's ok"));
            assertEquals(List.of("union"), send("/tell \"Ann Lee\" psst").getTell().getToCharacterIdsList());
            assertEquals("say what to tell them: " + usage("tell"), error("/tell carers"));
            assertEquals("say who to tell: " + usage("tell"), error("/tell"));
        }

        @Test
        void quotedNamesInARecipientListParse() {
            ClientMessage tell = send("/tell \"Ann Price, Unison Steward\",carers The overtime is real.");
            assertEquals(List.of("union", "carers"), tell.getTell().getToCharacterIdsList());
            assertEquals("The overtime is real.", tell.getTell().getText());
            assertEquals(List.of("carers", "union"),
                    send("/tell carers,\"Ann Lee\" \"a quoted text\"").getTell().getToCharacterIdsList());
            assertEquals("a quoted text", send("/tell carers,\"Ann Lee\" \"a quoted text\"").getTell().getText());
            MakeOffer offer = send("/offer \"Ann Lee\",carers ask refuse=no protest=no note \"until March\"").getMakeOffer();
            assertEquals(List.of("union", "carers"), offer.getToCharacterIdsList());
            assertEquals("until March", offer.getNote());
            assertEquals(List.of("union", "carers"),
                    send("/counter o1 \"Ann Lee\",carers ask refuse=no").getMakeOffer().getToCharacterIdsList());
            assertEquals("say what to tell them: " + usage("tell"), error("/tell \"Ann Lee\",carers"));
        }

        @Test
        void anUnknownNameInAListIsNamedWithSuggestions() {
            assertEquals("unknown character 'Tom Bel' (did you mean \"Tom Bell, Carers' Forum\"?); characters: manager,"
                    + " carers, union", error("/tell union,\"Tom Bel\" hello"));
            assertEquals("unknown character 'unoin' (did you mean union?); characters: manager, carers, union",
                    error("/offer unoin ask refuse=no"));
            assertEquals("this quote is never closed: \"Ann Lee,carers hello", error("/tell \"Ann Lee,carers hello"));
            assertEquals("expected a comma or a space after \"Ann Lee\", got 'x'", error("/tell \"Ann Lee\"x hello"));
        }

        @Test
        void commitTakesOnlyYesOrNoOnYourOwnOptions() {
            assertEquals(List.of(setting("late", Choice.YES), setting("overtime", Choice.NO)),
                    send("/commit late=yes overtime=no").getCommit().getSettingsList());
            assertEquals("'open' is not a value for late: use yes or no", error("/commit late=open"));
            assertEquals("protest belongs to carers, not to you: your commitment can only name your own options",
                    error("/commit protest=no"));
        }

        @Test
        void choose() {
            assertEquals("union", send("/choose Union").getChooseCharacter().getCharacterId());
        }

        @Test
        void playersCannotUseTrainerCommands() {
            assertEquals("/phase is a trainer command", error("/phase next"));
            assertEquals("/new is a trainer command", error("/new tiny"));
        }
    }

    @Nested
    class TrainerCommands {
        @Test
        void botHandsACharacterToTheComputerOrTakesItBack() {
            var on = send("/bot carers Realist", trainer).getSetBot();
            assertEquals("carers", on.getCharacterId());
            assertEquals("realist", on.getStance());
            assertEquals("", send("/bot Tom", trainer).getSetBot().getStance()); // the pack's default stance
            var off = send("/bot off union", trainer).getSetBot();
            assertEquals("union", off.getCharacterId());
            assertTrue(off.getOff());
            assertTrue(send("/bot defaults", trainer).getSetBot().getDefaults());
            assertEquals("unknown stance 'blusterr' (did you mean blusterer?); stances: realist, blusterer, appeaser,"
                    + " sceptic, defector, oppressed", error("/bot carers blusterr", trainer));
            assertTrue(error("/bot carrers realist", trainer).startsWith("unknown character 'carrers' (did you mean carers?)"),
                    error("/bot carrers realist", trainer));
            assertTrue(error("/bot off", trainer).startsWith("missing arguments: /bot CHARACTER [STANCE]"), error("/bot off", trainer));
            assertTrue(error("/bot carers realist now", trainer).startsWith("too many arguments"), error("/bot carers realist now", trainer));
        }

        @Test
        void actingAsACharacterWrapsAPlayersCommandParsedAsThatCharacters() {
            var as = send("/as carers intend protest=no", trainer).getActAs();
            assertEquals("carers", as.getCharacterId());
            assertEquals("protest", as.getCommand().getStateIntentions().getSettings(0).getOptionId());
            assertEquals("We wait.", send("/as Tom say We wait.", trainer).getActAs().getCommand().getSay().getText());
            assertEquals("o1", send("/as union accept o1", trainer).getActAs().getCommand().getRespondToOffer().getOfferId());
            // the character's own options, not the trainer's (who has none)
            assertEquals("late belongs to manager, not to you: your commitment can only name your own options",
                    error("/as carers commit late=yes", trainer));
            assertTrue(error("/as carers phase next", trainer).startsWith("/as takes a player's command (position,"));
            assertTrue(error("/as carers", trainer).startsWith("say what the character does"));
            assertEquals("/as is a trainer command", error("/as carers say hi", manager));
            assertTrue(send("/injects", trainer).hasListInjects());
            assertTrue(send("/guide", trainer).hasGetGuide());
        }

        @Test
        void sessionsAndPacks() {
            assertTrue(send("/packs", trainer).hasListPacks());
            assertTrue(send("/sessions", trainer).hasListSessions());
            assertEquals("tiny", send("/new tiny", trainer).getCreateSession().getPackId());
            assertEquals("XK2P9QA", send("/attach XK2P9QA", trainer).getAttachTrainer().getJoinCode());
            assertEquals("/packs takes no arguments", error("/packs all", trainer));
        }

        @Test
        void assignByDisplayName() {
            var assign = send("/assign \"Ann Lee\" carers", trainer).getAssignCharacter();
            assertEquals("p4", assign.getParticipantId());
            assertEquals("carers", assign.getCharacterId());
            assertEquals("", send("/assign tom none", trainer).getAssignCharacter().getCharacterId());
            assertEquals("no participant called 'Zed' (see /who)", error("/assign Zed union", trainer));
            assertEquals("missing arguments: " + usage("assign"), error("/assign Tom", trainer));
        }

        @ParameterizedTest
        @CsvSource({"next,PHASE_UNSPECIFIED", "briefing,BRIEFING", "negotiation,NEGOTIATION",
                "moment,MOMENT_OF_TRUTH", "debrief,DEBRIEF", "end,ENDED"})
        void phases(String word, Phase phase) {
            assertEquals(phase, send("/phase " + word, trainer).getAdvancePhase().getTo());
        }

        @Test
        void badPhase() {
            assertEquals("'later' is not a phase: " + usage("phase"), error("/phase later", trainer));
        }

        @Test
        void clock() {
            assertTrue(send("/pause", trainer).getPauseClock().getPaused());
            assertEquals(false, send("/resume", trainer).getPauseClock().getPaused());
            assertEquals(300, send("/extend 5", trainer).getExtendClock().getSeconds());
            assertEquals("minutes must be a whole number from 1 to 600, got 'five'", error("/extend five", trainer));
            assertEquals("minutes must be a whole number from 1 to 600, got '0'", error("/extend 0", trainer));
        }

        @Test
        void injects() {
            assertEquals("petition", send("/inject petition", trainer).getSendInject().getInjectId());
            assertEquals("The paper has it.", send("/inject \"The paper has it.\"", trainer).getSendInject().getText());
            assertEquals("The paper has it.", send("/inject The paper has it.", trainer).getSendInject().getText());
            assertEquals("name an inject from the pack, or give a \"free text\": " + usage("inject"),
                    error("/inject", trainer));
        }

        @Test
        void export() {
            ParseResult.Send md = assertInstanceOf(ParseResult.Send.class, parser.parse("/export md out/debrief.md", trainer));
            assertEquals(ExportDebrief.Format.MARKDOWN, md.command().getExportDebrief().getFormat());
            assertEquals(Path.of("out/debrief.md"), md.saveReplyTo());
            ParseResult.Send json = assertInstanceOf(ParseResult.Send.class, parser.parse("/export json", trainer));
            assertEquals(ExportDebrief.Format.JSON, json.command().getExportDebrief().getFormat());
            assertEquals(null, json.saveReplyTo());
            ParseResult.Send html = assertInstanceOf(ParseResult.Send.class, parser.parse("/export HTML d.html", trainer));
            assertEquals(ExportDebrief.Format.HTML, html.command().getExportDebrief().getFormat());
            assertEquals("'pdf' is not an export format: use md, json or html", error("/export pdf", trainer));
        }

        @Test
        void remove() {
            assertEquals("p3", send("/remove Tom", trainer).getRemoveParticipant().getParticipantId());
        }

        @Test
        void muteUnmuteAndRotateTheJoinCode() {
            assertEquals(true, send("/mute Tom", trainer).getMuteParticipant().getMuted());
            assertEquals("p3", send("/unmute Tom", trainer).getMuteParticipant().getParticipantId());
            assertEquals(false, send("/unmute Tom", trainer).getMuteParticipant().getMuted());
            assertEquals(true, send("/rotate-code", trainer).hasRotateJoinCode());
        }

        @Test
        void automaticAssignmentNamesNobody() {
            assertEquals("", send("/assign auto", trainer).getAssignCharacter().getParticipantId());
        }

        @Test
        void trainersDoNotPlay() {
            assertEquals("/offer is for players; trainers steer the session (see /help)",
                    error("/offer union ask refuse=no", trainer));
        }

        @Test
        void trainersMayTalk() {
            assertEquals("Five minutes left.", send("Five minutes left.", trainer).getSay().getText());
        }
    }

    @Nested
    class LocalCommands {
        @Test
        void help() {
            assertEquals(new ParseResult.Help(""), parser.parse("/help", manager));
            assertEquals(new ParseResult.Help("offer"), parser.parse("/help /offer", manager));
            assertEquals("unknown command /nope; /help lists the commands", error("/help nope"));
        }

        @Test
        void viewsAndQuit() {
            assertEquals(new ParseResult.Who(), parser.parse("/who", manager));
            assertEquals(new ParseResult.ShowBriefing(""), parser.parse("/briefing", manager));
            assertEquals(new ParseResult.ShowBriefing("carers"), parser.parse("/briefing Tom", trainer));
            assertEquals(new ParseResult.Quit(), parser.parse("/quit", manager));
            assertTrue(send("/board").hasGetBoard());
        }

        @Test
        void waitFor() {
            assertEquals(new ParseResult.WaitFor("dilemma", "", CommandParser.DEFAULT_WAIT),
                    parser.parse("/wait-for dilemma", manager));
            assertEquals(new ParseResult.WaitFor("talk", "half the money", Duration.ofMillis(2500)),
                    parser.parse("/wait-for talk \"half the money\" --timeout 2.5", manager));
            assertEquals(new ParseResult.WaitFor("talk", "half the money", Duration.ofSeconds(3)),
                    parser.parse("/wait-for talk half the money --timeout 3", manager));
            assertEquals("--timeout needs a number of seconds", error("/wait-for talk --timeout"));
            assertEquals("--timeout must be a number of seconds from 0 to 3600, got 'x'", error("/wait-for talk --timeout x"));
            assertEquals("say what kind of message to wait for: " + usage("wait-for"), error("/wait-for"));
        }

        @Test
        void sleep() {
            assertEquals(new ParseResult.Sleep(Duration.ofMillis(200)), parser.parse("/sleep 200", manager));
            assertEquals("milliseconds must be a whole number from 0 to 600000, got '-1'", error("/sleep -1"));
        }
    }

    @Nested
    class WithoutABoard {
        private final ParseContext nothingKnown = ParseContext.empty();

        @Test
        void wordsPassThroughForTheServerToJudge() {
            assertEquals("council", send("/doubt council", nothingKnown).getDeclareDoubt().getAboutCharacterId());
            assertEquals("funding", send("/position funding=yes", nothingKnown).getSetPosition().getSettings(0).getOptionId());
            assertEquals("Zed", send("/assign Zed police", nothingKnown).getAssignCharacter().getParticipantId());
        }

        @Test
        void observersOnlyWatch() {
            ConsoleState observer = new ConsoleState(Role.OBSERVER);
            assertEquals("observers can only watch: /say is not available", error("hello", observer));
            assertTrue(send("/board", observer).hasGetBoard());
        }
    }

    private static String usage(String command) {
        CommandSpec spec = Commands.find(command).orElseThrow();
        return spec.usage() + ", e.g. " + spec.examples().get(0);
    }
}
