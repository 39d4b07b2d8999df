package org.hotline.routing.assignment;

import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;
import org.springframework.data.mongodb.repository.Query;

interface RoutedCaseRepository extends MongoRepository<RoutedCase, String> {

    Optional<RoutedCase> findByAssignmentsId(String assignmentId);

    List<RoutedCase> findByStatusOrderByOpenedAtAsc(RoutedCase.RoutingStatus status);

    List<RoutedCase> findByAssignmentsDepartmentCode(String departmentCode);

    /** Cases with an extension request waiting for a supervisor (absent fields are not stored). */
    @Query("{ 'assignments.pendingExtension': { $exists: true } }")
    List<RoutedCase> findWithPendingExtension();

    /** Open cases whose deadlines were computed on an older calendar version. */
    @Query("{ 'calendarVersion': { $lt: ?0 }, 'status': { $in: ['ASSIGNED', 'ACCEPTED', 'ON_HOLD'] } }")
    List<RoutedCase> findOnOlderCalendar(int version);

    default List<String> findIdsOnOlderCalendar(int version) {
        return findOnOlderCalendar(version).stream().map(RoutedCase::getId).toList();
    }
}
