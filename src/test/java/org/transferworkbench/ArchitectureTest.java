package org.transferworkbench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layering rules of STYLE.md, checked on the compiled classes. */
@AnalyzeClasses(packages = "org.transferworkbench", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule ENGINE_NEVER_TOUCHES_JAVAFX = noClasses()
            .that().resideInAPackage("..engine..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "org.jfree.chart.fx..");

    @ArchTest
    static final ArchRule ENGINE_DOES_NOT_KNOW_CLI_OR_UI = noClasses()
            .that().resideInAPackage("..engine..")
            .should().dependOnClassesThat().resideInAnyPackage("..cli..", "..ui..");

    @ArchTest
    static final ArchRule REPORTS_RENDER_HEADLESS = noClasses()
            .that().resideInAPackage("org.transferworkbench.report..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "org.jfree.chart.fx..",
                    "org.transferworkbench.cli..", "org.transferworkbench.ui..");

    @ArchTest
    static final ArchRule NO_SYSTEM_OUT_OUTSIDE_THE_CLI = noClasses()
            .that().resideOutsideOfPackages("..cli..", "..bench..")
            .and().doNotHaveSimpleName("Main")
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err");
}
