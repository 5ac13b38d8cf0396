package dev.drama.bench.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Both servers in a child JVM ({@link ServerMain}) on this JVM's class path: its heap and
 * CPU are the servers' alone, read by the child from its own MemoryMXBean and
 * OperatingSystemMXBean and reported over its standard output.
 */
final class ChildTarget implements Target {
    private final Process process;
    private final BufferedReader out;
    private final PrintStream in;
    private final int dramaPort;
    private final int echoPort;
    private final String secret;
    private final String jvmArgs;

    ChildTarget(String jvmArgs, int commandsPerSecond, int commandBurst, int offersPerMinute, int maxSessions,
                int maxPerAddress, String dataDir) {
        this.jvmArgs = jvmArgs;
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.javaBinary());
        for (String a : jvmArgs.trim().split("\\s+")) {
            if (!a.isEmpty()) {
                cmd.add(a);
            }
        }
        cmd.add("-Ddrama.log.level=" + System.getProperty("drama.log.level", "WARN"));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), ServerMain.class.getName(),
                String.valueOf(commandsPerSecond), String.valueOf(commandBurst), String.valueOf(offersPerMinute),
                String.valueOf(maxSessions),
                String.valueOf(maxPerAddress), dataDir == null ? "" : dataDir));
        try {
            process = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            in = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
            String ready = expect("READY");
            String[] f = ready.split(" ");
            dramaPort = Integer.parseInt(f[1]);
            echoPort = Integer.parseInt(f[2]);
            secret = f[3];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Path {
        static String javaBinary() {
            return java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
        }
    }

    private String expect(String prefix) throws IOException {
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        throw new IOException("the server process ended (exit " + exitCode() + ") before saying " + prefix);
    }

    private String exitCode() {
        try {
            return process.waitFor(2, TimeUnit.SECONDS) ? String.valueOf(process.exitValue()) : "still running";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    private synchronized String ask(String command, String prefix) {
        in.println(command);
        try {
            return expect(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override public int dramaPort() { return dramaPort; }
    @Override public int echoPort() { return echoPort; }
    @Override public String trainerSecret() { return secret; }

    @Override
    public long heapAfterGc() {
        return Long.parseLong(ask("gc", "HEAP").split(" ")[1]);
    }

    @Override
    public Sample sample() {
        String[] f = ask("sample", "SAMPLE").split(" ");
        return new Sample(Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4]),
                Long.parseLong(f[5]));
    }

    @Override
    public String describe() {
        return "child JVM pid " + process.pid() + " (" + jvmArgs.trim() + "): heap and CPU are the servers' alone";
    }

    @Override
    public Memory memory() {
        String[] f = ask("memory", "MEMORY").split(" ");
        return new Memory(Long.parseLong(f[1]), Long.parseLong(f[2]));
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        try {
            ask("quit", "BYE");
        } catch (RuntimeException e) {
            // already gone
        }
        in.close();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroy();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroy();
        }
    }
}
