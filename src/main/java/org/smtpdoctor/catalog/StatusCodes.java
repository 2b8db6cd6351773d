package org.smtpdoctor.catalog;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.smtpdoctor.reply.EnhancedStatusCode;
import org.smtpdoctor.reply.ParsedReply;

/**
 * The built-in fallback tables of {@code rules/codes/}: every IANA enhanced status code (X.0.0 to X.7.30)
 * and every RFC 5321 reply code, with their category and meaning; and the words that say a failure's class where a
 * text has no code ({@link FailureClassWords}).
 */
public final class StatusCodes {
    private final Map<String, CodeMeaning> enhanced;
    private final Map<Integer, CodeMeaning> reply;
    private final FailureClassWords classWords;

    StatusCodes(Map<String, CodeMeaning> enhanced, Map<Integer, CodeMeaning> reply, FailureClassWords classWords) {
        this.enhanced = Map.copyOf(enhanced);
        this.reply = Map.copyOf(reply);
        this.classWords = classWords;
    }

    /** The registry entry for {@code code} (looked up by subject.detail), or null when it is not registered. */
    public CodeMeaning enhanced(EnhancedStatusCode code) {
        return code == null ? null : enhanced.get(code.subjectDetail());
    }

    /** The entry for a basic reply code, or null when it is not a known code. */
    public CodeMeaning reply(int code) {
        return reply.get(code);
    }

    /**
     * 4 or 5: the failure's class by the reply's codes ({@link ParsedReply#failureClass}), else by the words of its
     * text ("permanent error", "временная ошибка": {@code codes/failure-class-words.yaml}); 0 when neither says one.
     */
    public int failureClass(ParsedReply reply) {
        int byCode = reply.failureClass();
        return byCode != 0 ? byCode : classWords.classOf(reply.text());
    }

    /** Every category some code leads to, transient variants included. */
    public Set<String> categories() {
        Set<String> categories = new HashSet<>();
        Stream.concat(enhanced.values().stream(), reply.values().stream()).forEach(meaning -> {
            categories.add(meaning.category());
            if (meaning.transientCategory() != null) {
                categories.add(meaning.transientCategory());
            }
        });
        return categories;
    }

    public int enhancedCount() {
        return enhanced.size();
    }

    public int replyCount() {
        return reply.size();
    }
}
