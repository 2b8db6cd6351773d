/** Output forms of a diagnosis: JSON (fixed field names) and readable text. */
package org.smtpdoctor.report;
