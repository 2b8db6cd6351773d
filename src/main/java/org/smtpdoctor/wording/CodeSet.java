package org.smtpdoctor.wording;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reply codes a rule's {@code code:} (or {@code not-code:}) lists: codes ({@code 535}), classes
 * ({@code 4xx}), ranges ({@code 530-535}) and {@code none} (the text carries no code).
 */
public final class CodeSet {
    private static final Pattern RANGE = Pattern.compile("([1-5]\\d\\d)-([1-5]\\d\\d)");
    private static final Pattern CLASS = Pattern.compile("([1-5])xx");
    private static final Pattern CODE = Pattern.compile("[1-5]\\d\\d");
    /** What a code entry may be, for messages. */
    static final String FORMS = "a reply code such as 535, a class such as 4xx, a range such as 530-535, or none";

    private final List<int[]> ranges;

    private CodeSet(List<int[]> ranges) {
        this.ranges = ranges;
    }

    /** Parses the entries; null when an entry is none of the accepted forms (the caller reports where). */
    static CodeSet parse(List<String> entries, List<Integer> badEntries) {
        List<int[]> ranges = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            int[] range = range(entries.get(i).strip().toLowerCase());
            if (range == null) {
                badEntries.add(i);
            } else {
                ranges.add(range);
            }
        }
        return badEntries.isEmpty() ? new CodeSet(List.copyOf(ranges)) : null;
    }

    private static int[] range(String entry) {
        if (entry.equals("none")) {
            return new int[] {0, 0};
        }
        if (CODE.matcher(entry).matches()) {
            int code = Integer.parseInt(entry);
            return new int[] {code, code};
        }
        Matcher c = CLASS.matcher(entry);
        if (c.matches()) {
            int base = Integer.parseInt(c.group(1)) * 100;
            return new int[] {base, base + 99};
        }
        Matcher r = RANGE.matcher(entry);
        if (r.matches() && Integer.parseInt(r.group(1)) <= Integer.parseInt(r.group(2))) {
            return new int[] {Integer.parseInt(r.group(1)), Integer.parseInt(r.group(2))};
        }
        return null;
    }

    /** Whether {@code code} (0 for a text without one) is in the set, as {@link #constraint} tests it in the rules. */
    public boolean contains(int code) {
        for (int[] r : ranges) {
            if (code >= r[0] && code <= r[1]) {
                return true;
            }
        }
        return false;
    }

    /** The DRL constraint that holds when the reply's code is in the set: only numbers, no text of the author's. */
    String constraint() {
        List<String> terms = new ArrayList<>();
        for (int[] r : ranges) {
            terms.add(r[0] == r[1] ? "code == " + r[0] : "(code >= " + r[0] + " && code <= " + r[1] + ")");
        }
        return String.join(" || ", terms);
    }

    /**
     * The DRL constraint that holds when the reply's code is not in the set, written as the complement
     * ({@code code != 0 && (code < 530 || code > 535)}), never as {@code !(...)}: Drools 10.2 takes a negated
     * equality for an equality when it indexes three or more alike conditions and fails on it (a
     * StringIndexOutOfBoundsException in MVELConstraint.getLeftInExpression while the rules compile).
     */
    String exclusion() {
        List<String> terms = new ArrayList<>();
        for (int[] r : ranges) {
            terms.add(r[0] == r[1] ? "code != " + r[0] : "(code < " + r[0] + " || code > " + r[1] + ")");
        }
        return String.join(" && ", terms);
    }
}
