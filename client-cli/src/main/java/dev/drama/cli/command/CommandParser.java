package dev.drama.cli.command;

import dev.drama.bots.Stance;
import dev.drama.cli.command.CommandSpec.Audience;
import dev.drama.cli.command.Tokenizer.Token;
import dev.drama.proto.ActAs;
import dev.drama.proto.AdvancePhase;
import dev.drama.proto.GetGuide;
import dev.drama.proto.ListInjects;
import dev.drama.proto.AssignCharacter;
import dev.drama.proto.AttachTrainer;
import dev.drama.proto.MuteParticipant;
import dev.drama.proto.RotateJoinCode;
import dev.drama.proto.ChooseCharacter;
import dev.drama.proto.ClientMessage;
import dev.drama.proto.Commit;
import dev.drama.proto.CreateCohort;
import dev.drama.proto.CreateSession;
import dev.drama.proto.GetHistory;
import dev.drama.proto.DeclareDoubt;
import dev.drama.proto.ExportDebrief;
import dev.drama.proto.ExtendClock;
import dev.drama.proto.GetBoard;
import dev.drama.proto.ListPacks;
import dev.drama.proto.ListSessions;
import dev.drama.proto.MakeOffer;
import dev.drama.proto.Offer;
import dev.drama.proto.OptionSetting;
import dev.drama.proto.OptionView;
import dev.drama.proto.PauseClock;
import dev.drama.proto.Phase;
import dev.drama.proto.RemoveParticipant;
import dev.drama.proto.SetBot;
import dev.drama.proto.RespondToOffer;
import dev.drama.proto.Role;
import dev.drama.proto.Say;
import dev.drama.proto.SendInject;
import dev.drama.proto.SetPosition;
import dev.drama.proto.StateIntentions;
import dev.drama.proto.Tell;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns one typed line into a {@link ParseResult}. Pure: no I/O, no network; what it
 * knows of the session comes from a {@link ParseContext}. Every refusal is a sentence
 * that says what was wrong and how to write it.
 */
public final class CommandParser {

    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(10);

    private static final Set<String> OFFER_KEYWORDS = Set.of("ask", "promise", "threat", "note");

    /** Thrown inside the parser; becomes a {@link ParseResult.Error}. */
    private static final class Refusal extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refusal(String message) {
            super(message, null, false, false);
        }
    }

    public ParseResult parse(String line, ParseContext context) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
            return new ParseResult.Nothing();
        }
        try {
            if (!trimmed.startsWith("/")) {
                return guard(Commands.find("say").orElseThrow(), context, sayCommand(trimmed));
            }
            int space = indexOfWhitespace(trimmed);
            String name = trimmed.substring(1, space < 0 ? trimmed.length() : space).toLowerCase(Locale.ROOT);
            String rest = space < 0 ? "" : trimmed.substring(space).strip();
            CommandSpec spec = Commands.find(name).orElseThrow(() -> new Refusal(unknownCommand(name)));
            return guard(spec, context, parseCommand(spec, rest, context));
        } catch (Refusal refusal) {
            return new ParseResult.Error(refusal.getMessage());
        }
    }

    /** Refuses, before sending, what the console's role may not do. */
    private static ParseResult guard(CommandSpec spec, ParseContext context, ParseResult result) {
        Role role = context.role();
        if (!(result instanceof ParseResult.Send send)) {
            return result;
        }
        if (role == Role.OBSERVER && !send.command().hasGetBoard()) {
            return new ParseResult.Error("observers can only watch: /" + spec.name() + " is not available");
        }
        if (spec.audience() == Audience.TRAINER && role != Role.TRAINER && role != Role.ROLE_UNSPECIFIED) {
            return new ParseResult.Error("/" + spec.name() + " is a trainer command");
        }
        if (spec.audience() == Audience.PLAYER && role == Role.TRAINER) {
            return new ParseResult.Error("/" + spec.name() + " is for players; trainers steer the session (see /help)");
        }
        return result;
    }

    private ParseResult parseCommand(CommandSpec spec, String rest, ParseContext context) {
        List<Token> args = tokens(rest);
        switch (spec.name()) {
            case "help":
                expectAtMost(spec, args, 1);
                return new ParseResult.Help(args.isEmpty() ? "" : helpTopic(args.get(0).text()));
            case "board":
                expectNone(spec, args);
                return send(ClientMessage.newBuilder().setGetBoard(GetBoard.getDefaultInstance()));
            case "briefing":
                expectAtMost(spec, args, 1);
                return new ParseResult.ShowBriefing(args.isEmpty() ? "" : character(args.get(0).text(), context));
            case "who":
                expectNone(spec, args);
                return new ParseResult.Who();
            case "offers":
                expectNone(spec, args);
                return new ParseResult.ListOffers();
            case "dilemmas":
                expectNone(spec, args);
                return new ParseResult.ListDilemmas();
            case "ways":
                expectExactly(spec, args, 1);
                return new ParseResult.ShowWaysOut((int) wholeNumber(args.get(0).text(), "the dilemma's number", 1, 999));
            case "history":
                expectNone(spec, args);
                return send(ClientMessage.newBuilder().setGetHistory(GetHistory.newBuilder()
                        .setBeforeSeq(context.historyBefore())));
            case "quit":
                expectNone(spec, args);
                return new ParseResult.Quit();
            case "choose":
                expectExactly(spec, args, 1);
                return send(ClientMessage.newBuilder().setChooseCharacter(
                        ChooseCharacter.newBuilder().setCharacterId(character(args.get(0).text(), context))));
            case "position":
                return position(spec, args, context);
            case "intend":
                expectSome(spec, args);
                return send(ClientMessage.newBuilder().setStateIntentions(StateIntentions.newBuilder()
                        .addAllSettings(settings(args, context, true, Ownership.MINE, "intentions"))));
            case "doubt":
            case "undoubt":
                expectExactly(spec, args, 1);
                return send(ClientMessage.newBuilder().setDeclareDoubt(DeclareDoubt.newBuilder()
                        .setAboutCharacterId(character(args.get(0).text(), context))
                        .setDoubt(spec.name().equals("doubt"))));
            case "offer":
                return offer(spec, args, rest, context);
            case "counter":
                return counter(spec, args, rest, context);
            case "accept":
                return respond(spec, args, RespondToOffer.Response.ACCEPT);
            case "reject":
                return respond(spec, args, RespondToOffer.Response.REJECT);
            case "withdraw":
                return respond(spec, args, RespondToOffer.Response.WITHDRAW);
            case "say":
                return sayCommand(rest);
            case "tell":
                return tell(spec, args, rest, context);
            case "commit":
                expectSome(spec, args);
                return send(ClientMessage.newBuilder().setCommit(Commit.newBuilder()
                        .addAllSettings(settings(args, context, false, Ownership.MINE, "your commitment"))));
            case "packs":
                expectNone(spec, args);
                return send(ClientMessage.newBuilder().setListPacks(ListPacks.getDefaultInstance()));
            case "new":
                expectExactly(spec, args, 1);
                return send(ClientMessage.newBuilder()
                        .setCreateSession(CreateSession.newBuilder().setPackId(args.get(0).text())
                                .setDisplayName(context.myName())));
            case "cohort":
                expectExactly(spec, args, 2);
                // Any count is sent: the server says how many groups a cohort may have.
                return send(ClientMessage.newBuilder().setCreateCohort(CreateCohort.newBuilder()
                        .setPackId(args.get(0).text()).setGroups((int) wholeNumber(args.get(1).text(), "groups", 1, 99))
                        .setDisplayName(context.myName())));
            case "sessions":
                expectNone(spec, args);
                return send(ClientMessage.newBuilder().setListSessions(ListSessions.getDefaultInstance()));
            case "attach":
                expectExactly(spec, args, 1);
                return send(ClientMessage.newBuilder().setAttachTrainer(
                        AttachTrainer.newBuilder().setJoinCode(args.get(0).text()).setDisplayName(context.myName())));
            case "assign":
                if (args.size() == 1 && args.get(0).text().equalsIgnoreCase("auto")) {
                    return send(ClientMessage.newBuilder().setAssignCharacter(AssignCharacter.getDefaultInstance()));
                }
                expectExactly(spec, args, 2);
                String characterWord = args.get(1).text();
                String assigned = characterWord.equalsIgnoreCase("none") ? "" : character(characterWord, context);
                return send(ClientMessage.newBuilder().setAssignCharacter(AssignCharacter.newBuilder()
                        .setParticipantId(participant(args.get(0).text(), context)).setCharacterId(assigned)));
            case "phase":
                expectExactly(spec, args, 1);
                return send(ClientMessage.newBuilder()
                        .setAdvancePhase(AdvancePhase.newBuilder().setTo(phase(spec, args.get(0).text()))));
            case "pause":
            case "resume":
                expectNone(spec, args);
                return send(ClientMessage.newBuilder()
                        .setPauseClock(PauseClock.newBuilder().setPaused(spec.name().equals("pause"))));
            case "extend":
                expectExactly(spec, args, 1);
                return send(ClientMessage.newBuilder()
                        .setExtendClock(ExtendClock.newBuilder().setSeconds(minutes(args.get(0).text()) * 60)));
            case "inject":
                return inject(spec, args, rest);
            case "injects":
                expectNone(spec, args);
                return send(ClientMessage.newBuilder().setListInjects(ListInjects.getDefaultInstance()));
            case "guide":
                expectNone(spec, args);
                return send(ClientMessage.newBuilder().setGetGuide(GetGuide.getDefaultInstance()));
            case "debrief":
                expectNone(spec, args);
                return new ParseResult.Paged(ClientMessage.newBuilder().setExportDebrief(
                        ExportDebrief.newBuilder().setFormat(ExportDebrief.Format.MARKDOWN)).build());
            case "as":
                return actAs(spec, args, rest, context);
            case "bot":
                return bot(spec, args, context);
            case "export":
                return export(spec, args);
            case "remove":
                expectExactly(spec, args, 1);
                return send(ClientMessage.newBuilder().setRemoveParticipant(
                        RemoveParticipant.newBuilder().setParticipantId(participant(args.get(0).text(), context))));
            case "mute":
            case "unmute":
                expectExactly(spec, args, 1);
                return send(ClientMessage.newBuilder().setMuteParticipant(MuteParticipant.newBuilder()
                        .setParticipantId(participant(args.get(0).text(), context)).setMuted(spec.name().equals("mute"))));
            case "rotate-code":
                expectNone(spec, args);
                return send(ClientMessage.newBuilder().setRotateJoinCode(RotateJoinCode.getDefaultInstance()));
            case "wait-for":
                return waitFor(spec, args);
            case "sleep":
                expectExactly(spec, args, 1);
                return new ParseResult.Sleep(Duration.ofMillis(wholeNumber(args.get(0).text(), "milliseconds",
                        0, 600_000)));
            default:
                throw new IllegalStateException("no parser for /" + spec.name());
        }
    }

    // ------------------------------------------------------------------ commands with structure

    private ParseResult position(CommandSpec spec, List<Token> args, ParseContext context) {
        expectSome(spec, args);
        if (args.size() == 1 && args.get(0).text().equalsIgnoreCase("clear")) {
            return send(ClientMessage.newBuilder().setSetPosition(SetPosition.newBuilder().setReplace(true)));
        }
        return send(ClientMessage.newBuilder().setSetPosition(SetPosition.newBuilder()
                .addAllSettings(settings(args, context, true, Ownership.ANY, "your position"))));
    }

    private enum Section { ASK, PROMISE, THREAT }

    private ParseResult offer(CommandSpec spec, List<Token> args, String rest, ParseContext context) {
        if (args.isEmpty() || isOfferKeyword(args.get(0))) {
            throw usage(spec, "say who the offer is for");
        }
        RecipientList recipients = recipients(rest, args.get(0).start());
        List<String> to = characters(recipients, context);
        String terms = rest.substring(recipients.end());
        MakeOffer.Builder offer = offerBody(spec, tokens(terms), terms, to, context);
        return send(ClientMessage.newBuilder().setMakeOffer(offer.addAllToCharacterIds(to)));
    }

    private ParseResult counter(CommandSpec spec, List<Token> args, String rest, ParseContext context) {
        if (args.isEmpty()) {
            throw usage(spec, "say which offer you are answering");
        }
        String offerId = args.get(0).text();
        List<Token> body = args.subList(1, args.size());
        String terms = rest;
        List<String> to;
        if (!body.isEmpty() && !isOfferKeyword(body.get(0))) {
            RecipientList recipients = recipients(rest, body.get(0).start());
            to = characters(recipients, context);
            terms = rest.substring(recipients.end());
            body = tokens(terms);
        } else {
            Offer answered = context.offer(offerId).orElseThrow(() -> new Refusal(
                    "I do not know offer " + offerId + "; name who the counter-offer is for: /counter "
                            + offerId + " TO ask ..."));
            to = List.of(answered.getFromCharacterId());
        }
        MakeOffer.Builder offer = offerBody(spec, body, terms, to, context);
        return send(ClientMessage.newBuilder()
                .setMakeOffer(offer.addAllToCharacterIds(to).setCountersOfferId(offerId)));
    }

    /** The ask / promise / threat / note sections shared by /offer and /counter. */
    private MakeOffer.Builder offerBody(CommandSpec spec, List<Token> body, String rest, List<String> to,
            ParseContext context) {
        MakeOffer.Builder offer = MakeOffer.newBuilder();
        Map<Section, List<Token>> sections = new EnumMap<>(Section.class);
        Section current = null;
        for (int i = 0; i < body.size(); i++) {
            Token token = body.get(i);
            String word = token.quoted() ? "" : token.text().toLowerCase(Locale.ROOT);
            if (word.equals("note")) {
                offer.setNote(restFrom(body, i + 1, rest));
                if (offer.getNote().isEmpty()) {
                    throw new Refusal("note needs a text: note \"...\"");
                }
                break;
            }
            if (word.equals("ask") || word.equals("promise") || word.equals("threat")) {
                current = Section.valueOf(word.toUpperCase(Locale.ROOT));
                if (sections.containsKey(current)) {
                    throw new Refusal(word + " is given twice; put all its options after one " + word);
                }
                sections.put(current, new ArrayList<>());
                continue;
            }
            if (current == null) {
                throw new Refusal("expected ask, promise, threat or note before '" + token.text() + "'");
            }
            sections.get(current).add(token);
        }
        if (sections.isEmpty()) {
            throw usage(spec, "an offer needs at least one of ask, promise or threat");
        }
        for (Map.Entry<Section, List<Token>> section : sections.entrySet()) {
            String label = section.getKey().name().toLowerCase(Locale.ROOT);
            if (section.getValue().isEmpty()) {
                throw new Refusal(label + " needs at least one OPTION=VALUE");
            }
            Ownership ownership = section.getKey() == Section.ASK ? Ownership.theirs(to) : Ownership.MINE;
            List<OptionSetting> settings = settings(section.getValue(), context, false, ownership, label);
            switch (section.getKey()) {
                case ASK -> offer.addAllAsk(settings);
                case PROMISE -> offer.addAllPromise(settings);
                case THREAT -> offer.addAllThreat(settings);
            }
        }
        return offer;
    }

    private static boolean isOfferKeyword(Token token) {
        return !token.quoted() && OFFER_KEYWORDS.contains(token.text().toLowerCase(Locale.ROOT));
    }

    private ParseResult respond(CommandSpec spec, List<Token> args, RespondToOffer.Response response) {
        expectExactly(spec, args, 1);
        return send(ClientMessage.newBuilder().setRespondToOffer(
                RespondToOffer.newBuilder().setOfferId(args.get(0).text()).setResponse(response)));
    }

    /** A player's command, parsed as that character's player would type it, then wrapped. */
    private ParseResult actAs(CommandSpec spec, List<Token> args, String rest, ParseContext context) {
        if (args.size() < 2) {
            throw usage(spec, args.isEmpty() ? "say which character" : "say what the character does");
        }
        String characterId = character(args.get(0).text(), context);
        String line = rest.substring(args.get(1).start()).strip();
        String inner = line.startsWith("/") ? line : "/" + line;
        int space = indexOfWhitespace(inner);
        String name = inner.substring(1, space < 0 ? inner.length() : space).toLowerCase(Locale.ROOT);
        List<CommandSpec> moves = Commands.playerMoves();
        CommandSpec innerSpec = moves.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new Refusal("/as takes a player's command ("
                        + moves.stream().map(CommandSpec::name).collect(Collectors.joining(", ")) + "), not '" + name + "'"));
        ParseContext acting = ActingContext.as(context, characterId);
        ParseResult result = parseCommand(innerSpec, space < 0 ? "" : inner.substring(space).strip(), acting);
        if (!(result instanceof ParseResult.Send send)) {
            return result;
        }
        return send(ClientMessage.newBuilder().setActAs(ActAs.newBuilder().setCharacterId(characterId)
                .setCommand(send.command())));
    }

    /** /bot CHARACTER [STANCE], /bot off CHARACTER, /bot defaults. */
    private ParseResult bot(CommandSpec spec, List<Token> args, ParseContext context) {
        expectSome(spec, args);
        String first = args.get(0).text().toLowerCase(Locale.ROOT);
        if (first.equals("defaults") && args.size() == 1) {
            return send(ClientMessage.newBuilder().setSetBot(SetBot.newBuilder().setDefaults(true)));
        }
        if (first.equals("off")) {
            expectExactly(spec, args, 2);
            return send(ClientMessage.newBuilder().setSetBot(SetBot.newBuilder()
                    .setCharacterId(character(args.get(1).text(), context)).setOff(true)));
        }
        expectAtMost(spec, args, 2);
        String character = character(args.get(0).text(), context);
        String stance = "";
        if (args.size() == 2) {
            String word = args.get(1).text();
            stance = Stance.parse(word).map(Stance::word).orElseThrow(() -> new Refusal("unknown stance '" + word + "'"
                    + DidYouMean.hint(word, Arrays.stream(Stance.values()).map(Stance::word).toList(), w -> w)
                    + "; stances: " + Stance.words()));
        }
        return send(ClientMessage.newBuilder().setSetBot(SetBot.newBuilder().setCharacterId(character).setStance(stance)));
    }

    private ParseResult sayCommand(String text) {
        if (text.isBlank()) {
            throw new Refusal("nothing to say: /say TEXT");
        }
        return send(ClientMessage.newBuilder().setSay(Say.newBuilder().setText(text.strip())));
    }

    private ParseResult tell(CommandSpec spec, List<Token> args, String rest, ParseContext context) {
        if (args.isEmpty()) {
            throw usage(spec, "say who to tell");
        }
        RecipientList recipients = recipients(rest, 0);
        String after = rest.substring(recipients.end());
        String text = restFrom(tokens(after), 0, after);
        if (text.isEmpty()) {
            throw usage(spec, "say what to tell them");
        }
        List<String> to = characters(recipients, context);
        return send(ClientMessage.newBuilder().setTell(Tell.newBuilder().addAllToCharacterIds(to).setText(text)));
    }

    private ParseResult inject(CommandSpec spec, List<Token> args, String rest) {
        if (args.isEmpty()) {
            throw usage(spec, "name an inject from the pack, or give a \"free text\"");
        }
        SendInject.Builder inject = SendInject.newBuilder();
        if (args.size() == 1 && !args.get(0).quoted()) {
            inject.setInjectId(args.get(0).text());
        } else {
            inject.setText(restFrom(args, 0, rest));
        }
        return send(ClientMessage.newBuilder().setSendInject(inject));
    }

    private ParseResult export(CommandSpec spec, List<Token> args) {
        expectSome(spec, args);
        expectAtMost(spec, args, 2);
        ExportDebrief.Format format = switch (args.get(0).text().toLowerCase(Locale.ROOT)) {
            case "md", "markdown" -> ExportDebrief.Format.MARKDOWN;
            case "json" -> ExportDebrief.Format.JSON;
            case "html" -> ExportDebrief.Format.HTML;
            default -> throw new Refusal("'" + args.get(0).text() + "' is not an export format: use md, json or html");
        };
        ClientMessage command = ClientMessage.newBuilder()
                .setExportDebrief(ExportDebrief.newBuilder().setFormat(format)).build();
        return new ParseResult.Send(command, args.size() == 2 ? Path.of(args.get(1).text()) : null);
    }

    private ParseResult waitFor(CommandSpec spec, List<Token> args) {
        Duration timeout = DEFAULT_WAIT;
        List<String> words = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            Token token = args.get(i);
            if (!token.quoted() && token.text().equals("--timeout")) {
                if (i + 1 >= args.size()) {
                    throw new Refusal("--timeout needs a number of seconds");
                }
                timeout = seconds(args.get(++i).text());
            } else {
                words.add(token.text());
            }
        }
        if (words.isEmpty()) {
            throw usage(spec, "say what kind of message to wait for");
        }
        return new ParseResult.WaitFor(words.get(0), String.join(" ", words.subList(1, words.size())), timeout);
    }

    // ------------------------------------------------------------------ argument kinds

    /** Which options a list of settings may name. */
    private record Ownership(boolean mine, List<String> owners) {
        static final Ownership ANY = new Ownership(false, List.of());
        static final Ownership MINE = new Ownership(true, List.of());

        static Ownership theirs(List<String> recipients) {
            return new Ownership(false, recipients);
        }
    }

    private List<OptionSetting> settings(List<Token> args, ParseContext context, boolean openAllowed,
            Ownership ownership, String what) {
        List<OptionSetting> settings = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Token token : args) {
            String text = token.text();
            int eq = text.indexOf('=');
            if (eq <= 0 || eq == text.length() - 1) {
                throw new Refusal("expected OPTION=VALUE in " + what + ", got '" + text + "'");
            }
            String optionId = option(text.substring(0, eq), context);
            String value = text.substring(eq + 1);
            var choice = Choices.parse(value, openAllowed).orElseThrow(() -> new Refusal(
                    "'" + value + "' is not a value for " + optionId + ": use yes or no"
                            + (openAllowed ? " (or open)" : "")));
            if (!seen.add(optionId)) {
                throw new Refusal(optionId + " is given twice in " + what);
            }
            checkOwnership(optionId, ownership, context, what);
            settings.add(OptionSetting.newBuilder().setOptionId(optionId).setChoice(choice).build());
        }
        return settings;
    }

    private static void checkOwnership(String optionId, Ownership ownership, ParseContext context, String what) {
        Optional<OptionView> option = context.option(optionId);
        if (option.isEmpty()) {
            return;
        }
        String owner = option.get().getOwnerId();
        if (ownership.mine() && !context.myCharacterId().isEmpty() && !owner.equals(context.myCharacterId())) {
            throw new Refusal(optionId + " belongs to " + owner + ", not to you: " + what
                    + " can only name your own options");
        }
        if (!ownership.owners().isEmpty() && !ownership.owners().contains(owner)) {
            throw new Refusal(what + ": " + optionId + " belongs to " + owner
                    + ", who is not among those the offer is for (" + String.join(", ", ownership.owners()) + ")");
        }
    }

    private static String option(String word, ParseContext context) {
        if (!context.boardKnown()) {
            return word;
        }
        if (context.option(word).isPresent()) {
            return word;
        }
        return context.optionIds().stream().filter(id -> id.equalsIgnoreCase(word)).findFirst()
                .orElseThrow(() -> new Refusal("unknown option '" + word + "' (options: "
                        + String.join(", ", context.optionIds()) + ")"));
    }

    private static String character(String word, ParseContext context) {
        Optional<String> id = context.resolveCharacter(word);
        if (id.isPresent()) {
            return id.get();
        }
        if (context.boardKnown()) {
            List<String> known = new ArrayList<>(context.characterIds());
            known.addAll(context.characterNames());
            throw new Refusal("unknown character '" + word + "'"
                    + DidYouMean.hint(word, known, name -> name.contains(" ") ? "\"" + name + "\"" : name)
                    + "; characters: " + String.join(", ", context.characterIds()));
        }
        return word;
    }

    private static RecipientList recipients(String rest, int from) {
        try {
            return RecipientList.parse(rest, from);
        } catch (IllegalArgumentException e) {
            throw new Refusal(e.getMessage());
        }
    }

    private static List<String> characters(RecipientList recipients, ParseContext context) {
        List<String> ids = new ArrayList<>();
        for (String word : recipients.names()) {
            String id = character(word, context);
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    private static String participant(String word, ParseContext context) {
        Optional<String> id = context.resolveParticipant(word);
        if (id.isPresent()) {
            return id.get();
        }
        if (context.participantsKnown()) {
            throw new Refusal("no participant called '" + word + "' (see /who)");
        }
        return word;
    }

    private static Phase phase(CommandSpec spec, String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "next" -> Phase.PHASE_UNSPECIFIED;
            case "lobby" -> Phase.LOBBY;
            case "briefing" -> Phase.BRIEFING;
            case "negotiation", "negotiate" -> Phase.NEGOTIATION;
            case "moment", "truth", "moment-of-truth" -> Phase.MOMENT_OF_TRUTH;
            case "debrief" -> Phase.DEBRIEF;
            case "end", "ended" -> Phase.ENDED;
            default -> throw usage(spec, "'" + word + "' is not a phase");
        };
    }

    private static int minutes(String word) {
        return (int) wholeNumber(word, "minutes", 1, 600);
    }

    private static long wholeNumber(String word, String what, long min, long max) {
        try {
            long value = Long.parseLong(word);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // fall through to the refusal
        }
        throw new Refusal(what + " must be a whole number from " + min + " to " + max + ", got '" + word + "'");
    }

    private static Duration seconds(String word) {
        try {
            double value = Double.parseDouble(word);
            if (value > 0 && value <= 3600) {
                return Duration.ofMillis(Math.round(value * 1000));
            }
        } catch (NumberFormatException e) {
            // fall through to the refusal
        }
        throw new Refusal("--timeout must be a number of seconds from 0 to 3600, got '" + word + "'");
    }

    // ------------------------------------------------------------------ helpers

    private static List<Token> tokens(String rest) {
        try {
            return Tokenizer.tokens(rest);
        } catch (IllegalArgumentException e) {
            throw new Refusal(e.getMessage());
        }
    }

    /** The words from {@code index} on: a lone quoted word is its text; otherwise the raw rest of the line. */
    private static String restFrom(List<Token> args, int index, String rest) {
        if (index >= args.size()) {
            return "";
        }
        if (index == args.size() - 1 && args.get(index).quoted()) {
            return args.get(index).text();
        }
        return rest.substring(args.get(index).start()).strip();
    }

    private static String helpTopic(String word) {
        String topic = word.startsWith("/") ? word.substring(1) : word;
        topic = topic.toLowerCase(Locale.ROOT);
        if (Commands.find(topic).isEmpty()) {
            throw new Refusal(unknownCommand(topic));
        }
        return topic;
    }

    private static String unknownCommand(String name) {
        String hint = DidYouMean.hint(name, Commands.all().stream().map(CommandSpec::name).toList(), c -> "/" + c);
        return "unknown command /" + name + hint + "; /help lists the commands";
    }

    private static Refusal usage(CommandSpec spec, String problem) {
        String example = spec.examples().isEmpty() ? "" : ", e.g. " + spec.examples().get(0);
        return new Refusal(problem + ": " + spec.usage() + example);
    }

    private static void expectNone(CommandSpec spec, List<Token> args) {
        if (!args.isEmpty()) {
            throw new Refusal("/" + spec.name() + " takes no arguments");
        }
    }

    private static void expectSome(CommandSpec spec, List<Token> args) {
        if (args.isEmpty()) {
            throw usage(spec, "missing arguments");
        }
    }

    private static void expectExactly(CommandSpec spec, List<Token> args, int count) {
        if (args.size() < count) {
            throw usage(spec, "missing arguments");
        }
        if (args.size() > count) {
            throw usage(spec, "too many arguments");
        }
    }

    private static void expectAtMost(CommandSpec spec, List<Token> args, int count) {
        if (args.size() > count) {
            throw usage(spec, "too many arguments");
        }
    }

    private static int indexOfWhitespace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static ParseResult send(ClientMessage.Builder command) {
        return new ParseResult.Send(command.build());
    }
}
