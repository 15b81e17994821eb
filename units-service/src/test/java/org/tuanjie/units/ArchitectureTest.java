package org.tuanjie.units;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.tuanjie.units", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("rest").definedBy("..rest..")
            .layer("service").definedBy("..service..")
            .layer("mapping").definedBy("..mapping..")
            .layer("domain").definedBy("org.tuanjie.units.unit", "org.tuanjie.units.readiness",
                    "org.tuanjie.units.domain", "org.tuanjie.units.imports", "org.tuanjie.units.people",
                    "org.tuanjie.units.dossier", "org.tuanjie.units.indicators", "org.tuanjie.units.scorecard")
            .whereLayer("rest").mayNotBeAccessedByAnyLayer()
            .whereLayer("service").mayOnlyBeAccessedByLayers("rest", "mapping")
            .whereLayer("mapping").mayOnlyBeAccessedByLayers("rest");

    @ArchTest
    static final ArchRule domainDoesNotKnowTheWeb = noClasses()
            .that().resideInAnyPackage("org.tuanjie.units.unit", "org.tuanjie.units.readiness",
                    "org.tuanjie.units.domain", "org.tuanjie.units.people", "org.tuanjie.units.dossier", "org.tuanjie.units.indicators", "org.tuanjie.units.scorecard")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "org.jboss.resteasy..");

    @ArchTest
    static final ArchRule noOtherServicesCode = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.tuanjie.tasks..", "org.tuanjie.agreements..", "org.tuanjie.gateway..");
}
