/**
 * Sample cases (error text and expected category) and their verification, {@code smtp-doctor verify}; and the
 * held-out evaluation set (real texts labelled by hand, never used to write a rule) with its figures per kind of
 * source and language, {@code smtp-doctor evaluate}.
 */
package org.smtpdoctor.samples;
