package dev.drama.server.session;

import static dev.drama.proto.ErrorCode.*;
import static dev.drama.server.session.Refusal.require;
import static dev.drama.server.session.Refusal.requireNone;

import dev.drama.proto.CharacterAssigned;
import dev.drama.proto.JournalRecord;
import dev.drama.proto.ParticipantJoined;
import dev.drama.proto.Phase;
import dev.drama.proto.Role;
import dev.drama.scenarios.model.PackCharacter;
import dev.drama.server.text.Names;
import dev.drama.server.text.TextRules;
import java.util.ArrayList;
import java.util.List;

/** Who may come into a session, and the records that bring them in. */
final class Admission {
    static final int MAX_NAME_CHARS = 40;

    private Admission() {
    }

    static List<JournalRecord.Builder> admit(SessionState state, String participantId, byte[] tokenHash,
                                             String displayName, Role role, String characterWish, int maxParticipants) {
        String name = displayName.strip();
        require(state.phase() != Phase.ENDED, WRONG_PHASE, "that session has ended");
        require(!name.isEmpty(), MALFORMED_COMMAND, "give a display name");
        require(name.length() <= MAX_NAME_CHARS, TEXT_TOO_LONG, "a display name has at most " + MAX_NAME_CHARS + " characters");
        requireNone(TextRules.nameProblem(name), INVALID_TEXT);
        require(role == Role.TRAINER || !Names.imitatesTrainer(name), NAME_TAKEN,
                "'" + name + "' reads as the trainer's name; choose another name");
        long present = state.participants().stream().filter(p -> !p.removed()).count();
        require(present < maxParticipants, LIMIT_REACHED, "the session is full (" + maxParticipants + " participants)");
        state.participants().stream().filter(p -> !p.removed() && Names.sameName(p.displayName(), name)).findFirst()
                .ifPresent(p -> {
                    throw new Refusal(NAME_TAKEN, p.displayName().equals(name)
                            ? "someone in the session is already called " + name + "; choose another name"
                            : "'" + name + "' looks the same as '" + p.displayName() + "', who is already in the session; choose another name");
                });
        List<JournalRecord.Builder> records = new ArrayList<>();
        records.add(JournalRecord.newBuilder().setParticipantJoined(
                ParticipantJoined.newBuilder().setParticipantId(participantId).setDisplayName(name).setRole(role)
                        .setResumeTokenHash(com.google.protobuf.ByteString.copyFrom(tokenHash))));
        if (!characterWish.isEmpty()) {
            require(role == Role.TRAINEE, NOT_ALLOWED, "only players take characters");
            PackCharacter c = state.pack().character(characterWish).filter(x -> state.board().character(x.id()).isPresent())
                    .orElseThrow(() -> new Refusal(UNKNOWN_CHARACTER, "there is no character '" + characterWish + "'"));
            require(c.playable(), NOT_ALLOWED, c.name() + " is played by the trainer");
            require(state.playerOf(c.id()).isEmpty(), CHARACTER_TAKEN, c.name() + " is already taken");
            records.add(JournalRecord.newBuilder().setCharacterAssigned(CharacterAssigned.newBuilder()
                    .setParticipantId(participantId).setCharacterId(c.id())));
        }
        return records;
    }
}
