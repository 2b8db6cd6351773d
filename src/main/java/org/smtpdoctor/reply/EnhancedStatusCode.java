package org.smtpdoctor.reply;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An RFC 3463 enhanced mail system status code, {@code class.subject.detail}, such as {@code 5.7.8}.
 *
 * @param statusClass 2 (success), 4 (persistent transient failure) or 5 (permanent failure)
 */
public record EnhancedStatusCode(int statusClass, int subject, int detail) {
    private static final Pattern FORM = Pattern.compile("([245])\\.(\\d{1,3})\\.(\\d{1,3})");

    /** Parses {@code "5.7.8"}; returns null for anything else. */
    public static EnhancedStatusCode parse(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            return null;
        }
        return new EnhancedStatusCode(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)));
    }

    /** The class-independent part, {@code "7.8"}, as the IANA registry lists codes ({@code X.7.8}). */
    public String subjectDetail() {
        return subject + "." + detail;
    }

    /** True for class 4: the same attempt may succeed later. */
    public boolean isTransient() {
        return statusClass == 4;
    }

    @Override
    public String toString() {
        return statusClass + "." + subject + "." + detail;
    }
}
