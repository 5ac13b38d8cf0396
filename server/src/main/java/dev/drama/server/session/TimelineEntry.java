package dev.drama.server.session;

import dev.drama.proto.DilemmaEvent;
import dev.drama.proto.JournalRecord;
import dev.drama.proto.Offer;
import dev.drama.proto.OptionSetting;
import dev.drama.proto.ServerMessage;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** One line of the debrief's timeline. {@code dilemmaHolder} is set for dilemma lines. */
record TimelineEntry(long atEpochMs, String kind, String text, String dilemmaHolder) {

    /** A line for a journal record, read against the state right after it was applied. */
    static Optional<TimelineEntry> describe(JournalRecord r, SessionState s) {
        long at = r.getAtEpochMs();
        String text = switch (r.getEventCase()) {
            case PARTICIPANT_JOINED -> r.getParticipantJoined().getDisplayName() + " joined as "
                    + r.getParticipantJoined().getRole().name().toLowerCase(Locale.ROOT);
            case CHARACTER_ASSIGNED -> s.participant(r.getCharacterAssigned().getParticipantId())
                    .map(p -> p.displayName()).orElse("?") + " plays " + name(s, r.getCharacterAssigned().getCharacterId());
            case POSITION_SET -> name(s, r.getPositionSet().getCharacterId()) + " proposes: "
                    + settings(s, r.getPositionSet().getSettingsList());
            case INTENTIONS_STATED -> name(s, r.getIntentionsStated().getCharacterId()) + " states its intentions: "
                    + settings(s, r.getIntentionsStated().getSettingsList());
            case DOUBT_DECLARED -> name(s, r.getDoubtDeclared().getHolderId())
                    + (r.getDoubtDeclared().getDoubt() ? " doubts " : " no longer doubts ")
                    + name(s, r.getDoubtDeclared().getAboutId());
            case OFFER_MADE -> offer(s, r.getOfferMade().getOffer());
            case OFFER_ANSWERED -> name(s, r.getOfferAnswered().getCharacterId()) + " "
                    + past(r.getOfferAnswered().getResponse().name()) + " offer " + r.getOfferAnswered().getOfferId();
            case TALK_SENT -> talk(s, r.getTalkSent().getTalk());
            case PHASE_CHANGED -> "phase: " + Moves.phaseName(r.getPhaseChanged().getPhase());
            case CLOCK_CHANGED -> r.getClockChanged().getPaused() ? "clock paused" : "clock running";
            case INJECT_SENT -> "inject: " + (r.getInjectSent().getInjectId().isEmpty()
                    ? r.getInjectSent().getText()
                    : s.pack().inject(r.getInjectSent().getInjectId()).map(i -> i.title()).orElse(r.getInjectSent().getInjectId()));
            case COMMITTED -> name(s, r.getCommitted().getCharacterId()) + " commits to "
                    + settings(s, r.getCommitted().getChoicesList());
            case PARTICIPANT_REMOVED -> "participant removed";
            default -> null;
        };
        return text == null ? Optional.empty()
                : Optional.of(new TimelineEntry(at, r.getEventCase().name().toLowerCase(Locale.ROOT), text, null));
    }

    /** A line for a consequence worth its own line: a dilemma arising or resolving. */
    static Optional<TimelineEntry> ofEffect(long at, ServerMessage m, SessionState s) {
        if (!m.hasDilemma() || m.getDilemma().getChange() == DilemmaEvent.Change.CURRENT) {
            return Optional.empty();
        }
        var d = m.getDilemma().getDilemma();
        String towards = d.getTowardsId().isEmpty() ? "" : " towards " + name(s, d.getTowardsId());
        String change = m.getDilemma().getChange() == DilemmaEvent.Change.AROSE ? "arose" : "resolved";
        return Optional.of(new TimelineEntry(at, "dilemma_" + change,
                name(s, d.getHolderId()) + ": " + d.getKind().name().toLowerCase(Locale.ROOT) + " dilemma" + towards + " " + change,
                d.getHolderId()));
    }

    private static String name(SessionState s, String characterId) {
        return s.board().character(characterId).map(dev.drama.engine.Character::name).orElse(characterId);
    }

    private static String settings(SessionState s, List<OptionSetting> settings) {
        return settings.stream().map(x -> {
            String label = s.board().option(x.getOptionId()).map(o -> o.label()).orElse(x.getOptionId());
            return switch (x.getChoice()) {
                case YES -> label + ": yes";
                case NO -> label + ": no";
                default -> label + ": open";
            };
        }).collect(Collectors.joining("; "));
    }

    private static String offer(SessionState s, Offer o) {
        StringBuilder b = new StringBuilder(name(s, o.getFromCharacterId())).append(" offers ")
                .append(o.getToCharacterIdsList().stream().map(id -> name(s, id)).collect(Collectors.joining(", ")))
                .append(" (").append(o.getOfferId()).append(")");
        if (o.getAskCount() > 0) b.append("; asks ").append(settings(s, o.getAskList()));
        if (o.getPromiseCount() > 0) b.append("; promises ").append(settings(s, o.getPromiseList()));
        if (o.getThreatCount() > 0) b.append("; threatens, if refused, ").append(settings(s, o.getThreatList()));
        if (!o.getNote().isEmpty()) b.append(" (\"").append(o.getNote()).append("\")");
        return b.toString();
    }

    private static String talk(SessionState s, dev.drama.proto.Talk t) {
        String to = t.getPrivate() ? " to " + t.getToCharacterIdsList().stream().map(id -> name(s, id))
                .collect(Collectors.joining(", ")) + " (private)" : "";
        return t.getFromName() + to + ": \"" + t.getText() + "\"";
    }

    private static String past(String response) {
        return switch (response) {
            case "ACCEPT" -> "accepted";
            case "REJECT" -> "rejected";
            default -> "withdrew";
        };
    }
}
