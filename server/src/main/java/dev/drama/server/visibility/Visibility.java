package dev.drama.server.visibility;

import dev.drama.proto.JournalRecord;
import dev.drama.proto.Phase;
import dev.drama.proto.Role;
import dev.drama.proto.ServerMessage;
import java.util.HashSet;
import java.util.Set;

/**
 * The one place that decides who may see what. The audience of an event is read from
 * the event itself, so no caller can address a secret to the wrong people: private
 * briefings, dilemmas and commitments go to their character's player; private talk and
 * offers to the characters named in them; trainers see everything; observers see only
 * what is public.
 */
public final class Visibility {
    private Visibility() {
    }

    public static Audience audienceOf(ServerMessage message, Phase phase) {
        return switch (message.getBodyCase()) {
            case BRIEFING -> revealed(phase)
                    ? Audience.EVERYONE : Audience.character(message.getBriefing().getCharacterId());
            case DILEMMA -> dilemmaAudience(message.getDilemma().getDilemma().getHolderId(), phase);
            case TALK -> message.getTalk().getPrivate() ? talkers(message) : Audience.EVERYONE;
            case OFFER -> offerParties(message);
            // Each recipient hears of a commitment once: the choices, or only that it was made.
            case COMMITMENT -> message.getCommitment().getChoicesCount() == 0
                    ? new Audience.Others(Set.of(message.getCommitment().getCharacterId()))
                    : Audience.character(message.getCommitment().getCharacterId());
            case DEBRIEF -> revealed(phase) ? Audience.EVERYONE : Audience.TRAINERS;
            case NOTICE -> message.getNotice().getTrainersOnly() ? Audience.TRAINERS : Audience.EVERYONE;
            // A cohort's view holds every character's dilemmas in every group.
            case SESSIONS, PACKS, JOIN_CODE, INJECTS, GUIDE, DASHBOARD_LINKS, COHORT_OPENED, COHORT -> Audience.TRAINERS;
            // The board, whole or as what a move changed, is public: nothing private is ever on it.
            case BOARD, BOARD_DELTA -> Audience.EVERYONE;
            default -> Audience.EVERYONE;
        };
    }

    /** A character's dilemmas: its player and trainers, until the debrief reveals them to everyone. */
    public static Audience dilemmaAudience(String holderId, Phase phase) {
        return revealed(phase) ? Audience.EVERYONE : Audience.character(holderId);
    }

    /** From the debrief on, briefings, dilemmas and the debrief itself are everyone's. */
    public static boolean revealed(Phase phase) {
        return phase == Phase.DEBRIEF || phase == Phase.ENDED;
    }

    public static boolean mayReceive(Viewer viewer, Audience audience) {
        if (audience instanceof Audience.Others o) {
            return viewer.role() != Role.TRAINER && !o.characterIds().contains(viewer.characterId());
        }
        if (viewer.role() == Role.TRAINER) {
            return true;
        }
        if (audience instanceof Audience.Characters c) {
            // A trainee without a character ("") must not match a secret whose character id is empty.
            return viewer.role() == Role.TRAINEE && !viewer.characterId().isEmpty()
                    && c.characterIds().contains(viewer.characterId());
        }
        return audience instanceof Audience.Everyone;
    }

    public static boolean mayReceive(Viewer viewer, ServerMessage message, Phase phase) {
        return mayReceive(viewer, audienceOf(message, phase));
    }

    /**
     * A journal record as the debrief tells it to someone: trainers get all of it; everyone
     * else never gets private talk, nor the notes of offers, which during play only the
     * offer's parties and trainers saw, nor why the computer made a move.
     */
    public static java.util.Optional<JournalRecord> inDebrief(JournalRecord record, boolean trainer) {
        if (trainer) {
            return java.util.Optional.of(record);
        }
        if (!record.getBotReason().isEmpty()) {
            return inDebrief(record.toBuilder().clearBotReason().build(), false);
        }
        if (record.hasTalkSent() && record.getTalkSent().getTalk().getPrivate()) {
            return java.util.Optional.empty();
        }
        if (record.hasOfferMade() && !record.getOfferMade().getOffer().getNote().isEmpty()) {
            JournalRecord.Builder b = record.toBuilder();
            b.getOfferMadeBuilder().getOfferBuilder().clearNote();
            return java.util.Optional.of(b.build());
        }
        return java.util.Optional.of(record);
    }

    private static Audience talkers(ServerMessage message) {
        Set<String> ids = new HashSet<>(message.getTalk().getToCharacterIdsList());
        if (!message.getTalk().getFromCharacterId().isEmpty()) {
            ids.add(message.getTalk().getFromCharacterId());
        }
        return Audience.characters(ids);
    }

    private static Audience offerParties(ServerMessage message) {
        Set<String> ids = new HashSet<>(message.getOffer().getOffer().getToCharacterIdsList());
        ids.add(message.getOffer().getOffer().getFromCharacterId());
        return Audience.characters(ids);
    }
}
