package dev.drama.engine.preference;

import dev.drama.engine.StatementException;
import java.util.List;
import java.util.Map;

/**
 * Recursive-descent parser for the statement language of drama-theory.md section 3. Binding
 * from tightest to loosest: {@code !}, {@code &}, {@code |}, {@code ->} (right-associative),
 * {@code <->}. Columns in errors are 1-based.
 */
final class StatementParser {
    private enum Tok { ID, NOT, AND, OR, IMPLIES, IFF, LPAREN, RPAREN, END }

    private final String text;
    private final Map<String, Integer> optionIndex;
    private final List<String> optionIds;
    private int pos;
    private Tok tok;
    private int tokStart;
    private String tokText;

    private StatementParser(String text, List<String> optionIds, Map<String, Integer> optionIndex) {
        this.text = text;
        this.optionIds = optionIds;
        this.optionIndex = optionIndex;
    }

    static Expr parse(String text, List<String> optionIds, Map<String, Integer> optionIndex) throws StatementException {
        if (text == null || text.isBlank()) {
            throw new StatementException("empty statement", text == null ? "" : text, 1);
        }
        StatementParser p = new StatementParser(text, optionIds, optionIndex);
        p.advance();
        Expr e = p.iff();
        if (p.tok != Tok.END) {
            if (p.tok == Tok.RPAREN) {
                throw p.error("unexpected ')' at column " + p.column() + " with no matching '('");
            }
            throw p.error("unexpected " + p.describe() + " at column " + p.column() + "; expected an operator (&, |, ->, <->) or the end");
        }
        return e;
    }

    private Expr iff() throws StatementException {
        Expr left = implies();
        while (tok == Tok.IFF) {
            advance();
            left = new Expr.Iff(left, implies());
        }
        return left;
    }

    private Expr implies() throws StatementException {
        Expr left = or();
        if (tok == Tok.IMPLIES) {
            advance();
            return new Expr.Implies(left, implies());
        }
        return left;
    }

    private Expr or() throws StatementException {
        Expr left = and();
        while (tok == Tok.OR) {
            advance();
            left = new Expr.Or(left, and());
        }
        return left;
    }

    private Expr and() throws StatementException {
        Expr left = unary();
        while (tok == Tok.AND) {
            advance();
            left = new Expr.And(left, unary());
        }
        return left;
    }

    private Expr unary() throws StatementException {
        switch (tok) {
            case NOT -> {
                advance();
                return new Expr.Not(unary());
            }
            case LPAREN -> {
                int open = column();
                advance();
                Expr inner = iff();
                if (tok != Tok.RPAREN) {
                    throw error(tok == Tok.END
                            ? "missing ')' to close the '(' at column " + open
                            : "unexpected " + describe() + " at column " + column() + "; expected ')' to close the '(' at column " + open);
                }
                advance();
                return inner;
            }
            case ID -> {
                Integer index = optionIndex.get(tokText);
                if (index == null) {
                    String hint = Suggest.nearest(tokText, optionIds);
                    throw error("unknown option '" + tokText + "' at column " + column()
                            + (hint == null ? "" : "; did you mean '" + hint + "'?"));
                }
                advance();
                return new Expr.Var(index);
            }
            case END -> throw error("unexpected end of statement at column " + column() + "; expected an option id, '!' or '('");
            default -> throw error("unexpected " + describe() + " at column " + column() + "; expected an option id, '!' or '('");
        }
    }

    private int column() {
        return tokStart + 1;
    }

    private String describe() {
        return tok == Tok.END ? "end of statement" : "'" + tokText + "'";
    }

    private StatementException error(String message) {
        return new StatementException(message, text, column());
    }

    private void advance() throws StatementException {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
        tokStart = pos;
        if (pos >= text.length()) {
            tok = Tok.END;
            tokText = "";
            return;
        }
        char c = text.charAt(pos);
        if (isIdStart(c)) {
            int end = pos + 1;
            while (end < text.length() && isIdPart(text.charAt(end))) {
                end++;
            }
            tok = Tok.ID;
            tokText = text.substring(pos, end);
            pos = end;
            return;
        }
        switch (c) {
            case '!' -> single(Tok.NOT, "!");
            case '&' -> single(Tok.AND, "&");
            case '|' -> single(Tok.OR, "|");
            case '(' -> single(Tok.LPAREN, "(");
            case ')' -> single(Tok.RPAREN, ")");
            case '-' -> {
                if (text.startsWith("->", pos)) {
                    tok = Tok.IMPLIES;
                    tokText = "->";
                    pos += 2;
                } else {
                    throw new StatementException("unexpected '-' at column " + (pos + 1) + "; did you mean '->'?", text, pos + 1);
                }
            }
            case '<' -> {
                if (text.startsWith("<->", pos)) {
                    tok = Tok.IFF;
                    tokText = "<->";
                    pos += 3;
                } else {
                    throw new StatementException("unexpected '<' at column " + (pos + 1) + "; did you mean '<->'?", text, pos + 1);
                }
            }
            default -> throw new StatementException("unexpected character '" + c + "' at column " + (pos + 1)
                    + "; expected an option id or one of ! & | -> <-> ( )", text, pos + 1);
        }
    }

    private void single(Tok t, String s) {
        tok = t;
        tokText = s;
        pos++;
    }

    static boolean isIdStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isIdPart(char c) {
        return isIdStart(c) || (c >= '0' && c <= '9') || c == '_';
    }
}
