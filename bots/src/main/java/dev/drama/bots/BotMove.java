package dev.drama.bots;

import dev.drama.proto.ClientMessage;
import java.util.Objects;

/**
 * A command a computer-played character sends, with why: the reason is for the trainer and
 * the debrief ("makes the threat that resolves its persuasion dilemma towards the Council"),
 * never sent to other players.
 *
 * @param command the command, without a request id
 * @param reason  one plain sentence
 */
public record BotMove(ClientMessage command, String reason) {
    public BotMove {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(reason, "reason");
    }
}
