/** Batch runs over logs: one record per input line, in order, and a summary. */
package org.smtpdoctor.batch;
