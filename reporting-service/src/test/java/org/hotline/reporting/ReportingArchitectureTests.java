package org.hotline.reporting;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.hotline.reporting", importOptions = ImportOption.DoNotIncludeTests.class)
class ReportingArchitectureTests {

    /** The KPI formulas, the status rules and the timeline wording are plain Java, tested without Spring. */
    @ArchTest
    static final ArchRule domainCodeIsPlainJava = classes()
            .that().haveNameMatching(".*\\.(KpiFormulas|KpiCase|Kpis|Kpis\\$Rate|CaseStatus|TimelineText)")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "org.hotline.events..", "org.hotline.reporting..");

    /** The KPIs read the ledger through its public API only. */
    @ArchTest
    static final ArchRule kpisDoNotTouchTheLedgerStore = noClasses().that().resideInAPackage("..kpi..")
            .should().dependOnClassesThat().haveNameMatching(".*\\.ledger\\.(LedgerStore|LedgerDocument.*)");

    /** Nothing but the ledger's messaging adapter knows about Kafka. */
    @ArchTest
    static final ArchRule onlyTheAdapterKnowsMessages = noClasses().that()
            .doNotHaveSimpleName("LedgerMessaging").should().dependOnClassesThat()
            .resideInAnyPackage("org.springframework.messaging..", "org.springframework.cloud.stream..",
                    "org.apache.kafka..");
}
