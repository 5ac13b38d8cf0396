package dev.drama.cli.command;

import dev.drama.proto.ClientMessage;
import java.nio.file.Path;
import java.time.Duration;

/** What a typed line means: a command for the server, something the console does itself, or a mistake. */
public sealed interface ParseResult {

    /** A command for the server (request_id still 0: the connection numbers it). */
    record Send(ClientMessage command, Path saveReplyTo) implements ParseResult {
        public Send(ClientMessage command) {
            this(command, null);
        }
    }

    /** A command whose reply (the debrief) is read page by page, not printed whole. */
    record Paged(ClientMessage command) implements ParseResult {
    }

    /** A precise sentence saying what is wrong; nothing is sent. */
    record Error(String message) implements ParseResult {
    }

    /** Handled by the console without the server. */
    sealed interface Local extends ParseResult {
    }

    record Help(String topic) implements Local {
    }

    record Who() implements Local {
    }

    record ListOffers() implements Local {
    }

    /** The dilemmas this console knows of now, numbered for /ways. */
    record ListDilemmas() implements Local {
    }

    /** Every way out of dilemma {@code number} (as /dilemmas numbers them). */
    record ShowWaysOut(int number) implements Local {
    }

    record ShowBriefing(String characterId) implements Local {
    }

    record Quit() implements Local {
    }

    /** Wait for a message whose body is KIND (its JSON name) and whose JSON contains text. */
    record WaitFor(String kind, String text, Duration timeout) implements Local {
    }

    record Sleep(Duration duration) implements Local {
    }

    /** A blank line or a comment. */
    record Nothing() implements Local {
    }
}
