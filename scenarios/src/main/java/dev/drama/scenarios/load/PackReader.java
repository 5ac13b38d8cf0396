package dev.drama.scenarios.load;

import dev.drama.engine.Analysis;
import dev.drama.engine.Board;
import dev.drama.engine.DilemmaEngine;
import dev.drama.engine.Preference;
import dev.drama.engine.StatementException;
import dev.drama.scenarios.Problem;
import dev.drama.scenarios.guide.FacilitatorGuide;
import dev.drama.scenarios.model.Change;
import dev.drama.scenarios.model.Doubt;
import dev.drama.scenarios.model.Inject;
import dev.drama.scenarios.model.Pack;
import dev.drama.scenarios.model.PackCharacter;
import dev.drama.scenarios.model.PackOption;
import dev.drama.scenarios.model.Phase;
import dev.drama.scenarios.model.Players;
import dev.drama.scenarios.model.PreferenceSpec;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and checks one pack. Every problem is collected (nothing stops at the first); the pack
 * is returned only when there is no error. Never throws.
 */
final class PackReader {
    static final String YAML = "pack.yaml";
    static final Pattern PACK_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,63}");
    static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,39}");
    static final Pattern AT = Pattern.compile("\\s*([A-Za-z][A-Za-z0-9_]*)\\s*(?:\\+\\s*(\\d{1,4})\\s*)?");
    static final int MIN_BRIEFING_WORDS = 150;
    static final int MAX_CHARACTERS = 30;
    static final int MAX_OPTIONS = 48;
    static final int MAX_STATEMENTS = 30;
    static final int MAX_INJECTS = 60;
    static final int MAX_RANKED_OPTIONS = 10;
    /** Longer labels need a 'short' form (a warning): advice often names three or four options in a sentence. */
    static final int MAX_LABEL_WITHOUT_SHORT = 40;
    static final int MAX_PROBLEMS = 200;

    static final Set<String> TOP = ordered("id", "title", "version", "authors", "introduction", "facilitator", "players",
            "characters", "options", "preferences", "positions", "intentions", "doubts", "phases", "injects");
    /** The phases a session goes through, in order (the server's names). */
    static final Set<String> PHASES = ordered("briefing", "negotiation", "momentOfTruth", "reveal", "debrief");
    static final Set<String> CHARACTER = ordered("id", "name", "description", "briefing", "mandate", "playable", "stance");
    static final Set<String> OPTION = ordered("id", "owner", "label", "short", "statusQuo", "description");
    static final Set<String> PREFERENCE = ordered("statements", "ranking");
    static final Set<String> PLAYERS = ordered("min", "max");
    static final Set<String> DOUBT = ordered("holder", "about");
    static final Set<String> INJECT = ordered("id", "title", "at", "text", "changes");
    static final Set<String> CHANGE = ordered("addOption", "setPreference", "addCharacter");
    static final Set<String> SET_PREFERENCE = ordered("character", "statements", "ranking");
    static final Set<String> ADD_CHARACTER = ordered("id", "name", "description", "briefing", "mandate", "playable",
            "stance", "statements", "ranking");

    private final PackFiles files;
    private final List<Problem> problems = new ArrayList<>();
    private final MessageDigest digest;
    private String[] yamlLines = new String[0];
    private final Map<String, byte[]> filesRead = new LinkedHashMap<>();

    // what was read
    private String id;
    private String title;
    private int version;
    private final List<String> authors = new ArrayList<>();
    private String introFile;
    private String intro;
    private String facilitatorFile;
    private String facilitator;
    private Players players;
    private final List<PackCharacter> characters = new ArrayList<>();
    private final Map<String, YNode> characterAt = new HashMap<>();
    private final Set<String> characterIdsSeen = new LinkedHashSet<>();
    private final Set<String> optionIdsSeen = new LinkedHashSet<>();
    private final Set<String> phaseNamesSeen = new LinkedHashSet<>();
    private boolean charactersComplete;
    private final List<PackOption> options = new ArrayList<>();
    private final Map<String, YNode> optionAt = new HashMap<>();
    private final Map<String, PreferenceSpec> preferences = new LinkedHashMap<>();
    private final Map<String, YNode.Key> preferenceAt = new HashMap<>();
    private final Map<String, Map<String, Boolean>> positions = new LinkedHashMap<>();
    private final Map<String, Map<String, Boolean>> intentions = new LinkedHashMap<>();
    private final List<Doubt> doubts = new ArrayList<>();
    private final List<Phase> phases = new ArrayList<>();
    private final List<Inject> injects = new ArrayList<>();
    private final Map<String, YNode> injectAt = new HashMap<>();

    private PackReader(PackFiles files) {
        this.files = files;
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        this.digest = md;
    }

    static LoadResult read(PackFiles files) {
        try {
            return new PackReader(files).run();
        } catch (RuntimeException | StackOverflowError e) {
            return new LoadResult(Optional.empty(), List.of(Problem.error(YAML, 0, 0,
                    "the checker failed on this pack (" + e.getClass().getSimpleName() + ": "
                            + YamlTree.firstLine(String.valueOf(e.getMessage())) + ")",
                    "this is a bug in the checker; please report it with the pack attached")), false);
        }
    }

    private LoadResult run() {
        if (files.unreadable()) {
            List<Problem> p = new ArrayList<>(files.openingProblems());
            if (p.isEmpty()) {
                p.add(Problem.error(files.describe(), 0, 0, "cannot read " + files.describe() + ": not a pack folder or a zip",
                        "give the path of a pack folder (holding pack.yaml) or of a .zip of one"));
            }
            return new LoadResult(Optional.empty(), p, true);
        }
        problems.addAll(files.openingProblems());
        if (!problems.isEmpty()) return finish(null);
        String text = readText(YAML, null, "pack.yaml", true);
        if (text == null) return finish(null);
        yamlLines = text.split("\r\n|\r|\n", -1);
        YNode root = YamlTree.parse(YAML, text, problems);
        if (root == null) return finish(null);
        if (!(root instanceof YNode.Map top)) {
            err(root, "pack.yaml must be a mapping of fields (id:, title:, characters: ...), not " + root.kindWords(),
                    "start from the example in the authors' reference (scenarios/README.md)");
            return finish(null);
        }
        readTop(top);
        check(top);
        if (hasErrors()) return finish(null);
        Pack pack = new Pack(id, title, version, authors, introFile, intro, facilitatorFile, facilitator, players,
                characters, options, preferences, positions, intentions, doubts, phases, injects,
                files.describe(), hex(digest.digest()));
        checkWithEngine(pack, top);
        return finish(hasErrors() ? null : pack);
    }

    private LoadResult finish(Pack pack) {
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparing((Problem p) -> p.isError() ? 0 : 1)
                .thenComparing(p -> p.file().equals(YAML) ? "" : p.file())
                .thenComparingInt(Problem::line).thenComparingInt(Problem::column));
        if (sorted.size() > MAX_PROBLEMS) {
            int more = sorted.size() - MAX_PROBLEMS;
            sorted = new ArrayList<>(sorted.subList(0, MAX_PROBLEMS));
            sorted.add(Problem.error(YAML, 0, 0, "... and " + more + " more problems",
                    "fix the ones above first; many of the others may be consequences"));
        }
        return new LoadResult(Optional.ofNullable(pack), sorted, false, filesRead);
    }

    // ------------------------------------------------------------------ top level

    private void readTop(YNode.Map top) {
        unknownKeys(top, TOP, "pack.yaml");
        id = scalarText(top, "id", "pack.yaml", true);
        if (id != null && !PACK_ID.matcher(id).matches()) {
            err(top.get("id"), "'" + id + "' is not a valid pack id",
                    "use letters, digits and '-' only, starting with a letter or digit (e.g. '" + slug(id, true) + "')");
            id = null;
        }
        title = scalarText(top, "title", "pack.yaml", true);
        if (title != null && title.isBlank()) {
            err(top.get("title"), "the title is empty", "give the pack a title people will recognise");
        }
        YNode v = top.get("version");
        if (v == null) {
            missing(top, "version", "pack.yaml", "add 'version: 1' (and bump it whenever you change the pack)");
        } else if (v instanceof YNode.Scalar s && s.type() == YNode.ScalarType.INT && parseInt(s.text()) > 0) {
            version = parseInt(s.text());
        } else {
            err(v, "version must be a whole number from 1 up, not " + describe(v),
                    "write e.g. 'version: 1' (no quotes) and bump it whenever you change the pack");
        }
        YNode a = top.get("authors");
        if (a instanceof YNode.Seq seq) {
            for (YNode item : seq.items()) {
                String s = scalarString(item, "an author");
                if (s != null) authors.add(s);
            }
        } else if (a instanceof YNode.Scalar s && s.type() == YNode.ScalarType.STRING) {
            authors.add(s.text());
        } else if (a != null && !(a instanceof YNode.Scalar sc && sc.isNull())) {
            err(a, "authors must be a list of names, not " + a.kindWords(), "write e.g. authors: [\"A. Author\"]");
        }
        introFile = scalarText(top, "introduction", "pack.yaml", true);
        if (introFile != null) intro = readText(introFile, top.get("introduction"), "the introduction", false);
        facilitatorFile = scalarText(top, "facilitator", "pack.yaml", true);
        if (facilitatorFile != null) {
            facilitator = readText(facilitatorFile, top.get("facilitator"), "the facilitator guide", false);
        }
        readPlayers(top);
        readCharacters(top);
        readOptions(top);
        readPreferences(top);
        positions.putAll(readFixes(top, "positions"));
        intentions.putAll(readFixes(top, "intentions"));
        readDoubts(top);
        readPhases(top);
        readInjects(top);
    }

    private void readPlayers(YNode.Map top) {
        YNode v = top.get("players");
        if (v == null) {
            missing(top, "players", "pack.yaml", "add e.g. 'players: {min: 3, max: 5}': how many trainees the pack is written for");
            return;
        }
        YNode.Map m = asMap(v, "players", "write e.g. 'players: {min: 3, max: 5}'");
        if (m == null) return;
        unknownKeys(m, PLAYERS, "players");
        Integer min = positiveInt(m, "min", "players");
        Integer max = positiveInt(m, "max", "players");
        if (min != null && max != null) {
            if (min > max) {
                err(m, "players min (" + min + ") is more than max (" + max + ")", "make min at most max");
            }
            players = new Players(min, max);
        }
    }

    private void readCharacters(YNode.Map top) {
        YNode v = top.get("characters");
        if (v == null) {
            missing(top, "characters", "pack.yaml", "add a 'characters:' list (see the authors' reference)");
            return;
        }
        YNode.Seq seq = asSeq(v, "characters", "write 'characters:' followed by a list of '- id: ...' entries");
        if (seq == null) return;
        if (seq.items().isEmpty()) err(seq, "there are no characters", "add at least two characters");
        if (seq.items().size() > MAX_CHARACTERS) {
            err(seq, "there are " + seq.items().size() + " characters; the most a pack may have is " + MAX_CHARACTERS,
                    "merge minor characters or leave them to the introduction");
        }
        charactersComplete = true;
        for (YNode item : seq.items()) {
            seenId(item, characterIdsSeen);
            PackCharacter c = readCharacter(item, "character", CHARACTER);
            if (c == null) charactersComplete = false;
            if (c == null) continue;
            if (characterAt.containsKey(c.id())) {
                YNode first = characterAt.get(c.id());
                err(idNode(item), "character id '" + c.id() + "' is used twice (first on line " + first.line() + ")",
                        "give each character its own id");
                continue;
            }
            characterAt.put(c.id(), item);
            characters.add(c);
        }
    }

    /** A character entry (also used by addCharacter, with more allowed keys). */
    private PackCharacter readCharacter(YNode item, String what, Set<String> allowed) {
        YNode.Map m = asMap(item, what, "write each character as a mapping: '- id: ...', 'name: ...'");
        if (m == null) return null;
        String cid = id(m, what);
        String where = cid == null ? what : what.replace("character", "character '" + cid + "'");
        unknownKeys(m, allowed, where);
        String name = scalarText(m, "name", where, true);
        String description = scalarText(m, "description", where, true);
        String briefingFile = scalarText(m, "briefing", where, true);
        String mandate = scalarText(m, "mandate", where, false);
        Boolean playable = bool(m, "playable", where, true);
        String stance = stance(m, where);
        String briefing = null;
        if (briefingFile != null) {
            briefing = readText(briefingFile, m.get("briefing"), "the briefing of " + where, false);
            if (briefing != null && !briefing.isEmpty()) {
                int words = words(briefing);
                if (words < MIN_BRIEFING_WORDS) {
                    warn(briefingFile, 0, 0, "the briefing of " + where + " has only " + words + " words",
                            "a briefing of at least " + MIN_BRIEFING_WORDS + " words gives a player enough to act on: "
                                    + "who they are, what they want, what they fear, what they can promise or threaten");
                }
            }
        }
        if (cid == null || name == null || description == null || briefingFile == null || playable == null) return null;
        return new PackCharacter(cid, name, description, briefingFile, briefing == null ? "" : briefing,
                mandate == null ? "" : mandate, playable, stance == null ? "" : stance);
    }

    /** A character's default stance for the computer: one of the stances it knows. */
    private String stance(YNode.Map m, String where) {
        String word = scalarText(m, "stance", where, false);
        if (word == null) {
            return null;
        }
        String stance = word.strip().toLowerCase(java.util.Locale.ROOT);
        if (PackCharacter.STANCES.contains(stance)) {
            return stance;
        }
        err(m.get("stance"), "unknown stance '" + word + "' for " + where + Suggest.didYouMean(word, PackCharacter.STANCES),
                "use one of: " + String.join(", ", PackCharacter.STANCES));
        return null;
    }

    private void readOptions(YNode.Map top) {
        YNode v = top.get("options");
        if (v == null) {
            missing(top, "options", "pack.yaml", "add an 'options:' list (see the authors' reference)");
            return;
        }
        YNode.Seq seq = asSeq(v, "options", "write 'options:' followed by a list of '- id: ...' entries");
        if (seq == null) return;
        if (seq.items().isEmpty()) err(seq, "there are no options", "add the yes/no decisions the characters own");
        if (seq.items().size() > MAX_OPTIONS) {
            err(seq, "there are " + seq.items().size() + " options; the most a pack may have is " + MAX_OPTIONS,
                    "keep the options the drama turns on; most decisions are easy and need no option");
        }
        for (YNode item : seq.items()) {
            seenId(item, optionIdsSeen);
            PackOption o = readOption(item, "option");
            if (o == null) continue;
            if (optionAt.containsKey(o.id())) {
                err(idNode(item), "option id '" + o.id() + "' is used twice (first on line " + optionAt.get(o.id()).line() + ")",
                        "give each option its own id");
                continue;
            }
            optionAt.put(o.id(), item);
            options.add(o);
        }
    }

    private PackOption readOption(YNode item, String what) {
        YNode.Map m = asMap(item, what, "write each option as a mapping: '- id: ...', 'owner: ...', 'label: ...'");
        if (m == null) return null;
        String oid = id(m, what);
        String where = oid == null ? what : what.replace("option", "option '" + oid + "'");
        unknownKeys(m, OPTION, where);
        String owner = scalarText(m, "owner", where, true);
        String label = scalarText(m, "label", where, true);
        Boolean sq = bool(m, "statusQuo", where, false);
        String description = scalarText(m, "description", where, false);
        String shortLabel = scalarText(m, "short", where, false);
        if (oid == null || owner == null || label == null || sq == null) return null;
        return new PackOption(oid, owner, label, sq, description == null ? "" : description, shortLabel);
    }

    private void readPreferences(YNode.Map top) {
        YNode v = top.get("preferences");
        if (v == null) {
            missing(top, "preferences", "pack.yaml", "add 'preferences:' with statements for each character");
            return;
        }
        YNode.Map m = asMap(v, "preferences", "write 'preferences:' followed by one entry per character id");
        if (m == null) return;
        for (YNode.Entry e : m.entries().values()) {
            String who = e.key().name();
            preferenceAt.put(who, e.key());
            PreferenceSpec spec = readPreferenceSpec(e.value(), "the preferences of '" + who + "'", PREFERENCE, null);
            if (spec != null) preferences.put(who, spec);
        }
    }

    /** statements: [...] or ranking: [[...]] in a mapping (keys beyond those are checked by the caller if extra != null). */
    private PreferenceSpec readPreferenceSpec(YNode v, String where, Set<String> allowed, List<String> rankingOptions) {
        YNode.Map m = asMap(v, where, "write 'statements:' followed by a list of statements, most important first");
        if (m == null) return null;
        if (allowed == PREFERENCE) unknownKeys(m, PREFERENCE, where);
        YNode st = m.get("statements");
        YNode rk = m.get("ranking");
        if (st != null && rk != null) {
            err(m.key("ranking").line(), m.key("ranking").column(), where + " give both statements and a ranking",
                    "keep one of them: statements for most packs, a ranking only for boards of a few options");
            return null;
        }
        if (st == null && rk == null) {
            err(m, where + " give neither statements nor a ranking",
                    "add 'statements:' with a list of conditions, most important first");
            return null;
        }
        if (st != null) {
            YNode.Seq seq = asSeq(st, "statements", "write statements as a list: statements: [\"a -> b\", \"!c\"]");
            if (seq == null) return null;
            if (seq.items().size() > MAX_STATEMENTS) {
                err(seq, where + " have " + seq.items().size() + " statements; the most is " + MAX_STATEMENTS,
                        "keep the statements that matter; the later ones weigh almost nothing");
                return null;
            }
            List<String> out = new ArrayList<>();
            boolean ok = true;
            for (YNode item : seq.items()) {
                if (item instanceof YNode.Scalar s && s.type() != YNode.ScalarType.NULL) {
                    out.add(s.text());
                } else {
                    err(item, "a statement must be text like \"patrols -> funding\", not " + describe(item),
                            "put the statement in double quotes");
                    ok = false;
                }
            }
            if (!ok) return null;
            PreferenceSpec spec = PreferenceSpec.ofStatements(out);
            specNodes.put(spec, seq);
            return spec;
        }
        YNode.Seq seq = asSeq(rk, "ranking", "write the ranking as a list of futures: ranking: [[true, false], [false, false]]");
        if (seq == null) return null;
        if (seq.items().isEmpty()) {
            err(seq, where + " give an empty ranking", "list complete futures, best first");
            return null;
        }
        List<List<Boolean>> ranking = new ArrayList<>();
        List<YNode.Seq> rows = new ArrayList<>();
        for (YNode f : seq.items()) {
            YNode.Seq fs = asSeq(f, "a ranked future", "write each future as a list of true/false, one per option: [true, false, true]");
            if (fs == null) return null;
            List<Boolean> values = new ArrayList<>();
            for (YNode x : fs.items()) {
                if (x instanceof YNode.Scalar s && s.type() == YNode.ScalarType.BOOLEAN) {
                    values.add(Boolean.parseBoolean(s.text().toLowerCase()));
                } else {
                    err(x, "a ranked future holds true or false for each option, not " + describe(x), "write true or false");
                    return null;
                }
            }
            ranking.add(values);
            rows.add(fs);
        }
        PreferenceSpec spec = PreferenceSpec.ofRanking(ranking, rankingOptions == null ? List.of("?") : rankingOptions);
        specNodes.put(spec, seq);
        rankingRows.put(spec, rows);
        return spec;
    }

    // Where each spec and statement was written, for the checks that follow.
    private final Map<PreferenceSpec, YNode.Seq> specNodes = new java.util.IdentityHashMap<>();
    private final Map<PreferenceSpec, List<YNode.Seq>> rankingRows = new java.util.IdentityHashMap<>();

    private Map<String, Map<String, Boolean>> readFixes(YNode.Map top, String field) {
        Map<String, Map<String, Boolean>> out = new LinkedHashMap<>();
        YNode v = top.get(field);
        if (v == null || v instanceof YNode.Scalar s && s.isNull()) return out;
        YNode.Map m = asMap(v, field, "write '" + field + ":' followed by 'character: {option: true, ...}' lines");
        if (m == null) return out;
        for (YNode.Entry e : m.entries().values()) {
            String who = e.key().name();
            if (e.value() instanceof YNode.Scalar s && s.isNull()) {
                out.put(who, Map.of());
                fixesAt.put(field + "/" + who, e);
                continue;
            }
            YNode.Map fm = asMap(e.value(), "the " + field + " of '" + who + "'", "write e.g. " + who + ": {option_id: true}");
            if (fm == null) continue;
            Map<String, Boolean> values = new LinkedHashMap<>();
            for (YNode.Entry f : fm.entries().values()) {
                if (f.value() instanceof YNode.Scalar s && s.type() == YNode.ScalarType.BOOLEAN) {
                    values.put(f.key().name(), Boolean.parseBoolean(s.text().toLowerCase()));
                } else {
                    err(f.value(), "the " + field + " of '" + who + "' on '" + f.key().name() + "' must be true or false, not "
                            + describe(f.value()), "write true or false");
                }
            }
            out.put(who, values);
            fixesAt.put(field + "/" + who, e);
            fixMaps.put(field + "/" + who, fm);
        }
        return out;
    }

    private final Map<String, YNode.Entry> fixesAt = new HashMap<>();
    private final Map<String, YNode.Map> fixMaps = new HashMap<>();

    private void readDoubts(YNode.Map top) {
        YNode v = top.get("doubts");
        if (v == null || v instanceof YNode.Scalar s && s.isNull()) return;
        YNode.Seq seq = asSeq(v, "doubts", "write e.g. doubts: [{holder: chair, about: council}]");
        if (seq == null) return;
        for (YNode item : seq.items()) {
            YNode.Map m = asMap(item, "a doubt", "write e.g. {holder: chair, about: council}");
            if (m == null) continue;
            unknownKeys(m, DOUBT, "a doubt");
            String holder = scalarText(m, "holder", "a doubt", true);
            String about = scalarText(m, "about", "a doubt", true);
            if (holder != null && about != null) {
                Doubt d = new Doubt(holder, about);
                doubts.add(d);
                doubtAt.put(d, m);
            }
        }
    }

    private final Map<Doubt, YNode.Map> doubtAt = new java.util.IdentityHashMap<>();

    private void readPhases(YNode.Map top) {
        YNode v = top.get("phases");
        if (v == null) {
            missing(top, "phases", "pack.yaml", "add e.g. 'phases: {briefing: 10, negotiation: 40, momentOfTruth: 5}' (minutes)");
            return;
        }
        YNode.Map m = asMap(v, "phases", "write e.g. 'phases: {briefing: 10, negotiation: 40, momentOfTruth: 5}' (minutes)");
        if (m == null) return;
        if (m.entries().isEmpty()) err(m, "there are no phases", "add e.g. 'briefing: 10' and 'negotiation: 40' (minutes)");
        for (YNode.Entry e : m.entries().values()) {
            String name = e.key().name();
            if (!PHASES.contains(name)) {
                err(e.key().line(), e.key().column(), "unknown phase '" + name + "'" + Suggest.didYouMean(name, PHASES),
                        "the phases of a session are " + String.join(", ", PHASES) + " (in that order)");
                continue;
            }
            phaseNamesSeen.add(name);
            YNode d = e.value();
            if (d instanceof YNode.Scalar s && s.isNull()) {
                err(e.key().line(), e.key().column(), "phase '" + name + "' has no duration",
                        "give its length in minutes, e.g. '" + name + ": 20'");
            } else if (d instanceof YNode.Scalar s && s.type() == YNode.ScalarType.INT && parseInt(s.text()) > 0
                    && parseInt(s.text()) <= 24 * 60) {
                phases.add(new Phase(name, parseInt(s.text())));
            } else {
                err(d, "the duration of phase '" + name + "' must be a whole number of minutes (1 to 1440), not " + describe(d),
                        "write e.g. '" + name + ": 20'");
            }
        }
    }

    private void readInjects(YNode.Map top) {
        YNode v = top.get("injects");
        if (v == null || v instanceof YNode.Scalar s && s.isNull()) return;
        YNode.Seq seq = asSeq(v, "injects", "write 'injects:' followed by a list of '- id: ...' entries");
        if (seq == null) return;
        if (seq.items().size() > MAX_INJECTS) {
            err(seq, "there are " + seq.items().size() + " injects; the most a pack may have is " + MAX_INJECTS, "keep the ones that matter");
            return;
        }
        for (YNode item : seq.items()) {
            YNode.Map m = asMap(item, "an inject", "write each inject as a mapping: '- id: ...', 'title: ...', 'text: ...'");
            if (m == null) continue;
            String iid = id(m, "inject");
            String where = iid == null ? "inject" : "inject '" + iid + "'";
            unknownKeys(m, INJECT, where);
            String ititle = scalarText(m, "title", where, true);
            String at = scalarText(m, "at", where, false);
            String atPhase = "";
            int atMinute = -1;
            if (at != null && !at.isBlank()) {
                Matcher am = AT.matcher(at);
                if (am.matches()) {
                    atPhase = am.group(1);
                    atMinute = am.group(2) == null ? 0 : Integer.parseInt(am.group(2));
                } else {
                    err(m.get("at"), "'" + at + "' is not a moment like 'negotiation+20'",
                            "write the phase, '+' and the minutes into it, e.g. 'negotiation+20'");
                }
            }
            String textRef = scalarText(m, "text", where, true);
            String textFile = "";
            String text = null;
            if (textRef != null) {
                if (looksLikeFile(textRef)) {
                    textFile = textRef.strip();
                    text = readText(textFile, m.get("text"), "the text of " + where, false);
                } else {
                    text = textRef;
                }
            }
            List<Change> changes = readChanges(m, where);
            if (iid == null || ititle == null || text == null || changes == null) continue;
            if (injectAt.containsKey(iid)) {
                err(idNode(m), "inject id '" + iid + "' is used twice (first on line " + injectAt.get(iid).line() + ")",
                        "give each inject its own id");
                continue;
            }
            injectAt.put(iid, m);
            injects.add(new Inject(iid, ititle, at == null ? "" : at, atPhase, atMinute, textFile, text, changes));
        }
    }

    private final Map<Change, YNode.Map> changeAt = new java.util.IdentityHashMap<>();

    private List<Change> readChanges(YNode.Map inject, String where) {
        YNode v = inject.get("changes");
        List<Change> out = new ArrayList<>();
        if (v == null || v instanceof YNode.Scalar s && s.isNull()) return out;
        YNode.Seq seq = asSeq(v, "changes", "write 'changes:' followed by a list of '- addOption: {...}' entries");
        if (seq == null) return null;
        boolean ok = true;
        for (YNode item : seq.items()) {
            YNode.Map m = asMap(item, "a change", "write each change as '- addOption: {...}', '- setPreference: {...}' or '- addCharacter: {...}'");
            if (m == null) {
                ok = false;
                continue;
            }
            if (m.entries().size() != 1) {
                err(m, "each change of " + where + " must be exactly one of addOption, setPreference, addCharacter",
                        "start each change with its own '- '");
                ok = false;
                continue;
            }
            YNode.Entry e = m.entries().values().iterator().next();
            String kind = e.key().name();
            Change c = null;
            switch (kind) {
                case "addOption" -> {
                    PackOption o = readOption(e.value(), "option of " + where);
                    if (o != null) c = new Change.AddOption(o);
                }
                case "setPreference" -> {
                    YNode.Map sm = asMap(e.value(), "setPreference", "write e.g. setPreference: {character: police, statements: [\"a\"]}");
                    if (sm != null) {
                        unknownKeys(sm, SET_PREFERENCE, "setPreference of " + where);
                        String who = scalarText(sm, "character", "setPreference of " + where, true);
                        PreferenceSpec spec = readPreferenceSpec(sm, "the preferences set by " + where, SET_PREFERENCE, null);
                        if (who != null && spec != null) c = new Change.SetPreference(who, spec);
                    }
                }
                case "addCharacter" -> {
                    PackCharacter pc = readCharacter(e.value(), "character of " + where, ADD_CHARACTER);
                    PreferenceSpec spec = null;
                    if (e.value() instanceof YNode.Map am) {
                        spec = readPreferenceSpec(am, "the preferences of the character added by " + where, ADD_CHARACTER, null);
                    }
                    if (pc != null && spec != null) c = new Change.AddCharacter(pc, spec);
                }
                default -> err(e.key().line(), e.key().column(), "unknown change '" + kind + "' in " + where
                                + Suggest.didYouMean(kind, CHANGE),
                        "a change is one of addOption, setPreference, addCharacter");
            }
            if (c == null) {
                ok = false;
                continue;
            }
            changeAt.put(c, e.value() instanceof YNode.Map cm ? cm : m);
            out.add(c);
        }
        return ok ? out : null;
    }

    // ------------------------------------------------------------------ cross checks

    private void check(YNode.Map top) {
        // ids of entries that are themselves broken still count as known, so that one mistake
        // does not cascade into "unknown option" wherever the option is used
        Set<String> charIds = new LinkedHashSet<>(characterIdsSeen);
        for (PackCharacter c : characters) charIds.add(c.id());
        Set<String> optIds = new LinkedHashSet<>(optionIdsSeen);
        for (PackOption o : options) optIds.add(o.id());
        List<String> optionOrder = new ArrayList<>(optIds);
        Map<String, String> ownerOf = new HashMap<>();

        for (PackOption o : options) {
            ownerOf.put(o.id(), o.owner());
            YNode.Map m = (YNode.Map) optionAt.get(o.id());
            if (!charIds.contains(o.owner()) && !characters.isEmpty()) {
                err(m.get("owner"), "option '" + o.id() + "' is owned by '" + o.owner() + "', who is not a character"
                        + Suggest.didYouMean(o.owner(), charIds), "set 'owner' to one of: " + String.join(", ", charIds));
            }
        }
        // players vs playable characters
        int playable = 0;
        for (PackCharacter c : characters) if (c.playable()) playable++;
        if (charactersComplete && !characters.isEmpty() && playable == 0) {
            err(top.get("characters"), "no character is playable", "set 'playable: true' (or leave it out) on the characters trainees play");
        } else if (players != null && playable > 0 && players.max() > playable && charactersComplete) {
            YNode.Map pm = (YNode.Map) top.get("players");
            err(pm.get("max"), "players max is " + players.max() + " but only " + playable
                            + (playable == 1 ? " character is playable" : " characters are playable"),
                    "lower max to " + playable + ", or make more characters playable");
        }
        // preferences
        for (Map.Entry<String, PreferenceSpec> e : preferences.entrySet()) {
            String who = e.getKey();
            YNode.Key k = preferenceAt.get(who);
            if (!charIds.contains(who)) {
                err(k.line(), k.column(), "preferences for '" + who + "', who is not a character" + Suggest.didYouMean(who, charIds),
                        "use a character id: " + String.join(", ", charIds));
                continue;
            }
            checkSpec(e.getValue(), optionOrder, "the preferences of '" + who + "'");
        }
        for (YNode.Key k : preferenceAt.values()) {
            // keys with broken specs were reported where read
            if (!preferences.containsKey(k.name()) && !charIds.contains(k.name())) {
                err(k.line(), k.column(), "preferences for '" + k.name() + "', who is not a character"
                        + Suggest.didYouMean(k.name(), charIds), "use a character id: " + String.join(", ", charIds));
            }
        }
        // positions and intentions
        for (String field : List.of("positions", "intentions")) {
            Map<String, Map<String, Boolean>> fixes = field.equals("positions") ? positions : intentions;
            for (Map.Entry<String, Map<String, Boolean>> e : fixes.entrySet()) {
                String who = e.getKey();
                YNode.Entry at = fixesAt.get(field + "/" + who);
                if (!charIds.contains(who)) {
                    err(at.key().line(), at.key().column(), field + " for '" + who + "', who is not a character"
                            + Suggest.didYouMean(who, charIds), "use a character id: " + String.join(", ", charIds));
                    continue;
                }
                YNode.Map fm = fixMaps.get(field + "/" + who);
                for (String opt : e.getValue().keySet()) {
                    YNode.Key ok = fm.key(opt);
                    String singular = field.equals("positions") ? "the position" : "the intentions";
                    if (!optIds.contains(opt)) {
                        err(ok.line(), ok.column(), singular + " of '" + who + "' names '" + opt + "', which is not an option"
                                + Suggest.didYouMean(opt, optIds), "use an option id: " + String.join(", ", optIds));
                    } else if (field.equals("intentions") && ownerOf.containsKey(opt) && charIds.contains(ownerOf.get(opt))
                            && !who.equals(ownerOf.get(opt))) {
                        err(ok.line(), ok.column(), "'" + who + "' states an intention on '" + opt + "', which '"
                                        + ownerOf.get(opt) + "' owns",
                                "a character states intentions on its own options only; move it to the intentions of '"
                                        + ownerOf.get(opt) + "', or to the position of '" + who + "'");
                    }
                }
            }
        }
        // doubts
        for (Doubt d : doubts) {
            YNode.Map m = doubtAt.get(d);
            for (String f : List.of("holder", "about")) {
                String who = f.equals("holder") ? d.holder() : d.about();
                if (!charIds.contains(who)) {
                    err(m.get(f), "the doubt names '" + who + "', who is not a character" + Suggest.didYouMean(who, charIds),
                            "use a character id: " + String.join(", ", charIds));
                }
            }
            if (d.holder().equals(d.about())) {
                err(m, "'" + d.holder() + "' doubts itself", "a doubt is about another character");
            }
        }
        // injects
        Set<String> phaseNames = new LinkedHashSet<>(phaseNamesSeen);
        for (Phase p : phases) phaseNames.add(p.name());
        Set<String> allAddedOptions = new HashSet<String>();
        Set<String> allAddedCharacters = new HashSet<String>();
        for (Inject inj : injects) {
            YNode.Map im = (YNode.Map) injectAt.get(inj.id());
            String where = "inject '" + inj.id() + "'";
            if (!inj.atPhase().isEmpty() && !phaseNames.contains(inj.atPhase()) && !phases.isEmpty()) {
                err(im.get("at"), where + " is timed in phase '" + inj.atPhase() + "', which is not a phase"
                        + Suggest.didYouMean(inj.atPhase(), phaseNames), "use one of: " + String.join(", ", phaseNames));
            } else if (inj.atMinute() > 0) {
                for (Phase p : phases) {
                    if (p.name().equals(inj.atPhase()) && inj.atMinute() > p.minutes()) {
                        problems.add(Problem.warning(YAML, im.get("at").line(), im.get("at").column(), where + " is timed "
                                        + inj.atMinute() + " minutes into '" + p.name() + "', which lasts " + p.minutes(),
                                "time it within the phase (e.g. '" + p.name() + "+" + Math.max(1, p.minutes() / 2)
                                        + "'), or lengthen the phase"));
                    }
                }
            }
            Set<String> chars = new LinkedHashSet<>(charIds);
            Set<String> opts = new LinkedHashSet<>(optIds);
            List<String> order = new ArrayList<>(optionOrder);
            for (Change c : inj.changes()) {
                if (c instanceof Change.AddCharacter a) {
                    YNode.Map cm = changeAt.get(c);
                    String cid = a.character().id();
                    if (chars.contains(cid) || allAddedCharacters.contains(cid)) {
                        err(cm.get("id"), where + " adds character '" + cid + "', which already exists",
                                "give the new character an id of its own");
                    }
                    chars.add(cid);
                    allAddedCharacters.add(cid);
                }
            }
            for (Change c : inj.changes()) {
                if (c instanceof Change.AddOption a) {
                    YNode.Map cm = changeAt.get(c);
                    PackOption o = a.option();
                    if (opts.contains(o.id()) || allAddedOptions.contains(o.id())) {
                        err(cm.get("id"), where + " adds option '" + o.id() + "', which already exists",
                                "give the new option an id of its own");
                    }
                    if (!chars.contains(o.owner())) {
                        err(cm.get("owner"), "option '" + o.id() + "' added by " + where + " is owned by '" + o.owner()
                                + "', who is not a character" + Suggest.didYouMean(o.owner(), chars),
                                "set 'owner' to one of: " + String.join(", ", chars));
                    }
                    opts.add(o.id());
                    order.add(o.id());
                    allAddedOptions.add(o.id());
                }
            }
            for (Change c : inj.changes()) {
                YNode.Map cm = changeAt.get(c);
                if (c instanceof Change.SetPreference s) {
                    if (!chars.contains(s.character())) {
                        err(cm.get("character"), where + " sets the preferences of '" + s.character()
                                        + "', who is not a character" + Suggest.didYouMean(s.character(), chars),
                                "use a character id: " + String.join(", ", chars));
                    }
                    checkSpec(s.preference(), order, "the preferences set by " + where);
                } else if (c instanceof Change.AddCharacter a) {
                    checkSpec(a.preference(), order, "the preferences of '" + a.character().id() + "' added by " + where);
                }
            }
        }
        checkFixedSpecs(optionOrder);
        // warnings about the whole pack only make sense once it is free of errors (they would echo them)
        if (!hasErrors()) warnings(charIds, optIds);
    }

    /** Rankings are read before the options are known; give them the right option list now. */
    private void checkFixedSpecs(List<String> optionOrder) {
        for (Map.Entry<String, PreferenceSpec> e : new ArrayList<>(preferences.entrySet())) {
            PreferenceSpec s = e.getValue();
            if (s.isRanking()) preferences.put(e.getKey(), PreferenceSpec.ofRanking(s.ranking(), optionOrder));
        }
        for (int i = 0; i < injects.size(); i++) {
            Inject inj = injects.get(i);
            List<String> order = new ArrayList<>(optionOrder);
            for (PackOption o : inj.addedOptions()) order.add(o.id());
            List<Change> changes = new ArrayList<>();
            boolean changed = false;
            for (Change c : inj.changes()) {
                if (c instanceof Change.SetPreference s && s.preference().isRanking()) {
                    c = new Change.SetPreference(s.character(), PreferenceSpec.ofRanking(s.preference().ranking(), order));
                    changed = true;
                } else if (c instanceof Change.AddCharacter a && a.preference().isRanking()) {
                    c = new Change.AddCharacter(a.character(), PreferenceSpec.ofRanking(a.preference().ranking(), order));
                    changed = true;
                }
                changes.add(c);
            }
            if (changed) {
                injects.set(i, new Inject(inj.id(), inj.title(), inj.at(), inj.atPhase(), inj.atMinute(), inj.textFile(),
                        inj.text(), changes));
            }
        }
    }

    private void checkSpec(PreferenceSpec spec, List<String> optionOrderSeen, String where) {
        YNode.Seq seq = specNodes.get(spec);
        List<String> optionOrder = new ArrayList<>();
        for (String o : optionOrderSeen) if (ID.matcher(o).matches()) optionOrder.add(o);
        if (spec.isRanking()) {
            if (optionOrder.size() > MAX_RANKED_OPTIONS) {
                err(seq, where + " are a ranking, but a ranking is only for boards of up to " + MAX_RANKED_OPTIONS + " options",
                        "write statements instead (see the statement language in the authors' reference)");
                return;
            }
            List<YNode.Seq> rowNodes = rankingRows.getOrDefault(spec, List.of());
            for (int r = 0; r < spec.ranking().size(); r++) {
                List<Boolean> row = spec.ranking().get(r);
                if (row.size() != optionOrder.size()) {
                    YNode.Seq rs = r < rowNodes.size() ? rowNodes.get(r) : null;
                    err(rs == null ? seq : rs, "a future in " + where + " has " + row.size() + " values but there are "
                                    + optionOrder.size() + " options",
                            "give one true/false per option, in the order the options are listed: " + String.join(", ", optionOrder));
                }
            }
            checkRepeatedFutures(spec, rowNodes, optionOrder.size(), where);
            return;
        }
        for (int i = 0; i < spec.statements().size(); i++) {
            String s = spec.statements().get(i);
            YNode node = seq == null ? null : seq.items().get(i);
            try {
                Preference.statements(List.of(s), optionOrder);
            } catch (StatementException ex) {
                int line = node == null ? 0 : node.line();
                int col = node == null ? 0 : node.column();
                if (node instanceof YNode.Scalar sc && line > 0 && !sc.text().contains("\n")) {
                    col = col + (sc.quoted() ? 1 : 0) + Math.max(0, ex.column() - 1);
                }
                String msg = ex.getMessage() == null ? "cannot read the statement" : ex.getMessage();
                msg = msg.replaceAll(" at column \\d+", "");
                err(line, col, "in " + where + ", statement \"" + s + "\": " + msg,
                        "statements use option ids, ! (not), & (and), | (or), -> (if...then), <-> (exactly when) and parentheses");
            } catch (RuntimeException ex) {
                err(node, "in " + where + ", statement \"" + s + "\" cannot be read: " + ex.getMessage(),
                        "statements use option ids, ! (not), & (and), | (or), -> (if...then), <-> (exactly when) and parentheses");
            }
        }
    }

    /**
     * The engine would silently keep a repeated future's first place; an author who lists one
     * twice meant something else, so say where. Rows of the wrong arity were reported already.
     */
    private void checkRepeatedFutures(PreferenceSpec spec, List<YNode.Seq> rowNodes, int arity, String where) {
        Map<List<Boolean>, Integer> firstRow = new HashMap<>();
        for (int r = 0; r < spec.ranking().size() && r < rowNodes.size(); r++) {
            List<Boolean> row = spec.ranking().get(r);
            if (row.size() != arity) continue;
            Integer first = firstRow.putIfAbsent(row, r);
            if (first == null) continue;
            YNode a = rowNodes.get(first);
            YNode b = rowNodes.get(r);
            String at = a.line() == b.line() ? "line " + a.line() + ", columns " + a.column() + " and " + b.column()
                    : "lines " + a.line() + " and " + b.line();
            err(b, "the ranking in " + where + " lists the future " + row + " twice (" + at + ")",
                    "remove one: a future has one place in a ranking");
        }
    }

    private void warnings(Set<String> charIds, Set<String> optIds) {
        // options nobody's preferences mention
        Set<String> mentioned = new HashSet<String>();
        List<PreferenceSpec> all = new ArrayList<>(preferences.values());
        for (Inject inj : injects) {
            for (Change c : inj.changes()) {
                if (c instanceof Change.SetPreference s) all.add(s.preference());
                if (c instanceof Change.AddCharacter a) all.add(a.preference());
            }
        }
        for (PreferenceSpec s : all) {
            if (s.isRanking()) {
                mentioned.addAll(optIds);
                continue;
            }
            for (String st : s.statements()) {
                Matcher m = Pattern.compile("[A-Za-z][A-Za-z0-9_]*").matcher(st);
                while (m.find()) mentioned.add(m.group());
            }
        }
        for (PackOption o : options) {
            YNode.Map m = (YNode.Map) optionAt.get(o.id());
            if (!mentioned.contains(o.id())) {
                warn(m.get("id"), "option '" + o.id() + "' is in nobody's preferences",
                        "mention it in the statements of the characters who care about it, or remove it");
            }
            warnLongLabel(o, m);
        }
        for (Inject inj : injects) {
            for (PackOption o : inj.addedOptions()) {
                YNode.Map m = changeAt.get(findChange(inj, o));
                if (!mentioned.contains(o.id())) {
                    warn(m == null ? null : m.get("id"), "option '" + o.id() + "' added by inject '" + inj.id() + "' is in nobody's preferences",
                            "add a setPreference change to the inject for the characters who care about it");
                }
                warnLongLabel(o, m);
            }
        }
        Set<String> owners = new HashSet<String>();
        for (PackOption o : options) owners.add(o.owner());
        for (PackCharacter c : characters) {
            YNode.Map m = (YNode.Map) characterAt.get(c.id());
            if (!owners.contains(c.id())) {
                warn(m.get("id"), "character '" + c.id() + "' owns no options",
                        "give it an option it decides (a character without options can only talk and prefer)");
            }
            if (!preferences.containsKey(c.id()) && !preferenceAt.containsKey(c.id())) {
                warn(m.get("id"), "character '" + c.id() + "' has no preferences",
                        "add statements for it under 'preferences:' (without them it is indifferent to everything)");
            }
        }
        List<String> ids = new ArrayList<>(preferences.keySet());
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                PreferenceSpec a = preferences.get(ids.get(i));
                PreferenceSpec b = preferences.get(ids.get(j));
                if (a.statements().equals(b.statements()) && a.ranking().equals(b.ranking())) {
                    YNode.Key k = preferenceAt.get(ids.get(j));
                    warn(k.line(), k.column(), "'" + ids.get(j) + "' has exactly the same preferences as '" + ids.get(i) + "'",
                            "characters that want the same things are one character; make their priorities differ");
                }
            }
        }
    }

    /** Advice names options by their short form; a long label without one turns a way out into a paragraph. */
    private void warnLongLabel(PackOption o, YNode.Map m) {
        if (o.label().length() <= MAX_LABEL_WITHOUT_SHORT || !o.shortLabel().isEmpty()) return;
        warn(m == null ? null : m.get("label"), "option '" + o.id() + "' has a label of " + o.label().length()
                        + " characters and no 'short' form",
                "add 'short:' with a few words (at most " + MAX_LABEL_WITHOUT_SHORT + " characters); dilemma advice names the option by it");
    }

    private static Change findChange(Inject inj, PackOption o) {
        for (Change c : inj.changes()) if (c instanceof Change.AddOption a && a.option() == o) return c;
        return null;
    }

    private void checkWithEngine(Pack pack, YNode.Map top) {
        Board board;
        try {
            board = pack.openingBoard();
        } catch (RuntimeException e) {
            err(1, 1, "the engine refuses the opening board: " + YamlTree.firstLine(e.getMessage()),
                    "fix the characters, options, positions and intentions it names");
            return;
        }
        for (Inject inj : pack.injects()) {
            try {
                inj.applyTo(board);
            } catch (RuntimeException e) {
                err(injectAt.get(inj.id()), "the engine refuses the changes of inject '" + inj.id() + "': "
                        + YamlTree.firstLine(e.getMessage()), "fix the change it names");
            }
        }
        Analysis analysis;
        try {
            analysis = DilemmaEngine.analyse(board);
        } catch (RuntimeException e) {
            err(1, 1, "the engine cannot analyse the opening board: " + YamlTree.firstLine(e.getMessage()),
                    "this is probably a bug in the engine; please report it with the pack attached");
            return;
        }
        if (facilitator == null) return;
        FacilitatorGuide.Section section = FacilitatorGuide.parse(facilitatorFile, facilitator);
        problems.addAll(section.problems());
        if (!section.found()) {
            warn(facilitatorFile, 0, 0, "the facilitator guide has no '" + FacilitatorGuide.HEADING + "' section",
                    "add it, listing the dilemmas the engine finds on the opening board (drama pack analyse shows them):\n"
                            + indent(FacilitatorGuide.section(analysis)));
            return;
        }
        List<String> engine = FacilitatorGuide.texts(analysis);
        List<String> guide = section.texts();
        List<String> missing = FacilitatorGuide.minus(engine, guide);
        List<String> extra = FacilitatorGuide.minus(guide, engine);
        for (FacilitatorGuide.OpeningDilemma d : section.dilemmas()) {
            if (extra.remove(d.text())) {
                warn(facilitatorFile, d.line(), 1, "the guide lists '" + d.text() + "' but the engine finds no such dilemma on the opening board",
                        "remove the line, or change the preferences, positions or intentions so that it arises");
            }
        }
        for (String m : missing) {
            warn(facilitatorFile, section.headingLine(), 1, "the engine finds '" + m + "' on the opening board but the guide does not list it",
                    "add '- " + m + "' to the section (and say in the guide how trainees might get out of it)");
        }
    }

    private static String indent(String s) {
        return "      " + s.strip().replace("\n", "\n      ");
    }

    // ------------------------------------------------------------------ helpers

    private String readText(String path, YNode ref, String what, boolean isYaml) {
        String file = path.strip();
        if (!PackFiles.safeRelative(file)) {
            err(ref, "'" + path + "' points outside the pack", "give a path inside the pack folder, e.g. briefings/police.md");
            return null;
        }
        PackFiles.Read r = files.read(file);
        switch (r.status()) {
            case FOUND:
                break;
            case MISSING:
                if (isYaml) {
                    problems.add(Problem.error(YAML, 0, 0, "there is no pack.yaml in " + files.describe(),
                            "a pack is a folder with pack.yaml at its top; see the authors' reference"));
                } else {
                    err(ref, "the file '" + file + "' (" + what + ") is not in the pack",
                            "create " + file + ", or correct the path (it is relative to the folder holding pack.yaml)");
                }
                return null;
            case TOO_LARGE:
                problems.add(Problem.error(file, 0, 0, "the file is larger than " + PackFiles.MAX_FILE_BYTES / 1024 + " KiB",
                        "keep each file under " + PackFiles.MAX_FILE_BYTES / 1024 + " KiB; split long texts, remove images"));
                return null;
            default:
                if (isYaml) {
                    problems.add(Problem.error(YAML, 0, 0, "cannot read pack.yaml: " + r.detail(), "check the file and its permissions"));
                } else {
                    err(ref, "cannot read '" + file + "' (" + what + "): it " + r.detail(), "give the path of a Markdown file in the pack");
                }
                return null;
        }
        digest.update(file.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(r.bytes());
        filesRead.put(file, r.bytes());
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(r.bytes())).toString();
            if (s.startsWith("\uFEFF")) s = s.substring(1);
            if (s.indexOf('\0') >= 0) {
                problems.add(Problem.error(file, 0, 0, "the file holds binary data, not text", "save it as plain UTF-8 text"));
                return null;
            }
            if (!isYaml && s.isBlank()) {
                problems.add(Problem.error(file, 0, 0, "the file is empty (" + what + ")", "write the text, in Markdown"));
                return null;
            }
            return s;
        } catch (CharacterCodingException e) {
            problems.add(Problem.error(file, 0, 0, "the file is not UTF-8 text", "save it as UTF-8 (most editors offer this under 'Save as')"));
            return null;
        }
    }

    private static boolean looksLikeFile(String s) {
        String t = s.strip();
        return t.endsWith(".md") && !t.contains(" ") && !t.contains("\n");
    }

    /** The id of an entry, checked for form. */
    private String id(YNode.Map m, String what) {
        String s = scalarText(m, "id", what, true);
        if (s == null) return null;
        if (!ID.matcher(s).matches()) {
            err(m.get("id"), "'" + s + "' is not a valid " + (what.startsWith("option") ? "option" : what.startsWith("inject") ? "inject" : "character") + " id",
                    "use a letter, then letters, digits or _ (e.g. '" + slug(s, false) + "')");
            return null;
        }
        return s;
    }

    private static void seenId(YNode item, Set<String> seen) {
        if (item instanceof YNode.Map m && m.get("id") instanceof YNode.Scalar s && s.type() == YNode.ScalarType.STRING
                && !s.text().isBlank()) {
            seen.add(s.text());
        }
    }

    private static YNode idNode(YNode item) {
        return item instanceof YNode.Map m && m.get("id") != null ? m.get("id") : item;
    }

    private String scalarText(YNode.Map m, String key, String where, boolean required) {
        YNode v = m.get(key);
        if (v == null) {
            if (required) missing(m, key, where, null);
            return null;
        }
        if (v instanceof YNode.Scalar s && s.type() != YNode.ScalarType.NULL) return s.text();
        if (v instanceof YNode.Scalar s && s.isNull()) {
            if (required) {
                YNode.Key k = m.key(key);
                err(k.line(), k.column(), where + " has an empty '" + key + "'", "write a value after '" + key + ":'");
            }
            return null;
        }
        err(v, "'" + key + "' of " + where + " must be text, not " + v.kindWords(),
                "write it on one line after '" + key + ":', in double quotes if it contains ': ' or '#'");
        return null;
    }

    private String scalarString(YNode v, String what) {
        if (v instanceof YNode.Scalar s && s.type() != YNode.ScalarType.NULL) return s.text();
        err(v, what + " must be text, not " + describe(v), "write it in double quotes");
        return null;
    }

    private Boolean bool(YNode.Map m, String key, String where, boolean dflt) {
        YNode v = m.get(key);
        if (v == null || v instanceof YNode.Scalar s0 && s0.isNull()) return dflt;
        if (v instanceof YNode.Scalar s && s.type() == YNode.ScalarType.BOOLEAN) return Boolean.parseBoolean(s.text().toLowerCase());
        err(v, "'" + key + "' of " + where + " must be true or false, not " + describe(v), "write true or false (no quotes)");
        return null;
    }

    private Integer positiveInt(YNode.Map m, String key, String where) {
        YNode v = m.get(key);
        if (v == null) {
            missing(m, key, where, null);
            return null;
        }
        if (v instanceof YNode.Scalar s && s.type() == YNode.ScalarType.INT && parseInt(s.text()) > 0 && parseInt(s.text()) <= 1000) {
            return parseInt(s.text());
        }
        err(v, "'" + key + "' of " + where + " must be a whole number from 1 up, not " + describe(v), "write e.g. '" + key + ": 3'");
        return null;
    }

    private YNode.Map asMap(YNode v, String what, String fix) {
        if (v instanceof YNode.Map m) return m;
        err(v, what + " must be a mapping (key: value lines), not " + describe(v), fix);
        return null;
    }

    private YNode.Seq asSeq(YNode v, String what, String fix) {
        if (v instanceof YNode.Seq s) return s;
        err(v, "'" + what + "' must be a list, not " + describe(v), fix);
        return null;
    }

    private void unknownKeys(YNode.Map m, Set<String> known, String where) {
        for (YNode.Entry e : m.entries().values()) {
            String k = e.key().name();
            if (!known.contains(k)) {
                err(e.key().line(), e.key().column(), "unknown field '" + k + "' in " + where + Suggest.didYouMean(k, known),
                        "the fields here are: " + String.join(", ", known));
            }
        }
    }

    private void missing(YNode.Map m, String key, String where, String fix) {
        err(m, where + " has no '" + key + "'", fix != null ? fix : "add '" + key + ": ...'");
    }

    private static String describe(YNode v) {
        if (v instanceof YNode.Scalar s) {
            if (s.isNull()) return "nothing";
            String t = s.text().length() > 40 ? s.text().substring(0, 40) + "..." : s.text();
            return s.type() == YNode.ScalarType.STRING ? "the text '" + t + "'" : "'" + t + "'";
        }
        return v == null ? "nothing" : v.kindWords();
    }

    private void err(YNode at, String message, String fix) {
        err(at == null ? 0 : at.line(), at == null ? 0 : at.column(), message, fix);
    }

    private void err(int line, int col, String message, String fix) {
        problems.add(Problem.error(YAML, line, col, message, fix));
    }

    private void warn(YNode at, String message, String fix) {
        warn(YAML, at == null ? 0 : at.line(), at == null ? 0 : at.column(), message, fix);
    }

    private void warn(int line, int col, String message, String fix) {
        warn(YAML, line, col, message, fix);
    }

    private void warn(String file, int line, int col, String message, String fix) {
        problems.add(Problem.warning(file, line, col, message, fix));
    }

    private boolean hasErrors() {
        for (Problem p : problems) if (p.isError()) return true;
        return false;
    }

    static int parseInt(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static int words(String markdown) {
        int n = 0;
        for (String w : markdown.split("[\\s]+")) if (w.chars().anyMatch(Character::isLetterOrDigit)) n++;
        return n;
    }

    private static String slug(String s, boolean pack) {
        String t = s.strip().toLowerCase().replaceAll(pack ? "[^a-z0-9]+" : "[^a-z0-9_]+", pack ? "-" : "_")
                .replaceAll("^[^a-z0-9]+|[-_]+$", "");
        if (!pack && (t.isEmpty() || !Character.isLetter(t.charAt(0)))) t = "x" + t;
        return t.isEmpty() ? "my-pack" : t.length() > 40 ? t.substring(0, 40) : t;
    }

    private static String hex(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (byte x : b) s.append(String.format("%02x", x));
        return s.toString();
    }

    private static Set<String> ordered(String... names) {
        return new LinkedHashSet<>(List.of(names));
    }
}
