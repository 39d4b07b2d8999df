package org.hotline.escalation;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

class ArchitectureTests {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.hotline.escalation");

    @Test
    void whenDomainCodeIsCheckedThenItUsesNoSpringKafkaWebOrStore() {
        noClasses().that().resideInAPackage("..domain..").should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "org.apache.kafka..", "jakarta..", "tools.jackson..",
                        "com.fasterxml..", "com.mongodb..", "org.bson..", "org.hotline.support..")
                .check(CLASSES);
    }

    @Test
    void whenDomainCodeIsCheckedThenItDoesNotReachIntoTheServiceAroundIt() {
        noClasses().that().resideInAPackage("..domain..").should().dependOnClassesThat()
                .resideInAPackage("org.hotline.escalation.timers").check(CLASSES);
    }
}
