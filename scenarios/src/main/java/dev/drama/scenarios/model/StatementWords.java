package dev.drama.scenarios.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Renders a preference statement ({@code "patrols -> !walkout"}) in plain words with option
 * labels ({@code if “Run patrols”, then not “Walk out”}). Only for display: the engine decides
 * what a statement means. A statement that does not parse is shown with ids replaced by labels.
 */
public final class StatementWords {
    private StatementWords() {
    }

    private sealed interface Node permits Atom, Not, Bin {
    }

    private record Atom(String id) implements Node {
    }

    private record Not(Node inner) implements Node {
    }

    private record Bin(String op, Node left, Node right) implements Node {
    }

    public static String render(String statement, Function<String, String> labelOf) {
        try {
            Parser p = new Parser(tokens(statement));
            Node n = p.equiv();
            if (p.pos != p.tokens.size()) throw new IllegalArgumentException();
            return words(n, labelOf, null);
        } catch (RuntimeException e) {
            return replaceIds(statement, labelOf);
        }
    }

    private static String words(Node n, Function<String, String> labelOf, String parentOp) {
        if (n instanceof Atom a) return quote(labelOf, a.id());
        if (n instanceof Not not) {
            String inner = words(not.inner(), labelOf, "!");
            return not.inner() instanceof Bin ? "not (" + inner + ")" : "not " + inner;
        }
        Bin b = (Bin) n;
        String l = words(b.left(), labelOf, b.op());
        String r = words(b.right(), labelOf, b.op());
        String s = switch (b.op()) {
            case "&" -> l + " and " + r;
            case "|" -> l + " or " + r;
            case "->" -> "if " + l + ", then " + r;
            default -> l + " exactly when " + r;
        };
        boolean wrap = parentOp != null && !(parentOp.equals(b.op()) && (b.op().equals("&") || b.op().equals("|")));
        return wrap ? "(" + s + ")" : s;
    }

    private static String quote(Function<String, String> labelOf, String id) {
        String label = labelOf.apply(id);
        return "“" + (label == null ? id : label) + "”";
    }

    private static String replaceIds(String statement, Function<String, String> labelOf) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < statement.length()) {
            char c = statement.charAt(i);
            if (Character.isLetter(c)) {
                int j = i;
                while (j < statement.length() && (Character.isLetterOrDigit(statement.charAt(j)) || statement.charAt(j) == '_')) j++;
                out.append(quote(labelOf, statement.substring(i, j)));
                i = j;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (s.startsWith("<->", i)) {
                out.add("<->");
                i += 3;
            } else if (s.startsWith("->", i)) {
                out.add("->");
                i += 2;
            } else if ("!&|()".indexOf(c) >= 0) {
                out.add(String.valueOf(c));
                i++;
            } else if (Character.isLetter(c)) {
                int j = i;
                while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) j++;
                out.add(s.substring(i, j));
                i = j;
            } else {
                throw new IllegalArgumentException("bad character");
            }
        }
        return out;
    }

    private static final class Parser {
        final List<String> tokens;
        int pos;

        Parser(List<String> tokens) {
            this.tokens = tokens;
        }

        boolean at(String t) {
            return pos < tokens.size() && tokens.get(pos).equals(t);
        }

        Node equiv() {
            Node n = impl();
            while (at("<->")) {
                pos++;
                n = new Bin("<->", n, impl());
            }
            return n;
        }

        Node impl() {
            Node n = or();
            if (at("->")) {
                pos++;
                return new Bin("->", n, impl());
            }
            return n;
        }

        Node or() {
            Node n = and();
            while (at("|")) {
                pos++;
                n = new Bin("|", n, and());
            }
            return n;
        }

        Node and() {
            Node n = unary();
            while (at("&")) {
                pos++;
                n = new Bin("&", n, unary());
            }
            return n;
        }

        Node unary() {
            if (pos >= tokens.size()) throw new IllegalArgumentException("end");
            String t = tokens.get(pos++);
            if (t.equals("!")) return new Not(unary());
            if (t.equals("(")) {
                Node n = equiv();
                if (!at(")")) throw new IllegalArgumentException(")");
                pos++;
                return n;
            }
            if (!Character.isLetter(t.charAt(0))) throw new IllegalArgumentException(t);
            return new Atom(t);
        }
    }
}
