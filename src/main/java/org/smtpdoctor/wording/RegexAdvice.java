package org.smtpdoctor.wording;

import com.google.re2j.PatternSyntaxException;

/**
 * Says what to write instead when a rule author uses a regular expression construct RE2 does not have.
 * RE2 leaves them out on purpose: without look-around, back-references and backtracking, every pattern
 * matches in time linear in the text, so no pattern can hang the engine on a long reply.
 */
public final class RegexAdvice {
    private RegexAdvice() {
    }

    /** The problem message for a pattern that does not compile, with advice when the construct is a known one. */
    public static String message(String pattern, PatternSyntaxException e) {
        String construct = e.getPattern();
        String advice = advice(construct);
        return "pattern does not compile: " + e.getDescription() + " `" + construct + "` in \"" + pattern + "\""
                + (advice == null ? "" : "; " + advice);
    }

    private static String advice(String construct) {
        if (construct.startsWith("(?=") || construct.startsWith("(?!")) {
            return "look-ahead is not supported (patterns match in linear time): match the following words "
                    + "themselves, or test them with a second has(\"...\") or a not has(\"...\") constraint";
        }
        if (construct.startsWith("(?<=") || construct.startsWith("(?<!")) {
            return "look-behind is not supported (patterns match in linear time): match the preceding words "
                    + "themselves, or test them with a second has(\"...\") or a not has(\"...\") constraint";
        }
        if (construct.matches("\\\\[1-9].*")) {
            return "back-references are not supported (patterns match in linear time): write the repeated "
                    + "words out, or use a second has(\"...\")";
        }
        if (construct.startsWith("(?>")) {
            return "atomic groups are not needed, RE2 never backtracks: write (?:...)";
        }
        if (construct.matches("[*+?}]\\+")) {
            return "possessive quantifiers are not needed, RE2 never backtracks: drop the second +";
        }
        if (construct.equals("\\Z")) {
            return "write $ for the end of the text";
        }
        return null;
    }
}
