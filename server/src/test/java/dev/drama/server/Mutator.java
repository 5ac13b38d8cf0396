package dev.drama.server;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import dev.drama.proto.*;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Seeded mutations of valid client messages: bit flips, cuts, splices, random field numbers and lengths. */
final class Mutator {
    private final Random random;

    Mutator(long seed) {
        random = new Random(seed);
    }

    Random random() {
        return random;
    }

    static OptionSetting s(String option, Choice c) {
        return OptionSetting.newBuilder().setOptionId(option).setChoice(c).build();
    }

    /** One valid message of every command, with plausible values for the tiny pack. */
    static List<ClientMessage> corpus() {
        return List.of(
                m().setHello(Hello.newBuilder().setProtocolVersion(ProtocolVersion.PROTOCOL_VERSION_CURRENT).setClient("fuzz")).build(),
                m().setCreateSession(CreateSession.newBuilder().setPackId("tiny")).build(),
                m().setAttachTrainer(AttachTrainer.newBuilder().setJoinCode("ABCDEFG")).build(),
                m().setJoin(Join.newBuilder().setJoinCode("ABCDEFG").setDisplayName("Fuzz").setCharacterId("union")).build(),
                m().setResume(Resume.newBuilder().setResumeToken("x".repeat(43))).build(),
                m().setWatch(Watch.newBuilder().setJoinCode("ABCDEFG").setDisplayName("Eye")).build(),
                m().setChooseCharacter(ChooseCharacter.newBuilder().setCharacterId("carers")).build(),
                m().setAssignCharacter(AssignCharacter.newBuilder().setParticipantId("p2").setCharacterId("manager")).build(),
                m().setGetBoard(GetBoard.getDefaultInstance()).build(),
                m().setSetPosition(SetPosition.newBuilder().addSettings(s("late", Choice.YES)).addSettings(s("refuse", Choice.OPEN))
                        .setReplace(true)).build(),
                m().setStateIntentions(StateIntentions.newBuilder().addSettings(s("refuse", Choice.NO))).build(),
                m().setDeclareDoubt(DeclareDoubt.newBuilder().setAboutCharacterId("manager").setDoubt(true)).build(),
                m().setMakeOffer(MakeOffer.newBuilder().addToCharacterIds("manager").addToCharacterIds("carers")
                        .addAsk(s("late", Choice.YES)).addPromise(s("refuse", Choice.NO)).addThreat(s("refuse", Choice.YES))
                        .setNote("fuzz offer").setCountersOfferId("o1")).build(),
                m().setRespondToOffer(RespondToOffer.newBuilder().setOfferId("o1").setResponse(RespondToOffer.Response.ACCEPT)).build(),
                m().setSay(Say.newBuilder().setText("fuzz says hello")).build(),
                m().setTell(Tell.newBuilder().addToCharacterIds("carers").setText("fuzz whispers")).build(),
                m().setAdvancePhase(AdvancePhase.newBuilder().setTo(Phase.NEGOTIATION)).build(),
                m().setPauseClock(PauseClock.newBuilder().setPaused(true)).build(),
                m().setExtendClock(ExtendClock.newBuilder().setSeconds(60)).build(),
                m().setSendInject(SendInject.newBuilder().setText("fuzz news")).build(),
                m().setCommit(Commit.newBuilder().addSettings(s("refuse", Choice.NO))).build(),
                m().setExportDebrief(ExportDebrief.newBuilder().setFormat(ExportDebrief.Format.JSON)).build(),
                m().setListSessions(ListSessions.getDefaultInstance()).build(),
                m().setListPacks(ListPacks.getDefaultInstance()).build(),
                m().setUploadPack(UploadPack.newBuilder().setFileName("fuzz.zip")
                        .setZip(ByteString.copyFrom(new byte[] {'P', 'K', 3, 4, 0, 0}))).build(),
                m().setRemoveParticipant(RemoveParticipant.newBuilder().setParticipantId("p3")).build(),
                m().setPing(Ping.newBuilder().setNonce(42)).build(),
                m().setLeave(Leave.getDefaultInstance()).build());
    }

    /** The commands a seated participant makes (no lobby commands, so the fuzzer stays in its seat longer). */
    static List<ClientMessage> inSessionCorpus() {
        return corpus().stream().filter(c -> switch (c.getCommandCase()) {
            case HELLO, CREATE_SESSION, ATTACH_TRAINER, JOIN, RESUME, WATCH, LEAVE, UPLOAD_PACK, REMOVE_PARTICIPANT -> false;
            default -> true;
        }).toList();
    }

    private static ClientMessage.Builder m() {
        return ClientMessage.newBuilder().setRequestId(7);
    }

    /** A mutation of one of these messages (or, now and then, of nothing at all). */
    byte[] mutate(List<ClientMessage> corpus) {
        byte[] base = corpus.get(random.nextInt(corpus.size())).toBuilder()
                .setRequestId(random.nextInt(4) == 0 ? random.nextLong() : random.nextInt(1000)).build().toByteArray();
        int rounds = 1 + random.nextInt(3);
        for (int i = 0; i < rounds; i++) {
            base = once(base, corpus);
        }
        return base;
    }

    private byte[] once(byte[] b, List<ClientMessage> corpus) {
        switch (random.nextInt(10)) {
            case 0 -> { // flip bits
                byte[] out = b.clone();
                int flips = 1 + random.nextInt(8);
                for (int i = 0; i < flips && out.length > 0; i++) {
                    out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
                }
                return out;
            }
            case 1 -> { // truncate
                return Arrays.copyOf(b, b.length == 0 ? 0 : random.nextInt(b.length));
            }
            case 2 -> { // splice with another message
                byte[] other = corpus.get(random.nextInt(corpus.size())).toByteArray();
                int cutA = random.nextInt(b.length + 1);
                int cutB = random.nextInt(other.length + 1);
                byte[] out = Arrays.copyOf(b, cutA + other.length - cutB);
                System.arraycopy(other, cutB, out, cutA, other.length - cutB);
                return out;
            }
            case 3 -> { // random bytes
                byte[] out = new byte[random.nextInt(64)];
                random.nextBytes(out);
                return out;
            }
            case 4 -> { // insert random bytes
                byte[] junk = new byte[1 + random.nextInt(8)];
                random.nextBytes(junk);
                int at = random.nextInt(b.length + 1);
                byte[] out = new byte[b.length + junk.length];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(junk, 0, out, at, junk.length);
                System.arraycopy(b, at, out, at + junk.length, b.length - at);
                return out;
            }
            case 5 -> { // append a field with a random number and wire type
                return concat(b, randomField());
            }
            case 6 -> { // a field with a random length that lies
                ByteArrayOutputStream o = new ByteArrayOutputStream();
                CodedOutputStream c = CodedOutputStream.newInstance(o);
                try {
                    c.writeTag(10 + random.nextInt(30), 2);
                    c.writeUInt32NoTag(random.nextBoolean() ? random.nextInt() : random.nextInt(100));
                    byte[] payload = new byte[random.nextInt(20)];
                    random.nextBytes(payload);
                    c.writeRawBytes(payload);
                    c.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return concat(b, o.toByteArray());
            }
            case 7 -> { // duplicate a chunk
                if (b.length == 0) {
                    return b;
                }
                int from = random.nextInt(b.length);
                int len = 1 + random.nextInt(b.length - from);
                byte[] out = Arrays.copyOf(b, b.length + len);
                System.arraycopy(b, from, out, b.length, len);
                return out;
            }
            case 8 -> { // a whole second command in the same message (the oneof keeps the last)
                return concat(b, corpus.get(random.nextInt(corpus.size())).toByteArray());
            }
            default -> { // set an enum or number to something out of range
                byte[] out = b.clone();
                for (int i = 0; i < out.length; i++) {
                    if (out[i] == 1 || out[i] == 2 || out[i] == 3) {
                        if (random.nextInt(3) == 0) {
                            out[i] = (byte) random.nextInt(128);
                        }
                    }
                }
                return out;
            }
        }
    }

    private byte[] randomField() {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        CodedOutputStream c = CodedOutputStream.newInstance(o);
        try {
            int field = switch (random.nextInt(3)) {
                case 0 -> 1 + random.nextInt(40);
                case 1 -> 1 + random.nextInt(1000);
                default -> 1 + random.nextInt((1 << 29) - 1);
            };
            int wireType = random.nextInt(8);
            c.writeUInt32NoTag((field << 3) | wireType);
            switch (wireType) {
                case 0 -> c.writeUInt64NoTag(random.nextLong());
                case 1 -> c.writeFixed64NoTag(random.nextLong());
                case 2 -> {
                    byte[] payload = new byte[random.nextInt(32)];
                    random.nextBytes(payload);
                    c.writeByteArrayNoTag(payload);
                }
                case 5 -> c.writeFixed32NoTag(random.nextInt());
                default -> {
                    byte[] payload = new byte[random.nextInt(6)];
                    random.nextBytes(payload);
                    c.writeRawBytes(payload);
                }
            }
            c.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return o.toByteArray();
    }

    /** The body framed as the wire frames it: mostly an honest length prefix, sometimes a lying one or none. */
    byte[] frame(byte[] body) {
        int pick = random.nextInt(20);
        int length = pick == 0 ? random.nextInt(body.length + 8) : pick == 1 ? random.nextInt() : body.length;
        if (pick == 2) {
            return body;
        }
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        CodedOutputStream c = CodedOutputStream.newInstance(o);
        try {
            c.writeUInt32NoTag(length);
            c.writeRawBytes(body);
            c.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return o.toByteArray();
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
