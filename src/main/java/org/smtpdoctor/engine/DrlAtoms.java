package org.smtpdoctor.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * A strict reader of the smallest pieces of DRL the gate lets through: string literals, numbers, names,
 * and calls of one name with string literal arguments. Anything else (a method on a value, an operator, a
 * cast, a Java unicode escape that could end a string early) is not a piece it knows, and the gate refuses it.
 */
final class DrlAtoms {
    /** A token: a name, a number, a string literal (its value unescaped) or one punctuation character. */
    record Token(Kind kind, String value, int offset) {
    }

    enum Kind { NAME, NUMBER, STRING, PUNCT }

    private DrlAtoms() {
    }

    /**
     * The tokens of {@code text}; null when it holds anything but names, numbers, double-quoted strings
     * (escapes {@code \\} and {@code \"} only, so {@code \\u0022} is two characters, never a quote), and
     * the punctuation {@code ( ) , ; ! .}.
     */
    static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                i++;
            } else if (Character.isJavaIdentifierStart(c) && c != '$') {
                int start = i;
                while (i < text.length() && Character.isJavaIdentifierPart(text.charAt(i)) && text.charAt(i) != '$'
                        && !Character.isIdentifierIgnorable(text.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(Kind.NAME, text.substring(start, i), start));
            } else if (c >= '0' && c <= '9') {
                int start = i;
                while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                    i++;
                }
                if (i - start > 9) {
                    return null;
                }
                tokens.add(new Token(Kind.NUMBER, text.substring(start, i), start));
            } else if (c == '"') {
                int start = i;
                StringBuilder value = new StringBuilder();
                i++;
                while (true) {
                    if (i >= text.length() || text.charAt(i) == '\n' || text.charAt(i) == '\r') {
                        return null;
                    }
                    char d = text.charAt(i);
                    if (d == '"') {
                        i++;
                        break;
                    }
                    if (d == '\\') {
                        if (i + 1 >= text.length() || text.charAt(i + 1) != '\\' && text.charAt(i + 1) != '"') {
                            return null;
                        }
                        d = text.charAt(i + 1);
                        i++;
                    } else if (Character.isISOControl(d)) {
                        return null;
                    }
                    value.append(d);
                    i++;
                }
                tokens.add(new Token(Kind.STRING, value.toString(), start));
            } else if ("(),;!.".indexOf(c) >= 0) {
                tokens.add(new Token(Kind.PUNCT, String.valueOf(c), i));
                i++;
            } else {
                return null;
            }
        }
        return tokens;
    }

    /** Whether {@code tokens} from {@code from} are exactly the kinds and punctuation given ({@code null} = any name). */
    static boolean shape(List<Token> tokens, int from, Object... expected) {
        if (tokens.size() - from != expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            Token t = tokens.get(from + i);
            Object e = expected[i];
            boolean ok = e instanceof Kind k ? t.kind() == k : t.kind() == Kind.PUNCT && t.value().equals(e);
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
