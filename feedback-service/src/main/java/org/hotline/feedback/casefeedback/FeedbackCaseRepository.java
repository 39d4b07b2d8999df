package org.hotline.feedback.casefeedback;

import java.util.Collection;
import java.util.List;

import org.hotline.feedback.lifecycle.CaseState;
import org.springframework.data.mongodb.repository.MongoRepository;

interface FeedbackCaseRepository extends MongoRepository<FeedbackCase, String> {

    List<FeedbackCase> findByStateInAndCallerAnonymousOrderByResolvedAtAsc(Collection<CaseState> states,
            boolean anonymous);

    List<FeedbackCase> findByStateAndFeedbackStatusOrderByResolvedAtAsc(CaseState state, FeedbackStatus status);
}
