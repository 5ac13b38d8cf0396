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

    /** Sends each message to every connected participant of the session that visibility lets have it. */
    static void publish(SessionState state, java.util.List<Outbound> effects) {
        for (Outbound o : effects) {
            if (o.onlyParticipantId() != null) {
                state.participant(o.onlyParticipantId()).ifPresent(p -> deliver(state, p, o.message(), null));
            } else {
                // Serialised once for everyone who may have it, not once per recipient.
                byte[] encoded = o.message().toByteArray();
                for (Participant p : state.participants()) {
                    deliver(state, p, o.message(), encoded);
                }
            }
        }
    }

    private static void deliver(SessionState state, Participant p, ServerMessage message, byte[] encoded) {
        if (p.connected() && !p.removed() && dev.drama.server.visibility.Visibility.mayReceive(p, message, state.phase())) {
            if (encoded != null) {
                p.connection().send(message, encoded);
            } else {
                p.connection().send(message);
            }
        }
    }
}
