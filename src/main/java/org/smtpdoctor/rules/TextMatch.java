package org.smtpdoctor.rules;

import java.util.Map;

/**
 * A successful {@link Reply#find} against the reply text: what matched, and the named groups that
 * become the diagnosis' parameters ({@code (?P<url>https?://\S+)} gives the parameter {@code url}).
 */
public record TextMatch(String matched, Map<String, String> params) {
}
