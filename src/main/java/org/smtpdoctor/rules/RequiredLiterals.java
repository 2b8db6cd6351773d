package org.smtpdoctor.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the text must contain for a case-insensitive RE2 pattern to have any chance of matching, read
 * from the pattern's source: a set of {@link TextPatterns#fold(String) folded} strings of which every match
 * contains at least one.
 *
 * <p>Why from the source: RE2/J keeps its parsed syntax tree private, and the patterns rule authors
 * write are plain (words, groups, alternations, classes, repeats). The analysis is conservative:
 * a class, a dot, a letter of a script whose case folding is not simple, or an optional part contributes nothing; anything this reader does
 * not understand (flags other than {@code i}, {@code \Q...\E}) gives no filter at all, so the pattern
 * always runs. A concatenation needs all its parts, so the longest single part is enough; an
 * alternation needs one of its branches, so each branch must bring a literal or the whole gives none.
 */
final class RequiredLiterals {
    /** Cross products of optional parts stay small: a few wordings, never an explosion. */
    private static final int MAX_ALTERNATIVES = 16;

    private final String source;
    private int position;

    private RequiredLiterals(String source) {
        this.source = source;
    }

    /** The required literals of {@code pattern}, or null when no literal is certain (the pattern always runs). */
    static Set<String> of(String pattern) {
        try {
            RequiredLiterals reader = new RequiredLiterals(pattern);
            Facts facts = reader.readAll();
            Set<String> required = facts.best();
            return required == null || required.contains("") ? null : required;
        } catch (IllegalArgumentException unsupported) {
            return null;
        }
    }

    /** Whether {@code foldedText} holds one of {@code literals} (from {@link #of}; {@code null}: none is needed). */
    static boolean anyIn(String[] literals, String foldedText) {
        if (literals == null) {
            return true;
        }
        for (String literal : literals) {
            if (foldedText.contains(literal)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether RE2's case folding of {@code c} is what {@link TextPatterns#fold(char)} makes of it: the Latin
     * letters (Latin-1 to Latin Extended-B, IPA, Latin Extended Additional: European, Turkish, Azerbaijani and
     * Vietnamese wordings), Greek, Cyrillic, Armenian, Georgian, and the scripts without case (CJK, kana, Hangul).
     * A test checks every letter of them against RE2/J's own folding; a character of any other script brings no
     * literal.
     */
    static boolean foldsSimply(char c) {
        return c >= 0xC0 && c <= 0x2AF && c != 0xD7 && c != 0xF7
                || c >= 0x370 && c <= 0x58F
                || c >= 0x10A0 && c <= 0x10FF
                || c >= 0x1C90 && c <= 0x1CBF
                || c >= 0x1E00 && c <= 0x1FFF
                || c >= 0x3040 && c <= 0x30FF
                || c >= 0x4E00 && c <= 0x9FFF
                || c >= 0xAC00 && c <= 0xD7A3;
    }

    private Facts readAll() {
        Facts all = alternation();
        if (position < source.length()) {
            throw new IllegalArgumentException("unbalanced ) at " + position);
        }
        return all;
    }

    private Facts alternation() {
        List<Facts> branches = new ArrayList<>();
        branches.add(concatenation());
        while (position < source.length() && source.charAt(position) == '|') {
            position++;
            branches.add(concatenation());
        }
        return branches.size() == 1 ? branches.get(0) : Facts.anyOf(branches);
    }

    private Facts concatenation() {
        List<Facts> parts = new ArrayList<>();
        while (position < source.length() && source.charAt(position) != '|' && source.charAt(position) != ')') {
            parts.add(repetition(atom()));
        }
        return Facts.allOf(parts);
    }

    private Facts atom() {
        char c = source.charAt(position++);
        switch (c) {
            case '(':
                return group();
            case '[':
                return characterClass();
            case '.':
                return Facts.UNKNOWN;
            case '^':
            case '$':
                return Facts.EMPTY;
            case '\\':
                return escape();
            default:
                return Facts.literal(c);
        }
    }

    private Facts group() {
        if (source.startsWith("?P<", position) || source.startsWith("?<", position)) {
            position = requireIndex(source.indexOf('>', position)) + 1;
        } else if (source.startsWith("?", position)) {
            int end = position + 1;
            while (end < source.length() && Character.isLetter(source.charAt(end))) {
                end++;
            }
            String flags = source.substring(position + 1, end);
            if (!flags.chars().allMatch(f -> f == 'i') || end >= source.length()) {
                throw new IllegalArgumentException("flags " + flags);
            }
            position = end + 1;
            if (source.charAt(end) == ')') {
                return Facts.EMPTY;
            }
            if (source.charAt(end) != ':') {
                throw new IllegalArgumentException("group form at " + end);
            }
        }
        Facts inside = alternation();
        if (position >= source.length() || source.charAt(position) != ')') {
            throw new IllegalArgumentException("missing )");
        }
        position++;
        return inside;
    }

    private Facts escape() {
        if (position >= source.length()) {
            throw new IllegalArgumentException("trailing backslash");
        }
        char c = source.charAt(position++);
        if (c == 'b' || c == 'B' || c == 'A' || c == 'z') {
            return Facts.EMPTY;
        }
        if (c == 'p' || c == 'P') {
            if (position < source.length() && source.charAt(position) == '{') {
                position = requireIndex(source.indexOf('}', position)) + 1;
            } else {
                position++;
            }
            return Facts.UNKNOWN;
        }
        if (c == 'Q' || c == 'x' || Character.isDigit(c)) {
            throw new IllegalArgumentException("escape \\" + c);
        }
        // \d \s \w, \n \t and the like are classes or control characters: no literal to rely on.
        return Character.isLetter(c) ? Facts.UNKNOWN : Facts.literal(c);
    }

    /** A class of a few plain characters ({@code [- ]}, {@code [sz]}) is a small exact set; other classes are unknown. */
    private Facts characterClass() {
        int start = position;
        skipClass();
        String members = source.substring(start, position - 1);
        if (members.isEmpty() || members.length() > 8 || members.startsWith("^")
                || members.chars().anyMatch(c -> c == '\\' || c == '[' || c > 0x7F)
                || members.indexOf('-') > 0 && members.indexOf('-') < members.length() - 1) {
            return Facts.UNKNOWN;
        }
        Set<String> options = new LinkedHashSet<>();
        members.chars().forEach(c -> options.add(String.valueOf(TextPatterns.fold((char) c))));
        return new Facts(options, null);
    }

    private void skipClass() {
        if (source.startsWith("^", position)) {
            position++;
        }
        if (source.startsWith("]", position)) {
            position++;
        }
        while (position < source.length() && source.charAt(position) != ']') {
            if (source.charAt(position) == '\\') {
                position++;
            } else if (source.startsWith("[:", position)) {
                position = requireIndex(source.indexOf(":]", position + 2)) + 1;
            }
            position++;
        }
        if (position >= source.length()) {
            throw new IllegalArgumentException("unterminated class");
        }
        position++;
    }

    private Facts repetition(Facts atom) {
        if (position >= source.length()) {
            return atom;
        }
        char c = source.charAt(position);
        int min;
        int max;
        if (c == '?' || c == '*' || c == '+') {
            position++;
            min = c == '+' ? 1 : 0;
            max = c == '?' ? 1 : Integer.MAX_VALUE;
        } else if (c == '{' && source.indexOf('}', position) > position
                && source.substring(position + 1, source.indexOf('}', position)).matches("\\d+(,\\d*)?")) {
            String[] bounds = source.substring(position + 1, source.indexOf('}', position)).split(",", -1);
            position = source.indexOf('}', position) + 1;
            min = Integer.parseInt(bounds[0]);
            max = bounds.length == 1 ? min : bounds[1].isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(bounds[1]);
        } else {
            return atom;
        }
        if (position < source.length() && source.charAt(position) == '?') {
            position++;
        }
        if (min == 0 && max == 1) {
            return atom.orEmpty();
        }
        return min == 0 ? Facts.UNKNOWN : atom.atLeastOnce();
    }

    private static int requireIndex(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("unterminated construct");
        }
        return index;
    }

    /**
     * What is known about the strings a part of a pattern matches: the exact set, when it is small and
     * known, else a set of which every match contains one (or null).
     */
    private record Facts(Set<String> exact, Set<String> required) {
        static final Facts UNKNOWN = new Facts(null, null);
        static final Facts EMPTY = new Facts(Set.of(""), null);

        static Facts literal(char c) {
            if (c > 0x7F && !foldsSimply(c)) {
                return UNKNOWN;
            }
            return new Facts(Set.of(String.valueOf(TextPatterns.fold(c))), null);
        }

        Facts orEmpty() {
            if (exact == null || exact.size() >= MAX_ALTERNATIVES) {
                return UNKNOWN;
            }
            Set<String> options = new LinkedHashSet<>(exact);
            options.add("");
            return new Facts(options, null);
        }

        Facts atLeastOnce() {
            return new Facts(null, best());
        }

        /** The literals this part guarantees: its exact set, else its required set; null when none. */
        Set<String> best() {
            if (exact != null && !exact.contains("")) {
                return exact;
            }
            return required;
        }

        static Facts anyOf(List<Facts> branches) {
            Set<String> exact = new LinkedHashSet<>();
            Set<String> required = new LinkedHashSet<>();
            for (Facts branch : branches) {
                if (exact != null && branch.exact != null) {
                    exact.addAll(branch.exact);
                } else {
                    exact = null;
                }
                Set<String> guaranteed = branch.best();
                if (required != null && guaranteed != null) {
                    required.addAll(guaranteed);
                } else {
                    required = null;
                }
            }
            if (exact != null && exact.size() > MAX_ALTERNATIVES) {
                exact = null;
            }
            return new Facts(exact, required);
        }

        /** A concatenation: adjacent exact parts multiply into longer literals; the strongest part wins. */
        static Facts allOf(List<Facts> parts) {
            List<Set<String>> candidates = new ArrayList<>();
            Set<String> current = Set.of("");
            boolean exactSoFar = true;
            for (Facts part : parts) {
                if (part.exact != null && current.size() * part.exact.size() <= MAX_ALTERNATIVES) {
                    current = product(current, part.exact);
                    continue;
                }
                exactSoFar = false;
                candidates.add(current);
                current = Set.of("");
                if (part.exact != null) {
                    current = part.exact;
                } else if (part.required != null) {
                    candidates.add(part.required);
                }
            }
            candidates.add(current);
            Set<String> strongest = candidates.stream()
                    .filter(set -> !set.contains(""))
                    .max(Comparator.comparingInt(Facts::shortest))
                    .orElse(null);
            return new Facts(exactSoFar ? current : null, strongest);
        }

        private static int shortest(Set<String> literals) {
            return literals.stream().mapToInt(String::length).min().orElse(0);
        }

        private static Set<String> product(Set<String> left, Set<String> right) {
            Set<String> result = new LinkedHashSet<>();
            for (String l : left) {
                for (String r : right) {
                    result.add(l + r);
                }
            }
            return result;
        }
    }
}
