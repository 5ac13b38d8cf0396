package dev.drama.bench.load;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The child JVM of the load generator: runs the drama server and the echo server, prints
 * {@code READY <drama port> <echo port> <trainer secret>}, then answers one-word commands on
 * standard input ({@code gc}: heap after a full GC; {@code sample}: heap, CPU and GC now;
 * {@code memory}: heap now and after the latest collection, without collecting; {@code quit}).
 * It stops when its input closes, so it never outlives the generator.
 *
 * <p>Arguments: commandsPerSecond commandBurst offersPerMinute maxSessions maxConnectionsPerAddress [dataDir]
 * (0: the server's default)
 */
public final class ServerMain {
    private ServerMain() {
    }

    public static void main(String[] args) throws Exception {
        var limits = InProcessTarget.limits(Integer.parseInt(args[0]), Integer.parseInt(args[1]),
                Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
        Path data = null;
        if (args.length > 5 && !args[5].isEmpty()) {
            // a fresh folder under the one asked for (e.g. /dev/shm, where fsync costs nothing), deleted at the end
            java.nio.file.Files.createDirectories(Path.of(args[5]));
            data = java.nio.file.Files.createTempDirectory(Path.of(args[5]), "drama-load");
        }
        InProcessTarget target = new InProcessTarget(limits, data);
        System.out.println("READY " + target.dramaPort() + " " + target.echoPort() + " " + target.trainerSecret());
        System.out.flush();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                switch (line.trim()) {
                    case "gc" -> System.out.println("HEAP " + Target.Sample.heapAfterGcOfThisJvm());
                    case "sample" -> {
                        Target.Sample s = Target.Sample.ofThisJvm();
                        System.out.println("SAMPLE " + s.heapUsed() + " " + s.cpuNanos() + " " + s.wallNanos()
                                + " " + s.gcCount() + " " + s.gcMillis());
                    }
                    case "memory" -> {
                        Target.Memory m = Target.Memory.ofThisJvm();
                        System.out.println("MEMORY " + m.heapUsed() + " " + m.heapAfterLastGc());
                    }
                    case "quit" -> {
                        target.close();
                        System.out.println("BYE");
                        System.out.flush();
                        return;
                    }
                    default -> System.out.println("? " + line);
                }
                System.out.flush();
            }
        }
        target.close();
    }
}
