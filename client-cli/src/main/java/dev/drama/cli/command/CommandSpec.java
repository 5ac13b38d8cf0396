package dev.drama.cli.command;

import java.util.List;

/**
 * One slash command as people see it: its name, how to write it, what it does and
 * examples. The parser, {@code /help} and tab completion all read the same spec,
 * so the three never disagree.
 *
 * @param name      the word after the slash
 * @param usage     the syntax line, e.g. {@code /accept OFFER}
 * @param summary   one line for the command list
 * @param details   a longer explanation for {@code /help NAME}; may be empty
 * @param examples  lines that can be typed as they are
 * @param audience  who may use it
 * @param args      what each argument is, for completion; the last kind repeats
 */
public record CommandSpec(
        String name,
        String usage,
        String summary,
        String details,
        List<String> examples,
        Audience audience,
        List<ArgKind> args) {

    /** Who a command is meant for; the parser refuses it locally for other roles. */
    public enum Audience {
        EVERYONE, PLAYER, TRAINER, SCRIPT
    }

    /** What an argument position holds, so completion knows what to offer. */
    public enum ArgKind {
        NONE, COMMAND, CHARACTER, CHARACTERS, OPTION_SETTING, OFFER, OFFER_PART, PARTICIPANT,
        PHASE, EXPORT_FORMAT, PACK, MESSAGE_KIND, TEXT, INJECT,
        /** a stance the computer plays a character in (/bot) */
        STANCE,
        /** a player's command and then its own arguments (/as CHARACTER COMMAND ...) */
        PLAYER_COMMAND
    }

    /** The kind of argument at a zero-based position (the last kind repeats). */
    public ArgKind argAt(int index) {
        if (args.isEmpty()) {
            return ArgKind.NONE;
        }
        return args.get(Math.min(index, args.size() - 1));
    }
}
