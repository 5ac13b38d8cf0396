package dev.drama.bench.server;

/**
 * What a session sends per move, summed over its 11 seats (trainer, 6 players, 4 observers):
 * events and bytes, for each kind of move and for the load generator's mix. Deterministic,
 * so it is a count, not a timing:
 * {@code java -cp bench/target/benchmarks.jar dev.drama.bench.server.MoveBytes [moves]}.
 */
public final class MoveBytes {
    private MoveBytes() {
    }

    public static void main(String[] args) {
        int moves = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        System.out.printf("%-11s %14s %14s%n", "move", "events/move", "bytes/move");
        for (String kind : new String[] {"position", "intentions", "talk", "tell", "offer", "mix"}) {
            Room room = new Room();
            long events0 = room.events();
            long bytes0 = room.bytes();
            for (int i = 0; i < moves; i++) {
                room.move(kind);
            }
            System.out.printf("%-11s %14.2f %14.0f%n", kind, (room.events() - events0) / (double) moves,
                    (room.bytes() - bytes0) / (double) moves);
        }
    }
}
