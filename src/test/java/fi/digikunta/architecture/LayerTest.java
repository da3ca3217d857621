package fi.digikunta.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layers of docs/decisions.md ("Architecture"), stated as rules over the main classes:
 * {@code cli} → {@code pipeline} → the stages → the foundation. A stage knows only the stages
 * before it in the data flow (inbox → read → validate → compute → report → publish).
 */
@AnalyzeClasses(packages = "fi.digikunta", importOptions = ImportOption.DoNotIncludeTests.class)
class LayerTest {
    private static final String P = "fi.digikunta.";

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("cli").definedBy(P + "cli..")
            .layer("pipeline").definedBy(P + "pipeline..")
            .layer("stages").definedBy(P + "inbox..", P + "read..", P + "validate..", P + "compute..",
                    P + "report..", P + "publish..", P + "history..", P + "template..", P + "samples..")
            .layer("foundation").definedBy(P + "findings..", P + "model..", P + "schema..", P + "reference..")
            .whereLayer("cli").mayNotBeAccessedByAnyLayer()
            .whereLayer("pipeline").mayOnlyBeAccessedByLayers("cli")
            .whereLayer("stages").mayOnlyBeAccessedByLayers("cli", "pipeline");

    /** The command line reaches reading, validating and publishing only through the pipeline. */
    @ArchTest
    static final ArchRule cliUsesThePipeline = noClasses().that().resideInAPackage(P + "cli..")
            .should().dependOnClassesThat().resideInAnyPackage(P + "inbox..", P + "read..", P + "validate..",
                    P + "compute..", P + "publish..", P + "history..");

    /** Reading knows nothing of what comes after it. */
    @ArchTest
    static final ArchRule readIsFirst = noClasses().that().resideInAnyPackage(P + "read..", P + "inbox..")
            .should().dependOnClassesThat().resideInAnyPackage(P + "validate..", P + "compute..", P + "report..",
                    P + "publish..", P + "history..", P + "template..", P + "samples..");

    /** Validation knows reading, not what follows. */
    @ArchTest
    static final ArchRule validateBeforeCompute = noClasses().that().resideInAPackage(P + "validate..")
            .should().dependOnClassesThat().resideInAnyPackage(P + "compute..", P + "report..", P + "publish..",
                    P + "history..", P + "inbox..", P + "template..", P + "samples..");

    /** Computing is pure: returns in, figures out; it knows no file, reader or report. */
    @ArchTest
    static final ArchRule computeIsPure = noClasses().that().resideInAPackage(P + "compute..")
            .should().dependOnClassesThat().resideInAnyPackage(P + "read..", P + "validate..", P + "inbox..",
                    P + "report..", P + "publish..", P + "history..", P + "template..", P + "samples..");

    /** Reports are views: they do not publish, archive or compare runs themselves. */
    @ArchTest
    static final ArchRule reportIsAView = noClasses().that().resideInAPackage(P + "report..")
            .should().dependOnClassesThat().resideInAnyPackage(P + "publish..", P + "inbox..", P + "template..",
                    P + "samples..");

    /** Publishing moves finished report sets; it renders nothing. */
    @ArchTest
    static final ArchRule publishRendersNothing = noClasses().that().resideInAPackage(P + "publish..")
            .should().dependOnClassesThat().resideInAnyPackage(P + "read..", P + "validate..", P + "compute..",
                    P + "report..", P + "template..", P + "samples..");

    /** History compares report sets; the template is data out of the schema. */
    @ArchTest
    static final ArchRule historyAndTemplateStandAlone = noClasses().that()
            .resideInAnyPackage(P + "history..", P + "template..")
            .should().dependOnClassesThat().resideInAnyPackage(P + "read..", P + "validate..", P + "compute..",
                    P + "report..", P + "publish..", P + "inbox..", P + "samples..");

    /** The foundation: the schema stands alone; findings, model and reference only use each other. */
    @ArchTest
    static final ArchRule schemaIsTheGround = noClasses().that().resideInAPackage(P + "schema..")
            .should().dependOnClassesThat().resideInAnyPackage(P + "findings..", P + "model..", P + "reference..");

    @ArchTest
    static final ArchRule noCycles = slices().matching(P + "(*)..").should().beFreeOfCycles();
}
