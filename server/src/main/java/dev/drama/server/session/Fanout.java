package dev.drama.server.session;

import dev.drama.proto.Phase;
import dev.drama.proto.ServerMessage;
import dev.drama.server.visibility.Viewer;
import dev.drama.server.visibility.Visibility;
import java.util.List;

/**
 * Sends a session's effects to the seats visibility allows. Public so that the benchmarks
 * measure the server's own fan-out rather than a copy of it.
 */
public final class Fanout {
    private Fanout() {
    }

    /** Someone a session's messages may go to. */
    public interface Seat extends Viewer {
        String id();

        /** Where its messages go; null when nothing may go to it now (not connected, removed). */
        Recipient recipient();
    }

    public static void publish(List<Outbound> effects, Iterable<? extends Seat> seats, Phase phase) {
        for (Outbound o : effects) {
            if (o.onlyParticipantId() != null) {
                for (Seat s : seats) {
                    if (s.id().equals(o.onlyParticipantId())) {
                        deliver(s, o.message(), null, phase);
                    }
                }
            } else {
                // Serialised once for everyone who may have it, not once per recipient.
                byte[] encoded = o.message().toByteArray();
                for (Seat s : seats) {
                    deliver(s, o.message(), encoded, phase);
                }
            }
        }
    }

    private static void deliver(Seat s, ServerMessage message, byte[] encoded, Phase phase) {
        Recipient r = s.recipient();
        if (r != null && Visibility.mayReceive(s, message, phase)) {
            if (encoded != null) {
                r.send(message, encoded);
            } else {
                r.send(message);
            }
        }
    }
}
