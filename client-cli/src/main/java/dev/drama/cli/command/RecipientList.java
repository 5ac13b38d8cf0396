package dev.drama.cli.command;

import java.util.ArrayList;
import java.util.List;

/**
 * The TO[,TO...] of /tell, /offer and /counter, read from the raw line: names separated
 * by commas without spaces, each bare or in double quotes ({@code "Karen Whitlow",police}),
 * a quoted name keeping its commas and spaces. The list ends at the first space outside
 * quotes, so what comes after it (the text, the offer's terms) is left exactly as typed.
 *
 * @param names the names as typed, quotes removed, in order
 * @param end   where the list ends in the line
 */
record RecipientList(List<String> names, int end) {

    /** @throws IllegalArgumentException on an unclosed quote or an empty name */
    static RecipientList parse(String line, int from) {
        List<String> names = new ArrayList<>();
        int i = skipSpaces(line, from);
        while (true) {
            int start = i;
            StringBuilder name = new StringBuilder();
            if (i < line.length() && line.charAt(i) == '"') {
                i++;
                while (i < line.length() && line.charAt(i) != '"') {
                    if (line.charAt(i) == '\\' && i + 1 < line.length()
                            && (line.charAt(i + 1) == '"' || line.charAt(i + 1) == '\\')) {
                        i++;
                    }
                    name.append(line.charAt(i++));
                }
                if (i >= line.length()) {
                    throw new IllegalArgumentException("this quote is never closed: " + line.substring(start));
                }
                i++;
            } else {
                while (i < line.length() && line.charAt(i) != ',' && !Character.isWhitespace(line.charAt(i))) {
                    name.append(line.charAt(i++));
                }
            }
            if (name.toString().isBlank()) {
                throw new IllegalArgumentException("empty name in '" + line.substring(from, i).strip()
                        + "': separate characters with commas, no spaces (quote a name with spaces: \"Karen Whitlow\",police)");
            }
            names.add(name.toString().strip());
            if (i < line.length() && line.charAt(i) == ',') {
                i++;
                continue;
            }
            if (i < line.length() && !Character.isWhitespace(line.charAt(i))) {
                throw new IllegalArgumentException("expected a comma or a space after " + line.substring(start, i)
                        + ", got '" + line.charAt(i) + "'");
            }
            return new RecipientList(names, i);
        }
    }

    private static int skipSpaces(String line, int i) {
        while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        return i;
    }
}
