package dev.drama.scenarios.board;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drama.engine.Board;
import dev.drama.engine.BoardException;
import dev.drama.engine.Option;
import dev.drama.engine.Preference;
import dev.drama.engine.StatementException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the board file of drama-theory.md section 7 into an engine {@link Board}. Every
 * problem becomes a {@link BoardFileException} naming the field and what is wrong; nothing
 * else escapes.
 */
public final class BoardFile {
    private static final List<String> TOP_LEVEL = List.of("characters", "options", "preferences", "positions", "intentions", "doubts");
    /** Free-text fields an author may add for people; the engine ignores them. */
    private static final Set<String> NOTES = Set.of("title", "name", "description", "comment", "notes", "$schema");

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private BoardFile() {
    }

    /** Reads a board file; problems with the file itself ("no such file") do not repeat its path. */
    public static Board read(Path file) throws BoardFileException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new BoardFileException("", "no such file");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new BoardFileException("", "not UTF-8 text");
        } catch (IOException e) {
            throw new BoardFileException("", "cannot read the file: " + e);
        }
        return parse(text);
    }

    public static Board parse(String json) throws BoardFileException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw syntax(e);
        }
        if (root == null || root.isMissingNode()) {
            throw new BoardFileException("", "the file is empty; expected a JSON object with characters, options and preferences");
        }
        return new Reader(root).board();
    }

    private static BoardFileException syntax(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
        String what = e.getOriginalMessage();
        if (what != null && what.startsWith("Duplicate field")) {
            what = what.replace("Duplicate field", "duplicate key").replace(" for `ObjectNode`", "").replace("ObjectNode", "");
        }
        if (!(e instanceof JsonParseException) && what == null) {
            what = "not valid JSON";
        }
        return new BoardFileException(where, "not valid JSON: " + firstLine(what));
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** One pass over the tree; fields are checked in file-format order so the first problem reported is the earliest. */
    private static final class Reader {
        private final JsonNode root;
        private final Board.Builder builder = Board.builder();
        private final List<String> characterIds = new ArrayList<>();
        private final List<String> optionIds = new ArrayList<>();

        Reader(JsonNode root) {
            this.root = root;
        }

        Board board() throws BoardFileException {
            if (!root.isObject()) {
                throw new BoardFileException("", "expected a JSON object at the top, found " + kind(root));
            }
            for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!TOP_LEVEL.contains(name) && !NOTES.contains(name)) {
                    throw new BoardFileException(name, "unknown field" + hint(name, TOP_LEVEL)
                            + " (expected " + String.join(", ", TOP_LEVEL) + ")");
                }
            }
            characters(required("characters"));
            options(required("options"));
            preferences(required("preferences"));
            positions("positions", root.get("positions"));
            positions("intentions", root.get("intentions"));
            doubts(root.get("doubts"));
            try {
                return builder.build();
            } catch (BoardException e) {
                throw new BoardFileException("", e.getMessage());
            }
        }

        private JsonNode required(String field) throws BoardFileException {
            JsonNode n = root.get(field);
            if (n == null || n.isNull()) {
                throw new BoardFileException(field, "missing (required)");
            }
            return n;
        }

        private void characters(JsonNode node) throws BoardFileException {
            requireArray("characters", node);
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < node.size(); i++) {
                String at = "characters[" + i + "]";
                JsonNode c = node.get(i);
                String id;
                String name;
                if (c.isTextual()) {
                    id = c.asText();
                    name = id;
                } else if (c.isObject()) {
                    onlyFields(at, c, List.of("id", "name"));
                    id = text(at + ".id", c.get("id"), true);
                    name = text(at + ".name", c.get("name"), false);
                } else {
                    throw new BoardFileException(at, "expected a character id (a string) or {\"id\": ..., \"name\": ...}, found " + kind(c));
                }
                id(at, id);
                if (!seen.add(id)) {
                    throw new BoardFileException(at, "duplicate character id '" + id + "'");
                }
                characterIds.add(id);
                builder.character(id, name);
            }
        }

        private void options(JsonNode node) throws BoardFileException {
            requireArray("options", node);
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < node.size(); i++) {
                String at = "options[" + i + "]";
                JsonNode o = node.get(i);
                if (!o.isObject()) {
                    throw new BoardFileException(at, "expected an object {\"id\", \"owner\", \"label\", \"statusQuo\"}, found " + kind(o));
                }
                onlyFields(at, o, List.of("id", "owner", "label", "short", "statusQuo"));
                String id = text(at + ".id", o.get("id"), true);
                id(at + ".id", id);
                if (!seen.add(id)) {
                    throw new BoardFileException(at + ".id", "duplicate option id '" + id + "'");
                }
                String owner = text(at + ".owner", o.get("owner"), true);
                if (!characterIds.contains(owner)) {
                    throw new BoardFileException(at + ".owner", "'" + owner + "' is not a character" + hint(owner, characterIds)
                            + " (characters: " + String.join(", ", characterIds) + ")");
                }
                String label = text(at + ".label", o.get("label"), false);
                String shortLabel = text(at + ".short", o.get("short"), false);
                boolean statusQuo = bool(at + ".statusQuo", o.get("statusQuo"), false);
                optionIds.add(id);
                builder.option(new Option(id, owner, label, statusQuo, shortLabel));
            }
        }

        private void preferences(JsonNode node) throws BoardFileException {
            requireObject("preferences", node);
            checkKeysAreCharacters("preferences", node);
            for (String c : characterIds) {
                String at = "preferences." + c;
                JsonNode p = node.get(c);
                if (p == null || p.isNull()) {
                    throw new BoardFileException(at, "missing: every character needs a preference (\"ranking\" or \"statements\")");
                }
                requireObject(at, p);
                onlyFields(at, p, List.of("ranking", "statements"));
                JsonNode ranking = p.get("ranking");
                JsonNode statements = p.get("statements");
                if ((ranking == null) == (statements == null)) {
                    throw new BoardFileException(at, "give exactly one of \"ranking\" or \"statements\"");
                }
                builder.preference(c, ranking != null ? ranking(at + ".ranking", ranking) : statements(at + ".statements", statements));
            }
        }

        private Preference ranking(String at, JsonNode node) throws BoardFileException {
            requireArray(at, node);
            List<List<Boolean>> futures = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                String fat = at + "[" + i + "]";
                JsonNode f = node.get(i);
                if (!f.isArray()) {
                    throw new BoardFileException(fat, "expected a future: an array of " + optionIds.size()
                            + " true/false values in option order (" + String.join(", ", optionIds) + "), found " + kind(f));
                }
                if (f.size() != optionIds.size()) {
                    throw new BoardFileException(fat, "has " + f.size() + " values; expected " + optionIds.size()
                            + ", one per option in order (" + String.join(", ", optionIds) + ")");
                }
                List<Boolean> values = new ArrayList<>();
                for (int k = 0; k < f.size(); k++) {
                    values.add(bool(fat + "[" + k + "] (" + optionIds.get(k) + ")", f.get(k), null));
                }
                // the engine would keep the first place silently; a repeat is a slip the author should see
                int first = futures.indexOf(values);
                if (first >= 0) {
                    throw new BoardFileException(fat, "the ranking lists the future " + values + " twice ([" + first
                            + "] and [" + i + "]); remove one");
                }
                futures.add(values);
            }
            try {
                return Preference.ranking(futures, optionIds.size());
            } catch (IllegalArgumentException e) {
                throw new BoardFileException(at, e.getMessage());
            }
        }

        private Preference statements(String at, JsonNode node) throws BoardFileException {
            requireArray(at, node);
            List<String> statements = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                statements.add(text(at + "[" + i + "]", node.get(i), true));
            }
            try {
                return Preference.statements(statements, optionIds);
            } catch (StatementException e) {
                String where = e.statementIndex() >= 0 ? at + "[" + e.statementIndex() + "]" : at;
                String quoted = e.statementIndex() >= 0 ? " in \"" + e.statement() + "\"" : "";
                throw new BoardFileException(where, e.getMessage() + quoted);
            }
        }

        private void positions(String field, JsonNode node) throws BoardFileException {
            if (node == null || node.isNull()) {
                return;
            }
            requireObject(field, node);
            checkKeysAreCharacters(field, node);
            for (String c : characterIds) {
                JsonNode p = node.get(c);
                if (p == null || p.isNull()) {
                    continue;
                }
                String at = field + "." + c;
                requireObject(at, p);
                Map<String, Boolean> values = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    String opt = e.getKey();
                    if (!optionIds.contains(opt)) {
                        throw new BoardFileException(at + "." + opt, "unknown option '" + opt + "'" + hint(opt, optionIds));
                    }
                    values.put(opt, bool(at + "." + opt, e.getValue(), null));
                }
                if (field.equals("positions")) {
                    builder.position(c, values);
                } else {
                    builder.intentions(c, values);
                }
            }
        }

        private void doubts(JsonNode node) throws BoardFileException {
            if (node == null || node.isNull()) {
                return;
            }
            requireArray("doubts", node);
            for (int i = 0; i < node.size(); i++) {
                String at = "doubts[" + i + "]";
                JsonNode d = node.get(i);
                requireObject(at, d);
                onlyFields(at, d, List.of("holder", "about"));
                String holder = character(at + ".holder", d.get("holder"));
                String about = character(at + ".about", d.get("about"));
                if (holder.equals(about)) {
                    throw new BoardFileException(at, "'" + holder + "' cannot doubt itself");
                }
                builder.doubt(holder, about);
            }
        }

        private String character(String at, JsonNode node) throws BoardFileException {
            String id = text(at, node, true);
            if (!characterIds.contains(id)) {
                throw new BoardFileException(at, "unknown character '" + id + "'" + hint(id, characterIds));
            }
            return id;
        }

        private void checkKeysAreCharacters(String at, JsonNode node) throws BoardFileException {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String c = it.next();
                if (!characterIds.contains(c)) {
                    throw new BoardFileException(at + "." + c, "unknown character '" + c + "'" + hint(c, characterIds));
                }
            }
        }

        private static void id(String at, String id) throws BoardFileException {
            if (!dev.drama.engine.Ids.isValid(id)) {
                throw new BoardFileException(at, "'" + id + "' is not a valid id: a letter followed by letters, digits or '_'");
            }
        }

        private static void onlyFields(String at, JsonNode node, List<String> allowed) throws BoardFileException {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!allowed.contains(name)) {
                    throw new BoardFileException(at + "." + name, "unknown field" + hint(name, allowed) + " (expected " + String.join(", ", allowed) + ")");
                }
            }
        }

        private static String text(String at, JsonNode node, boolean required) throws BoardFileException {
            if (node == null || node.isNull()) {
                if (required) {
                    throw new BoardFileException(at, "missing (required)");
                }
                return null;
            }
            if (!node.isTextual()) {
                throw new BoardFileException(at, "expected a string, found " + kind(node));
            }
            return node.asText();
        }

        private static boolean bool(String at, JsonNode node, Boolean dflt) throws BoardFileException {
            if (node == null || node.isNull()) {
                if (dflt != null) {
                    return dflt;
                }
                throw new BoardFileException(at, "missing: expected true or false");
            }
            if (!node.isBoolean()) {
                throw new BoardFileException(at, "expected true or false, found " + kind(node));
            }
            return node.asBoolean();
        }

        private static void requireArray(String at, JsonNode node) throws BoardFileException {
            if (!node.isArray()) {
                throw new BoardFileException(at, "expected an array, found " + kind(node));
            }
        }

        private static void requireObject(String at, JsonNode node) throws BoardFileException {
            if (!node.isObject()) {
                throw new BoardFileException(at, "expected an object, found " + kind(node));
            }
        }
    }

    static String hint(String word, List<String> known) {
        String near = dev.drama.engine.preference.Suggest.nearest(word, known);
        return near == null ? "" : "; did you mean '" + near + "'?";
    }

    static String kind(JsonNode node) {
        if (node.isTextual()) {
            return "the string \"" + node.asText() + "\"";
        }
        if (node.isNumber()) {
            return "the number " + node.asText();
        }
        if (node.isBoolean()) {
            return node.asText();
        }
        if (node.isArray()) {
            return "an array";
        }
        if (node.isObject()) {
            return "an object";
        }
        return "null";
    }
}
