package dev.drama.scenarios.registry;

import dev.drama.scenarios.Problem;
import dev.drama.scenarios.load.LoadResult;
import dev.drama.scenarios.load.PackFiles;
import dev.drama.scenarios.load.PackLoader;
import dev.drama.scenarios.model.Pack;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The packs a server offers: the packs bundled in the jar, plus every pack (a folder or a .zip)
 * in an optional packs folder, which is watched so that added, changed and removed packs are
 * picked up without a restart. Uploads are checked whole and installed (written into the packs
 * folder as {@code <id>.zip} when there is one); a pack with any error is refused and the
 * version in use stays in use.
 *
 * <p>Lookups return immutable {@link Pack} versions: a session keeps the one it started with.
 * Thread-safe: lookups read a snapshot without locking; changes are serialised.
 *
 * <p>When the same id comes from several places, a pack from the packs folder (or an upload)
 * wins over a bundled one; among those, the higher version wins, then the more recent.
 */
public final class PackRegistry implements AutoCloseable {
    /** The folder in the jar (or on the classpath) holding the bundled packs, one folder each. */
    public static final String BUNDLED_ROOT = "packs";
    private static final int MAX_FOLDER_FILES = 600;
    /** Hidden folder inside the packs folder keeping every version installed, for recovery. */
    public static final String ARCHIVE = ".archive";

    private final Path folder;
    private final Duration pollInterval;
    private final boolean bundled;
    private final List<Consumer<PackEvent>> listeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();

    // guarded by lock
    private final Map<String, Candidate> candidates = new LinkedHashMap<>();   // source -> loaded pack
    private final Map<String, String> fingerprints = new HashMap<>();          // folder source -> applied fingerprint
    private final Map<String, String> pending = new HashMap<>();               // folder source -> changed fingerprint, awaiting stability
    private final Map<String, List<Problem>> refused = new TreeMap<>();        // source -> problems of its last refusal
    private final Map<String, Pack> history = new HashMap<>();                 // digest -> every version installed
    private long sequence;
    private ScheduledExecutorService scanner;
    private boolean started;
    private boolean closed;

    private volatile Map<String, Pack> current = Map.of();

    private record Candidate(Pack pack, boolean fromFolder, long seq) {
    }

    /** Bundled packs plus the packs folder (may be null: bundled packs and in-memory uploads only), polled every second. */
    public PackRegistry(Path folder) {
        this(folder, Duration.ofSeconds(1), true);
    }

    /**
     * @param folder       the packs folder, or null
     * @param pollInterval how often the folder is scanned; a change is applied once it has been
     *                     stable for one interval (so a pack being copied is not read half-written)
     * @param bundled      whether to load the packs bundled in the jar
     */
    public PackRegistry(Path folder, Duration pollInterval, boolean bundled) {
        this.folder = folder;
        this.pollInterval = Objects.requireNonNull(pollInterval);
        this.bundled = bundled;
    }

    /** Called for every change; the server logs them. Listeners run on the thread that made the change. */
    public void addListener(Consumer<PackEvent> listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    public void removeListener(Consumer<PackEvent> listener) {
        listeners.remove(listener);
    }

    /** Loads the bundled packs and the packs folder, then starts watching the folder. */
    public void start() {
        List<PackEvent> events = new ArrayList<>();
        synchronized (lock) {
            if (started || closed) return;
            started = true;
            Map<String, Pack> before = current;
            if (bundled) loadBundled(events);
            if (folder != null) {
                try {
                    Files.createDirectories(folder);
                } catch (IOException e) {
                    events.add(new PackEvent(PackEvent.Kind.REFUSED, "", 0, folder.toString(), List.of(Problem.error(
                            folder.toString(), 0, 0, "cannot create the packs folder: " + e.getMessage(),
                            "check the path and its permissions"))));
                }
                for (Map.Entry<String, String> e : scanFolder().entrySet()) {
                    fingerprints.put(e.getKey(), e.getValue());
                    loadFromFolder(e.getKey(), events);
                }
            }
            publish(before, events);
            if (folder != null && !pollInterval.isZero()) {
                scanner = Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "pack-registry-scan");
                    t.setDaemon(true);
                    return t;
                });
                long ms = Math.max(50, pollInterval.toMillis());
                scanner.scheduleWithFixedDelay(this::scanQuietly, ms, ms, TimeUnit.MILLISECONDS);
            }
        }
        fire(events);
    }

    /** The pack in use with this id. */
    public Optional<Pack> find(String id) {
        return Optional.ofNullable(current.get(id));
    }

    /**
     * A given version of a pack (by its {@link Pack#digest()}), for a session recovered after a
     * restart: the version in use if it matches, else one installed earlier in this process, else
     * the copy the registry archived in {@code <packs folder>/.archive/} when it first installed it.
     */
    public Optional<Pack> find(String id, String digest) {
        Pack p = current.get(id);
        if (p != null && p.digest().equals(digest)) return Optional.of(p);
        synchronized (lock) {
            Pack h = history.get(digest);
            if (h != null && h.id().equals(id)) return Optional.of(h);
            if (folder == null || !digest.matches("[0-9a-f]{64}") || !id.matches("[A-Za-z0-9-]{1,64}")) return Optional.empty();
            Path archived = archive(id, digest);
            if (!Files.isRegularFile(archived)) return Optional.empty();
            LoadResult r = PackLoader.load(archived);
            if (r.pack().isEmpty() || !r.pack().get().digest().equals(digest)) return Optional.empty();
            history.put(digest, r.pack().get());
            return r.pack();
        }
    }

    /** Every pack in use, by id. */
    public List<Pack> list() {
        List<Pack> out = new ArrayList<>(current.values());
        out.sort(Comparator.comparing(Pack::id));
        return out;
    }

    /** The problems of the last refused load of each source (folder entries, bundled packs, uploads). */
    public Map<String, List<Problem>> refusals() {
        synchronized (lock) {
            return Collections.unmodifiableMap(new TreeMap<>(refused));
        }
    }

    /**
     * Checks and installs an uploaded zip. Refused whole (nothing changes) when it has any error,
     * or when its version is older than the one in use. Otherwise it is installed and, when there
     * is a packs folder, written there as {@code <id>.zip}. Runs the checker: call it off the
     * event loop.
     */
    public UploadResult upload(String fileName, byte[] zipBytes) {
        String name = fileName == null || fileName.isBlank() ? "upload.zip" : safeName(fileName);
        LoadResult r = PackLoader.loadZip(name, zipBytes);
        List<PackEvent> events = new ArrayList<>();
        UploadResult result;
        synchronized (lock) {
            if (closed) return new UploadResult(Optional.empty(), List.of(Problem.error(name, 0, 0,
                    "the pack registry is closed", "try again once the server is running")));
            if (r.pack().isEmpty()) {
                refused.put("upload:" + name, r.problems());
                events.add(new PackEvent(PackEvent.Kind.REFUSED, "", 0, "upload:" + name, r.problems()));
                result = new UploadResult(Optional.empty(), r.problems());
            } else {
                Pack pack = r.pack().get();
                Pack inUse = current.get(pack.id());
                if (inUse != null && inUse.version() > pack.version()) {
                    List<Problem> p = new ArrayList<>(r.problems());
                    p.add(0, Problem.error("pack.yaml", 0, 0, "this is version " + pack.version() + " of pack '" + pack.id()
                            + "', but version " + inUse.version() + " is already installed",
                            "set 'version: " + (inUse.version() + 1) + "' in pack.yaml (a new version must have a higher number)"));
                    refused.put("upload:" + name, p);
                    events.add(new PackEvent(PackEvent.Kind.REFUSED, pack.id(), pack.version(), "upload:" + name, p));
                    result = new UploadResult(Optional.empty(), p);
                } else {
                    Map<String, Pack> before = current;
                    String source;
                    result = null;
                    if (folder != null) {
                        source = pack.id() + ".zip";
                        try {
                            writeAtomically(folder.resolve(source), zipBytes);
                            fingerprints.put(source, fingerprint(folder.resolve(source)));
                            pending.remove(source);
                        } catch (IOException | RuntimeException e) {
                            List<Problem> p = List.of(Problem.error(name, 0, 0, "the pack is fine but cannot be saved in the packs folder: "
                                    + e.getMessage(), "check the server's packs folder and its free space"));
                            events.add(new PackEvent(PackEvent.Kind.REFUSED, pack.id(), pack.version(), "upload:" + name, p));
                            source = null;
                            result = new UploadResult(Optional.empty(), p);
                        }
                    } else {
                        source = "upload:" + pack.id();
                    }
                    if (source != null) {
                        refused.remove("upload:" + name);
                        refused.remove(source);
                        remember(pack, r.files());
                        candidates.put(source, new Candidate(pack, true, ++sequence));
                        publish(before, events);
                        result = new UploadResult(Optional.of(pack), r.problems());
                    }
                }
            }
        }
        fire(events);
        return result;
    }

    /** Scans the packs folder now and applies every change at once (no debounce); for tests and admin commands. */
    public void rescan() {
        scan(true);
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            if (scanner != null) scanner.shutdownNow();
        }
    }

    // ------------------------------------------------------------------ folder

    private void scanQuietly() {
        try {
            scan(false);
        } catch (RuntimeException e) {
            // never let the scanner die; the next scan tries again
        }
    }

    private void scan(boolean now) {
        if (folder == null) return;
        List<PackEvent> events = new ArrayList<>();
        synchronized (lock) {
            if (closed) return;
            Map<String, Pack> before = current;
            Map<String, String> seen = scanFolder();
            for (Map.Entry<String, String> e : seen.entrySet()) {
                String source = e.getKey();
                String fp = e.getValue();
                if (fp.equals(fingerprints.get(source))) {
                    pending.remove(source);
                    continue;
                }
                if (now || fp.equals(pending.get(source))) {   // stable for one interval
                    pending.remove(source);
                    fingerprints.put(source, fp);
                    loadFromFolder(source, events);
                } else {
                    pending.put(source, fp);
                }
            }
            for (String gone : new ArrayList<>(fingerprints.keySet())) {
                if (!seen.containsKey(gone)) {
                    fingerprints.remove(gone);
                    pending.remove(gone);
                    refused.remove(gone);
                    candidates.remove(gone);
                }
            }
            pending.keySet().retainAll(seen.keySet());
            publish(before, events);
        }
        fire(events);
    }

    private void loadFromFolder(String source, List<PackEvent> events) {
        LoadResult r = PackLoader.load(folder.resolve(source));
        if (r.pack().isPresent()) {
            refused.remove(source);
            remember(r.pack().get(), r.files());
            candidates.put(source, new Candidate(r.pack().get(), true, ++sequence));
        } else {
            refused.put(source, r.problems());
            events.add(new PackEvent(PackEvent.Kind.REFUSED, "", 0, source, r.problems()));
        }
    }

    /** source name -> fingerprint, for every pack folder and zip in the packs folder (hidden names skipped). */
    private Map<String, String> scanFolder() {
        Map<String, String> out = new TreeMap<>();
        if (folder == null || !Files.isDirectory(folder)) return out;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder)) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (n.startsWith(".") || n.endsWith(".tmp")) continue;
                if (Files.isDirectory(p) ? Files.isRegularFile(p.resolve("pack.yaml"))
                        : n.toLowerCase().endsWith(".zip") && Files.isRegularFile(p)) {
                    out.put(n, fingerprint(p));
                }
            }
        } catch (IOException | RuntimeException e) {
            return out;
        }
        return out;
    }

    /** Keeps a version for {@link #find(String, String)}: in memory, and archived as a zip in the packs folder. */
    private void remember(Pack pack, Map<String, byte[]> files) {
        history.putIfAbsent(pack.digest(), pack);
        if (folder == null || files.isEmpty()) return;
        Path target = archive(pack.id(), pack.digest());
        if (Files.exists(target)) return;
        try {
            Files.createDirectories(target.getParent());
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(bytes)) {
                for (Map.Entry<String, byte[]> e : files.entrySet()) {
                    z.putNextEntry(new ZipEntry(e.getKey()));
                    z.write(e.getValue());
                    z.closeEntry();
                }
            }
            writeAtomically(target, bytes.toByteArray());
        } catch (IOException | RuntimeException e) {
            // the archive is a convenience for recovery; the pack is installed all the same
        }
    }

    private Path archive(String id, String digest) {
        return folder.resolve(ARCHIVE).resolve(id + "-" + digest + ".zip");
    }

    private static String fingerprint(Path p) {
        try {
            if (!Files.isDirectory(p)) {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                return a.size() + "/" + a.lastModifiedTime().toMillis();
            }
            long h = 17;
            int count = 0;
            try (Stream<Path> s = Files.walk(p, 4)) {
                for (Path f : (Iterable<Path>) s.sorted()::iterator) {
                    if (++count > MAX_FOLDER_FILES) break;
                    BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
                    h = h * 31 + p.relativize(f).toString().hashCode();
                    h = h * 31 + a.size();
                    h = h * 31 + a.lastModifiedTime().toMillis();
                }
            }
            return count + ":" + Long.toHexString(h);
        } catch (IOException | RuntimeException e) {
            return "unreadable";
        }
    }

    private static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path tmp = target.resolveSibling("." + target.getFileName() + "." + System.nanoTime() + ".tmp");
        Files.write(tmp, bytes);
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String safeName(String fileName) {
        String n = fileName.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1);
        n = n.replaceAll("[^A-Za-z0-9._-]", "_");
        return n.isEmpty() ? "upload.zip" : n.length() > 80 ? n.substring(0, 80) : n;
    }

    // ------------------------------------------------------------------ bundled

    private void loadBundled(List<PackEvent> events) {
        Map<String, LoadResult> loaded = new TreeMap<>();
        try {
            URL location = PackRegistry.class.getProtectionDomain().getCodeSource().getLocation();
            Path where = Path.of(location.toURI());
            if (Files.isDirectory(where)) {
                Path root = where.resolve(BUNDLED_ROOT);
                if (Files.isDirectory(root)) {
                    try (DirectoryStream<Path> ds = Files.newDirectoryStream(root)) {
                        for (Path p : ds) {
                            if (Files.isRegularFile(p.resolve("pack.yaml"))) {
                                loaded.put(p.getFileName().toString(), PackLoader.loadFolder(p));
                            }
                        }
                    }
                }
            } else {
                loaded.putAll(loadBundledFromJar(where));
            }
        } catch (Exception e) {
            events.add(new PackEvent(PackEvent.Kind.REFUSED, "", 0, "bundled", List.of(Problem.error("bundled", 0, 0,
                    "cannot list the bundled packs: " + e, "run the server from its jar"))));
        }
        for (Map.Entry<String, LoadResult> e : loaded.entrySet()) {
            String source = "bundled:" + e.getKey();
            LoadResult r = e.getValue();
            if (r.pack().isPresent()) {
                remember(r.pack().get(), r.files());
                candidates.put(source, new Candidate(r.pack().get(), false, ++sequence));
            } else {
                refused.put(source, r.problems());
                events.add(new PackEvent(PackEvent.Kind.REFUSED, "", 0, source, r.problems()));
            }
        }
    }

    /** Bundled packs in a jar (the scenarios jar or the shaded drama.jar): entries packs/<id>/... */
    static Map<String, LoadResult> loadBundledFromJar(Path jar) throws IOException {
        Map<String, Map<String, byte[]>> byPack = new TreeMap<>();
        String prefix = BUNDLED_ROOT + "/";
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> en = zip.entries();
            while (en.hasMoreElements()) {
                ZipEntry e = en.nextElement();
                String n = e.getName();
                if (e.isDirectory() || !n.startsWith(prefix)) continue;
                String rest = n.substring(prefix.length());
                int slash = rest.indexOf('/');
                if (slash <= 0) continue;
                String id = rest.substring(0, slash);
                try (InputStream in = zip.getInputStream(e)) {
                    byte[] b = in.readNBytes(PackFiles.MAX_FILE_BYTES + 1);
                    byPack.computeIfAbsent(id, k -> new TreeMap<>()).put(rest.substring(slash + 1), b);
                }
            }
        }
        Map<String, LoadResult> out = new TreeMap<>();
        byPack.forEach((id, files) -> {
            if (files.containsKey("pack.yaml")) out.put(id, PackLoader.load("bundled:" + id, files));
        });
        return out;
    }

    // ------------------------------------------------------------------ publishing

    /** Recomputes the packs in use and adds ADDED/UPDATED/REMOVED events against {@code before}. */
    private void publish(Map<String, Pack> before, List<PackEvent> events) {
        Map<String, Candidate> best = new TreeMap<>();
        Map<String, String> sourceOf = new HashMap<>();
        for (Map.Entry<String, Candidate> e : candidates.entrySet()) {
            Candidate c = e.getValue();
            Candidate b = best.get(c.pack().id());
            if (b == null || better(c, b)) {
                best.put(c.pack().id(), c);
                sourceOf.put(c.pack().id(), e.getKey());
            }
        }
        Map<String, Pack> now = new TreeMap<>();
        best.forEach((id, c) -> now.put(id, c.pack()));
        current = Collections.unmodifiableMap(now);
        for (Map.Entry<String, Pack> e : now.entrySet()) {
            Pack old = before.get(e.getKey());
            Pack p = e.getValue();
            if (old == null) {
                events.add(new PackEvent(PackEvent.Kind.ADDED, p.id(), p.version(), sourceOf.get(p.id()), List.of()));
            } else if (old != p && !(old.digest().equals(p.digest()) && old.version() == p.version())) {
                events.add(new PackEvent(PackEvent.Kind.UPDATED, p.id(), p.version(), sourceOf.get(p.id()), List.of()));
            }
        }
        for (Map.Entry<String, Pack> e : before.entrySet()) {
            if (!now.containsKey(e.getKey())) {
                events.add(new PackEvent(PackEvent.Kind.REMOVED, e.getKey(), e.getValue().version(), e.getValue().source(), List.of()));
            }
        }
    }

    private static boolean better(Candidate c, Candidate than) {
        if (c.fromFolder() != than.fromFolder()) return c.fromFolder();
        if (c.pack().version() != than.pack().version()) return c.pack().version() > than.pack().version();
        return c.seq() > than.seq();
    }

    private void fire(List<PackEvent> events) {
        for (PackEvent e : events) {
            for (Consumer<PackEvent> l : listeners) {
                try {
                    l.accept(e);
                } catch (RuntimeException ex) {
                    // a listener's failure must not stop the registry
                }
            }
        }
    }


}
