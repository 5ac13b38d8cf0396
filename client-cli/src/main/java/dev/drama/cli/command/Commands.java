package dev.drama.cli.command;

import static dev.drama.cli.command.CommandSpec.ArgKind.CHARACTER;
import static dev.drama.cli.command.CommandSpec.ArgKind.CHARACTERS;
import static dev.drama.cli.command.CommandSpec.ArgKind.COMMAND;
import static dev.drama.cli.command.CommandSpec.ArgKind.EXPORT_FORMAT;
import static dev.drama.cli.command.CommandSpec.ArgKind.INJECT;
import static dev.drama.cli.command.CommandSpec.ArgKind.PLAYER_COMMAND;
import static dev.drama.cli.command.CommandSpec.ArgKind.MESSAGE_KIND;
import static dev.drama.cli.command.CommandSpec.ArgKind.NONE;
import static dev.drama.cli.command.CommandSpec.ArgKind.OFFER;
import static dev.drama.cli.command.CommandSpec.ArgKind.OFFER_PART;
import static dev.drama.cli.command.CommandSpec.ArgKind.OPTION_SETTING;
import static dev.drama.cli.command.CommandSpec.ArgKind.PACK;
import static dev.drama.cli.command.CommandSpec.ArgKind.PARTICIPANT;
import static dev.drama.cli.command.CommandSpec.ArgKind.PHASE;
import static dev.drama.cli.command.CommandSpec.ArgKind.STANCE;
import static dev.drama.cli.command.CommandSpec.ArgKind.TEXT;

import dev.drama.cli.command.CommandSpec.ArgKind;
import dev.drama.cli.command.CommandSpec.Audience;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every slash command the consoles understand, in the order {@code /help} lists them. */
public final class Commands {
    private static final Map<String, CommandSpec> BY_NAME = new LinkedHashMap<>();

    static {
        // -- everyone
        add("help", "/help [COMMAND]", "list the commands, or explain one", "", List.of("/help", "/help offer"),
                Audience.EVERYONE, COMMAND);
        add("board", "/board", "show the board: options, owners, positions, intentions, threatened future",
                "Asks the server for a fresh copy of the public board.", List.of("/board"), Audience.EVERYONE);
        add("briefing", "/briefing [CHARACTER]", "show your private briefing again (trainers: anyone's)",
                "", List.of("/briefing", "/briefing police"), Audience.EVERYONE, CHARACTER);
        add("who", "/who", "who is in the session, which character each plays, who is connected", "",
                List.of("/who"), Audience.EVERYONE);
        add("offers", "/offers", "list the open offers and the agreements you have seen, with their ids", "",
                List.of("/offers"), Audience.EVERYONE);
        add("dilemmas", "/dilemmas", "your dilemmas now, numbered (trainers: everyone's)", "",
                List.of("/dilemmas"), Audience.EVERYONE);
        add("ways", "/ways N", "every way out of dilemma N (a dilemma shows its best three)",
                "N is the dilemma's number in /dilemmas.", List.of("/ways 1"), Audience.EVERYONE);
        add("history", "/history", "earlier talk, offers and injects, a page at a time",
                "After a catch-up, the events before those shown; each /history goes one page further back.",
                List.of("/history"), Audience.EVERYONE);
        add("quit", "/quit", "leave the console (join again with the same name to come back)",
                "Ctrl-D on an empty line does the same; Ctrl-C asks first.", List.of("/quit"), Audience.EVERYONE);
        add("debrief", "/debrief", "read the whole debrief (from the debrief phase on; trainers any time)",
                "Page by page in the interactive console (Enter for the next page, q to stop); one debrief event\n"
                        + "in scripted mode. /export md FILE saves it.", List.of("/debrief"), Audience.EVERYONE);

        // -- players
        add("choose", "/choose CHARACTER", "ask to play a character (the trainer may assign otherwise)", "",
                List.of("/choose chair"), Audience.PLAYER, CHARACTER);
        add("position", "/position OPTION=VALUE... | /position clear",
                "set your position: the settlement you propose",
                "VALUE is yes or no (also y/n, true/false, 1/0), or open to leave the option to others.\n"
                        + "Options you do not name keep their value; /position clear opens them all.",
                List.of("/position patrols=yes funding=no", "/position funding=open", "/position clear"),
                Audience.PLAYER, OPTION_SETTING);
        add("intend", "/intend OPTION=VALUE...",
                "state what you will do on your own options if there is no agreement",
                "Only your own options. open withdraws a stated intention (the status quo applies).",
                List.of("/intend walkout=yes"), Audience.PLAYER, OPTION_SETTING);
        add("doubt", "/doubt CHARACTER", "declare that you doubt a character will keep its side", "",
                List.of("/doubt council"), Audience.PLAYER, CHARACTER);
        add("undoubt", "/undoubt CHARACTER", "withdraw a doubt", "", List.of("/undoubt council"),
                Audience.PLAYER, CHARACTER);
        add("offer", "/offer TO[,TO...] [ask OPTION=VALUE...] [promise OPTION=VALUE...] [threat OPTION=VALUE...] [note TEXT]",
                "make an offer: if you do ASK, I will do PROMISE; if not, I will do THREAT",
                "TO is one or more characters, separated by commas. ask names their options, promise and\n"
                        + "threat name yours. At least one of ask, promise, threat. note takes the rest of the line\n"
                        + "(or a \"quoted\" text).",
                List.of("/offer council ask funding=yes promise patrols=yes threat walkout=yes",
                        "/offer council,police ask funding=yes note \"we can talk budgets tomorrow\""),
                Audience.PLAYER, CHARACTERS, OFFER_PART);
        add("counter", "/counter OFFER [TO[,TO...]] [ask ...] [promise ...] [threat ...] [note TEXT]",
                "answer an offer with one of your own (sent to its author unless you name others)", "",
                List.of("/counter o3 ask funding=yes promise patrols=no"), Audience.PLAYER, OFFER, OFFER_PART);
        add("accept", "/accept OFFER", "accept an offer made to you", "", List.of("/accept o3"), Audience.PLAYER,
                OFFER);
        add("reject", "/reject OFFER", "reject an offer made to you", "", List.of("/reject o3"), Audience.PLAYER,
                OFFER);
        add("withdraw", "/withdraw OFFER", "withdraw an offer you made", "", List.of("/withdraw o3"),
                Audience.PLAYER, OFFER);
        add("say", "/say TEXT", "speak to everyone (a line without a slash does the same)", "",
                List.of("/say Can we hear from the residents first?", "Can we hear from the residents first?"),
                Audience.EVERYONE, TEXT);
        add("tell", "/tell TO[,TO...] TEXT", "speak privately to one or more characters (trainers see it too)",
                "", List.of("/tell council Off the record: we could find half the money."), Audience.EVERYONE,
                CHARACTERS, TEXT);
        add("commit", "/commit OPTION=VALUE...", "moment of truth: your final choice on your own options",
                "Kept secret from the other players until the outcome is revealed. yes or no only.",
                List.of("/commit patrols=yes walkout=no"), Audience.PLAYER, OPTION_SETTING);

        // -- trainers
        add("packs", "/packs", "list the packs on the server", "", List.of("/packs"), Audience.TRAINER);
        add("new", "/new PACK", "start a session from a pack (you get its join code)", "",
                List.of("/new community-safety"), Audience.TRAINER, PACK);
        add("cohort", "/cohort PACK GROUPS", "start a cohort: one session of the pack per breakout group",
                "Each group gets its own join code; you take the trainer's seat of group 1 and move to another\n"
                        + "group with /attach CODE. The cohort page (its link is printed) shows the groups side by side.",
                List.of("/cohort community-safety 3"), Audience.TRAINER, PACK);
        add("sessions", "/sessions", "list the sessions on the server", "", List.of("/sessions"), Audience.TRAINER);
        add("attach", "/attach CODE", "take a trainer seat of a running session (yours again, or a co-trainer's)",
                "With the name this console was opened with (--name), a seat of that name nobody holds is yours\n"
                        + "again; otherwise you sit as a co-trainer beside the trainers already there.",
                List.of("/attach K7QF2M"), Audience.TRAINER);
        add("assign", "/assign NAME CHARACTER|none | /assign auto", "give a participant a character (none: take it away)",
                "NAME is the participant's display name as /who shows it. A character someone else plays moves\n"
                        + "to NAME (to replace an absent trainee). /assign auto gives every waiting player a free one.",
                List.of("/assign Alice police", "/assign Alice none", "/assign auto"), Audience.TRAINER, PARTICIPANT, CHARACTER);
        add("phase", "/phase next|briefing|negotiation|moment|debrief|end", "move the session to a phase", "",
                List.of("/phase next", "/phase negotiation", "/phase moment"), Audience.TRAINER, PHASE);
        add("pause", "/pause", "pause the clock (players can still read, not act)", "", List.of("/pause"),
                Audience.TRAINER);
        add("resume", "/resume", "restart the clock", "", List.of("/resume"), Audience.TRAINER);
        add("extend", "/extend MINUTES", "give the current phase more time", "", List.of("/extend 5"),
                Audience.TRAINER);
        add("inject", "/inject INJECT-ID | /inject \"free text\"", "send a scripted inject from the pack, or free text",
                "One bare word is an inject id from the pack; anything quoted or longer is free text.",
                List.of("/inject budget-cut", "/inject \"The local paper has the story.\""), Audience.TRAINER, INJECT, TEXT);
        add("injects", "/injects", "the pack's injects: titles, suggested times, whether sent",
                "At an inject's suggested time the trainer console says so.", List.of("/injects"), Audience.TRAINER);
        add("as", "/as CHARACTER COMMAND...", "make a move for a character nobody plays",
                "COMMAND is any player's command: position, intend, doubt, undoubt, offer, counter, accept,\n"
                        + "reject, withdraw, say, tell, commit. Refused for a character someone plays. The debrief\n"
                        + "records that the trainer made the move.",
                List.of("/as council accept o3", "/as council position funding=yes", "/as council say We need a week."),
                Audience.TRAINER, CHARACTER, PLAYER_COMMAND);
        add("bot", "/bot CHARACTER [STANCE] | /bot off CHARACTER | /bot defaults",
                "let the computer play a character nobody plays, in a stance (off: take it back)",
                "STANCE is realist (takes the ways out that serve it, keeps its threats credible), blusterer\n"
                        + "(threatens beyond what it would do), appeaser (concedes to end its dilemmas), sceptic (doubts\n"
                        + "promises until guaranteed), defector (agrees, then breaks agreements where tempted) or\n"
                        + "oppressed (gives way under threat); without one, the pack's default stance for the character.\n"
                        + "/bot defaults hands the computer every character nobody plays that the pack gives a stance.\n"
                        + "The computer hears only what the character's player would, and moves at a human pace;\n"
                        + "you see why it moves. Assigning the character to a trainee (or a trainee choosing it)\n"
                        + "takes it back from the computer.",
                List.of("/bot council realist", "/bot off council", "/bot defaults"), Audience.TRAINER, CHARACTER, STANCE);
        add("guide", "/guide", "the pack's facilitator guide", "", List.of("/guide"), Audience.TRAINER);
        add("export", "/export md|json|html [FILE]", "export the debrief (to FILE, or on screen)",
                "html is one file with the charts (dilemmas over time, the outcome against each character's\n"
                        + "preferences, agreements kept and broken) that any browser opens, no script needed.",
                List.of("/export md debrief.md", "/export json", "/export html debrief.html"),
                Audience.TRAINER, EXPORT_FORMAT, TEXT);
        add("remove", "/remove NAME", "remove a participant from the session", "", List.of("/remove Alice"),
                Audience.TRAINER, PARTICIPANT);
        add("mute", "/mute NAME", "stop a participant talking (its moves still count)", "", List.of("/mute Alice"),
                Audience.TRAINER, PARTICIPANT);
        add("unmute", "/unmute NAME", "let a muted participant talk again", "", List.of("/unmute Alice"),
                Audience.TRAINER, PARTICIPANT);
        add("rotate-code", "/rotate-code", "replace the session's join code (the old one stops working)",
                "People already in the session stay.", List.of("/rotate-code"), Audience.TRAINER);

        // -- scripts
        add("wait-for", "/wait-for KIND [TEXT] [--timeout SECONDS]",
                "scripts: wait until a message of that kind (containing TEXT) has arrived",
                "KIND is the JSON name of a message body: dilemma, talk, offer, board, briefing, sessionState,\n"
                        + "participant, inject, outcome, commitment, notice, error... Each /wait-for takes the\n"
                        + "earliest such message that no earlier /wait-for took, so an event that came early is not\n"
                        + "missed. Default timeout 10 s; on timeout a localError is printed and the script goes on.",
                List.of("/wait-for dilemma", "/wait-for talk \"half the money\" --timeout 5"), Audience.SCRIPT,
                MESSAGE_KIND, TEXT);
        add("sleep", "/sleep MILLISECONDS", "scripts: pause before the next command", "", List.of("/sleep 200"),
                Audience.SCRIPT);
    }

    private Commands() {
    }

    private static void add(String name, String usage, String summary, String details, List<String> examples,
            Audience audience, ArgKind... args) {
        BY_NAME.put(name, new CommandSpec(name, usage, summary, details, examples, audience,
                args.length == 0 ? List.of(NONE) : List.of(args)));
    }

    public static Optional<CommandSpec> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** The commands a trainer may give for a character nobody plays (/as): a player's moves and talk. */
    public static List<CommandSpec> playerMoves() {
        return BY_NAME.values().stream().filter(s -> (s.audience() == Audience.PLAYER && !s.name().equals("choose"))
                || s.name().equals("say") || s.name().equals("tell")).toList();
    }

    public static Collection<CommandSpec> all() {
        return BY_NAME.values();
    }
}
