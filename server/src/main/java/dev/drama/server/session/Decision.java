package dev.drama.server.session;

import dev.drama.proto.ErrorCode;
import dev.drama.proto.JournalRecord;
import dev.drama.proto.ServerMessage;

/** What a session decides about a command: refuse it, answer it, or record a change. */
sealed interface Decision {
    record Refuse(ErrorCode code, String message) implements Decision {
    }

    record Answer(ServerMessage reply) implements Decision {
    }

    /** One or more records, applied and journaled together. */
    /** The debrief, which the session builds from its journal on disk. */
    record Export(dev.drama.proto.ExportDebrief.Format format, boolean withPrivateTalk) implements Decision {
    }

    record Change(java.util.List<JournalRecord.Builder> records) implements Decision {
    }

    static Decision refuse(ErrorCode code, String message) {
        return new Refuse(code, message);
    }
}
