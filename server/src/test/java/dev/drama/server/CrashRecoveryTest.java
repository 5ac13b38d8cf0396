package dev.drama.server;

import static dev.drama.server.Play.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drama.proto.*;
import dev.drama.server.journal.SessionHistory;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server as its own OS process, killed with SIGKILL at seeded random moments while
 * three scripted players make moves, then restarted on the same data folder. Every move
 * that was acknowledged before a kill must be in the journal and on the board (or in the
 * catch-up) after the restart; a move in flight at the kill may or may not have landed,
 * but never half. The session then finishes: the moment of truth, the commitments
 * (with one more kill between them) and the reveal.
 *
 * <p>{@code -Dcrash.seed=N} replays a run; {@code -Dcrash.kills=N} changes the number of kills.
 */
@Tag("crash")
class CrashRecoveryTest {
    static final long SEED = Long.getLong("crash.seed", 20261128L);
    static final int KILLS = Integer.getInteger("crash.kills", 20);
    static final List<String> OPTIONS = List.of("late", "overtime", "protest", "refuse");
    static final Map<String, List<String>> OWNS = Map.of(
            "manager", List.of("late", "overtime"), "carers", List.of("protest"), "union", List.of("refuse"));

    @TempDir
    Path root;
    Path data;

    /** What the test believes about one character's stance, from acknowledged moves. */
    record Stance(Map<String, Choice> position, Map<String, Choice> intentions, Set<String> doubts) {
        static Stance of(CharacterStance s) {
            Map<String, Choice> p = new TreeMap<>();
            s.getPositionList().forEach(o -> p.put(o.getOptionId(), o.getChoice()));
            Map<String, Choice> i = new TreeMap<>();
            s.getIntentionsList().forEach(o -> i.put(o.getOptionId(), o.getChoice()));
            return new Stance(p, i, new TreeSet<>(s.getDoubtsList()));
        }

        Stance withPosition(String option, Choice c) {
            Map<String, Choice> p = new TreeMap<>(position);
            if (c == Choice.OPEN) {
                p.remove(option);
            } else {
                p.put(option, c);
            }
            return new Stance(p, intentions, doubts);
        }

        Stance withIntention(String option, Choice c) {
            Map<String, Choice> i = new TreeMap<>(intentions);
            if (c == Choice.OPEN) {
                i.remove(option);
            } else {
                i.put(option, c);
            }
            return new Stance(position, i, doubts);
        }

        Stance withDoubt(String about, boolean doubt) {
            Set<String> d = new TreeSet<>(doubts);
            if (doubt) {
                d.add(about);
            } else {
                d.remove(about);
            }
            return new Stance(position, intentions, d);
        }
    }

    /** A move: the command, its key as the journal will show it, and what it does to the stance. */
    record Move(ClientMessage.Builder command, String key, UnaryOperator<Stance> effect, String talk, String offerNote,
                String answeredOffer, Offer.Status answeredStatus) {
    }

    /** One scripted player, with its own random stream and its model of what it has done. */
    final class Player {
        final String name;
        final String character;
        final Random random;
        String token;
        Wire wire;
        Stance stance;
        final List<String> acked = new ArrayList<>();
        final Set<String> uncertain = new HashSet<>();
        Move inFlight;
        int counter;
        volatile Throwable failure;

        Player(String name, String character, long seed) {
            this.name = name;
            this.character = character;
            this.random = new Random(seed);
        }

        List<String> others() {
            return OWNS.keySet().stream().filter(c -> !c.equals(character)).sorted().toList();
        }

        Choice anyChoice() {
            return List.of(Choice.YES, Choice.NO, Choice.OPEN).get(random.nextInt(3));
        }

        Move next() {
            int n = ++counter;
            int pick = random.nextInt(100);
            if (pick < 25) {
                String o = OPTIONS.get(random.nextInt(OPTIONS.size()));
                Choice c = anyChoice();
                return new Move(cmd().setSetPosition(SetPosition.newBuilder().addSettings(set(o, c))),
                        "pos " + o + "=" + c, s -> s.withPosition(o, c), null, null, null, null);
            } else if (pick < 45) {
                List<String> own = OWNS.get(character);
                String o = own.get(random.nextInt(own.size()));
                Choice c = anyChoice();
                return new Move(cmd().setStateIntentions(StateIntentions.newBuilder().addSettings(set(o, c))),
                        "int " + o + "=" + c, s -> s.withIntention(o, c), null, null, null, null);
            } else if (pick < 55) {
                String about = others().get(random.nextInt(2));
                boolean d = random.nextBoolean();
                return new Move(cmd().setDeclareDoubt(DeclareDoubt.newBuilder().setAboutCharacterId(about).setDoubt(d)),
                        "doubt " + about + "=" + d, s -> s.withDoubt(about, d), null, null, null, null);
            } else if (pick < 68) {
                String text = "say/" + character + "/" + n;
                return new Move(cmd().setSay(Say.newBuilder().setText(text)), "talk " + text, s -> s, text, null, null, null);
            } else if (pick < 78) {
                String to = others().get(random.nextInt(2));
                String text = "tell/" + character + "/" + n + "/to/" + to;
                return new Move(cmd().setTell(Tell.newBuilder().addToCharacterIds(to).setText(text)), "talk " + text,
                        s -> s, text, null, null, null);
            } else if (pick < 90) {
                String to = others().get(random.nextInt(2));
                List<String> theirs = OWNS.get(to);
                String note = "offer/" + character + "/" + n;
                MakeOffer.Builder offer = MakeOffer.newBuilder().addToCharacterIds(to).setNote(note)
                        .addAsk(set(theirs.get(random.nextInt(theirs.size())), random.nextBoolean()));
                if (random.nextBoolean()) {
                    List<String> own = OWNS.get(character);
                    offer.addPromise(set(own.get(random.nextInt(own.size())), random.nextBoolean()));
                }
                return new Move(cmd().setMakeOffer(offer), "offer " + note, s -> s, null, note, null, null);
            } else {
                // Answer a pending offer: reject one made to me, or withdraw one of mine.
                List<Offer> pending = latestOffers(wire).values().stream()
                        .filter(o -> o.getStatus() == Offer.Status.PENDING)
                        .filter(o -> o.getFromCharacterId().equals(character) || o.getToCharacterIdsList().contains(character))
                        .toList();
                if (pending.isEmpty()) {
                    String text = "say/" + character + "/" + n;
                    return new Move(cmd().setSay(Say.newBuilder().setText(text)), "talk " + text, s -> s, text, null, null, null);
                }
                Offer o = pending.get(random.nextInt(pending.size()));
                boolean mine = o.getFromCharacterId().equals(character);
                RespondToOffer.Response r = mine ? RespondToOffer.Response.WITHDRAW : RespondToOffer.Response.REJECT;
                return new Move(cmd().setRespondToOffer(RespondToOffer.newBuilder().setOfferId(o.getOfferId()).setResponse(r)),
                        "answer " + o.getOfferId() + " " + r, s -> s, null, null, o.getOfferId(),
                        mine ? Offer.Status.WITHDRAWN : Offer.Status.REJECTED);
            }
        }

        /** Plays until the server dies under it. */
        void play() {
            try {
                while (true) {
                    Move m = next();
                    inFlight = m;
                    ServerMessage reply;
                    try {
                        reply = wire.request(m.command());
                    } catch (AssertionError | IOException e) {
                        if (wire.closedByServer() || e instanceof IOException) {
                            uncertain.add(m.key());
                            return; // killed: this move may or may not have landed
                        }
                        throw e;
                    }
                    inFlight = null;
                    if (reply.hasAck()) {
                        acked.add(m.key());
                        stance = m.effect().apply(stance);
                        ackedMoves.incrementAndGet();
                        synchronized (ledger) {
                            if (m.talk() != null) {
                                ledger.talk.put(m.talk(), character);
                                ledger.recent.add(m.talk());
                            }
                            if (m.offerNote() != null) {
                                ledger.offers.put(m.offerNote(), character);
                                ledger.recent.add(m.offerNote());
                            }
                            if (m.answeredOffer() != null) {
                                ledger.answers.put(m.answeredOffer(), m.answeredStatus());
                            }
                        }
                    } else {
                        ErrorCode code = reply.getError().getCode();
                        // Races between players over one offer are refusals, never failures of the server.
                        assertThat(code).as("%s: %s", name, reply.getError().getMessage())
                                .isIn(ErrorCode.WRONG_PHASE, ErrorCode.NOT_ALLOWED);
                        refused.incrementAndGet();
                    }
                }
            } catch (Throwable t) {
                failure = t;
            }
        }
    }

    /** Everything acknowledged by anyone: talk text and offer notes (with their sender), answers. */
    static final class Ledger {
        final Map<String, String> talk = new LinkedHashMap<>();
        /** Talk and offers of the round before the latest restart: the catch-up keeps only recent history. */
        final Set<String> recent = new HashSet<>();
        final Map<String, String> offers = new LinkedHashMap<>();
        final Map<String, Offer.Status> answers = new LinkedHashMap<>();
    }

    final Ledger ledger = new Ledger();
    final java.util.concurrent.atomic.AtomicInteger ackedMoves = new java.util.concurrent.atomic.AtomicInteger();
    final java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
    int checkedMoves;
    int lostMoves;
    int inFlightLanded;

    static Map<String, Offer> latestOffers(Wire w) {
        Map<String, Offer> latest = new LinkedHashMap<>();
        for (ServerMessage m : w.received()) {
            if (m.hasOffer()) {
                latest.put(m.getOffer().getOffer().getOfferId(), m.getOffer().getOffer());
            }
        }
        return latest;
    }

    // ------------------------------------------------------------------ the child server

    private Process child;
    private int port;

    private void startServer() throws Exception {
        Files.deleteIfExists(data.resolve("port"));
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(javaBin, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m",
                "-cp", classPath(), ChildServerMain.class.getName(),
                data.toString(), packs().toString());
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("server.log").toFile()));
        child = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.exists(data.resolve("port"))) {
            if (!child.isAlive()) {
                throw new AssertionError("the server process died on start:\n" + tail());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the server did not start within 30 s:\n" + tail());
            }
            Thread.sleep(10);
        }
        port = Integer.parseInt(Files.readString(data.resolve("port")).strip());
    }

    private String classPath;

    /** A copy of the example packs in the data folder: the server may write into its packs folder. */
    private Path packs() throws IOException {
        Path target = data.resolve("packs");
        if (!Files.isDirectory(target)) {
            try (var files = Files.walk(ServerFixture.EXAMPLE_PACKS)) {
                for (Path source : (Iterable<Path>) files::iterator) {
                    Path copy = target.resolve(ServerFixture.EXAMPLE_PACKS.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(copy);
                    } else if (!source.getFileName().toString().startsWith(".")) {
                        Files.copy(source, copy);
                    }
                }
            }
        }
        return target;
    }

    /**
     * The test class path, copied once into a private folder: other builds on this machine may
     * reinstall a jar of the local repository while the child server starts, which would
     * fail it for reasons that are not the server's.
     */
    private String classPath() throws IOException {
        if (classPath == null) {
            Path copy = Files.createDirectories(root.resolve("classpath"));
            List<String> entries = new ArrayList<>();
            int i = 0;
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                Path from = Path.of(entry);
                if (!Files.exists(from)) {
                    continue;
                }
                Path to = copy.resolve(i++ + "-" + from.getFileName());
                if (Files.isDirectory(from)) {
                    try (var walk = Files.walk(from)) {
                        for (Path f : (Iterable<Path>) walk::iterator) {
                            Path target = to.resolve(from.relativize(f).toString());
                            if (Files.isDirectory(f)) {
                                Files.createDirectories(target);
                            } else {
                                Files.copy(f, target);
                            }
                        }
                    }
                } else {
                    Files.copy(from, to);
                }
                entries.add(to.toString());
            }
            classPath = String.join(File.pathSeparator, entries);
        }
        return classPath;
    }

    private void kill() throws InterruptedException {
        child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no flush, no goodbye
        assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(data.resolve("server.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    // ------------------------------------------------------------------ the test

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void everyAcknowledgedMoveSurvivesSigkill() throws Exception {
        long began = System.nanoTime();
        data = Files.createDirectories(root.resolve("data"));
        Random random = new Random(SEED);
        List<Player> players = List.of(new Player("Mo", "manager", random.nextLong()),
                new Player("Cat", "carers", random.nextLong()), new Player("Uma", "union", random.nextLong()));
        String trainerToken;
        String sessionId;
        int kills = 0;
        try {
            startServer();
            String secret = Files.readString(data.resolve("trainer.secret")).strip();
            try (Wire trainer = Wire.connect("trainer", port, secret)) {
                SessionJoined s = create(trainer, "tiny");
                trainerToken = s.getResumeToken();
                sessionId = s.getSessionId();
                for (Player p : players) {
                    p.wire = Wire.connect(p.name, port, null);
                    p.token = join(p.wire, s.getJoinCode(), p.name, p.character).getResumeToken();
                }
                advance(trainer, Phase.BRIEFING);
                advance(trainer, Phase.NEGOTIATION);
                BoardView opening = board(trainer).getBoard();
                for (Player p : players) {
                    p.stance = Stance.of(stanceOf(opening, p.character));
                }
            }

            while (kills < KILLS) {
                synchronized (ledger) {
                    ledger.recent.clear();
                }
                List<Thread> threads = new ArrayList<>();
                for (Player p : players) {
                    Thread t = new Thread(p::play, "player-" + p.name);
                    threads.add(t);
                    t.start();
                }
                // Kill at a random moment: sometimes at once, mostly in the thick of the moves.
                int wait = random.nextInt(10) == 0 ? random.nextInt(5) : 30 + random.nextInt(400);
                Thread.sleep(wait);
                kill();
                kills++;
                for (Thread t : threads) {
                    t.join(20_000);
                }
                for (Player p : players) {
                    p.wire.close();
                    if (p.failure != null) {
                        throw new AssertionError(p.name + " failed", p.failure);
                    }
                }
                checkJournal(sessionId, players);
                startServer();
                resumeAndCheck(players);
            }

            // The end of the session, with one more kill between the commitments.
            try (Wire trainer = Wire.connect("trainer", port, secret(data))) {
                assertThat(resume(trainer, trainerToken).getSessionJoined().getRole()).isEqualTo(Role.TRAINER);
                advance(trainer, Phase.MOMENT_OF_TRUTH);
            }
            Player manager = players.get(0);
            Player carers = players.get(1);
            Player union = players.get(2);
            acked(manager.wire, commit(set("late", true), set("overtime", true)));
            acked(carers.wire, commit(set("protest", false)));
            ackedMoves.addAndGet(2);
            kill();
            kills++;
            players.forEach(p -> p.wire.close());
            List<JournalRecord> records = journal(sessionId);
            assertThat(records.stream().filter(JournalRecord::hasCommitted).map(r -> r.getCommitted().getCharacterId()))
                    .containsExactly("manager", "carers");
            checkedMoves += 2;
            startServer();
            for (Player p : players) {
                p.wire = Wire.connect(p.name, port, null);
                assertThat(resume(p.wire, p.token).getSessionJoined().getCharacterId()).isEqualTo(p.character);
            }
            // The two commitments made before the kill still count: the third completes the reveal.
            acked(union.wire, commit(set("refuse", false)));
            ackedMoves.incrementAndGet();
            for (Player p : players) {
                OutcomeEvent outcome = p.wire.await(ServerMessage::hasOutcome).getOutcome();
                assertThat(outcome.getOutcomeList()).contains(set("late", true), set("overtime", true),
                        set("protest", false), set("refuse", false));
                // the reveal waits in the moment of truth for the trainer to open the debrief
                assertThat(p.wire.received()).noneMatch(m -> m.hasSessionState()
                        && m.getSessionState().getPhase() == Phase.DEBRIEF);
            }
            players.forEach(p -> p.wire.close());
        } finally {
            if (child != null && child.isAlive()) {
                child.destroyForcibly();
            }
        }
        System.out.printf("CrashRecoveryTest (seed %d): %d SIGKILLs survived, %d moves acknowledged, %d checks of an acknowledged"
                        + " move in the journal after a kill (each move rechecked after every later kill), %d lost,"
                        + " %d moves in flight at a kill landed whole, %d refused; %.1f s%n",
                SEED, kills, ackedMoves.get(), checkedMoves, lostMoves, inFlightLanded, refused.get(),
                (System.nanoTime() - began) / 1e9);
        assertThat(kills).isGreaterThanOrEqualTo(20);
        assertThat(lostMoves).isZero();
        assertThat(ackedMoves.get()).isGreaterThan(100);
    }

    private static String secret(Path data) throws IOException {
        return Files.readString(data.resolve("trainer.secret")).strip();
    }

    /** The session's records as the dead server left them: its journal file (if any), then the log. */
    private List<JournalRecord> journal(String sessionId) throws IOException {
        return SessionHistory.read(data.resolve("sessions"), data.resolve("log"), sessionId).records();
    }

    static CharacterStance stanceOf(BoardView board, String character) {
        return board.getStancesList().stream().filter(s -> s.getCharacterId().equals(character)).findFirst().orElseThrow();
    }

    /** Straight from the dead server's journal: each player's acknowledged moves, in order, every one of them. */
    private void checkJournal(String sessionId, List<Player> players) throws IOException {
        List<JournalRecord> records = journal(sessionId);
        for (Player p : players) {
            List<String> journaled = new ArrayList<>();
            for (JournalRecord r : records) {
                String key = keyOf(r, p.character);
                if (key != null) {
                    journaled.add(key);
                }
            }
            // The acknowledged moves must appear in order; anything else in the journal must be a move that was in flight.
            int j = 0;
            List<String> landed = new ArrayList<>();
            List<String> merged = new ArrayList<>();
            for (String key : p.acked) {
                while (j < journaled.size() && !journaled.get(j).equals(key)) {
                    assertThat(p.uncertain).as("%s: journal has a move nobody was waiting for: %s", p.name, journaled.get(j))
                            .contains(journaled.get(j));
                    landed.add(journaled.get(j));
                    merged.add(journaled.get(j));
                    j++;
                }
                if (j < journaled.size()) {
                    merged.add(key);
                    j++;
                    checkedMoves++;
                } else {
                    lostMoves++;
                    System.out.printf("LOST: %s's acknowledged move %s is not in the journal%n", p.name, key);
                }
            }
            while (j < journaled.size()) {
                assertThat(p.uncertain).as("%s: journal has a move nobody was waiting for: %s", p.name, journaled.get(j))
                        .contains(journaled.get(j));
                landed.add(journaled.get(j));
                merged.add(journaled.get(j));
                j++;
            }
            // A move in flight at the kill that did land counts from now on as made.
            if (p.inFlight != null && landed.contains(p.inFlight.key())) {
                inFlightLanded++;
                p.stance = p.inFlight.effect().apply(p.stance);
                synchronized (ledger) {
                    Move m = p.inFlight;
                    if (m.talk() != null) {
                        ledger.talk.put(m.talk(), p.character);
                        ledger.recent.add(m.talk());
                    }
                    if (m.offerNote() != null) {
                        ledger.offers.put(m.offerNote(), p.character);
                        ledger.recent.add(m.offerNote());
                    }
                    if (m.answeredOffer() != null) {
                        ledger.answers.put(m.answeredOffer(), m.answeredStatus());
                    }
                }
            }
            p.acked.clear();
            p.acked.addAll(merged);
            p.uncertain.clear();
            p.inFlight = null;
        }
    }

    static String keyOf(JournalRecord r, String character) {
        if (r.hasPositionSet() && r.getPositionSet().getCharacterId().equals(character)) {
            OptionSetting s = r.getPositionSet().getSettings(0);
            return "pos " + s.getOptionId() + "=" + s.getChoice();
        }
        if (r.hasIntentionsStated() && r.getIntentionsStated().getCharacterId().equals(character)) {
            OptionSetting s = r.getIntentionsStated().getSettings(0);
            return "int " + s.getOptionId() + "=" + s.getChoice();
        }
        if (r.hasDoubtDeclared() && r.getDoubtDeclared().getHolderId().equals(character)) {
            return "doubt " + r.getDoubtDeclared().getAboutId() + "=" + r.getDoubtDeclared().getDoubt();
        }
        if (r.hasTalkSent() && r.getTalkSent().getTalk().getFromCharacterId().equals(character)) {
            return "talk " + r.getTalkSent().getTalk().getText();
        }
        if (r.hasOfferMade() && r.getOfferMade().getOffer().getFromCharacterId().equals(character)) {
            return "offer " + r.getOfferMade().getOffer().getNote();
        }
        if (r.hasOfferAnswered() && r.getOfferAnswered().getCharacterId().equals(character)) {
            return "answer " + r.getOfferAnswered().getOfferId() + " " + r.getOfferAnswered().getResponse();
        }
        if (r.hasCommitted() && r.getCommitted().getCharacterId().equals(character)) {
            return "commit";
        }
        return null;
    }

    /** On the restarted server: each player resumes with its token; the board and its catch-up hold every move. */
    private void resumeAndCheck(List<Player> players) throws IOException {
        for (Player p : players) {
            p.wire = Wire.connect(p.name, port, null);
            SessionJoined back = resume(p.wire, p.token).getSessionJoined();
            assertThat(back.getCharacterId()).isEqualTo(p.character);
        }
        BoardView board = board(players.get(0).wire).getBoard();
        for (Player p : players) {
            assertThat(Stance.of(stanceOf(board, p.character))).as("%s's stance after the restart", p.name).isEqualTo(p.stance);
        }
        Map<String, String> talk;
        Map<String, String> offers;
        Map<String, Offer.Status> answers;
        Set<String> recent;
        synchronized (ledger) {
            recent = new HashSet<>(ledger.recent);
            talk = new HashMap<>(ledger.talk);
            offers = new HashMap<>(ledger.offers);
            answers = new HashMap<>(ledger.answers);
        }
        for (Player p : players) {
            p.wire.await(m -> m.hasBriefing() && m.getBriefing().getCharacterId().equals(p.character));
            p.wire.await(ServerMessage::hasCatchUp); // the missed events come last, closed by a CatchUp
            Set<String> heard = new HashSet<>();
            Map<String, Offer> byNote = new HashMap<>();
            for (ServerMessage m : p.wire.received()) {
                if (m.hasTalk()) {
                    heard.add(m.getTalk().getText());
                }
                if (m.hasOffer()) {
                    byNote.put(m.getOffer().getOffer().getNote(), m.getOffer().getOffer());
                }
            }
            for (Map.Entry<String, String> t : talk.entrySet()) {
                String text = t.getKey();
                boolean mayHear = text.startsWith("say/") || t.getValue().equals(p.character) || text.endsWith("/to/" + p.character);
                if (mayHear) {
                    // The catch-up replays a bounded recent history (the journal has it all, checked above).
                    if (recent.contains(text)) {
                        assertThat(heard).as("%s's catch-up has the talk %s", p.name, text).contains(text);
                    }
                } else {
                    assertThat(heard).as("%s must not hear %s", p.name, text).doesNotContain(text);
                }
            }
            for (Map.Entry<String, String> o : offers.entrySet()) {
                Offer seen = byNote.get(o.getKey());
                if (o.getValue().equals(p.character) && recent.contains(o.getKey())) {
                    assertThat(seen).as("%s's catch-up has its offer %s", p.name, o.getKey()).isNotNull();
                }
                if (seen != null && answers.containsKey(seen.getOfferId())) {
                    assertThat(seen.getStatus()).as("offer %s", seen.getOfferId()).isEqualTo(answers.get(seen.getOfferId()));
                }
            }
        }
    }
}
