package dev.drama.cli.command;

import dev.drama.proto.OptionView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * /help examples written with the session's own characters and options, so that each
 * can be typed as it is: "/offer council ask fund=yes promise outreach=yes" in the
 * community-safety pack, not the made-up ids of the command specs. Until the console
 * knows the board, the specs' examples stand.
 */
public final class PackExamples {
    private final ParseContext context;
    private final String me;
    private final String other;
    private final String second;
    private final List<String> mine;
    private final String theirs;

    private PackExamples(ParseContext context) {
        this.context = context;
        List<String> characters = new ArrayList<>(context.characterIds());
        // a trainer or an unassigned player reads the examples as if it played the first character with options
        this.me = context.myCharacterId().isEmpty()
                ? characters.stream().filter(c -> !optionsOf(c).isEmpty()).findFirst().orElse(characters.get(0))
                : context.myCharacterId();
        List<String> others = characters.stream().filter(c -> !c.equals(me)).toList();
        this.other = others.stream().filter(c -> !optionsOf(c).isEmpty()).findFirst()
                .orElse(others.isEmpty() ? me : others.get(0));
        this.second = others.stream().filter(c -> !c.equals(other)).findFirst().orElse(other);
        this.mine = optionsOf(me);
        this.theirs = optionsOf(other).stream().findFirst().orElse(null);
    }

    /** The examples for a command: from the pack when the board is known and the command names its ids. */
    public static List<String> of(CommandSpec spec, ParseContext context) {
        if (!context.boardKnown() || context.characterIds().isEmpty()) {
            return spec.examples();
        }
        return new PackExamples(context).examples(spec).orElse(spec.examples());
    }

    private Optional<List<String>> examples(CommandSpec spec) {
        String mine1 = mine.isEmpty() ? null : mine.get(0);
        String mine2 = mine.size() > 1 ? mine.get(mine.size() - 1) : null;
        String offer = pendingOffer();
        List<String> out = switch (spec.name()) {
            case "briefing" -> List.of("/briefing", "/briefing " + other);
            case "choose", "doubt", "undoubt" -> List.of("/" + spec.name() + " " + other);
            case "tell" -> List.of("/tell " + other + " Off the record: we could find half the money.",
                    "/tell " + quoted(context.characterName(other)) + "," + second + " Can we talk before the vote?");
            case "position" -> mine1 == null || theirs == null ? List.of()
                    : List.of("/position " + mine1 + "=yes " + theirs + "=no", "/position " + theirs + "=open",
                            "/position clear");
            case "intend" -> mine1 == null ? List.of() : List.of("/intend " + (mine2 == null ? mine1 : mine2) + "=yes");
            case "commit" -> mine1 == null ? List.of()
                    : List.of("/commit " + mine1 + "=yes" + (mine2 == null ? "" : " " + mine2 + "=no"));
            case "offer" -> mine1 == null || theirs == null ? List.of()
                    : List.of("/offer " + other + " ask " + theirs + "=yes promise " + mine1 + "=yes threat "
                                    + (mine2 == null ? mine1 + "=no" : mine2 + "=yes"),
                            "/offer " + other + "," + second + " ask " + theirs + "=yes note \"we can talk budgets tomorrow\"");
            case "counter" -> mine1 == null || theirs == null ? List.of()
                    : List.of("/counter " + offer + " " + other + " ask " + theirs + "=yes promise " + mine1 + "=no");
            case "accept", "reject", "withdraw" -> List.of("/" + spec.name() + " " + offer);
            case "assign" -> List.of("/assign Alice " + other, "/assign Alice none", "/assign auto");
            default -> List.of();
        };
        return out.isEmpty() ? Optional.empty() : Optional.of(out);
    }

    private List<String> optionsOf(String character) {
        return context.optionIds().stream()
                .filter(id -> context.option(id).map(OptionView::getOwnerId).orElse("").equals(character)).toList();
    }

    /** The latest open offer this console knows, else the first id the server gives. */
    private String pendingOffer() {
        List<String> open = new ArrayList<>(context.pendingOfferIds());
        return open.isEmpty() ? "o1" : open.get(open.size() - 1);
    }

    private static String quoted(String name) {
        return name.contains(" ") || name.contains(",") ? "\"" + name + "\"" : name;
    }
}
