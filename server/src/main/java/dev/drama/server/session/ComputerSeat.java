package dev.drama.server.session;

import dev.drama.bots.Bot;
import dev.drama.bots.BotMove;
import dev.drama.proto.ClientMessage;
import dev.drama.proto.ServerMessage;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection of a computer-played character. It hears exactly what visibility lets the
 * character's seat receive, and answers with a player's commands through the session's inbox,
 * at a human pace: it thinks before each move, has at most one move waiting for its answer,
 * and waits longer after each refusal, so a policy that keeps trying a wrong move cannot flood
 * the session. The policy runs on the thinkers' thread, never in the session's actor.
 */
final class ComputerSeat implements Recipient {
    private static final Logger log = LoggerFactory.getLogger(ComputerSeat.class);

    private final Bot bot;
    private final ScheduledExecutorService thinker;
    private final ThinkTime thinkTime;
    /** Sends a move into the session as the seat's player's, with its reason; the answer comes back to {@code from}. */
    interface Mover {
        void move(ComputerSeat from, ClientMessage command, String reason);
    }

    private final Mover submit;
    // Touched only on the thinker's thread.
    private long lastRequestId;
    private long waitingFor;
    private boolean thinking;
    private boolean closed;
    private int refusals;

    ComputerSeat(Bot bot, ScheduledExecutorService thinker, ThinkTime thinkTime, Mover submit) {
        this.bot = bot;
        this.thinker = thinker;
        this.thinkTime = thinkTime;
        this.submit = submit;
    }

    Bot bot() {
        return bot;
    }

    @Override
    public void send(ServerMessage message) {
        run(() -> heard(message));
    }

    @Override
    public void close() {
        run(() -> closed = true);
    }

    private void heard(ServerMessage message) {
        if (closed) {
            return;
        }
        // The answer to its move: an Ack or an Error, or what it asked for (a whole board).
        if (waitingFor != 0 && message.getRequestId() == waitingFor) {
            waitingFor = 0;
            refusals = message.hasError() ? refusals + 1 : 0;
        }
        try {
            bot.observe(message);
        } catch (RuntimeException e) {
            log.warn("computer player of {}: failed on a message: {}", bot.characterId(), e.toString());
        }
        think();
    }

    /** Something changed: after a pause it looks for its next move, unless one is waiting for its answer. */
    private void think() {
        if (closed || thinking || waitingFor != 0) {
            return;
        }
        thinking = true;
        try {
            thinker.schedule(this::move, thinkTime.pause(refusals), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            closed = true; // the server is stopping
        }
    }

    private void move() {
        thinking = false;
        if (closed || waitingFor != 0) {
            return;
        }
        Optional<BotMove> next;
        try {
            next = bot.nextMove();
        } catch (RuntimeException e) {
            log.warn("computer player of {}: failed to choose a move: {}", bot.characterId(), e.toString());
            return;
        }
        if (next.isPresent()) {
            waitingFor = ++lastRequestId;
            submit.move(this, next.get().command().toBuilder().setRequestId(waitingFor).build(), next.get().reason());
        }
        // Nothing to do: it thinks again when it hears something new.
    }

    private void run(Runnable task) {
        try {
            thinker.execute(task);
        } catch (RejectedExecutionException e) {
            log.debug("computer player of {}: stopped; dropped a message", bot.characterId());
        }
    }
}
