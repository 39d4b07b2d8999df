package org.hotline.escalation.calendar;

import java.util.function.Consumer;

import org.hotline.events.calendar.CalendarPublished;
import org.hotline.support.messaging.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Kafka binding for the working calendar. Unlike the case topics it has no consumer group: every instance reads the
 * compacted topic from the beginning when it starts (see {@code application.yml}).
 */
@Configuration(proxyBeanMethods = false)
class CalendarMessaging {

    @Bean
    Consumer<Message<byte[]>> applyCalendar(WorkingCalendars calendars) {
        return message -> calendars.published(InboundEvents.read(message, CalendarPublished.class));
    }
}
