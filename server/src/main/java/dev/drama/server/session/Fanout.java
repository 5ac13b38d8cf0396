package dev.drama.server.session;

import dev.drama.proto.Phase;
import dev.drama.proto.ServerMessage;
import dev.drama.server.visibility.Audience;
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

    /**
     * Each message's audience is worked out once, and a broadcast is serialised once, for the
     * first seat that may have it, then the same bytes go to every other (none, when no seat may).
     */
    public static void publish(List<Outbound> effects, Iterable<? extends Seat> seats, Phase phase) {
        for (Outbound o : effects) {
            ServerMessage message = o.message();
            Audience audience = Visibility.audienceOf(message, phase);
            if (o.onlyParticipantId() != null) {
                for (Seat s : seats) {
                    Recipient r = s.recipient();
                    if (r != null && s.id().equals(o.onlyParticipantId()) && Visibility.mayReceive(s, audience)) {
                        r.send(message);
                    }
                }
                continue;
            }
            byte[] encoded = null;
            for (Seat s : seats) {
                Recipient r = s.recipient();
                if (r != null && Visibility.mayReceive(s, audience)) {
                    if (encoded == null) {
                        encoded = message.toByteArray();
                    }
                    r.send(message, encoded);
                }
            }
        }
    }
}
