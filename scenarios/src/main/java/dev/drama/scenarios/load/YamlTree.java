package dev.drama.scenarios.load;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.drama.scenarios.Problem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Parses YAML text into a {@link YNode} tree with the line and column of every value, using
 * Jackson's YAML parser and its token locations. Syntax errors become one {@link Problem} with
 * file, line, column and a plain sentence; duplicate keys become problems too.
 */
public final class YamlTree {
    static final int MAX_DEPTH = 40;

    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH + 10)
                    .maxStringLength(1_000_000).build())
            .build();

    private final String file;
    private final String[] lines;
    private final List<Problem> problems;
    private JsonParser parser;

    private YamlTree(String file, String text, List<Problem> problems) {
        this.file = file;
        this.lines = text.split("\r\n|\r|\n", -1);
        this.problems = problems;
    }

    /** The root value, or null when the text is not well-formed YAML (a problem is then added). */
    public static YNode parse(String file, String text, List<Problem> problems) {
        return new YamlTree(file, text, problems).run(text);
    }

    private YNode run(String text) {
        try (JsonParser p = FACTORY.createParser(text)) {
            parser = p;
            JsonToken t = p.nextToken();
            if (t == null) {
                problems.add(Problem.error(file, 1, 1, file + " is empty",
                        "start from the example in the authors' reference (scenarios/README.md)"));
                return null;
            }
            YNode root = value(t, 0);
            if (root == null) return null;
            JsonToken next = p.nextToken();
            if (next != null) {
                JsonLocation l = p.currentTokenLocation();
                problems.add(Problem.error(file, l.getLineNr(), l.getColumnNr(),
                        file + " holds more than one YAML document",
                        "remove the '---' line and everything after it, or merge the documents"));
                return null;
            }
            return root;
        } catch (StreamReadException e) {
            syntax(e);
            return null;
        } catch (IOException | RuntimeException e) {
            problems.add(Problem.error(file, 1, 1, "cannot read " + file + " as YAML: " + firstLine(e.getMessage()),
                    "check that the file is plain UTF-8 YAML text"));
            return null;
        }
    }

    private void syntax(StreamReadException e) {
        int line = 0;
        int col = 0;
        String what = null;
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof MarkedYAMLException m) {
                what = plain(m.getProblem());
                if (m.getProblemMark() != null) {
                    line = m.getProblemMark().getLine() + 1;
                    col = m.getProblemMark().getColumn() + 1;
                }
                if (m.getContextMark() != null && m.getContextMark().getLine() + 1 != line && m.getContext() != null) {
                    what = what + " (" + m.getContext().replace("while ", "") + " that starts on line "
                            + (m.getContextMark().getLine() + 1) + ")";
                }
                break;
            }
        }
        if (line == 0 && e.getLocation() != null) {
            line = e.getLocation().getLineNr();
            col = e.getLocation().getColumnNr();
        }
        if (what == null) what = e.getOriginalMessage();
        what = firstLine(what);
        int open = unclosedQuoteBefore(line);
        if (open > 0) what = what + "; line " + open + " opens a \" it does not close";
        String fix = "check the indentation and the quoting on this line and the one before; "
                + "text containing ': ', ' #', or starting with a quote, '[', '{', '*', '&', '!', '%', '@' or '`' must be put in double quotes";
        if (what.contains("nesting depth") || what.contains("Depth")) {
            what = "the YAML is nested too deeply";
            fix = "a pack needs only a few levels of nesting; check the indentation";
        } else if (what.startsWith("a tab character")) {
            fix = "indent with spaces, never tabs";
        }
        problems.add(Problem.error(file, Math.max(line, 1), Math.max(col, 1), "the YAML is not well formed: " + what, fix));
    }

    private YNode value(JsonToken t, int depth) throws IOException {
        JsonLocation loc = parser.currentTokenLocation();
        int line = loc.getLineNr();
        int col = loc.getColumnNr();
        if (depth > MAX_DEPTH) {
            problems.add(Problem.error(file, line, col, "the YAML is nested too deeply",
                    "a pack needs only a few levels of nesting; check the indentation"));
            return null;
        }
        if (t.isScalarValue() && charAt(line, col) == '!') {
            String raw = lines[line - 1].substring(col - 1).strip();
            int hash = raw.indexOf(" #");
            if (hash > 0) raw = raw.substring(0, hash).strip();
            problems.add(Problem.error(file, line, col, "'" + raw + "' is read by YAML as a tag, not as text",
                    "put it in double quotes: \"" + raw + "\""));
            return new YNode.Scalar(line, col, YNode.ScalarType.STRING, raw, false);
        }
        switch (t) {
            case START_OBJECT: {
                LinkedHashMap<String, YNode.Entry> entries = new LinkedHashMap<>();
                for (JsonToken k = parser.nextToken(); k != JsonToken.END_OBJECT; k = parser.nextToken()) {
                    if (k == null) return null;
                    JsonLocation kl = parser.currentTokenLocation();
                    String name = parser.currentName();
                    if (name == null) name = "";
                    YNode.Key key = new YNode.Key(name, kl.getLineNr(), kl.getColumnNr());
                    JsonToken vt = parser.nextToken();
                    if (vt == null) return null;
                    YNode v = value(vt, depth + 1);
                    if (v == null) return null;
                    YNode.Entry before = entries.get(name);
                    if (before != null) {
                        problems.add(Problem.error(file, key.line(), key.column(),
                                "'" + name + "' is given twice (first on line " + before.key().line() + ")",
                                "keep one '" + name + "' and delete the other"));
                        continue;
                    }
                    entries.put(name, new YNode.Entry(key, v));
                }
                return new YNode.Map(line, col, entries);
            }
            case START_ARRAY: {
                List<YNode> items = new ArrayList<>();
                for (JsonToken i = parser.nextToken(); i != JsonToken.END_ARRAY; i = parser.nextToken()) {
                    if (i == null) return null;
                    YNode v = value(i, depth + 1);
                    if (v == null) return null;
                    items.add(v);
                }
                return new YNode.Seq(line, col, items);
            }
            case VALUE_STRING: {
                boolean quoted = quotedAt(line, col);
                String text = parser.getText();
                if (text.isEmpty() && !quoted) return new YNode.Scalar(line, col, YNode.ScalarType.NULL, "", false);
                return new YNode.Scalar(line, col, YNode.ScalarType.STRING, text, quoted);
            }
            case VALUE_NUMBER_INT:
                return new YNode.Scalar(line, col, YNode.ScalarType.INT, parser.getText(), false);
            case VALUE_NUMBER_FLOAT:
                return new YNode.Scalar(line, col, YNode.ScalarType.FLOAT, parser.getText(), false);
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new YNode.Scalar(line, col, YNode.ScalarType.BOOLEAN, parser.getText(), false);
            case VALUE_NULL:
                return new YNode.Scalar(line, col, YNode.ScalarType.NULL, "", false);
            default:
                return new YNode.Scalar(line, col, YNode.ScalarType.STRING, String.valueOf(parser.getText()), false);
        }
    }

    /** The last line before {@code line} with an odd number of double quotes (outside comments), or 0. */
    private int unclosedQuoteBefore(int line) {
        for (int i = Math.min(line, lines.length) - 1; i >= 1 && i >= line - 20; i--) {
            String l = lines[i - 1];
            int count = 0;
            boolean inQuote = false;
            for (int c = 0; c < l.length(); c++) {
                char ch = l.charAt(c);
                if (ch == '\\' && inQuote) {
                    c++;
                } else if (ch == '"') {
                    count++;
                    inQuote = !inQuote;
                } else if (ch == '#' && !inQuote && (c == 0 || l.charAt(c - 1) == ' ')) {
                    break;
                }
            }
            if (count % 2 == 1) return i;
        }
        return 0;
    }

    private boolean quotedAt(int line, int col) {
        char c = charAt(line, col);
        return c == '"' || c == '\'';
    }

    private char charAt(int line, int col) {
        if (line < 1 || line > lines.length) return 0;
        String l = lines[line - 1];
        if (col < 1 || col > l.length()) return 0;
        return l.charAt(col - 1);
    }

    /** snakeyaml's problem in words an author understands. */
    static String plain(String problem) {
        if (problem == null) return "unknown problem";
        String p = problem.strip();
        if (p.contains("mapping values are not allowed")) {
            return "a ':' where YAML does not expect one: put text containing ': ' in double quotes, or check the indentation";
        }
        if (p.startsWith("expected <block end>")) {
            return "this line does not fit the structure above it: check its indentation, and look for a quote left open on an earlier line";
        }
        if (p.contains("could not find expected ':'")) {
            return "a line here has no 'key:' where one is expected: check the indentation, or look for a quote left open";
        }
        if (p.contains("cannot start any token") && (p.contains("\\t") || p.contains("\t") || p.contains("TAB"))) {
            return "a tab character: YAML is indented with spaces only";
        }
        if (p.contains("found unexpected end of stream")) {
            return "the file ends inside a quoted text, a [list] or a {mapping}: a closing quote or bracket is missing";
        }
        if (p.contains("did not find expected ',' or ']'") || p.contains("did not find expected ',' or '}'")) {
            return "a [list] or {mapping} written on one line is not closed properly: a ',', ']' or '}' is missing or extra";
        }
        if (p.startsWith("unexpected character found")) {
            return "a character YAML does not expect here: text starting with '!', '&', '*' or '|' must be put in double quotes";
        }
        if (p.contains("cannot start any token")) {
            return p + ": text starting with this character must be put in double quotes";
        }
        return firstLine(p);
    }

    static String firstLine(String s) {
        if (s == null) return "unknown problem";
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }
}
