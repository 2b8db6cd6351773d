package org.smtpdoctor.engine;

import java.util.List;
import org.smtpdoctor.source.Problem;

/** Hears what a watching {@link Diagnoser} did with a change of its rules directory. Called on the watcher's thread. */
public interface RuleSetListener {
    /** The changed directory loaded, and the rule set of this version now serves every new diagnosis. */
    void reloaded(String version);

    /** The changed directory did not load; the last good rule set keeps serving. */
    void refused(List<Problem> problems);
}
