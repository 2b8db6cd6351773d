/** The {@code smtp-doctor} command line (picocli): diagnose, batch, verify. Nothing else depends on it. */
package org.smtpdoctor.cli;
