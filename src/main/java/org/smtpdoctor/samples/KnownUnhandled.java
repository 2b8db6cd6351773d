package org.smtpdoctor.samples;

import java.util.ArrayList;
import java.util.List;

/**
 * The verdict on the known-unhandled cases ({@code samples/unhandled/}): real replies the rules do not
 * diagnose right yet. They never fail {@code verify}; the report counts them and names the ones that now
 * pass, so that they can be moved to their category's sample file.
 */
public final class KnownUnhandled {
    private KnownUnhandled() {
    }

    /** The cases of {@code results} that are now diagnosed as expected. */
    public static List<SampleResult> nowHandled(List<SampleResult> results) {
        return results.stream().filter(SampleResult::passed).toList();
    }

    /** The report lines: a count, then one line per case that now passes. */
    public static List<String> report(List<SampleResult> results) {
        List<SampleResult> handled = nowHandled(results);
        List<String> lines = new ArrayList<>();
        lines.add("known unhandled: " + results.size() + " cases, " + handled.size() + " now diagnosed as expected");
        for (SampleResult r : handled) {
            lines.add(r.sample().location() + ": now handled as " + r.sample().expect()
                    + " (move it to its category's sample file)");
        }
        return lines;
    }
}
