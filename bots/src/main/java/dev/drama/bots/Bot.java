package dev.drama.bots;

import dev.drama.proto.ServerMessage;
import java.util.Optional;

/**
 * One computer-played character. Not thread-safe: its host calls it from one thread at a
 * time (the session's, or a simulation's loop).
 */
public interface Bot {
    String characterId();

    Stance stance();

    /** Every message the character's seat receives, in the order it receives them. */
    void observe(ServerMessage message);

    /**
     * The next command the character wants to send now, with its reason, if any: at most one
     * per call, without a request id (the host sets it). Empty when it has nothing to do until
     * something changes. Answers to its own commands (Ack, Error) also arrive via observe.
     */
    Optional<BotMove> nextMove();

    /**
     * Its moves so far other than talk (board moves, offers and answers, its commitment), each
     * with the dilemma it was resolving or its stance's motive: for the debrief.
     */
    default java.util.List<BotMove> keyMoves() {
        return java.util.List.of();
    }
}
