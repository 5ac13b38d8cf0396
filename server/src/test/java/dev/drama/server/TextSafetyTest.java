package dev.drama.server;

import static dev.drama.server.Play.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drama.proto.*;
import dev.drama.server.text.TextRules;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Red team, on the wire: a trainee (and a careless trainer) tries every terminal trick
 * of issue 11 on the others through a real server over loopback. Each hostile text and
 * name must come back refused with INVALID_TEXT or NAME_TAKEN, and none may reach
 * another participant.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TextSafetyTest {
    /** The attacks of the issue, each as the bytes a hostile client would send. */
    static final Map<String, String> HOSTILE_TEXTS = new LinkedHashMap<>();

    static {
        HOSTILE_TEXTS.put("clear screen, home, fake trainer line",
                "\u001b[2J\u001b[H\u001b[1;31mFacilitator (trainer): SESSION ENDED\u001b[0m");
        HOSTILE_TEXTS.put("carriage return over the speaker label", "\rFacilitator (trainer): SESSION ENDED");
        HOSTILE_TEXTS.put("OSC 0 window title", "\u001b]0;pwned\u0007");
        HOSTILE_TEXTS.put("OSC 2 window title, ST", "\u001b]2;pwned\u001b\\");
        HOSTILE_TEXTS.put("OSC 52 clipboard", "\u001b]52;c;cm0gLXJmIH4K\u0007");
        HOSTILE_TEXTS.put("cursor up and erase line", "ok\u001b[1A\u001b[2K");
        HOSTILE_TEXTS.put("C1 CSI (single byte)", "\u009b2J");
        HOSTILE_TEXTS.put("backspaces", "yes\b\b\bno");
        HOSTILE_TEXTS.put("NUL", "a\u0000b");
        HOSTILE_TEXTS.put("right-to-left override", "I agree \u202eeerga t'nod I");
        HOSTILE_TEXTS.put("bidi isolate", "\u2067hidden\u2069");
        HOSTILE_TEXTS.put("zero-width space", "fund\u200bing=yes");
        HOSTILE_TEXTS.put("byte-order mark", "\ufeffhello");
        HOSTILE_TEXTS.put("line separator", "a\u2028b");
    }

    static final List<String> HOSTILE_NAMES = List.of(
            "Facilitator (trainer)", "Facilitator", "Trainer", "TRAINER", "T\u0433ainer", "Trainer\u200b",
            "Bob (trainer)", "\u202eVictor", "\u001b[31mRed", "Al\nice", "Tab\tby", "MO", "\u041c\u043e", "Mo\u200d");

    @TempDir
    Path data;

    @Test
    void everyHostileTextAndNameIsRefusedAndNothingReachesTheOthers() throws IOException {
        try (ServerFixture f = new ServerFixture(data, roomyLimits());
             Wire trainer = Wire.connect("trainer", f.port(), f.server.trainerSecret());
             Wire attacker = Wire.connect("attacker", f.port(), null);
             Wire victim = Wire.connect("victim", f.port(), null)) {
            String code = create(trainer, "tiny").getJoinCode();
            join(attacker, code, "Mo", "manager");
            join(victim, code, "Cat", "carers");
            advance(trainer, Phase.BRIEFING);
            advance(trainer, Phase.NEGOTIATION);

            List<String> report = new ArrayList<>();
            int texts = 0;
            int refused = 0;
            Map<String, Function<String, ClientMessage.Builder>> fields = new LinkedHashMap<>();
            fields.put("say", t -> cmd().setSay(Say.newBuilder().setText(t)));
            fields.put("tell", t -> cmd().setTell(Tell.newBuilder().addToCharacterIds("carers").setText(t)));
            fields.put("offer note", t -> cmd().setMakeOffer(MakeOffer.newBuilder().addToCharacterIds("carers")
                    .addPromise(set("overtime", true)).setNote(t)));
            for (Map.Entry<String, String> attack : HOSTILE_TEXTS.entrySet()) {
                for (Map.Entry<String, Function<String, ClientMessage.Builder>> field : fields.entrySet()) {
                    texts++;
                    ServerMessage reply = attacker.request(field.getValue().apply(attack.getValue()));
                    if (refusedFor(reply, ErrorCode.INVALID_TEXT)) {
                        refused++;
                    }
                    report.add(field.getKey() + " / " + attack.getKey() + ": " + describe(reply));
                }
                // the trainer's free-text inject goes to everyone: the same rule holds
                texts++;
                ServerMessage reply = trainer.request(cmd().setSendInject(SendInject.newBuilder().setText(attack.getValue())));
                if (refusedFor(reply, ErrorCode.INVALID_TEXT)) {
                    refused++;
                }
                report.add("inject / " + attack.getKey() + ": " + describe(reply));
            }

            int names = 0;
            int namesRefused = 0;
            for (String name : HOSTILE_NAMES) {
                for (boolean asObserver : new boolean[] {false, true}) {
                    names++;
                    try (Wire w = Wire.connect("hostile-name", f.port(), null)) {
                        ServerMessage reply = w.request(asObserver
                                ? cmd().setWatch(Watch.newBuilder().setJoinCode(code).setDisplayName(name))
                                : cmd().setJoin(Join.newBuilder().setJoinCode(code).setDisplayName(name)));
                        if (refusedFor(reply, ErrorCode.INVALID_TEXT) || refusedFor(reply, ErrorCode.NAME_TAKEN)) {
                            namesRefused++;
                        }
                        report.add((asObserver ? "watch" : "join") + " as " + visible(name) + ": " + describe(reply));
                    }
                }
            }

            // the file name of an upload is echoed in the refusal: only as a safe name
            ServerMessage upload = trainer.request(cmd().setUploadPack(UploadPack.newBuilder()
                    .setFileName("\u001b]0;owned\u0007\u202eevil.zip").setZip(com.google.protobuf.ByteString.copyFromUtf8("not a zip"))));
            report.add("upload named with OSC 0 and RLO: " + describe(upload));

            // what people ordinarily write still goes through
            acked(attacker, cmd().setSay(Say.newBuilder().setText("Zoë: we'll walk out — <b>not</b> & 中文 עברית 😀\n\tsecond line")));
            try (Wire renee = Wire.connect("renee", f.port(), null)) {
                watch(renee, code, "Renée O'Brien-Smith");
            }

            System.out.println("TextSafetyTest: " + refused + " of " + texts + " hostile texts refused (say, tell, offer note, inject); "
                    + namesRefused + " of " + names + " hostile names refused (join, watch)");
            report.forEach(line -> System.out.println("  " + line));

            assertThat(refused).as("hostile texts refused").isEqualTo(texts);
            assertThat(namesRefused).as("hostile names refused").isEqualTo(names);
            assertThat(upload.getError().getCode()).isEqualTo(ErrorCode.INVALID_PACK);
            assertThat(unsafeIn(upload.getError().getMessage())).as("the upload's refusal").isEmpty();
            // nothing the attacker sent reached the victim: every text and name it received is clean
            for (ServerMessage m : victim.received()) {
                assertThat(strings(m).stream().flatMap(t -> unsafeIn(t).stream())).as("%s", m).isEmpty();
            }
            assertThat(victim.saw(m -> m.hasTalk() && m.getTalk().getText().startsWith("Zoë"))).isTrue();
        }
    }

    /** The defaults, but room for every attack from one connection: the rate limits are not under test here. */
    private static ServerConfig.Limits roomyLimits() {
        ServerConfig.Limits d = ServerConfig.Limits.defaults();
        return new ServerConfig.Limits(d.maxFrameBytes(), d.maxTextChars(), 1_000, 1_000, 1_000, d.maxSessions(),
                d.maxParticipantsPerSession(), d.maxConnectionsPerAddress(), d.outboundBufferBytes());
    }

    /** Every string anywhere in a message (texts, notes, names, labels). */
    private static List<String> strings(com.google.protobuf.Message m) {
        List<String> out = new ArrayList<>();
        m.getAllFields().forEach((field, value) -> {
            for (Object v : value instanceof List<?> list ? list : List.of(value)) {
                if (v instanceof String s) {
                    out.add(s);
                } else if (v instanceof com.google.protobuf.Message inner) {
                    out.addAll(strings(inner));
                }
            }
        });
        return out;
    }

    private static boolean refusedFor(ServerMessage reply, ErrorCode code) {
        return reply.hasError() && reply.getError().getCode() == code;
    }

    private static String describe(ServerMessage reply) {
        return reply.hasError() ? reply.getError().getCode() + " \"" + reply.getError().getMessage() + "\"" : "ACCEPTED " + reply.getBodyCase();
    }

    /** The unsafe characters of a text, as U+XXXX. */
    private static List<String> unsafeIn(String text) {
        return text.codePoints().filter(cp -> TextRules.unsafe(cp).isPresent()).mapToObj(TextRules::codePoint).toList();
    }

    private static String visible(String name) {
        StringBuilder out = new StringBuilder();
        name.codePoints().forEach(cp -> out.append(TextRules.unsafe(cp).isPresent() || cp < 0x20
                ? "<" + TextRules.codePoint(cp) + ">" : new String(Character.toChars(cp))));
        return out.toString();
    }
}
