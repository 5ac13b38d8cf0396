package dev.drama.server.session;

import static dev.drama.proto.ErrorCode.CHARACTER_TAKEN;
import static dev.drama.proto.ErrorCode.NOT_ALLOWED;
import static dev.drama.proto.ErrorCode.NOT_COMPUTER_PLAYED;
import static dev.drama.proto.ErrorCode.UNKNOWN_CHARACTER;
import static dev.drama.proto.ErrorCode.UNKNOWN_STANCE;
import static dev.drama.proto.ErrorCode.WRONG_PHASE;
import static dev.drama.server.session.Refusal.require;

import dev.drama.bots.Bot;
import dev.drama.bots.Self;
import dev.drama.bots.Stance;
import dev.drama.proto.BotSwitched;
import dev.drama.proto.JournalRecord;
import dev.drama.proto.Phase;
import dev.drama.proto.Role;
import dev.drama.proto.SetBot;
import dev.drama.scenarios.model.PackCharacter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The one set of rules for the computer playing characters: only a trainer hands a character
 * to the computer or takes it back; never one a person plays; and a person who is given or
 * chooses a character the computer plays takes it over. The records name the computer's seat
 * and the seed of its random element, so a replay seats the same players.
 */
final class ComputerPlayers {
    private ComputerPlayers() {
    }

    static Decision decide(Participant who, SetBot command, SessionState state, LongSupplier seeds) {
        require(who.role() == Role.TRAINER, NOT_ALLOWED, "only the trainer can hand a character to the computer");
        require(state.phase() != Phase.ENDED, WRONG_PHASE, "the session has ended");
        if (command.getDefaults()) {
            return defaults(state, seeds);
        }
        String id = command.getCharacterId();
        var character = state.board().character(id).orElseThrow(() -> new Refusal(UNKNOWN_CHARACTER,
                "there is no character '" + id + "'; characters: " + String.join(", ",
                        state.board().characters().stream().map(dev.drama.engine.Character::id).toList())));
        Participant current = state.playerOf(id).orElse(null);
        if (command.getOff()) {
            require(current != null && current.computer().isPresent(), NOT_COMPUTER_PLAYED,
                    "the computer does not play " + character.name());
            return new Decision.Change(List.of(off(current)));
        }
        Stance stance = stance(state, id, command.getStance());
        require(current == null || current.computer().isPresent(), CHARACTER_TAKEN, character.name()
                + " is played by " + (current == null ? "" : current.displayName())
                + "; assign the character to nobody first to hand it to the computer");
        List<JournalRecord.Builder> records = new ArrayList<>();
        if (current != null) {
            records.add(off(current)); // a new stance: a new player
        }
        records.add(on(state, id, stance, command.getSeed() != 0 ? command.getSeed() : seeds.getAsLong(), 0));
        return new Decision.Change(records);
    }

    /** Every character nobody plays that the pack gives a default stance, handed to the computer. */
    private static Decision defaults(SessionState state, LongSupplier seeds) {
        List<JournalRecord.Builder> records = new ArrayList<>();
        for (PackCharacter c : state.pack().characters()) {
            if (state.board().character(c.id()).isPresent() && state.playerOf(c.id()).isEmpty() && !c.stance().isEmpty()) {
                records.add(on(state, c.id(), Stance.parse(c.stance()).orElseThrow(), seeds.getAsLong(), records.size()));
            }
        }
        require(!records.isEmpty(), NOT_ALLOWED,
                "the pack gives no default stance to a character nobody plays; name one: /bot CHARACTER STANCE");
        return new Decision.Change(records);
    }

    private static Stance stance(SessionState state, String characterId, String word) {
        if (word.isBlank()) {
            String fallback = state.pack().character(characterId).map(PackCharacter::stance).orElse("");
            require(!fallback.isEmpty(), UNKNOWN_STANCE, "the pack gives " + characterId
                    + " no default stance; name one: " + Stance.words());
            return Stance.parse(fallback).orElseThrow();
        }
        return Stance.parse(word).orElseThrow(() -> new Refusal(UNKNOWN_STANCE,
                "there is no stance '" + word + "'; stances: " + Stance.words()));
    }

    /**
     * @param earlier seats made in the same decision, not yet in the state: each seat's id is new
     */
    static JournalRecord.Builder on(SessionState state, String characterId, Stance stance, long seed, int earlier) {
        return JournalRecord.newBuilder().setBotSwitched(BotSwitched.newBuilder()
                .setParticipantId("c" + (state.participants().size() + 1 + earlier))
                .setCharacterId(characterId).setStance(stance.word()).setSeed(seed));
    }

    static JournalRecord.Builder off(Participant seat) {
        return JournalRecord.newBuilder().setBotSwitched(BotSwitched.newBuilder()
                .setParticipantId(seat.id()).setCharacterId(seat.characterId()));
    }

    /** What takes a character from its player for someone else: a person loses it, the computer stops. */
    static JournalRecord.Builder release(Participant player) {
        return player.computer().isPresent() ? off(player)
                : JournalRecord.newBuilder().setCharacterAssigned(dev.drama.proto.CharacterAssigned.newBuilder()
                        .setParticipantId(player.id()).setCharacterId(""));
    }

    /** Tells trainers why the computer made a move (players never hear it). */
    static dev.drama.proto.ServerMessage reasonNotice(SessionState state, Participant seat, String reason) {
        String name = state.board().character(seat.characterId()).map(dev.drama.engine.Character::name).orElse(seat.characterId());
        return dev.drama.proto.ServerMessage.newBuilder().setNotice(dev.drama.proto.Notice.newBuilder().setTrainersOnly(true)
                .setText(name + " (" + seat.displayName() + "): " + reason)).build();
    }

    /** The policy that plays a seat, knowing its own character's preference as its briefing gives it. */
    static Bot bot(SessionState state, Participant seat, dev.drama.server.ServerConfig.BotMaker maker) {
        Participant.Computer c = seat.computer().orElseThrow();
        return maker.make(new Self(seat.characterId(), state.board().preference(seat.characterId()),
                state.board().optionIds()), c.stance(), c.seed());
    }
}
