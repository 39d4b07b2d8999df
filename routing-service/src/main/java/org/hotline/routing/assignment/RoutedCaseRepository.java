package org.hotline.routing.assignment;

import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;

interface RoutedCaseRepository extends MongoRepository<RoutedCase, String> {

    Optional<RoutedCase> findByAssignmentsId(String assignmentId);

    List<RoutedCase> findByStatusOrderByOpenedAtAsc(RoutedCase.RoutingStatus status);

    List<RoutedCase> findByAssignmentsDepartmentCodeOrderByOpenedAtDesc(String departmentCode);
}
