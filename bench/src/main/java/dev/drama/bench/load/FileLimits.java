package dev.drama.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The open-files limit of this process (each connection is a file descriptor, in the generator
 * and again in the server child, which inherits the limit). Checked before a run, so a large run
 * fails at once with what to do, not half-way through its setup with "Too many open files".
 */
final class FileLimits {
    private FileLimits() {
    }

    /** The soft limit on open files, from /proc/self/limits; -1 where that cannot be read (not Linux). */
    static long openFiles() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (line.startsWith("Max open files")) {
                    String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
                    return soft.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(soft);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: nothing to check
        }
        return -1;
    }

    static void requireOpenFiles(long needed, int connections) {
        long limit = openFiles();
        if (limit >= 0 && limit < needed) {
            throw new IllegalStateException(String.format(Locale.ROOT, "%d connections need about %d open files in the"
                    + " generator and again in the server; the limit here is %d. Run through bench/run-load, which raises"
                    + " `ulimit -n` as far as allowed, or raise the hard limit (/etc/security/limits.conf, or"
                    + " docker run --ulimit nofile=65536:65536)", connections, needed, limit));
        }
    }
}
