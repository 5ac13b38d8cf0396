package dev.drama.cli.render;

import dev.drama.proto.InjectList;
import dev.drama.proto.InjectSummary;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.LongSupplier;
import org.jline.utils.AttributedStringBuilder;

/** The trainer's /injects: each inject's id, title, suggested moment and whether it was sent. */
final class InjectTable {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());

    private InjectTable() {
    }

    static void render(AttributedStringBuilder out, InjectList list, LongSupplier clock) {
        if (list.getInjectsCount() == 0) {
            out.append("this pack has no injects; /inject \"free text\" sends your own");
            return;
        }
        TextTable table = new TextTable().row(List.of("inject", "title", "suggested", "when", "sent"));
        for (InjectSummary i : list.getInjectsList()) {
            table.row(List.of(i.getInjectId(), TextTable.cut(i.getTitle(), 40), i.getAt().isEmpty() ? "any time" : i.getAt(),
                    when(i, clock.getAsLong()), i.getSent() ? "sent " + TIME.format(Instant.ofEpochMilli(i.getSentEpochMs())) : "no"));
        }
        out.append(String.join("\n", table.lines()));
        out.append("\n/inject INJECT-ID sends one (Tab completes the id)", HumanRenderer.FAINT);
    }

    private static String when(InjectSummary i, long now) {
        if (i.getDueEpochMs() == 0) {
            return "-";
        }
        long minutes = Math.round((i.getDueEpochMs() - now) / 60_000.0);
        String at = TIME.format(Instant.ofEpochMilli(i.getDueEpochMs()));
        return minutes > 0 ? at + " (in " + minutes + " min)" : minutes == 0 ? at + " (now)" : at + " (" + -minutes + " min ago)";
    }
}
