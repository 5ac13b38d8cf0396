package dev.drama.cli.console;

import dev.drama.proto.BoardView;
import dev.drama.proto.CharacterStance;
import dev.drama.proto.CharacterView;
import dev.drama.proto.Choice;
import dev.drama.proto.Offer;
import dev.drama.proto.OfferEvent;
import dev.drama.proto.OptionSetting;
import dev.drama.proto.OptionView;
import dev.drama.proto.Participant;
import dev.drama.proto.Phase;
import dev.drama.proto.Role;
import dev.drama.proto.ServerMessage;
import dev.drama.proto.SessionJoined;
import dev.drama.proto.SessionState;

/** A small session (the tiny pack's day centre) as the server would describe it. */
public final class Fixtures {
    private Fixtures() {
    }

    public static OptionSetting setting(String option, Choice choice) {
        return OptionSetting.newBuilder().setOptionId(option).setChoice(choice).build();
    }

    public static BoardView board() {
        return BoardView.newBuilder()
                .addCharacters(CharacterView.newBuilder().setId("manager").setName("Priya Nair, Centre Manager").setPlayedBy("Priya"))
                .addCharacters(CharacterView.newBuilder().setId("carers").setName("Tom Bell, Carers' Forum").setPlayedBy("Tom"))
                .addCharacters(CharacterView.newBuilder().setId("union").setName("Ann Price, Unison Steward"))
                .addOptions(OptionView.newBuilder().setId("late").setOwnerId("manager").setLabel("Open until 8pm"))
                .addOptions(OptionView.newBuilder().setId("overtime").setOwnerId("manager").setLabel("Pay overtime"))
                .addOptions(OptionView.newBuilder().setId("protest").setOwnerId("carers").setLabel("Protest at council"))
                .addOptions(OptionView.newBuilder().setId("refuse").setOwnerId("union").setLabel("Refuse evening shifts"))
                .addStances(CharacterStance.newBuilder().setCharacterId("manager")
                        .addPosition(setting("late", Choice.NO)).addPosition(setting("overtime", Choice.NO)))
                .addStances(CharacterStance.newBuilder().setCharacterId("carers")
                        .addPosition(setting("late", Choice.YES)).addIntentions(setting("protest", Choice.YES))
                        .addDoubts("manager"))
                .addStances(CharacterStance.newBuilder().setCharacterId("union")
                        .addPosition(setting("late", Choice.YES)).addIntentions(setting("refuse", Choice.YES)))
                .addThreatenedFuture(setting("late", Choice.NO)).addThreatenedFuture(setting("overtime", Choice.NO))
                .addThreatenedFuture(setting("protest", Choice.YES)).addThreatenedFuture(setting("refuse", Choice.YES))
                .setCrisisPoint(true)
                .build();
    }

    public static SessionState session(Phase phase) {
        return SessionState.newBuilder().setSessionId("s1").setPackId("tiny").setPackTitle("Late Opening")
                .setPhase(phase)
                .addParticipants(participant("p1", "Trainer", Role.TRAINER, ""))
                .addParticipants(participant("p2", "Priya", Role.TRAINEE, "manager"))
                .addParticipants(participant("p3", "Tom", Role.TRAINEE, "carers"))
                .addParticipants(participant("p4", "Ann Lee", Role.TRAINEE, "union"))
                .build();
    }

    public static Participant participant(String id, String name, Role role, String character) {
        return Participant.newBuilder().setParticipantId(id).setDisplayName(name).setRole(role)
                .setCharacterId(character).setConnected(true).build();
    }

    public static Offer offer(String id, String from, String to) {
        return Offer.newBuilder().setOfferId(id).setFromCharacterId(from).addToCharacterIds(to)
                .addAsk(setting("refuse", Choice.NO)).addPromise(setting("overtime", Choice.YES))
                .addThreat(setting("late", Choice.NO)).setStatus(Offer.Status.PENDING).build();
    }

    /** A console state as seen by the player of {@code character} (or a trainer when role is TRAINER). */
    public static ConsoleState state(Role role, String character) {
        ConsoleState state = new ConsoleState(role);
        state.apply(ServerMessage.newBuilder().setRequestId(2).setSessionJoined(SessionJoined.newBuilder()
                .setSessionId("s1").setJoinCode("ABC1234").setParticipantId(role == Role.TRAINER ? "p1" : "p2")
                .setRole(role).setCharacterId(character).setPackTitle("Late Opening")).build());
        state.apply(ServerMessage.newBuilder().setSessionState(session(Phase.NEGOTIATION)).build());
        state.apply(ServerMessage.newBuilder().setBoard(board()).build());
        state.apply(ServerMessage.newBuilder().setOffer(OfferEvent.newBuilder()
                .setOffer(offer("o1", "union", "manager")).setByCharacterId("union")).build());
        return state;
    }
}
