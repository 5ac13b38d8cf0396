package dev.drama.server.session;

import static dev.drama.server.session.Refusal.require;

import dev.drama.proto.ErrorCode;
import java.util.HashMap;
import java.util.Map;

/**
 * The bytes of talk and offers a session keeps (in memory for catch-up, and in its
 * journal), per speaking character and in all. Counted from the records as they are
 * applied, live or on replay, so the count survives a restart; a move that would pass
 * either bound is refused, so a flood of long private messages cannot grow the session
 * without end. Lives in the session's actor.
 */
final class TalkBudget {
    private final long perCharacter;
    private final long perSession;
    private final Map<String, Long> byCharacter = new HashMap<>();
    private long total;

    TalkBudget(long perCharacter, long perSession) {
        this.perCharacter = perCharacter;
        this.perSession = perSession;
    }

    /** Refuses the move if storing {@code bytes} more from this speaker ({@code ""}: the trainer) would pass a bound. */
    void check(String speaker, int bytes) {
        require(byCharacter.getOrDefault(speaker, 0L) + bytes <= perCharacter, ErrorCode.TALK_LIMIT_REACHED,
                "you have used all the talk and offers this session keeps from one character ("
                        + perCharacter / 1024 + " KiB)");
        require(total + bytes <= perSession, ErrorCode.TALK_LIMIT_REACHED,
                "this session has stored all the talk and offers it keeps (" + perSession / 1024 + " KiB)");
    }

    void spend(String speaker, int bytes) {
        byCharacter.merge(speaker, (long) bytes, Long::sum);
        total += bytes;
    }

    long total() {
        return total;
    }
}
