/** Reading rule and sample files: folders or the bundled copy, YAML with positions, problems with file:line:col. */
package org.smtpdoctor.source;
