package dev.drama.bench.load;

import dev.drama.proto.AdvancePhase;
import dev.drama.proto.ClientMessage;
import dev.drama.proto.CreateSession;
import dev.drama.proto.Hello;
import dev.drama.proto.Join;
import dev.drama.proto.Phase;
import dev.drama.proto.ProtocolVersion;
import dev.drama.proto.ServerMessage;
import dev.drama.proto.Watch;
import dev.drama.scenarios.model.Pack;
import dev.drama.scenarios.model.PackCharacter;
import dev.drama.scenarios.registry.PackRegistry;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Loopback load generator: M sessions of a bundled pack, each with a trainer connection,
 * players (one per character) and observers, played by simulated trainees on one Netty
 * event-loop group; and, in the same run, the same clients against a plain echo server
 * with the same framing, so every figure can be read as a ratio to the transport alone.
 * Run with {@code --help}.
 */
public final class LoadGenerator {
    static {
        // the server logs every connection at INFO; at 2,000 connections that is noise and cost
        if (System.getProperty("drama.log.level") == null) {
            System.setProperty("drama.log.level", "WARN");
        }
    }

    /** Options (public fields so the smoke test can set them). */
    public static final class Options {
        public String mode = "rate";
        public int sessions = 200;
        public int perSession = 10;
        public int players = 0;
        public String pack = "auto";
        public double rate = 2000;
        public int window = 1;
        public int warmup = 10;
        public int duration = 30;
        public int echoDuration = 15;
        public long maxMoves = 100_000_000L;
        public int soakEvery = 0;
        /** Seconds of a soak (the drama phase's length, with memory sampled and plotted); 0: no soak. */
        public int soak = 0;
        public long sampleEveryMillis = 5_000;
        public String results = "bench/results";
        public int clientThreads = 1;
        public boolean inProcess = false;
        public String serverJvm = "-Xms1g -Xmx2g -XX:+UseG1GC";
        public int connsPerAddress = 50;
        public int commandsPerSecond = 0;
        public int commandBurst = 0;
        public int offersPerMinute = 0;
        public int maxSessions = 0;
        public String dataDir = null;
        public long seed = 1;
        public boolean exitOnTimeLimit = false;
        /** Full GCs of the server to read its heap (off in the smoke test, to keep it short). */
        public boolean measureHeap = true;

        boolean saturate() {
            return mode.equals("saturate");
        }

        /** Whether the drama phase's memory is recorded (a soak, or full GCs asked for on their own). */
        boolean recordsMemory() {
            return soak > 0 || soakEvery > 0;
        }

        /** Recorded seconds of the drama phase: the soak's length in a soak. */
        int dramaSeconds() {
            return soak > 0 ? soak : duration;
        }

        /** Seconds between forced full GCs in the drama phase (0: none). */
        int fullGcEvery() {
            return soakEvery > 0 ? soakEvery : soak > 0 ? 60 : 0;
        }
    }

    static final String HELP = """
            Usage: java -cp bench/target/benchmarks.jar dev.drama.bench.load.LoadGenerator [options]

            Opens SESSIONS sessions of a bundled pack on a drama server (a trainer connection each,
            one player per character up to PER-SESSION, the rest of PER-SESSION as observers), plays
            them with simulated trainees over loopback, and runs the same clients against a plain
            echo server (same varint32 framing, same frames) before and after, in the same run.
            Prints moves/s, move-to-reply latency (median, p99, p99.9, max; HdrHistogram), server
            heap per idle connected participant (heap after GC, all connected vs trainers only),
            CPU (process CPU time / wall time) and the ratios drama / echo. Stops by itself.

              --mode rate|saturate     rate: open loop, moves due at Poisson times, RATE in total
                                       (latency counts from the due time); saturate: closed loop,
                                       WINDOW moves in flight per player, no think time  [rate]
              --sessions N             sessions  [200]
              --per-session N          participants per session besides the trainer  [10]
              --players N              players per session (0: every playable character, at most
                                       PER-SESSION); the rest of PER-SESSION watch as observers  [0]
              --pack ID|auto           pack; auto: the bundled pack with the most characters  [auto]
              --rate R                 total moves per second, rate mode  [2000]
              --window W               moves in flight per player, saturate mode  [1]
              --warmup S               seconds of unrecorded load before each phase  [10]
              --duration S             recorded seconds of the drama phase  [30]
              --echo-duration S        recorded seconds of each echo phase (0: no echo)  [15]
              --max-moves N            stop the drama phase after N moves  [100000000]
              --soak D                 a soak: the drama phase lasts D (600, 90s, 10m, 1h) instead of
                                       DURATION; the server's memory is sampled all along and written
                                       to RESULTS as soak-<time>-<layout>.csv and .svg (a chart)  [off]
              --sample-every S         soak: heap now, heap after the latest GC and RSS every S s  [5]
              --soak-every S           heap after a forced full GC every S s during the drama phase
                                       (also recorded and plotted without --soak)  [60 in a soak, else off]
              --results DIR            where the soak's CSV and chart go  [bench/results]
              --client-threads N       client event-loop threads  [1]
              --server child|in-process   where the servers run  [child]
              --server-jvm "ARGS"      JVM options of the child server  [-Xms1g -Xmx2g -XX:+UseG1GC]
              --conns-per-address N    client connections per loopback source address, spread over
                                       127.0.0.2, ..., 127.0.0.254, 127.0.1.2, ... (0: all from 127.0.0.1)  [50]
              --commands-per-second N  server limit per connection (0: the server default, 20;
                                       saturate mode: 100000)  [0]
              --command-burst N        server burst per connection (0: default 40; saturate: 100000)
              --offers-per-minute N    server limit of offers per character (0: default 12; saturate: 100000)
              --max-sessions N         server session limit (0: default 200, or SESSIONS if more)
              --data-dir DIR           where the child server keeps its journals (a fresh folder
                                       inside DIR); e.g. /dev/shm to take fsync out  [a temp folder]
              --seed N                 random seed  [1]
              --help
            """;

    /** What a run measured. */
    public record Report(Stats.Snapshot drama, Stats.Snapshot echoBefore, Stats.Snapshot echoAfter,
                         long heapBefore, long heapConnected, long heapAfterRun, int participants,
                         double serverCpu, double echoServerCpu, double clientCpu, long movesMadeInRun) {
    }

    private final Options o;
    private final PrintStream out;
    private Stats stats = new Stats();

    public LoadGenerator(Options options, PrintStream out) {
        this.o = options;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        Options o = parse(args);
        if (o == null) {
            System.out.print(HELP);
            return;
        }
        o.exitOnTimeLimit = true;
        new LoadGenerator(o, System.out).run();
        System.exit(0);
    }

    static Options parse(String[] args) {
        Options o = new Options();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                return null;
            }
            String value;
            if (a.contains("=")) {
                value = a.substring(a.indexOf('=') + 1);
                a = a.substring(0, a.indexOf('='));
            } else if (a.equals("--in-process")) {
                o.inProcess = true;
                continue;
            } else {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(a + " needs a value");
                }
                value = args[++i];
            }
            switch (a) {
                case "--mode" -> o.mode = value;
                case "--sessions" -> o.sessions = Integer.parseInt(value);
                case "--per-session" -> o.perSession = Integer.parseInt(value);
                case "--players" -> o.players = Integer.parseInt(value);
                case "--pack" -> o.pack = value;
                case "--rate" -> o.rate = Double.parseDouble(value);
                case "--window" -> o.window = Integer.parseInt(value);
                case "--warmup" -> o.warmup = Integer.parseInt(value);
                case "--duration" -> o.duration = Integer.parseInt(value);
                case "--echo-duration" -> o.echoDuration = Integer.parseInt(value);
                case "--max-moves" -> o.maxMoves = Long.parseLong(value);
                case "--soak-every" -> o.soakEvery = Integer.parseInt(value);
                case "--soak" -> o.soak = seconds(value);
                case "--sample-every" -> o.sampleEveryMillis = Math.round(Double.parseDouble(value) * 1000);
                case "--results" -> o.results = value;
                case "--client-threads" -> o.clientThreads = Integer.parseInt(value);
                case "--server" -> o.inProcess = value.equals("in-process");
                case "--server-jvm" -> o.serverJvm = value;
                case "--conns-per-address" -> o.connsPerAddress = Integer.parseInt(value);
                case "--commands-per-second" -> o.commandsPerSecond = Integer.parseInt(value);
                case "--command-burst" -> o.commandBurst = Integer.parseInt(value);
                case "--offers-per-minute" -> o.offersPerMinute = Integer.parseInt(value);
                case "--max-sessions" -> o.maxSessions = Integer.parseInt(value);
                case "--data-dir" -> o.dataDir = value;
                case "--seed" -> o.seed = Long.parseLong(value);
                default -> throw new IllegalArgumentException("unknown option " + a + " (try --help)");
            }
        }
        if (!o.mode.equals("rate") && !o.mode.equals("saturate")) {
            throw new IllegalArgumentException("--mode is rate or saturate");
        }
        if (o.sampleEveryMillis <= 0) {
            throw new IllegalArgumentException("--sample-every must be more than 0 seconds");
        }
        return o;
    }

    /** A length of time: plain seconds, or a number with s, m or h. */
    static int seconds(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (!v.matches("\\d+[smh]?")) {
            throw new IllegalArgumentException("'" + value + "' is not a length of time (600, 90s, 10m, 1h)");
        }
        int unit = v.endsWith("h") ? 3600 : v.endsWith("m") ? 60 : 1;
        String number = Character.isLetter(v.charAt(v.length() - 1)) ? v.substring(0, v.length() - 1) : v;
        return Math.multiplyExact(Integer.parseInt(number), unit);
    }

    // ------------------------------------------------------------------ the run

    private record Seat(Conn conn, String characterId) {
    }

    public Report run() throws Exception {
        Pack pack = choosePack(o.pack);
        List<PackCharacter> playable = pack.playableCharacters();
        int players = Math.min(o.players > 0 ? Math.min(o.players, playable.size()) : playable.size(), o.perSession);
        int observers = Math.max(0, o.perSession - players);
        int cps = o.commandsPerSecond > 0 ? o.commandsPerSecond : o.saturate() ? 100_000 : 0;
        int burst = o.commandBurst > 0 ? o.commandBurst : o.saturate() ? 100_000 : 0;
        int offers = o.offersPerMinute > 0 ? o.offersPerMinute : o.saturate() ? 100_000 : 0;
        int maxSessions = o.maxSessions > 0 ? o.maxSessions : Math.max(200, o.sessions);
        Thread watchdog = o.exitOnTimeLimit ? watchdog() : null;

        out.printf(Locale.ROOT, "pack %s (%d playable characters): %d sessions x (1 trainer + %d players + %d observers)"
                        + " = %d connections, %d making moves%n", pack.id(), playable.size(), o.sessions, players,
                observers, o.sessions * (1 + players + observers), o.sessions * players);
        out.printf(Locale.ROOT, "mode %s: %s; warmup %d s, drama %d s, echo %d s before and after%n", o.mode,
                o.saturate() ? o.window + " move(s) in flight per player, no think time"
                        : String.format(Locale.ROOT, "%.0f moves/s in total (%.2f per player, Poisson)", o.rate,
                        o.rate / Math.max(1, o.sessions * players)),
                o.warmup, o.dramaSeconds(), o.echoDuration);
        out.printf("server limits: commands/s per connection %s, burst %s, offers/min per character %s, sessions %d,"
                        + " connections per address %s (clients spread over 127.x.y.z, %s per address)%n",
                cps > 0 ? cps : "20 (default)", burst > 0 ? burst : "40 (default)",
                offers > 0 ? offers : "12 (default)", maxSessions,
                "64 (default)", o.connsPerAddress > 0 ? String.valueOf(o.connsPerAddress) : "all");
        int connections = o.sessions * (1 + players + observers) + (o.echoDuration > 0 ? o.sessions * players : 0);
        FileLimits.requireOpenFiles(connections + 200, connections);

        Target target = o.inProcess
                ? new InProcessTarget(InProcessTarget.limits(cps, burst, offers, maxSessions, 0), null)
                : new ChildTarget(o.serverJvm, cps, burst, offers, maxSessions, 0, o.dataDir);
        out.println("servers: " + target.describe() + "; journals in "
                + (o.dataDir == null ? "a temp folder on " + java.nio.file.Path.of(System.getProperty("java.io.tmpdir")) : o.dataDir));
        LoadClient client = new LoadClient(o.clientThreads, stats, o.connsPerAddress);
        List<Conn> all = Collections.synchronizedList(new ArrayList<>());
        List<Seat> seats = Collections.synchronizedList(new ArrayList<>());
        ExecutorService setup = Executors.newFixedThreadPool(16);
        try {
            // 1. Trainers open the sessions.
            long t0 = System.nanoTime();
            List<Conn> trainers = new ArrayList<>();
            List<String> codes = new ArrayList<>();
            List<Future<Object[]>> opened = new ArrayList<>();
            for (int s = 0; s < o.sessions; s++) {
                opened.add(setup.submit(() -> {
                    Conn t = greeted(client, target, target.trainerSecret(), all);
                    ServerMessage created = expect(t, ClientMessage.newBuilder().setCreateSession(
                            CreateSession.newBuilder().setPackId(pack.id())), ServerMessage::hasSessionJoined, "create session");
                    return new Object[] {t, created.getSessionJoined().getJoinCode()};
                }));
            }
            for (Future<Object[]> f : opened) {
                Object[] r = f.get(60, TimeUnit.SECONDS);
                trainers.add((Conn) r[0]);
                codes.add((String) r[1]);
            }
            long heapBefore = o.measureHeap ? target.heapAfterGc() : 0;
            out.printf(Locale.ROOT, "%d sessions open in %.1f s; server heap after GC with trainers only: %s%n",
                    o.sessions, (System.nanoTime() - t0) / 1e9,
                    o.measureHeap ? String.format(Locale.ROOT, "%.1f MiB", heapBefore / 1048576.0) : "not measured");

            // 2. Players and observers join; the trainers open the negotiation.
            t0 = System.nanoTime();
            List<Future<?>> joined = new ArrayList<>();
            for (int s = 0; s < o.sessions; s++) {
                Conn trainer = trainers.get(s);
                String code = codes.get(s);
                int session = s;
                joined.add(setup.submit(() -> {
                    for (int i = 0; i < players; i++) {
                        Conn c = greeted(client, target, null, all);
                        String character = playable.get(i).id();
                        expect(c, ClientMessage.newBuilder().setJoin(Join.newBuilder().setJoinCode(code)
                                .setDisplayName("s" + session + "p" + i).setCharacterId(character)),
                                ServerMessage::hasSessionJoined, "join as " + character);
                        seats.add(new Seat(c, character));
                    }
                    for (int i = 0; i < observers; i++) {
                        Conn c = greeted(client, target, null, all);
                        expect(c, ClientMessage.newBuilder().setWatch(Watch.newBuilder().setJoinCode(code)
                                .setDisplayName("s" + session + "o" + i)), ServerMessage::hasSessionJoined, "watch");
                    }
                    expect(trainer, ClientMessage.newBuilder().setAdvancePhase(AdvancePhase.newBuilder()
                            .setTo(Phase.BRIEFING)), ServerMessage::hasAck, "advance to briefing");
                    expect(trainer, ClientMessage.newBuilder().setAdvancePhase(AdvancePhase.newBuilder()
                            .setTo(Phase.NEGOTIATION)), ServerMessage::hasAck, "advance to negotiation");
                    return null;
                }));
            }
            for (Future<?> f : joined) {
                f.get(300, TimeUnit.SECONDS);
            }
            int participants = o.sessions * (players + observers);
            out.printf(Locale.ROOT, "%d participants joined and %d sessions in negotiation in %.1f s%n", participants,
                    o.sessions, (System.nanoTime() - t0) / 1e9);
            long heapConnected = 0;
            if (o.measureHeap) {
                Thread.sleep(2_000);
                heapConnected = target.heapAfterGc();
            }
            if (o.measureHeap) out.printf(Locale.ROOT, "server heap after GC, all connected and idle: %.1f MiB; per connected participant:"
                            + " %.1f KiB%n", heapConnected / 1048576.0,
                    (heapConnected - heapBefore) / 1024.0 / Math.max(1, participants));

            // 3. Echo, drama, echo.
            seats.sort(Comparator.comparing(s -> s.conn().channel.localAddress().toString()));
            Stats.Snapshot echoBefore = null, echoAfter = null;
            double echoCpu = Double.NaN;
            if (o.echoDuration > 0) {
                Phase1 e = echoPhase(client, target, seats, "echo (before)", pack);
                echoBefore = e.snapshot;
                echoCpu = e.serverCpu;
            }
            long movesBefore = Conn.DRAMA_MOVES_ANSWERED.sum();
            List<Player> dramaPlayers = new ArrayList<>();
            long seed = o.seed;
            for (Seat s : seats) {
                dramaPlayers.add(new Player(s.conn(), new MoveMaker(pack, s.characterId()), seed++));
            }
            Phase1 d = phase("drama", dramaPlayers, target, o.dramaSeconds(), o.maxMoves, o.recordsMemory());
            Stats dramaStats = stats;
            if (o.echoDuration > 0) {
                Phase1 e = echoPhase(client, target, seats, "echo (after)", pack);
                echoAfter = e.snapshot;
                echoCpu = Double.isNaN(echoCpu) ? e.serverCpu : (echoCpu + e.serverCpu) / 2;
            }
            for (Conn c : all) {
                c.closing = true;
            }
            long drainUntil = System.nanoTime() + 60_000_000_000L;
            while (dramaStats.replies.sum() + dramaStats.dropped.sum() < dramaStats.sent.sum()
                    && System.nanoTime() < drainUntil) {
                Thread.sleep(100); // the server's backlog, if any, must be gone before the heap is read
            }
            long heapAfter = 0;
            if (o.measureHeap) {
                Thread.sleep(500);
                heapAfter = target.heapAfterGc();
            }
            Report report = new Report(d.snapshot, echoBefore, echoAfter, heapBefore, heapConnected, heapAfter,
                    participants, d.serverCpu, echoCpu, d.clientCpu,
                    Conn.DRAMA_MOVES_ANSWERED.sum() - movesBefore);
            print(report);
            return report;
        } finally {
            setup.shutdownNow();
            List<io.netty.channel.ChannelFuture> closed = new ArrayList<>();
            for (Conn c : all) {
                c.closing = true;
                closed.add(c.channel.close());
            }
            // every socket closed before the client's event loop stops: none is left open and unread
            long closeBy = System.nanoTime() + 10_000_000_000L;
            for (io.netty.channel.ChannelFuture f : closed) {
                f.awaitUninterruptibly(Math.max(1, (closeBy - System.nanoTime()) / 1_000_000));
            }
            client.close();
            Thread.sleep(o.measureHeap ? 1_500 : 300); // let the sessions hear of the departures before the server stops
            target.close();
            if (watchdog != null) {
                watchdog.interrupt();
            }
        }
    }

    private record Phase1(Stats.Snapshot snapshot, double serverCpu, double clientCpu) {
        double serverCpuMicrosPerMove() {
            return serverCpu * snapshot.seconds() * 1e6 / Math.max(1, snapshot.replies());
        }

    }

    /** The 1-minute load average of the machine (other users' work shows here). */
    static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException | RuntimeException e) {
            return "?";
        }
    }

    private Phase1 echoPhase(LoadClient client, Target target, List<Seat> seats, String name, Pack pack)
            throws Exception {
        List<Player> players = new ArrayList<>();
        List<Conn> conns = new ArrayList<>();
        long seed = o.seed;
        try {
            for (Seat s : seats) {
                Conn c = client.connect(target.echoPort(), true);
                conns.add(c);
                players.add(new Player(c, new MoveMaker(pack, s.characterId()), seed++));
            }
            return phase(name, players, target, o.echoDuration, Long.MAX_VALUE, false);
        } finally {
            for (Conn c : conns) {
                c.closing = true;
                c.channel.close();
            }
        }
    }

    /** Warm-up (not recorded), then the recorded interval, then a drain of the moves still in flight. */
    private Phase1 phase(String name, List<Player> players, Target target, int seconds, long maxMoves,
                         boolean recordMemory) throws InterruptedException {
        double gap = 1e9 * players.size() / o.rate;
        Player.Pace pace = new Player.Pace(o.saturate(), gap, o.window, Long.MAX_VALUE);
        // each phase records into its own Stats: late replies of an earlier phase land in that phase's
        stats = new Stats();
        for (Player p : players) {
            p.conn.stats = stats;
            p.start(pace);
        }
        Thread.sleep(o.warmup * 1000L);
        Player.Pace recorded = new Player.Pace(o.saturate(), gap, o.window, maxMoves);
        if (!o.saturate()) {
            pace.running = false;
            stats.reset();
            for (Player p : players) {
                p.start(recorded);
            }
        } else {
            // closed loop: keep the same moves in flight; count from here
            stats.reset();
            recorded = pace;
        }
        String loadStart = loadAverage();
        Target.Sample s0 = target.sample();
        Target.Sample c0 = Target.Sample.ofThisJvm();
        Stats phaseStats = stats;
        SoakRecorder memory = recordMemory ? new SoakRecorder(target, () -> phaseStats.replies.sum(),
                o.sampleEveryMillis, o.fullGcEvery() * 1000L) : null;
        if (memory != null) {
            memory.start();
        }
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        long lastReplies = 0, lastAt = start;
        while (System.nanoTime() < end && recorded.running && stats.sent.sum() < maxMoves) {
            Thread.sleep(Math.min(5_000, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
            long now = System.nanoTime();
            long replies = stats.replies.sum();
            out.printf(Locale.ROOT, "  %-14s t=%5.1fs  %8.0f moves/s  sent %d  replies %d  errors %d  dropped %d%n", name,
                    (now - start) / 1e9, (replies - lastReplies) / ((now - lastAt) / 1e9), stats.sent.sum(), replies,
                    stats.errors.sum(), stats.dropped.sum());
            lastReplies = replies;
            lastAt = now;
        }
        long stop = System.nanoTime();
        Target.Sample s1 = target.sample();
        Target.Sample c1 = Target.Sample.ofThisJvm();
        pace.running = false;
        recorded.running = false;
        if (memory != null) {
            report(memory.stop(java.nio.file.Path.of(o.results), soakName(), String.format(Locale.ROOT,
                    "%d sessions x %d, %s, server %s, load average %s -> %s", o.sessions, o.perSession,
                    o.saturate() ? "saturate, window " + o.window : String.format(Locale.ROOT, "%.0f moves/s offered", o.rate),
                    o.inProcess ? "in-process" : o.serverJvm, loadStart, loadAverage())));
        }
        long repliesAtStop = stats.replies.sum();
        long errorsAtStop = stats.errors.sum();
        long drainUntil = System.nanoTime() + 5_000_000_000L;
        while (stats.replies.sum() + stats.dropped.sum() < stats.sent.sum() && System.nanoTime() < drainUntil) {
            Thread.sleep(20);
        }
        Stats.Snapshot snap = stats.snapshot((stop - start) / 1e9);
        long unanswered = Math.max(0, snap.sent() - snap.replies());
        Stats.Snapshot fixed = new Stats.Snapshot(snap.moves(), snap.byKind(), snap.seconds(), snap.sent(),
                repliesAtStop, errorsAtStop, snap.events(), snap.eventBytes(), snap.dropped() + unanswered,
                snap.errorCodes());
        double serverCpu = (double) (s1.cpuNanos() - s0.cpuNanos()) / (s1.wallNanos() - s0.wallNanos());
        double clientCpu = (double) (c1.cpuNanos() - c0.cpuNanos()) / (c1.wallNanos() - c0.wallNanos());
        out.printf(Locale.ROOT, "  %-14s done: %.0f moves/s, p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms,"
                        + " errors %d, unanswered %d; server CPU %.0f%% of a core (%.0f us per move), client CPU %.0f%%,"
                        + " server GCs %d (%d ms); load average %s -> %s%n",
                name, fixed.movesPerSecond(), fixed.ms(50), fixed.ms(99), fixed.ms(99.9), fixed.maxMs(),
                fixed.errors(), unanswered, 100 * serverCpu,
                (s1.cpuNanos() - s0.cpuNanos()) / 1e3 / Math.max(1, repliesAtStop), 100 * clientCpu,
                s1.gcCount() - s0.gcCount(), s1.gcMillis() - s0.gcMillis(), loadStart, loadAverage());
        return new Phase1(fixed, serverCpu, clientCpu);
    }

    private String soakName() {
        return String.format(Locale.ROOT, "soak-%s-%dx%d-%s", java.time.LocalDateTime.now()
                        .format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmm")), o.sessions, o.perSession,
                o.saturate() ? "saturate" : String.format(Locale.ROOT, "%.0f", o.rate));
    }

    private void report(SoakRecorder.Result r) {
        List<SoakRecorder.Row> rows = r.rows();
        List<SoakRecorder.Row> full = rows.stream().filter(x -> x.heapAfterFullGc() >= 0).toList();
        out.printf(Locale.ROOT, "  memory: %d samples; heap after full GC %s MiB (%s); RSS %s MiB (%s)%n"
                        + "  memory: written %s and %s%n", rows.size(),
                full.stream().map(x -> String.format(Locale.ROOT, "%.1f", SoakRecorder.mib(x.heapAfterFullGc())))
                        .collect(java.util.stream.Collectors.joining(", ")),
                perMinute(r.fullGcSlope()),
                rows.isEmpty() ? "-" : String.format(Locale.ROOT, "%.1f -> %.1f", SoakRecorder.mib(rows.get(0).rss()),
                        SoakRecorder.mib(rows.get(rows.size() - 1).rss())),
                perMinute(r.rssSlope()), r.csv(), r.svg());
    }

    private static String perMinute(double bytesPerMinute) {
        return Double.isNaN(bytesPerMinute) ? "no trend from fewer than two samples"
                : String.format(Locale.ROOT, "%+.2f MiB a minute", bytesPerMinute / 1048576.0);
    }

    // ------------------------------------------------------------------ helpers

    static Pack choosePack(String id) {
        try (PackRegistry registry = new PackRegistry(null, Duration.ofHours(1), true)) {
            registry.start();
            List<Pack> packs = registry.list();
            if (!id.equals("auto")) {
                return packs.stream().filter(p -> p.id().equals(id)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("no bundled pack '" + id + "'"));
            }
            return packs.stream().max(Comparator.comparingInt((Pack p) -> p.playableCharacters().size())
                    .thenComparing(Pack::id, Comparator.reverseOrder())).orElseThrow();
        }
    }

    /**
     * A drama connection that has said hello, pinging from then on: setting up 1,000 sessions
     * takes longer than the 45 s after which the server closes a silent connection, and a ping
     * before hello would be refused ("say hello first").
     */
    private static Conn greeted(LoadClient client, Target target, String trainerSecret, List<Conn> all) throws Exception {
        Conn c = client.connect(target.dramaPort(), false);
        all.add(c);
        expect(c, hello(trainerSecret), ServerMessage::hasWelcome, trainerSecret == null ? "hello" : "hello (trainer)");
        client.keepAlive(c);
        return c;
    }

    private static ClientMessage.Builder hello(String secret) {
        Hello.Builder h = Hello.newBuilder().setProtocolVersion(ProtocolVersion.PROTOCOL_VERSION_CURRENT).setClient("drama-load");
        if (secret != null) {
            h.setTrainerSecret(secret);
        }
        return ClientMessage.newBuilder().setHello(h);
    }

    private static ServerMessage expect(Conn c, ClientMessage.Builder command,
                                        java.util.function.Predicate<ServerMessage> ok, String what) throws Exception {
        ServerMessage reply = c.request(command).get(60, TimeUnit.SECONDS);
        if (!ok.test(reply)) {
            throw new IllegalStateException(what + " failed: " + reply.toString().replace('\n', ' '));
        }
        return reply;
    }

    private Thread watchdog() {
        // setup grows with the connections (a 1,000-session run on a busy machine took minutes)
        long limit = 300L + o.sessions * (1L + o.perSession) / 20 + 3L * o.warmup + o.dramaSeconds() + 2L * o.echoDuration + 60;
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(limit * 1000);
                System.err.println("load generator: time limit of " + limit + " s reached; exiting");
                System.exit(3);
            } catch (InterruptedException e) {
                // finished in time
            }
        }, "watchdog");
        t.setDaemon(true);
        t.start();
        return t;
    }

    // ------------------------------------------------------------------ the report

    private void print(Report r) {
        out.println();
        out.println("== results ==");
        out.printf(Locale.ROOT, "%-16s %10s %9s %9s %9s %9s %8s %8s %9s %11s%n", "phase", "moves/s", "p50 ms", "p99 ms",
                "p99.9 ms", "max ms", "errors", "lost", "srv CPU", "srv us/move");
        row("echo (before)", r.echoBefore(), r.echoServerCpu());
        row("drama", r.drama(), r.serverCpu());
        row("echo (after)", r.echoAfter(), r.echoServerCpu());
        Stats.Snapshot e = r.echoBefore() != null && r.echoAfter() != null ? better(r.echoBefore(), r.echoAfter())
                : r.echoBefore() != null ? r.echoBefore() : r.echoAfter();
        if (e != null) {
            Stats.Snapshot d = r.drama();
            out.printf(Locale.ROOT, "%-16s %10.2f %9.2f %9.2f %9.2f %9.2f%n", "drama/echo", d.movesPerSecond() / e.movesPerSecond(),
                    d.ms(50) / e.ms(50), d.ms(99) / e.ms(99), d.ms(99.9) / e.ms(99.9), d.maxMs() / e.maxMs());
            out.println("  (ratio to the better of the two echo phases: higher throughput, lower p99)");
        }
        Stats.Snapshot d = r.drama();
        out.printf(Locale.ROOT, "drama: %d moves in %.1f s; events received %.0f/s (%.1f MB/s, %.1f per move);"
                        + " client CPU %.0f%% of a core%n", d.replies(), d.seconds(), d.events() / d.seconds(),
                d.eventBytes() / d.seconds() / 1e6, d.events() / (double) Math.max(1, d.replies()), 100 * r.clientCpu());
        out.printf(Locale.ROOT, "%-18s %9s %9s %9s %9s %9s%n", "  by kind", "count", "p50 ms", "p99 ms", "p99.9 ms", "max ms");
        for (var k : d.byKind().entrySet()) {
            Histogram h = k.getValue();
            if (h.getTotalCount() > 0 && k.getKey() != Kind.SETUP) {
                out.printf(Locale.ROOT, "  %-16s %9d %9.2f %9.2f %9.2f %9.2f%n", k.getKey().label, h.getTotalCount(),
                        h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(99) / 1e3,
                        h.getValueAtPercentile(99.9) / 1e3, h.getMaxValue() / 1e3);
            }
        }
        if (!d.errorCodes().isEmpty()) {
            out.println("  errors: " + d.errorCodes());
        }
        if (r.heapConnected() > 0) out.printf(Locale.ROOT, "server heap after GC: %.1f MiB trainers only, %.1f MiB all %d connected (%.1f KiB"
                        + " per participant), %.1f MiB after the run (+%.2f KiB per move: %d moves answered, warm-up included)%n",
                r.heapBefore() / 1048576.0, r.heapConnected() / 1048576.0, r.participants(),
                (r.heapConnected() - r.heapBefore()) / 1024.0 / Math.max(1, r.participants()),
                r.heapAfterRun() / 1048576.0,
                (r.heapAfterRun() - r.heapConnected()) / 1024.0 / Math.max(1, r.movesMadeInRun()), r.movesMadeInRun());
        out.printf(Locale.ROOT, "server CPU: drama %.0f%%, echo %.0f%% of one core (2 cores shared on this machine)%n",
                100 * r.serverCpu(), 100 * r.echoServerCpu());
    }

    private static Stats.Snapshot better(Stats.Snapshot a, Stats.Snapshot b) {
        return a.movesPerSecond() >= b.movesPerSecond() * 1.02 ? a
                : b.movesPerSecond() >= a.movesPerSecond() * 1.02 ? b : a.ms(99) <= b.ms(99) ? a : b;
    }

    private void row(String name, Stats.Snapshot s, double cpu) {
        if (s == null) {
            return;
        }
        out.printf(Locale.ROOT, "%-16s %10.0f %9.2f %9.2f %9.2f %9.2f %8d %8d %8.0f%% %11.0f%n", name, s.movesPerSecond(),
                s.ms(50), s.ms(99), s.ms(99.9), s.maxMs(), s.errors(), s.dropped(), 100 * cpu,
                cpu * s.seconds() * 1e6 / Math.max(1, s.replies()));
    }
}
