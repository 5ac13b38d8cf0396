package dev.drama.server.session;

import dev.drama.proto.JournalRecord;
import java.util.List;

/** Lets tests outside the session package look at a session's state (read-only, on its actor). */
public final class SessionProbe {
    private SessionProbe() {
    }

    /** The records the session has applied, read on its own executor. */
    public static List<JournalRecord> records(Session session) {
        return session.executor().submit(() -> session.state().journal()).syncUninterruptibly().getNow();
    }
}
