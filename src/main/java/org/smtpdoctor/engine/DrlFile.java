package org.smtpdoctor.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.smtpdoctor.source.SourceFile;

/**
 * What the loader reads from a DRL file's text before Drools compiles it: the package, where each rule
 * is declared, the patterns passed to {@code has}/{@code find}, and the categories passed to {@code conclude},
 * each with its line and column. Comments are blanked first so that commented-out code is ignored.
 */
final class DrlFile {
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)");
    private static final Pattern RULE = Pattern.compile("\\brule\\s+\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern TEXT_TEST = Pattern.compile("\\b(?:has|find)\\s*\\(\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern FIND = Pattern.compile("\\bfind\\s*\\(\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern CONCLUDE_CALL = Pattern.compile("\\bconclude\\s*\\(");
    private static final Pattern CONCLUSION = Pattern.compile(
            "\\bconclude\\s*\\(\\s*kcontext\\s*,\\s*\"([^\"]*)\"(?:\\s*,\\s*\"([^\"]*)\")?");

    /** A string literal of interest, at its 1-based line and column (the column of its opening quote). */
    record Literal(String value, int line, int column) {
    }

    private final SourceFile source;
    private final String code;
    private final String packageName;
    private final List<Literal> rules;
    private final List<Literal> patterns;
    private final List<Literal> finds;
    private final List<Literal> conclusions;
    private final List<Literal> conclusionParams = new ArrayList<>();

    DrlFile(SourceFile source) {
        this.source = source;
        this.code = blankComments(source.content());
        Matcher pkg = PACKAGE.matcher(code);
        this.packageName = pkg.find() ? pkg.group(1) : "";
        this.rules = literals(RULE, true); // Drools resolves the escapes of a rule name as Java does
        this.patterns = literals(TEXT_TEST, true);
        this.finds = literals(FIND, true);
        this.conclusions = concludeCalls();
    }

    SourceFile source() {
        return source;
    }

    String packageName() {
        return packageName;
    }

    /** Rule names as Drools reads them (escapes resolved), at the position of the name. */
    List<Literal> rules() {
        return rules;
    }

    /** Patterns as Java would read the literal (escapes resolved). */
    List<Literal> patterns() {
        return patterns;
    }

    /** The patterns passed to {@code find}, whose named groups become parameters. */
    List<Literal> finds() {
        return finds;
    }

    /** The parameter names passed as {@code conclude(kcontext, "category", "name", value)}. */
    List<Literal> conclusionParams() {
        return conclusionParams;
    }

    /** The text with comments blanked: offsets, lines and columns are those of the file. */
    String code() {
        return code;
    }

    /** A literal standing for {@code value} at {@code offset} of {@link #code()}. */
    Literal at(int offset, String value) {
        return new Literal(value, lineOf(offset), columnOf(offset));
    }

    /**
     * Every {@code conclude(} call: its category at the opening quote, or a null value at the call when the
     * category is not a quoted id (which the loader cannot check).
     */
    List<Literal> conclusions() {
        return conclusions;
    }

    private List<Literal> concludeCalls() {
        List<Literal> found = new ArrayList<>();
        Matcher call = CONCLUDE_CALL.matcher(code);
        Matcher literal = CONCLUSION.matcher(code);
        while (call.find()) {
            literal.region(call.start(), code.length());
            boolean quoted = literal.lookingAt();
            int at = quoted ? literal.start(1) - 1 : call.start();
            found.add(new Literal(quoted ? literal.group(1) : null, lineOf(at), columnOf(at)));
            if (quoted && literal.group(2) != null) {
                conclusionParams.add(at(literal.start(2) - 1, literal.group(2)));
            }
        }
        return found;
    }

    private List<Literal> literals(Pattern pattern, boolean unescape) {
        List<Literal> found = new ArrayList<>();
        Matcher m = pattern.matcher(code);
        while (m.find()) {
            int offset = m.start(1) - 1;
            String value = unescape ? unescapeJava(m.group(1)) : m.group(1);
            found.add(new Literal(value, lineOf(offset), columnOf(offset)));
        }
        return found;
    }

    private int lineOf(int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (code.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private int columnOf(int offset) {
        int lineStart = code.lastIndexOf('\n', offset - 1) + 1;
        return offset - lineStart + 1;
    }

    /** Replaces comment characters with spaces (keeping line breaks), so offsets stay those of the file. */
    static String blankComments(String text) {
        StringBuilder b = new StringBuilder(text);
        int i = 0;
        while (i < b.length()) {
            char c = b.charAt(i);
            if (c == '"' || c == '\'') { // DRL strings take either quote
                i = skipString(b, i);
            } else if (c == '/' && i + 1 < b.length() && b.charAt(i + 1) == '/') {
                while (i < b.length() && b.charAt(i) != '\n') {
                    b.setCharAt(i++, ' ');
                }
            } else if (c == '/' && i + 1 < b.length() && b.charAt(i + 1) == '*') {
                int end = b.indexOf("*/", i + 2);
                int stop = end < 0 ? b.length() : end + 2;
                for (; i < stop; i++) {
                    if (b.charAt(i) != '\n') {
                        b.setCharAt(i, ' ');
                    }
                }
            } else {
                i++;
            }
        }
        return b.toString();
    }

    /** The index after the string literal opening at {@code quote}; it ends at its closing quote or the line's end. */
    static int skipString(CharSequence b, int quote) {
        int i = quote + 1;
        while (i < b.length() && b.charAt(i) != b.charAt(quote) && b.charAt(i) != '\n') {
            i += b.charAt(i) == '\\' ? 2 : 1;
        }
        return i + 1;
    }

    /** Resolves the escapes of a Java string literal: what the rule's code will pass at run time. */
    static String unescapeJava(String literal) {
        StringBuilder out = new StringBuilder(literal.length());
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (c != '\\' || i + 1 == literal.length()) {
                out.append(c);
                continue;
            }
            char next = literal.charAt(++i);
            switch (next) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    out.append((char) Integer.parseInt(literal.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(next);
            }
        }
        return out.toString();
    }
}
