package dev.drama.engine;

/**
 * What kind of move a way out is. Concrete kinds carry intentions or position changes; the
 * advice kinds (general advice from drama-theory.md section 2 that is not a move on the board)
 * carry none: see {@link WayOut#isConcrete()}.
 */
public enum WayOutKind {
    /** Persuasion: state intentions on one's own options that make the threatened future worse for the other. */
    THREATEN,
    /**
     * Persuasion: change one's position on one's own options so that the other prefers it; trust:
     * so that the other would rather keep its part than deviate.
     */
    PROMISE,
    /**
     * Persuasion and trust: ask less of the other (release some demands: leave them open) or give
     * them all up; rejection: give the other part of what it asks without an agreement.
     */
    CONCEDE,
    /** Persuasion: ask a third character for something as well, so that the other prefers the position. */
    ASK_THIRD,
    /** Trust: withdraw a declared doubt that is the only cause of the dilemma. */
    WITHDRAW_DOUBT,
    /** Rejection: with intentions, a threat the holder would carry out; without, the advice to commit or show anger. */
    HARDEN,
    /** Rejection: accept the other's position. */
    ACCEPT,
    /** Threat: state intentions the holder prefers, so that it would really carry them out. */
    CARRY_OUT,
    /** Threat: withdraw the stated intentions (back to the status quo). */
    DROP_THREAT,
    /** Positioning: move to the position the holder prefers. */
    MOVE_POSITION,
    /** Co-operation (advice): make the promise binding, with a guarantee or a penalty on defecting. */
    BIND_PROMISE,
    /** Trust (advice): seek guarantees, verification or a third party to enforce. */
    SEEK_GUARANTEE,
    /** Co-operation and trust: a position that removes the temptation. */
    CHANGE_POSITION,
    /** Other general advice: argue, build goodwill, find reasons. */
    ADVICE
}
