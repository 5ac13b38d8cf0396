package dev.drama.server.session;

import dev.drama.proto.ErrorCode;

/** Thrown inside command validation to refuse a command with a code and a plain sentence. */
public final class Refusal extends RuntimeException {
    private final ErrorCode code;

    public Refusal(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    /** Refuses unless the condition holds. */
    static void require(boolean condition, ErrorCode code, String message) {
        if (!condition) {
            throw new Refusal(code, message);
        }
    }

    /** Refuses with the problem's sentence, if there is a problem. */
    static void requireNone(java.util.Optional<String> problem, ErrorCode code) {
        if (problem.isPresent()) {
            throw new Refusal(code, problem.get());
        }
    }

    public ErrorCode code() {
        return code;
    }
}
