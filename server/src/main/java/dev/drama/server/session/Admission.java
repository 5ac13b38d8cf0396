package dev.drama.server.session;

import static dev.drama.proto.ErrorCode.*;
import static dev.drama.server.session.Refusal.require;
import static dev.drama.server.session.Refusal.requireNone;

import com.google.protobuf.ByteString;
import dev.drama.proto.CharacterAssigned;
import dev.drama.proto.JournalRecord;
import dev.drama.proto.ParticipantJoined;
import dev.drama.proto.Phase;
import dev.drama.proto.Role;
import dev.drama.proto.SeatReclaimed;
import dev.drama.scenarios.model.PackCharacter;
import dev.drama.server.text.Names;
import dev.drama.server.text.TextRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who may come into a session, and the records that seat them. A name is a seat: a
 * trainer or trainee who comes back under the name of a seat nobody holds takes that
 * seat back (character, briefing, offers and talk included); while its connection is
 * live the name is taken. Trainers and observers who give no name are "Trainer",
 * "Trainer 2"... (and "Observer"...), the first one free or their own.
 */
final class Admission {
    static final int MAX_NAME_CHARS = 40;

    /** Where an arriving connection sits: a new participant, or a seat taken back by name. */
    record Seating(String participantId, List<JournalRecord.Builder> records, boolean reclaimed) {
    }

    /** What a seat asks for: the limits come from the server's configuration. */
    record Limits(int maxSeats, long graceMs) {
    }

    private Admission() {
    }

    static Seating admit(SessionState state, String newParticipantId, byte[] tokenHash, String displayName, Role role,
                         String characterWish, Limits limits, long nowMs) {
        require(state.phase() != Phase.ENDED, WRONG_PHASE, "that session has ended");
        String asked = displayName.strip();
        boolean numbered = asked.isEmpty() && role != Role.TRAINEE;
        require(!asked.isEmpty() || numbered, MALFORMED_COMMAND, "give a display name");
        String base = numbered ? (role == Role.TRAINER ? "Trainer" : "Observer") : asked;
        require(base.length() <= MAX_NAME_CHARS, TEXT_TOO_LONG, "a display name has at most " + MAX_NAME_CHARS + " characters");
        requireNone(TextRules.nameProblem(base), INVALID_TEXT);
        require(role == Role.TRAINER || !Names.imitatesTrainer(base), NAME_TAKEN,
                "'" + base + "' reads as the trainer's name; choose another name");
        for (int n = 1; ; n++) {
            String name = n == 1 ? base : base + " " + n;
            Optional<Participant> holder = holderOf(state, name, role);
            if (holder.isEmpty()) {
                return newSeat(state, newParticipantId, tokenHash, name, role, characterWish, limits, nowMs);
            }
            Participant p = holder.get();
            if (p.role() == role && !p.connected()) {
                return reclaim(state, p, tokenHash, characterWish);
            }
            require(numbered, NAME_TAKEN, !p.displayName().equalsIgnoreCase(name)
                    ? "'" + name + "' looks the same as '" + p.displayName() + "', who is already in the session; choose another name"
                    : p.connected() ? name + " is in the session and connected now; choose another name"
                    : "someone in the session is already called " + name + "; choose another name");
        }
    }

    /** Who holds a name: anyone not removed, but an observer who left only for another observer. */
    private static Optional<Participant> holderOf(SessionState state, String name, Role arriving) {
        return state.participants().stream()
                .filter(p -> p.listed() || !p.removed() && arriving == Role.OBSERVER)
                .filter(p -> Names.sameName(p.displayName(), name))
                .findFirst();
    }

    private static Seating newSeat(SessionState state, String participantId, byte[] tokenHash, String name, Role role,
                                   String characterWish, Limits limits, long nowMs) {
        long seats = state.participants().stream().filter(p -> p.holdsSeat(nowMs, limits.graceMs())).count();
        require(seats < limits.maxSeats(), LIMIT_REACHED, "the session is full (" + limits.maxSeats() + " participants)");
        List<JournalRecord.Builder> records = new ArrayList<>();
        records.add(JournalRecord.newBuilder().setParticipantJoined(
                ParticipantJoined.newBuilder().setParticipantId(participantId).setDisplayName(name).setRole(role)
                        .setResumeTokenHash(ByteString.copyFrom(tokenHash))));
        records.addAll(wish(state, participantId, role, characterWish));
        return new Seating(participantId, records, false);
    }

    private static Seating reclaim(SessionState state, Participant p, byte[] tokenHash, String characterWish) {
        List<JournalRecord.Builder> records = new ArrayList<>();
        records.add(JournalRecord.newBuilder().setSeatReclaimed(SeatReclaimed.newBuilder()
                .setParticipantId(p.id()).setResumeTokenHash(ByteString.copyFrom(tokenHash))));
        if (!p.hasCharacter()) {
            records.addAll(wish(state, p.id(), p.role(), characterWish));
        }
        return new Seating(p.id(), records, true);
    }

    private static List<JournalRecord.Builder> wish(SessionState state, String participantId, Role role, String characterWish) {
        if (characterWish.isEmpty()) {
            return List.of();
        }
        require(role == Role.TRAINEE, NOT_ALLOWED, "only players take characters");
        PackCharacter c = state.pack().character(characterWish).filter(x -> state.board().character(x.id()).isPresent())
                .orElseThrow(() -> new Refusal(UNKNOWN_CHARACTER, "there is no character '" + characterWish + "'"));
        require(c.playable(), NOT_ALLOWED, c.name() + " is played by the trainer");
        List<JournalRecord.Builder> records = new ArrayList<>();
        // A person who asks for a character the computer plays takes it over.
        state.playerOf(c.id()).ifPresent(p -> {
            require(p.computer().isPresent(), CHARACTER_TAKEN, c.name() + " is already taken");
            records.add(ComputerPlayers.off(p));
        });
        records.add(JournalRecord.newBuilder().setCharacterAssigned(CharacterAssigned.newBuilder()
                .setParticipantId(participantId).setCharacterId(c.id())));
        return records;
    }
}
