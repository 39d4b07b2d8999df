package org.hotline.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;

/** The layering every Hotline service keeps, as ArchUnit rules for its architecture test. */
public final class HotlineArchitecture {

    private HotlineArchitecture() {
    }

    /**
     * Domain code (rules, calendars, deadline arithmetic, ladders, KPI formulas, state machines) is plain Java: no
     * Spring, no Kafka, no web, no database, so it is unit-tested without a framework.
     */
    public static ArchRule domainIsPlainJava(String... domainPackages) {
        return noClasses().that().resideInAnyPackage(domainPackages).should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "org.apache.kafka..", "jakarta.servlet..", "com.mongodb..",
                        "org.bson..")
                .because("domain code is unit-tested without Spring, Kafka, web or MongoDB");
    }

    /** Controllers talk to application services, never to repositories or the Kafka bridge directly. */
    public static ArchRule controllersUseApplicationServices() {
        return noClasses().that().areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
                .should().dependOnClassesThat()
                .areAssignableTo("org.springframework.data.repository.Repository")
                .orShould().dependOnClassesThat()
                .haveFullyQualifiedName("org.springframework.cloud.stream.function.StreamBridge")
                .because("state changes go through the application service and the outbox");
    }
}
