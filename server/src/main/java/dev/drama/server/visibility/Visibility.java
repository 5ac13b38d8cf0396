package dev.drama.server.visibility;

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
            case DILEMMA -> revealed(phase)
                    ? Audience.EVERYONE : Audience.character(message.getDilemma().getDilemma().getHolderId());
            case TALK -> message.getTalk().getPrivate() ? talkers(message) : Audience.EVERYONE;
            case OFFER -> offerParties(message);
            case COMMITMENT -> message.getCommitment().getChoicesCount() == 0
                    ? Audience.EVERYONE : Audience.character(message.getCommitment().getCharacterId());
            case DEBRIEF -> revealed(phase) ? Audience.EVERYONE : Audience.TRAINERS;
            case SESSIONS, PACKS, JOIN_CODE, DASHBOARD_LINKS -> Audience.TRAINERS;
            case NOTICE -> message.getNotice().getForTrainers() ? Audience.TRAINERS : Audience.EVERYONE;
            default -> Audience.EVERYONE;
        };
    }

    /** From the debrief on, briefings, dilemmas and the debrief itself are everyone's. */
    public static boolean revealed(Phase phase) {
        return phase == Phase.DEBRIEF || phase == Phase.ENDED;
    }

    public static boolean mayReceive(Viewer viewer, Audience audience) {
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
