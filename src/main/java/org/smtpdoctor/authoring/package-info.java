/**
 * Tools for the people who write rules: {@link org.smtpdoctor.authoring.RuleLinter} ({@code smtp-doctor lint},
 * every problem of rules, catalog and samples in one run, and {@code --show-drl}) and
 * {@link org.smtpdoctor.authoring.RuleScaffold} ({@code smtp-doctor new-rule}, a YAML rule and its sample case
 * from an example reply).
 */
package org.smtpdoctor.authoring;
