package org.tuanjie.tasks;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.tuanjie.tasks", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("rest").definedBy("..rest..")
            .layer("service").definedBy("..service..")
            .layer("mapping").definedBy("..mapping..")
            .layer("domain").definedBy("org.tuanjie.tasks.inspection", "org.tuanjie.tasks.task", "org.tuanjie.tasks.ledger")
            .whereLayer("rest").mayNotBeAccessedByAnyLayer()
            .whereLayer("service").mayOnlyBeAccessedByLayers("rest", "mapping")
            .whereLayer("mapping").mayOnlyBeAccessedByLayers("rest");

    @ArchTest
    static final ArchRule domainDoesNotKnowTheWeb = noClasses()
            .that().resideInAnyPackage("org.tuanjie.tasks.inspection", "org.tuanjie.tasks.task")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "org.jboss.resteasy..");

    @ArchTest
    static final ArchRule noOtherServicesCode = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.tuanjie.units..", "org.tuanjie.agreements..", "org.tuanjie.gateway..");
}
