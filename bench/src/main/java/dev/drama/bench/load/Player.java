package dev.drama.bench.load;

import dev.drama.proto.ClientMessage;
import dev.drama.proto.Offer;
import dev.drama.proto.OfferEvent;
import dev.drama.proto.ServerMessage;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * A simulated trainee on one connection: makes moves on a schedule and answers the offers
 * made to it. Two ways of pacing: open loop (moves due at Poisson-distributed times at a
 * given mean rate, sent even if earlier ones are unanswered; latency from the due time),
 * or closed loop (saturation: keeps {@code window} moves in flight, sends the next as soon
 * as a reply arrives, no think time). All state lives on the connection's event loop.
 */
final class Player implements Conn.Listener {
    /** The pacing of a phase; swapped by the driver between phases. */
    static final class Pace {
        final boolean closedLoop;
        final double meanGapNanos;
        final int window;
        final long maxMoves;
        volatile boolean running = true;

        Pace(boolean closedLoop, double meanGapNanos, int window, long maxMoves) {
            this.closedLoop = closedLoop;
            this.meanGapNanos = meanGapNanos;
            this.window = window;
            this.maxMoves = maxMoves;
        }
    }

    final Conn conn;
    private final MoveMaker maker;
    private final SplittableRandom rnd;
    private final List<String> offersToAnswer = new ArrayList<>();
    private Pace pace;
    private long due;

    Player(Conn conn, MoveMaker maker, long seed) {
        this.conn = conn;
        this.maker = maker;
        this.rnd = new SplittableRandom(seed);
        conn.listener(this);
    }

    /** Starts making moves at this pace (call from any thread). */
    void start(Pace p) {
        conn.channel.eventLoop().execute(() -> {
            pace = p;
            if (p.closedLoop) {
                for (int i = 0; i < p.window; i++) {
                    move(System.nanoTime());
                }
            } else {
                due = System.nanoTime() + gap();
                schedule();
            }
        });
    }

    private long gap() {
        return (long) (-Math.log(1.0 - rnd.nextDouble()) * pace.meanGapNanos);
    }

    private void schedule() {
        Pace p = pace;
        long delay = Math.max(0, due - System.nanoTime());
        conn.channel.eventLoop().schedule(() -> {
            if (pace != p || !p.running || !conn.channel.isActive()) {
                return;
            }
            move(due);
            due += gap();
            schedule();
        }, delay, TimeUnit.NANOSECONDS);
    }

    private void move(long dueNanos) {
        if (conn.stats.sent.sum() >= pace.maxMoves) {
            pace.running = false;
            return;
        }
        ClientMessage.Builder b = ClientMessage.newBuilder();
        Kind kind = maker.next(rnd, offersToAnswer, b);
        conn.send(b, kind, dueNanos);
    }

    @Override
    public void replied(Conn c, Kind kind) {
        Pace p = pace;
        if (p != null && p.closedLoop && p.running && kind.isMove() && c.channel.isActive()) {
            move(System.nanoTime());
        }
    }

    @Override
    public void event(Conn c, int bodyField, ByteBuf frame) {
        if (bodyField != Conn.OFFER) {
            return;
        }
        try {
            OfferEvent e = ServerMessage.parseFrom(frame.nioBuffer()).getOffer();
            Offer o = e.getOffer();
            String me = maker.character();
            if (o.getStatus() == Offer.Status.PENDING && o.getToCharacterIdsList().contains(me)
                    && !o.getFromCharacterId().equals(me) && !offersToAnswer.contains(o.getOfferId())) {
                offersToAnswer.add(o.getOfferId());
                if (offersToAnswer.size() > 20) {
                    offersToAnswer.remove(0);
                }
            } else if (o.getStatus() != Offer.Status.PENDING) {
                offersToAnswer.remove(o.getOfferId());
            }
        } catch (com.google.protobuf.InvalidProtocolBufferException ex) {
            conn.stats.errors.increment();
        }
    }
}
