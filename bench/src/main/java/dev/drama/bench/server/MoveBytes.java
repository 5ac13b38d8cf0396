package dev.drama.bench.server;

import dev.drama.engine.DilemmaEngine;
import java.lang.management.ManagementFactory;

/**
 * What a session sends per move, summed over its 11 seats (trainer, 6 players, 4 observers):
 * events and bytes, for each kind of move and for the load generator's mix; and what the move
 * allocates in the session actor, with the part that is the engine's analysis (measured by
 * running the analysis again on the same board) taken out, since the engine is benchmarked on
 * its own. Counts, not timings, so they hold on a busy machine:
 * {@code java -cp bench/target/benchmarks.jar dev.drama.bench.server.MoveBytes [moves]}.
 */
public final class MoveBytes {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private MoveBytes() {
    }

    public static void main(String[] args) {
        int moves = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        System.out.printf("%-11s %12s %12s %18s %18s%n", "move", "events/move", "bytes/move", "allocated B/move",
                "without engine");
        for (String kind : new String[] {"position", "intentions", "talk", "tell", "offer", "mix"}) {
            Room room = new Room();
            play(room, kind, moves); // warm-up: allocation is measured after the JIT has done its work
            long events0 = room.events();
            long bytes0 = room.bytes();
            long engine = 0;
            long start = allocated();
            for (int i = 0; i < moves; i++) {
                boolean boardMove = room.next(kind).equals("position") || room.next(kind).equals("intentions");
                room.move(kind);
                if (boardMove) {
                    long before = allocated();
                    DilemmaEngine.analyse(room.state.board());
                    engine += allocated() - before;
                }
            }
            long total = allocated() - start - engine;
            System.out.printf("%-11s %12.2f %12.0f %18.0f %18.0f%n", kind, (room.events() - events0) / (double) moves,
                    (room.bytes() - bytes0) / (double) moves, total / (double) moves, (total - engine) / (double) moves);
        }
    }

    private static void play(Room room, String kind, int moves) {
        for (int i = 0; i < moves; i++) {
            room.move(kind);
        }
    }

    private static long allocated() {
        return THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
    }
}
