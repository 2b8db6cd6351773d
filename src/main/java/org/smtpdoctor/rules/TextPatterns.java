package org.smtpdoctor.rules;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The compiled form of every pattern a rule set uses, compiled once.
 *
 * <p>Patterns are RE2 syntax (RE2/J), matched case-insensitively. RE2 runs in time linear in the
 * input, so no pattern a rule author writes can make the engine hang on a long line.
 */
public final class TextPatterns {
    private final Map<String, Pattern> compiled = new ConcurrentHashMap<>();

    /**
     * Compiles a pattern now, so that a bad one is reported when the rules load rather than when a reply
     * first reaches it.
     *
     * @throws PatternSyntaxException when the pattern is not valid RE2 syntax
     */
    public Pattern compile(String pattern) {
        return compiled.computeIfAbsent(pattern, p -> Pattern.compile(p, Pattern.CASE_INSENSITIVE));
    }
}
