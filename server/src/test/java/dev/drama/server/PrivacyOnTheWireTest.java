package dev.drama.server;

import static dev.drama.server.Play.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drama.proto.*;
import dev.drama.scenarios.model.Pack;
import dev.drama.scenarios.model.PackCharacter;
import dev.drama.scenarios.registry.PackRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A whole session of the bundled community-safety pack with a recording client per role:
 * every frame each one received is searched, as raw bytes, for what it must never see:
 * another character's briefing sentences and preferences, private talk not addressed to it,
 * offers it is not party to, another's dilemmas and moment-of-truth choices. Observers and a
 * trainee without a character get none of them. The debrief reveals briefings, dilemmas and
 * the outcome to everyone by design; private talk stays private even then.
 */
class PrivacyOnTheWireTest {
    static final String PACK = "community-safety";
    static final List<String> PLAYED = List.of("council", "police", "chair");

    record Seat(String label, Wire wire, String character) {
    }

    /** Sentences of a briefing long and distinctive enough to identify it, and found nowhere public. */
    static List<String> distinctiveSentences(Pack pack, PackCharacter c) {
        StringBuilder everythingElse = new StringBuilder(pack.introduction());
        for (PackCharacter other : pack.characters()) {
            everythingElse.append(other.description()).append(other.name()).append(other.mandate());
            if (!other.id().equals(c.id())) {
                everythingElse.append(other.briefing());
            }
        }
        pack.options().forEach(o -> everythingElse.append(o.label()).append(o.description()));
        List<String> out = new ArrayList<>();
        for (String line : c.briefing().split("\n")) {
            for (String sentence : line.split("(?<=[.!?])\\s+")) {
                String s = sentence.strip();
                if (s.length() >= 40 && !everythingElse.toString().contains(s)) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** The frames received before the session entered the debrief. */
    static int beforeDebrief(Wire w) {
        List<ServerMessage> all = w.received();
        for (int i = 0; i < all.size(); i++) {
            ServerMessage m = all.get(i);
            if (m.hasOutcome() || (m.hasSessionState() && m.getSessionState().getPhase().getNumber() >= Phase.DEBRIEF_VALUE)) {
                return i;
            }
        }
        return all.size();
    }

    @Test
    void noFrameCarriesASecretToSomeoneWhoMayNotHaveIt() throws Exception {
        PackRegistry registry = new PackRegistry(null, Duration.ZERO, true);
        registry.start();
        Pack pack = registry.find(PACK).orElseThrow();
        registry.close();

        Map<String, String> privateTalk = new LinkedHashMap<>(); // text -> "from>to,to" (character ids; "" = trainer)
        try (ServerFixture f = new ServerFixture();
             Wire trainer = Wire.connect("trainer", f.port(), f.server.trainerSecret());
             Wire council = Wire.connect("council", f.port(), null);
             Wire police = Wire.connect("police", f.port(), null);
             Wire chair = Wire.connect("chair", f.port(), null);
             Wire nobody = Wire.connect("no character", f.port(), null);
             Wire observer = Wire.connect("observer", f.port(), null)) {
            String code = create(trainer, PACK).getJoinCode();
            join(council, code, "Karen", "council");
            join(police, code, "Sam", "police");
            join(chair, code, "Maureen", "chair");
            join(nobody, code, "Nobody", "");
            watch(observer, code, "Projector");
            advance(trainer, Phase.BRIEFING);
            for (Wire w : List.of(council, police, chair)) {
                w.await(ServerMessage::hasBriefing);
            }
            advance(trainer, Phase.NEGOTIATION);

            Map<String, Wire> byCharacter = Map.of("council", council, "police", police, "chair", chair);
            int n = 0;
            for (String from : PLAYED) {
                for (String to : PLAYED) {
                    if (!from.equals(to)) {
                        String text = "between us only #" + (++n) + " from " + from + " to " + to + ": zq" + (n * 7919);
                        privateTalk.put(text, from + ">" + to);
                        acked(byCharacter.get(from), cmd().setTell(Tell.newBuilder().addToCharacterIds(to).setText(text)));
                    }
                }
            }
            String both = "to the two of you, not the police: zq-both";
            privateTalk.put(both, "council>chair,housing");
            acked(council, cmd().setTell(Tell.newBuilder().addToCharacterIds("chair").addToCharacterIds("housing").setText(both)));
            String fromTrainer = "facilitator whisper to the chair: zq-trainer";
            privateTalk.put(fromTrainer, ">chair");
            acked(trainer, cmd().setTell(Tell.newBuilder().addToCharacterIds("chair").setText(fromTrainer)));
            acked(police, cmd().setSay(Say.newBuilder().setText("everyone can hear this")));

            acked(council, cmd().setMakeOffer(MakeOffer.newBuilder().addToCharacterIds("police")
                    .addAsk(set("dispersal", false)).addPromise(set("fund", true)).setNote("zq-offer-council-police")));
            acked(chair, cmd().setMakeOffer(MakeOffer.newBuilder().addToCharacterIds("council")
                    .addAsk(set("agenda", false)).addThreat(set("walkout", true)).setNote("zq-offer-chair-council")));
            acked(police, cmd().setRespondToOffer(RespondToOffer.newBuilder().setOfferId("o1")
                    .setResponse(RespondToOffer.Response.REJECT)));
            acked(council, cmd().setStateIntentions(StateIntentions.newBuilder().addSettings(set("pspo", false))));
            acked(police, cmd().setSetPosition(SetPosition.newBuilder().addSettings(set("data", true))));
            acked(chair, cmd().setDeclareDoubt(DeclareDoubt.newBuilder().setAboutCharacterId("council").setDoubt(true)));

            advance(trainer, Phase.MOMENT_OF_TRUTH);
            acked(council, commit(set("agenda", false), set("pspo", false), set("fund", true)));
            acked(police, commit(set("dispersal", false), set("data", true)));
            // Before the last commitment, nobody but the committer (and the trainer) knows the choices.
            chair.await(m -> m.hasCommitment() && m.getCommitment().getCharacterId().equals("police"));
            acked(chair, commit(set("walkout", false)));
            for (Wire w : List.of(trainer, council, police, chair, nobody, observer)) {
                w.await(ServerMessage::hasOutcome);
            }
            // After the debrief opens a trainee may still ask for the export: it must not leak either.
            for (Wire w : List.of(council, police, chair, nobody)) {
                w.request(cmd().setExportDebrief(ExportDebrief.newBuilder().setFormat(ExportDebrief.Format.JSON)));
                w.request(cmd().setExportDebrief(ExportDebrief.newBuilder().setFormat(ExportDebrief.Format.MARKDOWN)));
            }
            observer.request(cmd().setExportDebrief(ExportDebrief.newBuilder().setFormat(ExportDebrief.Format.MARKDOWN)));

            List<Seat> seats = List.of(new Seat("council", council, "council"), new Seat("police", police, "police"),
                    new Seat("chair", chair, "chair"), new Seat("trainee without character", nobody, ""),
                    new Seat("observer", observer, ""));
            List<String> violations = new ArrayList<>();
            int framesChecked = 0;
            for (Seat seat : seats) {
                List<byte[]> raw = seat.wire().rawFrames();
                List<ServerMessage> messages = seat.wire().received();
                int debrief = beforeDebrief(seat.wire());
                framesChecked += raw.size();
                Set<String> mine = new HashSet<>(seat.character().isEmpty() ? List.of() : pack.preferencesInWords(seat.character()));
                for (int i = 0; i < raw.size(); i++) {
                    byte[] frame = raw.get(i);
                    ServerMessage m = messages.get(i);
                    boolean playing = i < debrief;
                    // Private talk not addressed to this seat: never, not even in the debrief.
                    for (Map.Entry<String, String> t : privateTalk.entrySet()) {
                        String[] parts = t.getValue().split(">");
                        boolean party = !seat.character().isEmpty() && (parts[0].equals(seat.character())
                                || List.of(parts[1].split(",")).contains(seat.character()));
                        if (!party && contains(frame, t.getKey().getBytes(StandardCharsets.UTF_8))) {
                            violations.add(seat.label() + " frame " + i + " (" + m.getBodyCase() + ") has private talk: " + t.getKey());
                        }
                    }
                    if (!playing) {
                        continue;
                    }
                    // Before the debrief: no one else's briefing, preferences, dilemmas, offers or choices.
                    for (PackCharacter c : pack.characters()) {
                        if (c.id().equals(seat.character())) {
                            continue;
                        }
                        for (String sentence : distinctiveSentences(pack, c)) {
                            if (contains(frame, sentence.getBytes(StandardCharsets.UTF_8))) {
                                violations.add(seat.label() + " frame " + i + " (" + m.getBodyCase() + ") has "
                                        + c.id() + "'s briefing: " + sentence);
                            }
                        }
                        if (m.hasBriefing()) {
                            for (String preference : pack.preferencesInWords(c.id())) {
                                if (!mine.contains(preference) && m.getBriefing().getPreferencesList().contains(preference)) {
                                    violations.add(seat.label() + " frame " + i + " has " + c.id() + "'s preference: " + preference);
                                }
                            }
                        }
                    }
                    if (m.hasBriefing() && !m.getBriefing().getCharacterId().equals(seat.character())) {
                        violations.add(seat.label() + " frame " + i + " is " + m.getBriefing().getCharacterId() + "'s briefing");
                    }
                    if (m.hasDilemma() && !m.getDilemma().getDilemma().getHolderId().equals(seat.character())) {
                        violations.add(seat.label() + " frame " + i + " is " + m.getDilemma().getDilemma().getHolderId() + "'s dilemma");
                    }
                    if (m.hasOffer()) {
                        Offer o = m.getOffer().getOffer();
                        if (!o.getFromCharacterId().equals(seat.character()) && !o.getToCharacterIdsList().contains(seat.character())) {
                            violations.add(seat.label() + " frame " + i + " is offer " + o.getOfferId() + " between others");
                        }
                    }
                    if (m.hasCommitment() && m.getCommitment().getChoicesCount() > 0
                            && !m.getCommitment().getCharacterId().equals(seat.character())) {
                        violations.add(seat.label() + " frame " + i + " has " + m.getCommitment().getCharacterId() + "'s choices");
                    }
                    for (String note : List.of("zq-offer-council-police", "zq-offer-chair-council")) {
                        boolean party = note.contains("-" + seat.character() + "-") || note.endsWith("-" + seat.character());
                        if (!party && !seat.character().isEmpty() && contains(frame, note.getBytes(StandardCharsets.UTF_8))) {
                            violations.add(seat.label() + " frame " + i + " has the offer note " + note);
                        }
                        if (seat.character().isEmpty() && contains(frame, note.getBytes(StandardCharsets.UTF_8))) {
                            violations.add(seat.label() + " frame " + i + " has the offer note " + note);
                        }
                    }
                }
            }
            // The recordings did capture the secrets where they belong (the search is not searching nothing).
            assertThat(trainer.saw(m -> m.hasTalk() && m.getTalk().getText().equals(both))).isTrue();
            assertThat(chair.saw(m -> m.hasTalk() && m.getTalk().getText().equals(fromTrainer))).isTrue();
            assertThat(council.saw(m -> m.hasBriefing() && m.getBriefing().getCharacterId().equals("council")
                    && m.getBriefing().getPreferencesCount() > 0)).isTrue();
            assertThat(council.saw(m -> m.hasCommitment() && m.getCommitment().getChoicesCount() == 3)).isTrue();
            for (PackCharacter c : pack.characters()) {
                assertThat(distinctiveSentences(pack, c)).as("sentences to look for in %s's briefing", c.id()).hasSizeGreaterThan(5);
            }
            System.out.printf("PrivacyOnTheWireTest: %d frames to 5 non-trainer seats searched, %d violations%n",
                    framesChecked, violations.size());
            assertThat(violations).isEmpty();
        }
    }
}
