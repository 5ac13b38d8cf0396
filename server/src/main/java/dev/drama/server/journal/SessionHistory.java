package dev.drama.server.journal;

import dev.drama.proto.JournalRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A session's history as a starting server finds it: the records of its journal file, then
 * its records in the log after them. Each record's seq is one more than the last; a record
 * missing from the log (damaged) shows as a gap, and the history stops before it, as it
 * stops at damage in the file: a session is never replayed with a hole in it.
 *
 * @param records     the records to replay, in order
 * @param fromFile    how many of them came from the journal file; the rest are {@code inLog}
 * @param inLog       the session's entries in the log after its file, in order
 * @param tail        all of the session's entries in the log after its file, those after a loss too
 * @param loss        where the history stopped short of what was written, if it did
 * @param lastSeqSeen the highest seq of the session anywhere (lost records included): a record
 *                    written after recovery must come after all of them
 */
public record SessionHistory(List<JournalRecord> records, int fromFile, List<LogRecovery.Entry> inLog,
                             List<LogRecovery.Entry> tail, Optional<Loss> loss, long lastSeqSeen, JournalCodec.Contents file) {

    /** What was lost: from record {@code record} (counted from 1) at byte {@code offset} of {@code where}. */
    public record Loss(int record, long offset, long lostBytes, String what, String where) {
        /** As the trainers' notice words it. */
        public String detail() {
            return where.isEmpty() ? what : what + ", in " + where;
        }
    }

    /**
     * Assembles a session's history from its file's contents and, in log order, its entries
     * and the damage in the log that names it or names no session.
     */
    public static SessionHistory assemble(JournalCodec.Contents file, List<LogRecovery.Entry> entries,
                                          List<LogRecovery.Damage> damages) {
        List<JournalRecord> records = new ArrayList<>(file.records());
        long fileLast = records.isEmpty() ? -1 : records.get(records.size() - 1).getSeq();
        long lastSeq = fileLast;
        long lastSeqSeen = entries.stream().mapToLong(e -> e.record().getSeq()).max().orElse(-1);
        lastSeqSeen = Math.max(lastSeq, lastSeqSeen);
        Optional<Loss> loss = file.damage().map(d -> new Loss(d.record(), d.offset(),
                d.inHeader() ? 0 : file.fileLength() - d.offset(), d.what(), ""));
        // Entries up to the file's last record are copies of what the file holds.
        List<LogRecovery.Entry> tail = entries.stream().filter(e -> e.record().getSeq() > fileLast).toList();
        List<LogRecovery.Entry> kept = new ArrayList<>();
        if (loss.isPresent() && loss.get().lostBytes() > 0) {
            // Records after damage in the file cannot follow it: they are lost with it.
            return new SessionHistory(records, records.size(), List.of(), tail, loss, lastSeqSeen, file);
        }
        for (int i = 0; i < tail.size(); i++) {
            LogRecovery.Entry e = tail.get(i);
            if (e.record().getSeq() != lastSeq + 1) {
                Optional<LogRecovery.Damage> cause = damages.stream().filter(d -> before(d, e)).reduce((a, b) -> b);
                long lost = tail.subList(i, tail.size()).stream().mapToLong(LogRecovery.Entry::length).sum();
                loss = Optional.of(cause.map(d -> lossAt(records.size(), d, lost + d.length())).orElseGet(() ->
                        new Loss(records.size() + 1, e.offset(), lost, "a record before it is missing from the log",
                                segmentName(e.segment()))));
                return new SessionHistory(records, file.records().size(), kept, tail, loss, lastSeqSeen, file);
            }
            records.add(e.record());
            kept.add(e);
            lastSeq = e.record().getSeq();
        }
        // Damage naming this session after its last record: its latest record(s) may be what was damaged.
        LogRecovery.Entry last = kept.isEmpty() ? null : kept.get(kept.size() - 1);
        Optional<LogRecovery.Damage> after = damages.stream()
                .filter(d -> !d.sessionHint().isEmpty() && (last == null || !before(d, last))).findFirst();
        if (after.isPresent() && !records.isEmpty()) {
            loss = Optional.of(lossAt(records.size(), after.get(), after.get().length()));
        }
        return new SessionHistory(records, file.records().size(), kept, tail, loss, lastSeqSeen, file);
    }

    private static Loss lossAt(int recordsBefore, LogRecovery.Damage d, long lostBytes) {
        return new Loss(recordsBefore + 1, d.offset(), lostBytes, d.what(), segmentName(d.segment()));
    }

    private static boolean before(LogRecovery.Damage d, LogRecovery.Entry e) {
        return d.segment() < e.segment() || d.segment() == e.segment() && d.offset() < e.offset();
    }

    static String segmentName(long segment) {
        return "log segment " + SegmentedLog.path(Path.of(""), segment);
    }

    /** The history cut before record {@code index} (counted from 0), which cannot be replayed. */
    public SessionHistory cutAt(int index, String why) {
        long offset;
        long lost = inLog.subList(Math.max(0, index - fromFile), inLog.size()).stream()
                .mapToLong(LogRecovery.Entry::length).sum();
        String where = "";
        if (index < fromFile) {
            offset = index == 0 ? JournalCodec.headerLength() : file.ends().get(index - 1);
            lost += file.validLength() - offset;
        } else {
            LogRecovery.Entry e = inLog.get(index - fromFile);
            offset = e.offset();
            where = segmentName(e.segment());
        }
        return new SessionHistory(records.subList(0, index), Math.min(index, fromFile),
                inLog.subList(0, Math.max(0, index - fromFile)), tail,
                Optional.of(new Loss(index + 1, offset, lost, why, where)), lastSeqSeen, file);
    }

    /** Every record of the session that was found, in order, those after a loss too. */
    public List<JournalRecord> found() {
        List<JournalRecord> all = new ArrayList<>(file.records());
        tail.forEach(e -> all.add(e.record()));
        return all;
    }

    /**
     * Reads a session's history from a data folder without changing anything (no repair, no
     * report): what a restarted server would replay. For tools and tests.
     */
    public static SessionHistory read(Path sessionsDir, Path logDir, String sessionId) throws IOException {
        List<LogRecovery.Entry> entries = new ArrayList<>();
        List<LogRecovery.Damage> damages = new ArrayList<>();
        List<Long> segments = SegmentedLog.segments(logDir);
        for (int i = 0; i < segments.size(); i++) {
            long n = segments.get(i);
            LogRecovery.Segment s = LogRecovery.read(n, Files.readAllBytes(SegmentedLog.path(logDir, n)),
                    i == segments.size() - 1);
            s.entries().stream().filter(e -> e.sessionId().equals(sessionId)).forEach(entries::add);
            s.damages().stream().filter(d -> d.sessionHint().equals(sessionId)).forEach(damages::add);
        }
        return assemble(JournalCodec.read(sessionsDir.resolve(sessionId).resolve(Journal.FILE)), entries, damages);
    }

    /** Every session's entries, in log order. */
    static Map<String, List<LogRecovery.Entry>> bySession(List<LogRecovery.Entry> entries) {
        return entries.stream().collect(Collectors.groupingBy(LogRecovery.Entry::sessionId,
                java.util.LinkedHashMap::new, Collectors.toList()));
    }
}
