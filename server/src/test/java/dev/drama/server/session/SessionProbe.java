package dev.drama.server.session;

import dev.drama.proto.JournalRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Lets tests outside the session package look at a session (read-only, on its actor). */
public final class SessionProbe {
    private SessionProbe() {
    }

    /** The records the session has applied: its journal, read on its own executor once the count matches. */
    public static List<JournalRecord> records(Session session) {
        return session.executor().submit(() -> {
            try {
                List<JournalRecord> onDisk = session.history();
                if (onDisk.size() != session.state().applied()) {
                    throw new IllegalStateException(session.state().applied() + " records applied, "
                            + onDisk.size() + " on disk");
                }
                return onDisk;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).syncUninterruptibly().getNow();
    }
}
