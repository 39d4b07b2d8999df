package org.hotline.routing.deadlines;

import org.springframework.data.mongodb.repository.MongoRepository;

interface PublishedCalendarRepository extends MongoRepository<PublishedCalendar, String> {
}
