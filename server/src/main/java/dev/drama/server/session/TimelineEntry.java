package dev.drama.server.session;

import dev.drama.proto.Dilemma;
import dev.drama.proto.DilemmaEvent;
import dev.drama.proto.DilemmaKind;
import dev.drama.proto.JournalRecord;
import dev.drama.proto.Offer;
import dev.drama.proto.OptionSetting;
import dev.drama.proto.ServerMessage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One line of the debrief's timeline, with its parts for machines: who acted (a person's
 * display name, empty for the session itself), the characters and options it concerns.
 * {@code dilemma} is set for dilemma lines (without its explanation and ways out); {@code reason}
 * for a move the computer made (why it made it), in the trainers' copy only.
 */
record TimelineEntry(long atEpochMs, String kind, String actor, List<String> characters, List<String> options,
                     String text, Dilemma dilemma, String reason) {

    TimelineEntry {
        characters = List.copyOf(characters);
        options = List.copyOf(options);
    }

    /** The character whose dilemma this line tells of; null for other lines. */
    String dilemmaHolder() {
        return dilemma == null ? null : dilemma.getHolderId();
    }

    /**
     * A line for a journal record, read against the state just before it is applied (so that a
     * character taken away or a participant removed can still be named).
     */
    static Optional<TimelineEntry> describe(JournalRecord r, SessionState s) {
        Line line = new Line(s, r);
        switch (r.getEventCase()) {
            case PARTICIPANT_JOINED -> line.person(r.getParticipantJoined().getDisplayName()).add(" joined as "
                    + r.getParticipantJoined().getRole().name().toLowerCase(Locale.ROOT));
            case CHARACTER_ASSIGNED -> {
                var e = r.getCharacterAssigned();
                Participant p = s.participant(e.getParticipantId()).orElse(null);
                line.person(p == null ? e.getParticipantId() : p.displayName());
                if (e.getCharacterId().isEmpty()) {
                    String previous = p == null ? "" : p.characterId();
                    line.add(previous.isEmpty() ? " has no character" : " no longer plays ").character(previous);
                } else {
                    line.add(" plays ").character(e.getCharacterId());
                }
            }
            case POSITION_SET -> line.mover(r.getPositionSet().getCharacterId()).add(" proposes: ")
                    .settings(r.getPositionSet().getSettingsList());
            case INTENTIONS_STATED -> line.mover(r.getIntentionsStated().getCharacterId()).add(" states its intentions: ")
                    .settings(r.getIntentionsStated().getSettingsList());
            case DOUBT_DECLARED -> line.mover(r.getDoubtDeclared().getHolderId())
                    .add(r.getDoubtDeclared().getDoubt() ? " doubts " : " no longer doubts ")
                    .character(r.getDoubtDeclared().getAboutId());
            case OFFER_MADE -> offer(line, r.getOfferMade().getOffer());
            case OFFER_ANSWERED -> line.mover(r.getOfferAnswered().getCharacterId()).add(" "
                    + past(r.getOfferAnswered().getResponse().name()) + " offer " + r.getOfferAnswered().getOfferId());
            case TALK_SENT -> talk(line, r.getTalkSent().getTalk());
            case PHASE_CHANGED -> line.add("phase: " + Moves.phaseName(r.getPhaseChanged().getPhase()));
            case CLOCK_CHANGED -> line.add(clock(s.clock(), r.getClockChanged(), r.getAtEpochMs()));
            case INJECT_SENT -> line.add("inject: " + (r.getInjectSent().getInjectId().isEmpty()
                    ? r.getInjectSent().getText()
                    : s.pack().inject(r.getInjectSent().getInjectId()).map(i -> i.title()).orElse(r.getInjectSent().getInjectId())));
            case COMMITTED -> line.mover(r.getCommitted().getCharacterId()).add(" commits to ")
                    .settings(r.getCommitted().getChoicesList());
            case PARTICIPANT_REMOVED -> {
                Participant p = s.participant(r.getParticipantRemoved().getParticipantId()).orElse(null);
                line.person(p == null ? r.getParticipantRemoved().getParticipantId() : p.displayName()).add(" was removed");
                if (p != null && p.hasCharacter()) {
                    line.add(" (played ").character(p.characterId()).add(")");
                }
            }
            case PARTICIPANT_MUTED -> s.participant(r.getParticipantMuted().getParticipantId()).ifPresent(p ->
                    line.person(p.displayName()).add(r.getParticipantMuted().getMuted() ? " was muted" : " was unmuted"));
            case OUTCOME_REVEALED -> line.add("the outcome is revealed");
            case BOT_SWITCHED -> {
                var e = r.getBotSwitched();
                line.character(e.getCharacterId());
                line.add(e.getStance().isEmpty() ? " is no longer played by the computer"
                        : " is played by the computer, as a " + e.getStance() + " (" + dev.drama.bots.Stance.parse(e.getStance())
                                .map(dev.drama.bots.Stance::summary).orElse("") + ")");
            }
            default -> {
                return Optional.empty();
            }
        }
        return line.text.length() == 0 ? Optional.empty() : Optional.of(line.entry());
    }

    /** A line for a consequence worth its own line: a dilemma arising or resolving. */
    static Optional<TimelineEntry> ofEffect(long at, ServerMessage m, SessionState s) {
        if (!m.hasDilemma() || m.getDilemma().getChange() == DilemmaEvent.Change.CURRENT) {
            return Optional.empty();
        }
        boolean arose = m.getDilemma().getChange() == DilemmaEvent.Change.AROSE;
        var d = m.getDilemma().getDilemma();
        return Optional.of(dilemma(at, "dilemma_" + (arose ? "arose" : "resolved"), d.getKind(), d.getHolderId(),
                d.getTowardsId(), arose ? " arose" : " resolved", s));
    }

    /**
     * A dilemma the session opened with: the briefing brings them without any move, so no
     * "arose" line tells of them, yet they belong in the debrief (and its charts) until they resolve.
     */
    static TimelineEntry atBriefing(long at, dev.drama.engine.Dilemma d, SessionState s) {
        return dilemma(at, "dilemma_open", DilemmaKind.valueOf(d.kind().name()), d.holder(), d.towards().orElse(""),
                " at the briefing", s);
    }

    private static TimelineEntry dilemma(long at, String kind, DilemmaKind dilemmaKind, String holder, String towards,
                                         String words, SessionState s) {
        Line line = new Line(s, JournalRecord.newBuilder().setAtEpochMs(at).build());
        line.character(holder).add(": " + dilemmaKind.name().toLowerCase(Locale.ROOT) + " dilemma");
        if (!towards.isEmpty()) {
            line.add(" towards ").character(towards);
        }
        line.add(words);
        TimelineEntry e = line.entry();
        return new TimelineEntry(at, kind, "", e.characters(), e.options(), e.text(),
                Dilemma.newBuilder().setKind(dilemmaKind).setHolderId(holder).setTowardsId(towards).build(), null);
    }

    private static void offer(Line line, Offer o) {
        line.mover(o.getFromCharacterId()).add(" offers ");
        for (int i = 0; i < o.getToCharacterIdsCount(); i++) {
            line.add(i == 0 ? "" : ", ").character(o.getToCharacterIds(i));
        }
        line.add(" (" + o.getOfferId() + ")");
        if (o.getAskCount() > 0) line.add("; asks ").settings(o.getAskList());
        if (o.getPromiseCount() > 0) line.add("; promises ").settings(o.getPromiseList());
        if (o.getThreatCount() > 0) line.add("; threatens, if refused, ").settings(o.getThreatList());
        if (!o.getNote().isEmpty()) line.add(" (\"" + o.getNote() + "\")");
    }

    private static void talk(Line line, dev.drama.proto.Talk t) {
        if (t.getFromCharacterId().isEmpty()) {
            line.add(t.getFromName());
        } else {
            line.mover(t.getFromCharacterId());
        }
        if (t.getPrivate()) {
            line.add(" to ");
            for (int i = 0; i < t.getToCharacterIdsCount(); i++) {
                line.add(i == 0 ? "" : ", ").character(t.getToCharacterIds(i));
            }
            line.add(" (private)");
        }
        line.add(": \"" + t.getText() + "\"");
    }

    /** What a clock change was, from the clock as it was before. */
    private static String clock(PhaseClock before, dev.drama.proto.ClockChanged after, long at) {
        if (after.getPaused() != before.paused()) {
            return after.getPaused() ? "clock paused" : "clock resumed";
        }
        if (after.getPaused()) {
            return "clock extended by " + minutes(after.getRemainingMs() - before.remainingMs(at));
        }
        return before.deadlineEpochMs() == 0 ? "clock set: " + minutes(after.getDeadlineEpochMs() - at) + " left"
                : "clock extended by " + minutes(after.getDeadlineEpochMs() - before.deadlineEpochMs());
    }

    private static String minutes(long ms) {
        long seconds = Math.round(ms / 1000.0);
        return seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " s";
    }

    private static String past(String response) {
        return switch (response) {
            case "ACCEPT" -> "accepted";
            case "REJECT" -> "rejected";
            default -> "withdrew";
        };
    }

    /** Builds a line's text while noting whom and what it names. */
    private static final class Line {
        private final SessionState s;
        private final JournalRecord r;
        private final StringBuilder text = new StringBuilder();
        private String actor = "";
        private final LinkedHashSet<String> characters = new LinkedHashSet<>();
        private final LinkedHashSet<String> options = new LinkedHashSet<>();

        Line(SessionState s, JournalRecord r) {
            this.s = s;
            this.r = r;
        }

        Line add(String words) {
            text.append(words);
            return this;
        }

        Line person(String displayName) {
            actor = displayName;
            return add(displayName);
        }

        Line character(String id) {
            if (!id.isEmpty()) {
                characters.add(id);
            }
            return add(s.board().character(id).map(dev.drama.engine.Character::name).orElse(id));
        }

        /** The character making a move, and the person who made it: its player, or the trainer acting for it. */
        Line mover(String characterId) {
            character(characterId);
            Optional<Participant> trainer = r.getActedByParticipantId().isEmpty() ? Optional.empty()
                    : s.participant(r.getActedByParticipantId());
            if (trainer.isPresent()) {
                actor = trainer.get().displayName();
                return add(" (the trainer " + actor + ")");
            }
            s.playerOf(characterId).ifPresent(p -> {
                actor = p.displayName();
                add(" (" + actor + ")");
            });
            return this;
        }

        Line settings(List<OptionSetting> settings) {
            List<String> words = new ArrayList<>();
            for (OptionSetting x : settings) {
                options.add(x.getOptionId());
                String label = s.board().option(x.getOptionId()).map(o -> o.label()).orElse(x.getOptionId());
                words.add(label + ": " + switch (x.getChoice()) {
                    case YES -> "yes";
                    case NO -> "no";
                    default -> "open";
                });
            }
            return add(words.stream().collect(Collectors.joining("; ")));
        }

        TimelineEntry entry() {
            return new TimelineEntry(r.getAtEpochMs(), r.getEventCase().name().toLowerCase(Locale.ROOT), actor,
                    new ArrayList<>(characters), new ArrayList<>(options), text.toString(), null,
                    r.getBotReason().isEmpty() ? null : r.getBotReason());
        }
    }
}
