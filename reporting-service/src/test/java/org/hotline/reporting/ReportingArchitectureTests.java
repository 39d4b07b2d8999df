package org.hotline.reporting;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.hotline.reporting", importOptions = ImportOption.DoNotIncludeTests.class)
class ReportingArchitectureTests {

    /** The fold, the KPI facts and formulas, the keywords and the timeline wording are plain Java. */
    @ArchTest
    static final ArchRule domainCodeIsPlainJava = classes()
            .that().haveNameMatching(".*\\.(CaseHistory|CaseFacts|KpiFormulas|Kpis|CaseStatus|DeadlineState|LedgerCase"
                    + "|Keywords|TimelineText)(\\$.*)?")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "org.hotline.events..", "org.hotline.reporting..");

    /** The KPIs read buckets only, never the ledger's cases. */
    @ArchTest
    static final ArchRule kpisDoNotReadCases = noClasses().that().resideInAPackage("..kpi..")
            .should().dependOnClassesThat().haveNameMatching(".*\\.ledger\\.(Ledger|LedgerStore|LedgerDocument)(\\$.*)?");

    /** Only the live binding and the rebuild's replay know about Kafka. */
    @ArchTest
    static final ArchRule onlyTheAdaptersKnowMessages = noClasses().that()
            .haveNameNotMatching(".*\\.(LedgerMessaging|Rebuild)(\\$.*)?").should()
            .dependOnClassesThat().resideInAnyPackage("org.springframework.messaging..",
                    "org.springframework.cloud.stream..", "org.apache.kafka..");
}
