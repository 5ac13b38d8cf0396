package dev.drama.server.session;

import dev.drama.proto.ServerMessage;

/**
 * A message the session wants sent: to everyone it may reach, or to one participant.
 * Either way, visibility decides whether each recipient may have it.
 */
public record Outbound(ServerMessage message, String onlyParticipantId) {
    static Outbound broadcast(ServerMessage message) {
        return new Outbound(message, null);
    }

    static Outbound to(Participant participant, ServerMessage message) {
        return new Outbound(message, participant.id());
    }
}
