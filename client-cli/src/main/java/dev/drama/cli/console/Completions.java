package dev.drama.cli.console;

import dev.drama.cli.command.CommandSpec;
import dev.drama.cli.command.CommandSpec.ArgKind;
import dev.drama.cli.command.Commands;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What Tab may offer at a point of a command line, worked out from the command specs and
 * what the console knows (characters, options, offers, participants, packs). Pure, so
 * that it is tested without a terminal; the JLine completer only adapts it.
 */
public final class Completions {

    /** A candidate; {@code complete} false when more typing follows (e.g. "patrols=") so no space is added. */
    public record Candidate(String value, boolean complete) {
    }

    static final List<String> MESSAGE_KINDS = List.of("welcome", "ack", "error", "sessionJoined", "sessionState",
            "briefing", "board", "offer", "talk", "dilemma", "participant", "inject", "outcome", "debrief",
            "sessions", "packs", "commitment", "notice", "injects", "guide", "debriefSummary");

    private final ConsoleState state;

    public Completions(ConsoleState state) {
        this.state = state;
    }

    /**
     * @param words the words of the line so far (the last one possibly being typed)
     * @param index the index of the word being completed
     */
    public List<Candidate> candidates(List<String> words, int index) {
        String current = index < words.size() ? words.get(index) : "";
        if (index == 0) {
            return Commands.all().stream().map(spec -> new Candidate("/" + spec.name(), true)).toList();
        }
        String first = words.get(0);
        if (!first.startsWith("/")) {
            return List.of();
        }
        CommandSpec spec = Commands.find(first.substring(1).toLowerCase(Locale.ROOT)).orElse(null);
        if (spec == null) {
            return List.of();
        }
        if (spec.argAt(index - 1) == ArgKind.PLAYER_COMMAND && index >= 3) {
            // /as CHARACTER COMMAND ARGS...: the words after the character complete as that command's
            List<String> inner = new ArrayList<>(words.subList(2, words.size()));
            inner.set(0, inner.get(0).startsWith("/") ? inner.get(0) : "/" + inner.get(0));
            return candidates(inner, index - 2);
        }
        return forKind(spec.argAt(index - 1), current);
    }

    private List<Candidate> forKind(ArgKind kind, String current) {
        return switch (kind) {
            case COMMAND -> Commands.all().stream().map(spec -> new Candidate(spec.name(), true)).toList();
            case CHARACTER -> complete(new ArrayList<>(state.characterIds()));
            case CHARACTERS -> characters(current);
            case OPTION_SETTING -> settings(current);
            case OFFER -> complete(List.copyOf(state.pendingOfferIds()));
            case OFFER_PART -> {
                List<Candidate> all = new ArrayList<>(complete(List.of("ask", "promise", "threat", "note")));
                all.addAll(settings(current));
                yield all;
            }
            case PARTICIPANT -> complete(state.participantNames());
            case PHASE -> complete(List.of("next", "briefing", "negotiation", "moment", "debrief", "end"));
            case EXPORT_FORMAT -> complete(List.of("md", "json", "html"));
            case PACK -> complete(state.packIds());
            case MESSAGE_KIND -> complete(MESSAGE_KINDS);
            case INJECT -> complete(state.injectIds());
            case STANCE -> complete(java.util.Arrays.stream(dev.drama.bots.Stance.values()).map(dev.drama.bots.Stance::word).toList());
            case PLAYER_COMMAND -> complete(Commands.playerMoves().stream().map(CommandSpec::name).toList());
            case NONE, TEXT -> List.of();
        };
    }

    /** Comma lists: complete the part after the last comma, keeping what comes before it. */
    private List<Candidate> characters(String current) {
        int comma = current.lastIndexOf(',');
        String before = comma < 0 ? "" : current.substring(0, comma + 1);
        return state.characterIds().stream().map(id -> new Candidate(before + id, true)).toList();
    }

    /** "opt=" until an option is chosen, then its values. */
    private List<Candidate> settings(String current) {
        int eq = current.indexOf('=');
        if (eq > 0) {
            String option = current.substring(0, eq);
            return List.of("yes", "no", "open").stream().map(v -> new Candidate(option + "=" + v, true)).toList();
        }
        return state.optionIds().stream().map(id -> new Candidate(id + "=", false)).toList();
    }

    private static List<Candidate> complete(List<String> values) {
        return values.stream().map(v -> new Candidate(v, true)).toList();
    }
}
