/**
 * The engine as an Apache Spark job ({@link org.smtpdoctor.spark.SparkJob}) and SQL function
 * ({@link org.smtpdoctor.spark.SmtpDoctor#register}): the records of {@code batch}, made by batch's own code
 * ({@link org.smtpdoctor.batch.BatchRecords}) on every executor, with one rule set shipped from the driver.
 * Spark is a {@code provided} dependency: nothing outside this package refers to it.
 */
package org.smtpdoctor.spark;
