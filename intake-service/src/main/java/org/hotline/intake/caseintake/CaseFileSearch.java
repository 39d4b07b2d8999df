package org.hotline.intake.caseintake;

import java.util.List;

/** Searches among publicly listed cases, with criteria that derived queries cannot express. */
interface CaseFileSearch {

    List<CaseFile> findPublished(PublicCaseQuery query);
}
