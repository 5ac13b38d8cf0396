package dev.drama.server;

import dev.drama.bots.Bot;
import dev.drama.bots.BotMove;
import dev.drama.bots.Self;
import dev.drama.bots.Stance;
import dev.drama.proto.ClientMessage;
import dev.drama.proto.ServerMessage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A computer player for tests: it plays a fixed list of moves, one each time it is asked, and
 * keeps everything it heard and when it was asked, so that a test can check what reached it
 * and how the server paced it.
 */
final class ScriptedBot implements Bot {
    /** Makes scripted bots from scripts by character, and keeps every bot it made. */
    static final class Maker implements ServerConfig.BotMaker {
        private final Map<String, List<BotMove>> scripts = new ConcurrentHashMap<>();
        final List<ScriptedBot> made = new CopyOnWriteArrayList<>();

        Maker script(String characterId, BotMove... moves) {
            scripts.put(characterId, List.of(moves));
            return this;
        }

        @Override
        public Bot make(Self self, Stance stance, long seed) {
            ScriptedBot bot = new ScriptedBot(self, stance, scripts.getOrDefault(self.characterId(), List.of()));
            made.add(bot);
            return bot;
        }

        ScriptedBot last(String characterId) {
            return made.stream().filter(b -> b.characterId().equals(characterId)).reduce((a, b) -> b).orElseThrow();
        }
    }

    final Self self;
    private final Stance stance;
    private final Queue<BotMove> moves;
    final List<ServerMessage> heard = new CopyOnWriteArrayList<>();
    /** When each move was handed over (nanoTime). */
    final List<Long> movedAt = new CopyOnWriteArrayList<>();
    /** Set when it was asked for a move while its last one had no answer yet. */
    volatile boolean askedWhileWaiting;
    private int answers;

    ScriptedBot(Self self, Stance stance, List<BotMove> moves) {
        this.self = self;
        this.stance = stance;
        this.moves = new ConcurrentLinkedQueue<>(moves);
    }

    static BotMove move(ClientMessage.Builder command, String reason) {
        return new BotMove(command.build(), reason);
    }

    @Override
    public String characterId() {
        return self.characterId();
    }

    @Override
    public Stance stance() {
        return stance;
    }

    @Override
    public void observe(ServerMessage message) {
        heard.add(message);
        if (message.getRequestId() != 0 && (message.hasAck() || message.hasError())) {
            answers++;
        }
    }

    @Override
    public Optional<BotMove> nextMove() {
        if (movedAt.size() > answers) {
            askedWhileWaiting = true;
        }
        BotMove next = moves.poll();
        if (next != null) {
            movedAt.add(System.nanoTime());
        }
        return Optional.ofNullable(next);
    }

    boolean heard(java.util.function.Predicate<ServerMessage> test) {
        return heard.stream().anyMatch(test);
    }
}
