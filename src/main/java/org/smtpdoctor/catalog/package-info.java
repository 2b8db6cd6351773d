/**
 * Knowledge that is text and tables: the taxonomy ({@code rules/categories.yaml}), the advice catalogs
 * ({@code rules/catalog/*.yaml}) and the status code tables ({@code rules/codes/*.yaml}), read by
 * {@link org.smtpdoctor.catalog.CatalogLoader}.
 */
package org.smtpdoctor.catalog;
