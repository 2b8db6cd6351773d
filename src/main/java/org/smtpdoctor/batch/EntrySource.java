package org.smtpdoctor.batch;

import java.io.IOException;

/** Reads the records of one input in order; an input format ({@link InputFormat}) makes one per input. */
interface EntrySource {
    /** The next record, or null at the end of the input. */
    LogEntry next() throws IOException;

    /** Lines read that are not error records (mail log formats), for the summary. */
    default long otherLines() {
        return 0;
    }
}
