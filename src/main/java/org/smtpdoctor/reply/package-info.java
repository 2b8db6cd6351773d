/** Reply parsing: any error text becomes one {@link org.smtpdoctor.reply.ParsedReply} (code, enhanced code, text). */
package org.smtpdoctor.reply;
