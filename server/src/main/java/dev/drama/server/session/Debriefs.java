package dev.drama.server.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.drama.proto.DebriefExport;
import dev.drama.proto.DebriefSummary;
import dev.drama.proto.ExportDebrief;
import dev.drama.proto.JournalRecord;
import dev.drama.proto.OutcomeEvent;
import dev.drama.proto.Phase;
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
import java.util.Optional;
import dev.drama.server.visibility.Visibility;

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
        ExportDebrief.Format made = switch (format) {
            case JSON, HTML -> format;
            default -> ExportDebrief.Format.MARKDOWN;
        };
        String content = switch (made) {
            case JSON -> json(state, timeline, DebriefCharts.of(state, journal, timeline));
            case HTML -> DebriefHtml.render(state, timeline, DebriefCharts.of(state, journal, timeline));
            default -> markdown(state, journal, timeline);
        };
        return ServerMessage.newBuilder().setDebrief(DebriefExport.newBuilder().setFormat(made).setContent(content)).build();
    }

    /** A fresh state of the same session, to replay its journal into. */
    static SessionState replayOf(SessionState state) {
        return new SessionState(state.sessionId(), state.joinCode(), state.pack(), state.createdEpochMs());
    }

    static List<TimelineEntry> timeline(SessionState state, List<JournalRecord> journal, boolean withPrivateTalk) {
        SessionState replay = replayOf(state);
        List<TimelineEntry> out = new ArrayList<>();
        for (JournalRecord r : journal) {
            // Told as the state stood just before, so that whoever is taken away can still be named.
            Optional<TimelineEntry> line = Visibility.inDebrief(r, withPrivateTalk)
                    .flatMap(told -> TimelineEntry.describe(told, replay));
            boolean beforeBriefing = replay.phase().getNumber() < Phase.BRIEFING_VALUE;
            List<Outbound> effects = new ArrayList<>(replay.apply(r));
            effects.addAll(replay.settle());
            if (line.isEmpty() && r.hasTalkSent()) {
                continue;
            }
            line.ifPresent(out::add);
            for (Outbound o : effects) {
                TimelineEntry.ofEffect(r.getAtEpochMs(), o.message(), replay).ifPresent(out::add);
            }
            if (beforeBriefing && replay.phase().getNumber() >= Phase.BRIEFING_VALUE) {
                for (dev.drama.engine.Character c : replay.board().characters()) {
                    replay.analysis().of(c.id()).forEach(d -> out.add(TimelineEntry.atBriefing(r.getAtEpochMs(), d, replay)));
                }
            }
        }
        return out;
    }

    /** What every console shows on entering the debrief: the outcome and how many dilemmas came and went. */
    static ServerMessage summary(SessionState state, List<JournalRecord> journal) {
        List<TimelineEntry> timeline = timeline(state, journal, false);
        return ServerMessage.newBuilder().setDebriefSummary(DebriefSummary.newBuilder()
                .setOutcome(Outcomes.reveal(state).getOutcome())
                .setDilemmasArose((int) timeline.stream().filter(e -> e.kind().equals("dilemma_arose")).count())
                .setDilemmasResolved((int) timeline.stream().filter(e -> e.kind().equals("dilemma_resolved")).count())
                .addAllComputerPlayed(state.computerPlayers().stream().map(p -> dev.drama.proto.ComputerPlayed.newBuilder()
                        .setCharacterId(p.characterId()).setStance(p.computer().orElseThrow().stance().word())
                        .setSummary(p.computer().orElseThrow().stance().summary()).build()).toList()))
                .build();
    }

    /** The moves worth explaining of a computer player: its offers, answers, doubts, intentions and commitments. */
    private static final java.util.Set<String> KEY_MOVES = java.util.Set.of("offer_made", "offer_answered",
            "doubt_declared", "intentions_stated", "committed");

    /**
     * Which characters the computer played, in which stances, and (in the trainers' copy, which
     * has the reasons) why it made its key moves.
     */
    private static void computerPlayers(StringBuilder md, SessionState state, List<JournalRecord> journal,
                                        List<TimelineEntry> timeline) {
        Map<String, List<String>> stances = new LinkedHashMap<>();
        for (JournalRecord r : journal) {
            if (r.hasBotSwitched() && !r.getBotSwitched().getStance().isEmpty()) {
                stances.computeIfAbsent(r.getBotSwitched().getCharacterId(), k -> new ArrayList<>())
                        .add(r.getBotSwitched().getStance());
            }
        }
        if (stances.isEmpty()) {
            return;
        }
        md.append("\n## Computer-played characters\n\n");
        stances.forEach((id, played) -> {
            md.append("### ").append(name(state, id)).append("\n\n").append("Played as ");
            md.append(String.join(", then ", played.stream().map(w -> "a " + w + " ("
                    + dev.drama.bots.Stance.parse(w).map(dev.drama.bots.Stance::summary).orElse("") + ")").toList()));
            md.append(state.playerOf(id).flatMap(Participant::computer).isPresent() ? ", to the end.\n\n"
                    : "; a person or nobody played it at the end.\n\n");
            for (TimelineEntry e : timeline) {
                if (e.reason() != null && KEY_MOVES.contains(e.kind()) && e.characters().get(0).equals(id)) {
                    md.append("- ").append(TIME.format(Instant.ofEpochMilli(e.atEpochMs()))).append(' ').append(e.text())
                            .append("\n  - why: ").append(e.reason()).append('\n');
                }
            }
            md.append('\n');
        });
    }

    private static String markdown(SessionState state, List<JournalRecord> journal, List<TimelineEntry> timeline) {
        StringBuilder md = new StringBuilder();
        md.append("# Debrief: ").append(state.pack().title()).append("\n\n");
        md.append("Session ").append(state.sessionId()).append(", pack ").append(state.pack().id())
                .append(" v").append(state.pack().version()).append(", phase ")
                .append(Moves.phaseName(state.phase())).append(".\n\n## Cast\n\n");
        for (dev.drama.engine.Character c : state.board().characters()) {
            md.append("- **").append(c.name()).append("** (`").append(c.id()).append("`): ")
                    .append(state.playerOf(c.id()).map(p -> p.computer().isPresent()
                            ? "computer-played, as a " + p.computer().get().stance().word() : "played by " + p.displayName())
                            .orElse("unplayed"))
                    .append('\n');
        }
        computerPlayers(md, state, journal, timeline);
        md.append("\n## Timeline\n\n");
        // Each character's move names who made it: its player, or the trainer acting for it.
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
        md.append("## Outcome\n\n").append(outcome.getSummary()).append("\n\nWhat happened, option by option:\n\n");
        for (var setting : outcome.getOutcomeList()) {
            state.board().option(setting.getOptionId()).ifPresent(o -> md.append("- ").append(o.label()).append(" (")
                    .append(name(state, o.owner())).append("): ")
                    .append(setting.getChoice() == dev.drama.proto.Choice.YES ? "yes" : "no").append('\n'));
        }
        md.append("\nHow each character ranks it (1 is best, of ").append(outcome.getComparedFutures())
                .append(" futures compared):\n\n");
        for (var co : outcome.getCharactersList()) {
            md.append("- ").append(co.getVerdict()).append(" (ranks it ").append(co.getRankOfOutcome()).append(")");
            co.getKeptList().forEach(k -> md.append("; kept ").append(k));
            co.getBrokenList().forEach(k -> md.append("; broke ").append(k));
            co.getThreatsCarriedOutList().forEach(k -> md.append("; carried out the threat of ").append(k));
            md.append('\n');
        }
        md.append("\n## Briefings\n\n");
        for (PackCharacter c : state.pack().characters()) {
            md.append("### ").append(c.name()).append("\n\n")
                    .append(MarkdownHeadings.nestBelow(c.briefing().strip(), 3)).append("\n\n");
            List<String> preferences = state.preferencesInWords(c.id());
            if (!preferences.isEmpty()) {
                String changedBy = state.preferencesChangedBy().get(c.id());
                md.append(changedBy == null ? "Preferences, most important first:\n\n"
                        : "Preferences at the end, most important first (changed by the inject \"" + changedBy + "\"):\n\n");
                for (int i = 0; i < preferences.size(); i++) {
                    md.append(i + 1).append(". ").append(preferences.get(i)).append('\n');
                }
                md.append('\n');
            }
        }
        return md.toString();
    }

    private static String name(SessionState state, String characterId) {
        return state.board().character(characterId).map(dev.drama.engine.Character::name).orElse(characterId);
    }

    private static String json(SessionState state, List<TimelineEntry> timeline, DebriefCharts charts) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("sessionId", state.sessionId());
        root.put("pack", Map.of("id", state.pack().id(), "title", state.pack().title(), "version", state.pack().version()));
        root.put("phase", Moves.phaseName(state.phase()));
        List<Map<String, Object>> cast = new ArrayList<>();
        for (dev.drama.engine.Character c : state.board().characters()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", c.id());
            m.put("name", c.name());
            m.put("player", state.playerOf(c.id()).filter(p -> p.computer().isEmpty()).map(Participant::displayName).orElse(null));
            m.put("computer", state.playerOf(c.id()).flatMap(Participant::computer).map(x -> x.stance().word()).orElse(null));
            cast.add(m);
        }
        root.put("cast", cast);
        List<Map<String, Object>> events = new ArrayList<>();
        for (TimelineEntry e : timeline) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("at", Instant.ofEpochMilli(e.atEpochMs()).toString());
            m.put("kind", e.kind());
            m.put("actor", e.actor().isEmpty() ? null : e.actor());
            m.put("characters", e.characters());
            m.put("options", e.options());
            m.put("text", e.text());
            if (e.dilemma() != null) {
                m.put("holder", e.dilemmaHolder());
                m.put("dilemma", Map.of("kind", e.dilemma().getKind().name(), "towards", e.dilemma().getTowardsId()));
            }
            if (e.reason() != null) {
                m.put("reason", e.reason());
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
        root.put("outcome", Map.of("future", future, "summary", outcome.getSummary(), "characters", verdicts,
                "revealed", state.outcomeRevealed(), "comparedFutures", outcome.getComparedFutures()));
        root.put("options", state.board().options().stream().map(o -> Map.of("id", o.id(), "owner", o.owner(),
                "label", o.label())).toList());
        root.put("charts", charts);
        Map<String, Object> briefings = new LinkedHashMap<>();
        state.pack().characters().forEach(c -> {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("text", c.briefing());
            b.put("preferences", state.preferencesInWords(c.id()));
            b.put("preferencesChangedBy", state.preferencesChangedBy().get(c.id()));
            briefings.put(c.id(), b);
        });
        root.put("briefings", briefings);
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
