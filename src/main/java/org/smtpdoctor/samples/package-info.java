/** Sample cases (error text and expected category) and their verification: {@code smtp-doctor verify}. */
package org.smtpdoctor.samples;
