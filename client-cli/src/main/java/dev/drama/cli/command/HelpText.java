package dev.drama.cli.command;

import dev.drama.cli.command.CommandSpec.Audience;
import dev.drama.proto.Role;
import java.util.List;
import java.util.function.Function;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/** The text of /help and /help COMMAND, written from the command specs. */
public final class HelpText {
    private static final AttributedStyle TITLE = AttributedStyle.BOLD;
    private static final AttributedStyle EXAMPLE = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);

    private HelpText() {
    }

    /** @param topic a command name, or empty for the list of the commands that suit the role */
    public static AttributedString render(String topic, Role role, boolean scripted) {
        return render(topic, role, scripted, CommandSpec::examples);
    }

    /** @param examples each command's examples, e.g. written with the session's ids ({@link PackExamples}) */
    public static AttributedString render(String topic, Role role, boolean scripted,
            Function<CommandSpec, List<String>> examples) {
        AttributedStringBuilder out = new AttributedStringBuilder();
        if (!topic.isEmpty()) {
            CommandSpec spec = Commands.find(topic).orElseThrow();
            out.append(spec.usage(), TITLE).append("\n  ").append(spec.summary());
            if (!spec.details().isEmpty()) {
                out.append("\n  ").append(spec.details().replace("\n", "\n  "));
            }
            if (spec.audience() == Audience.TRAINER) {
                out.append("\n  (trainers only)");
            }
            out.append("\n  examples:");
            examples.apply(spec).forEach(e -> out.append("\n    ").append(e, EXAMPLE));
            return out.toAttributedString();
        }
        out.append("Commands", TITLE).append(" (a line without a slash is said to everyone; /help COMMAND for more)");
        out.append("\n").append(firstSteps(role));
        section(out, "Everyone", Audience.EVERYONE);
        if (role != Role.TRAINER && role != Role.OBSERVER) {
            section(out, "Playing your character", Audience.PLAYER);
        }
        if (role == Role.TRAINER || role == Role.ROLE_UNSPECIFIED) {
            section(out, "Running a session (trainers)", Audience.TRAINER);
        }
        if (scripted) {
            section(out, "Scripts", Audience.SCRIPT);
        }
        out.append("\nValues: yes/no (y/n, true/false, 1/0); open leaves an option to others.");
        out.append("\nExample: ").append(examples.apply(Commands.find("offer").orElseThrow()).get(0), EXAMPLE);
        return out.toAttributedString();
    }

    /** Where to start, for the role at hand. */
    private static String firstSteps(Role role) {
        return switch (role) {
            case TRAINER -> "Start: /packs, /new PACK (or /attach CODE), /who, /assign NAME CHARACTER, /phase briefing,"
                    + " /phase negotiation; later /phase moment, /phase debrief, /export md FILE.";
            case OBSERVER -> "You watch: /board and /who; public talk and the board appear as they change.";
            default -> "Start: /briefing and /board; then /position, /intend, /offer, /tell; answer offers with /accept"
                    + " or /reject; at the moment of truth, /commit.";
        };
    }

    private static void section(AttributedStringBuilder out, String title, Audience audience) {
        out.append("\n").append(title, TITLE);
        int width = Commands.all().stream().filter(s -> s.audience() == audience)
                .mapToInt(s -> s.name().length()).max().orElse(0) + 1;
        for (CommandSpec spec : Commands.all()) {
            if (spec.audience() == audience) {
                String name = "/" + spec.name();
                out.append("\n  ").append(name, EXAMPLE).append(" ".repeat(width - name.length() + 2))
                        .append(spec.summary());
            }
        }
    }
}
