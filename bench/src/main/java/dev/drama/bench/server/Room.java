package dev.drama.bench.server;

import dev.drama.proto.IntentionsStated;
import dev.drama.proto.JournalRecord;
import dev.drama.proto.Offer;
import dev.drama.proto.OfferMade;
import dev.drama.proto.ParticipantJoined;
import dev.drama.proto.CharacterAssigned;
import dev.drama.proto.Role;
import dev.drama.proto.ServerMessage;
import dev.drama.proto.Talk;
import dev.drama.proto.TalkSent;
import dev.drama.scenarios.model.Pack;
import dev.drama.scenarios.model.PackOption;
import dev.drama.server.session.Fanout;
import dev.drama.server.session.Outbound;
import dev.drama.server.session.Recipient;
import dev.drama.server.session.SessionState;
import java.util.ArrayList;
import java.util.List;

/**
 * A session of the scrutiny pack in negotiation as the load generator fills it: a trainer,
 * one player per character (6) and 4 observers, each seat a recipient that counts what it
 * is sent; and the moves of the load generator's mix as journal records. A move is what the
 * session actor does with it: apply the record, settle (the engine, the board report, the
 * dilemma diff) and fan the effects out through visibility.
 */
final class Room {
    /** Counts what a seat is sent, as the bytes that would go on the wire (length prefix aside). */
    static final class Counting implements Recipient {
        long events;
        long bytes;

        @Override
        public void send(ServerMessage message) {
            events++;
            bytes += message.getSerializedSize();
        }

        @Override
        public void send(ServerMessage message, byte[] encoded) {
            events++;
            bytes += encoded.length;
        }

        @Override
        public void close() {
        }
    }

    record Seat(String id, Role role, String characterId, Counting recipient) implements Fanout.Seat {
    }

    final Pack pack;
    final SessionState state;
    final List<Seat> seats = new ArrayList<>();
    private final String[] characters;
    private final String[] options;
    private long seq = 10;

    Room() {
        pack = Fixtures.pack();
        state = Fixtures.negotiating(pack);
        characters = pack.playableCharacters().stream().map(c -> c.id()).toArray(String[]::new);
        options = pack.options().stream().map(PackOption::id).toArray(String[]::new);
        seats.add(new Seat("p0", Role.TRAINER, "", new Counting()));
        for (String c : characters) {
            seats.add(new Seat("p" + seats.size(), Role.TRAINEE, c, new Counting()));
        }
        for (int i = 0; i < 4; i++) {
            seats.add(new Seat("p" + seats.size(), Role.OBSERVER, "", new Counting()));
        }
        // The state knows the players too (the board names who plays whom).
        for (Seat s : seats) {
            state.apply(JournalRecord.newBuilder().setSeq(++seq).setParticipantJoined(ParticipantJoined.newBuilder()
                    .setParticipantId(s.id()).setDisplayName("Player " + s.id()).setRole(s.role())).build());
            if (!s.characterId().isEmpty()) {
                state.apply(JournalRecord.newBuilder().setSeq(++seq).setCharacterAssigned(CharacterAssigned.newBuilder()
                        .setParticipantId(s.id()).setCharacterId(s.characterId())).build());
            }
        }
        state.settle();
    }

    /** One move of the given kind ("mix": the load generator's mix, in turn); returns the effects sent. */
    List<Outbound> move(String kind) {
        long n = ++seq;
        JournalRecord r = record(kindOf(kind, n), n);
        List<Outbound> out = new ArrayList<>(state.apply(r));
        out.addAll(state.settle());
        Fanout.publish(out, seats, state.phase());
        return out;
    }

    /** The kind of the next move ("mix": the mix's next one). */
    String next(String kind) {
        return kindOf(kind, seq + 1);
    }

    private static String kindOf(String kind, long n) {
        return kind.equals("mix") ? MIX[(int) (n % MIX.length)] : kind;
    }

    /** About the load generator's shares: position 22%, intentions 18%, say 21%, tell 21%, offer 8%. */
    private static final String[] MIX = {"position", "intentions", "talk", "tell", "position",
            "intentions", "talk", "tell", "offer", "position"};

    private JournalRecord record(String kind, long n) {
        String character = characters[(int) (n % characters.length)];
        boolean yes = ((n / characters.length) & 1) == 0;
        JournalRecord.Builder b = JournalRecord.newBuilder().setSeq(n).setAtEpochMs(1_700_000_000_000L + n);
        switch (kind) {
            case "position" -> {
                return Fixtures.positionRecord(n, character, options[(int) ((n / characters.length) % options.length)], yes);
            }
            case "intentions" -> {
                List<PackOption> own = pack.options().stream().filter(o -> o.owner().equals(character)).toList();
                b.setIntentionsStated(IntentionsStated.newBuilder().setCharacterId(character)
                        .addSettings(Fixtures.set(own.get((int) (n % own.size())).id(), yes)));
            }
            case "talk" -> {
                return Fixtures.talkRecord(n);
            }
            case "tell" -> b.setTalkSent(TalkSent.newBuilder().setTalk(Talk.newBuilder().setFromCharacterId(character)
                    .setFromName("Player").addToCharacterIds(characters[(int) ((n + 1) % characters.length)])
                    .setPrivate(true).setText("Between us: I can live with the critical friend if you hold back.")));
            case "offer" -> b.setOfferMade(OfferMade.newBuilder().setOffer(Offer.newBuilder().setOfferId("o" + n)
                    .setFromCharacterId(character).addToCharacterIds(characters[(int) ((n + 1) % characters.length)])
                    .addAsk(Fixtures.set(options[0], true)).setStatus(Offer.Status.PENDING)));
            default -> throw new IllegalArgumentException("no such move: " + kind);
        }
        return b.build();
    }

    long events() {
        return seats.stream().mapToLong(s -> s.recipient().events).sum();
    }

    long bytes() {
        return seats.stream().mapToLong(s -> s.recipient().bytes).sum();
    }
}
