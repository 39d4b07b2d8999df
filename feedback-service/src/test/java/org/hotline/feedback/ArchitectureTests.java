package org.hotline.feedback;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

class ArchitectureTests {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.hotline.feedback");

    @Test
    void whenTheCaseRulesAreCheckedThenTheyArePlainJavaOverTheEventTypes() {
        classes().that().resideInAPackage("org.hotline.feedback.lifecycle..").should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "org.hotline.events..", "org.hotline.feedback.lifecycle..")
                .check(classes);
    }

    @Test
    void whenTheRootPackageIsCheckedThenItHoldsOnlyTheApplication() {
        classes().that().resideInAPackage("org.hotline.feedback").should()
                .haveSimpleName("FeedbackServiceApplication").check(classes);
    }

    @Test
    void whenKafkaIsUsedThenOnlyThroughTheMessagingAdapters() {
        noClasses().that().haveSimpleNameNotEndingWith("Messaging").should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework.cloud.stream..", "org.springframework.kafka..",
                        "org.apache.kafka..", "org.springframework.messaging..")
                .check(classes);
    }

    @Test
    void whenTheWebIsUsedThenOnlyByControllersTheirProblemsAndTheGateways() {
        noClasses().that().haveSimpleNameNotEndingWith("Controller").and().haveSimpleNameNotEndingWith("Exception")
                .and().resideOutsideOfPackage("org.hotline.feedback.delivery..").should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..")
                .check(classes);
    }
}
