package dev.drama.server.session;

import static dev.drama.proto.ErrorCode.CHARACTER_TAKEN;
import static dev.drama.proto.ErrorCode.MALFORMED_COMMAND;
import static dev.drama.proto.ErrorCode.NOT_ALLOWED;
import static dev.drama.proto.ErrorCode.UNKNOWN_CHARACTER;
import static dev.drama.server.session.Refusal.require;

import dev.drama.proto.ActAs;
import dev.drama.proto.ClientMessage.CommandCase;
import dev.drama.proto.Role;
import java.util.EnumSet;
import java.util.Set;

/**
 * The one check for a trainer playing a character: only a trainer, only a character on the
 * board that nobody plays, and only the moves a player could make. Everything else about
 * the move is checked as if that character's player had made it.
 */
final class StandIns {
    /** The moves a trainer may make for an unplayed character. */
    static final Set<CommandCase> MOVES = EnumSet.of(CommandCase.SET_POSITION, CommandCase.STATE_INTENTIONS,
            CommandCase.DECLARE_DOUBT, CommandCase.MAKE_OFFER, CommandCase.RESPOND_TO_OFFER, CommandCase.SAY,
            CommandCase.TELL, CommandCase.COMMIT);

    private StandIns() {
    }

    static Participant forCharacter(Participant who, ActAs a, SessionState state) {
        require(who.role() == Role.TRAINER, NOT_ALLOWED, "only the trainer can act for a character");
        String id = a.getCharacterId();
        var character = state.board().character(id).orElseThrow(() -> new Refusal(UNKNOWN_CHARACTER,
                "there is no character '" + id + "' to act as"));
        state.playerOf(id).ifPresent(p -> {
            throw new Refusal(CHARACTER_TAKEN, character.name() + " is played by " + p.displayName()
                    + "; the trainer can act only for characters nobody plays");
        });
        require(MOVES.contains(a.getCommand().getCommandCase()), a.hasCommand() ? NOT_ALLOWED : MALFORMED_COMMAND,
                "acting as " + character.name() + " allows a player's moves only: positions, intentions, doubts,"
                        + " offers and answers, talk and commitments");
        return who.standingInFor(id);
    }
}
