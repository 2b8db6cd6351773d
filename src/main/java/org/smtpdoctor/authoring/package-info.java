/**
 * Tools for the people who write rules: {@link org.smtpdoctor.authoring.RuleLinter} ({@code smtp-doctor lint})
 * and {@link org.smtpdoctor.authoring.RuleScaffold} ({@code smtp-doctor new-rule}).
 */
package org.smtpdoctor.authoring;
