package dev.drama.server.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.drama.proto.DebriefExport;
import dev.drama.proto.ExportDebrief;
import dev.drama.proto.JournalRecord;
import dev.drama.proto.OutcomeEvent;
import dev.drama.proto.ServerMessage;
import dev.drama.scenarios.model.PackCharacter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The debrief: the session's timeline (moves, offers, talk, and every dilemma as it
 * arose and resolved), the outcome, and every briefing. Built by replaying the journal
 * into a fresh state, so it tells exactly what happened and nothing else.
 */
final class Debriefs {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Debriefs() {
    }

    /**
     * @param withPrivateTalk true only for trainers: private talk stays with its parties (and the
     *                        trainer), even in the debrief everyone else receives
     */
    static ServerMessage export(SessionState state, List<JournalRecord> journal, ExportDebrief.Format format,
                                boolean withPrivateTalk) {
        List<TimelineEntry> timeline = timeline(state, journal, withPrivateTalk);
        String content = format == ExportDebrief.Format.JSON ? json(state, timeline) : markdown(state, timeline);
        return ServerMessage.newBuilder().setDebrief(DebriefExport.newBuilder()
                .setFormat(format == ExportDebrief.Format.JSON ? format : ExportDebrief.Format.MARKDOWN)
                .setContent(content)).build();
    }

    static List<TimelineEntry> timeline(SessionState state, List<JournalRecord> journal, boolean withPrivateTalk) {
        SessionState replay = new SessionState(state.sessionId(), state.joinCode(), state.pack(), state.createdEpochMs());
        List<TimelineEntry> out = new ArrayList<>();
        for (JournalRecord r : journal) {
            List<Outbound> effects = new ArrayList<>(replay.apply(r));
            effects.addAll(replay.settle());
            if (!withPrivateTalk && r.hasTalkSent() && r.getTalkSent().getTalk().getPrivate()) {
                continue;
            }
            TimelineEntry.describe(r, replay).ifPresent(out::add);
            for (Outbound o : effects) {
                TimelineEntry.ofEffect(r.getAtEpochMs(), o.message(), replay).ifPresent(out::add);
            }
        }
        return out;
    }

    private static String markdown(SessionState state, List<TimelineEntry> timeline) {
        StringBuilder md = new StringBuilder();
        md.append("# Debrief: ").append(state.pack().title()).append("\n\n");
        md.append("Session ").append(state.sessionId()).append(", pack ").append(state.pack().id())
                .append(" v").append(state.pack().version()).append(", phase ")
                .append(Moves.phaseName(state.phase())).append(".\n\n## Cast\n\n");
        for (dev.drama.engine.Character c : state.board().characters()) {
            md.append("- **").append(c.name()).append("** (`").append(c.id()).append("`): ")
                    .append(state.playerOf(c.id()).map(p -> "played by " + p.displayName()).orElse("unplayed"))
                    .append('\n');
        }
        md.append("\n## Timeline\n\n");
        for (TimelineEntry e : timeline) {
            md.append("- ").append(TIME.format(Instant.ofEpochMilli(e.atEpochMs()))).append(' ')
                    .append(e.text()).append('\n');
        }
        md.append("\n## Dilemmas by character\n\n");
        for (dev.drama.engine.Character c : state.board().characters()) {
            md.append("### ").append(c.name()).append("\n\n");
            List<TimelineEntry> own = timeline.stream().filter(e -> c.id().equals(e.dilemmaHolder())).toList();
            if (own.isEmpty()) {
                md.append("No dilemma arose or resolved during play.\n");
            }
            for (TimelineEntry e : own) {
                md.append("- ").append(TIME.format(Instant.ofEpochMilli(e.atEpochMs()))).append(' ').append(e.text()).append('\n');
            }
            md.append('\n');
        }
        OutcomeEvent outcome = Outcomes.reveal(state).getOutcome();
        md.append("## Outcome\n\n").append(outcome.getSummary()).append("\n\n");
        for (var co : outcome.getCharactersList()) {
            md.append("- ").append(co.getVerdict()).append(" (ranks it ").append(co.getRankOfOutcome()).append(")");
            co.getKeptList().forEach(k -> md.append("; kept ").append(k));
            co.getBrokenList().forEach(k -> md.append("; broke ").append(k));
            co.getThreatsCarriedOutList().forEach(k -> md.append("; carried out the threat of ").append(k));
            md.append('\n');
        }
        md.append("\n## Briefings\n\n");
        for (PackCharacter c : state.pack().characters()) {
            md.append("### ").append(c.name()).append("\n\n").append(c.briefing().strip()).append("\n\n");
        }
        return md.toString();
    }

    private static String json(SessionState state, List<TimelineEntry> timeline) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("sessionId", state.sessionId());
        root.put("pack", Map.of("id", state.pack().id(), "title", state.pack().title(), "version", state.pack().version()));
        root.put("phase", Moves.phaseName(state.phase()));
        List<Map<String, Object>> cast = new ArrayList<>();
        for (dev.drama.engine.Character c : state.board().characters()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", c.id());
            m.put("name", c.name());
            m.put("player", state.playerOf(c.id()).map(Participant::displayName).orElse(null));
            cast.add(m);
        }
        root.put("cast", cast);
        List<Map<String, Object>> events = new ArrayList<>();
        for (TimelineEntry e : timeline) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("at", Instant.ofEpochMilli(e.atEpochMs()).toString());
            m.put("kind", e.kind());
            m.put("text", e.text());
            if (e.dilemmaHolder() != null) {
                m.put("holder", e.dilemmaHolder());
            }
            events.add(m);
        }
        root.put("timeline", events);
        OutcomeEvent outcome = Outcomes.reveal(state).getOutcome();
        Map<String, Boolean> future = new LinkedHashMap<>();
        outcome.getOutcomeList().forEach(s -> future.put(s.getOptionId(), s.getChoice() == dev.drama.proto.Choice.YES));
        List<Map<String, Object>> verdicts = new ArrayList<>();
        for (var co : outcome.getCharactersList()) {
            verdicts.add(Map.of("character", co.getCharacterId(), "rank", co.getRankOfOutcome(), "verdict", co.getVerdict(),
                    "kept", co.getKeptList(), "broken", co.getBrokenList(), "threatsCarriedOut", co.getThreatsCarriedOutList()));
        }
        root.put("outcome", Map.of("future", future, "summary", outcome.getSummary(), "characters", verdicts));
        Map<String, String> briefings = new LinkedHashMap<>();
        state.pack().characters().forEach(c -> briefings.put(c.id(), c.briefing()));
        root.put("briefings", briefings);
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
