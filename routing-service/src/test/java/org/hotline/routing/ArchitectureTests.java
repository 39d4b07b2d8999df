package org.hotline.routing;

import org.hotline.testsupport.HotlineArchitecture;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

class ArchitectureTests {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.hotline.routing");

    @Test
    void whenDomainCodeIsCheckedThenItIsPlainJava() {
        HotlineArchitecture.domainIsPlainJava("org.hotline.routing.calendar..", "org.hotline.routing.rules..")
                .check(CLASSES);
    }

    @Test
    void whenControllersAreCheckedThenTheyUseTheApplicationService() {
        HotlineArchitecture.controllersUseApplicationServices().check(CLASSES);
    }
}
