package org.smtpdoctor;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Dependencies point inward: the engine never knows how it is run; the server is used by the CLI only, a leaf. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.smtpdoctor");

    @Test
    void layersDependOnlyInward() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Reply").definedBy("org.smtpdoctor.reply..")
                .layer("Source").definedBy("org.smtpdoctor.source..")
                .layer("Rules").definedBy("org.smtpdoctor.rules..")
                .layer("Catalog").definedBy("org.smtpdoctor.catalog..")
                .layer("Engine").definedBy("org.smtpdoctor.engine..")
                .layer("Samples").definedBy("org.smtpdoctor.samples..")
                .layer("Check").definedBy("org.smtpdoctor.check..")
                .layer("Report").definedBy("org.smtpdoctor.report..")
                .layer("Batch").definedBy("org.smtpdoctor.batch..")
                .layer("Authoring").definedBy("org.smtpdoctor.authoring..")
                .layer("Server").definedBy("org.smtpdoctor.server..")
                .layer("Cli").definedBy("org.smtpdoctor.cli..")
                .layer("Spark").definedBy("org.smtpdoctor.spark..")
                .whereLayer("Cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("Spark").mayNotBeAccessedByAnyLayer()
                .whereLayer("Server").mayOnlyBeAccessedByLayers("Cli")
                .whereLayer("Batch").mayOnlyBeAccessedByLayers("Server", "Cli", "Spark")
                .whereLayer("Authoring").mayOnlyBeAccessedByLayers("Server", "Cli")
                .whereLayer("Samples").mayOnlyBeAccessedByLayers("Authoring", "Server", "Cli")
                .whereLayer("Report").mayOnlyBeAccessedByLayers("Batch", "Server", "Cli")
                .whereLayer("Check").mayOnlyBeAccessedByLayers("Report", "Cli")
                .whereLayer("Engine").mayOnlyBeAccessedByLayers("Samples", "Check", "Report", "Batch", "Authoring", "Server", "Cli", "Spark")
                .whereLayer("Rules").mayOnlyBeAccessedByLayers("Engine")
                .whereLayer("Catalog").mayOnlyBeAccessedByLayers("Engine", "Samples", "Report", "Batch", "Authoring", "Server", "Cli", "Spark")
                .check(CLASSES);
    }

    /** Spark is a provided dependency: only the Spark package may use it, so the CLI runs without it. */
    @Test
    void onlyTheSparkPackageUsesSpark() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses()
                .that().resideOutsideOfPackage("org.smtpdoctor.spark..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "org.apache.hadoop..", "scala..")
                .check(CLASSES);
    }
}
