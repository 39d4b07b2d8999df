package org.hotline.routing.departments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.hotline.routing.MovableClock;
import org.hotline.routing.config.RoutingProperties;
import org.junit.jupiter.api.Test;

/** Two instances of routing on one store: each looks departments up in a snapshot never older than the TTL. */
class DepartmentsTests {

    static final Duration TTL = Duration.ofSeconds(5);

    final MovableClock clock = new MovableClock(Instant.parse("2026-11-24T02:00:00Z"));
    final Map<String, Department> store = new ConcurrentHashMap<>();
    final DepartmentRepository repository = repository();
    final Departments here = new Departments(repository, clock, new RoutingProperties(3, null, null, null, TTL));
    final Departments there = new Departments(repository, clock, new RoutingProperties(3, null, null, null, TTL));

    DepartmentsTests() {
        store.put("FACILITIES", kafka("FACILITIES"));
    }

    DepartmentRepository repository() {
        DepartmentRepository departments = mock(DepartmentRepository.class);
        when(departments.findAll()).thenAnswer(call -> List.copyOf(store.values()));
        when(departments.findById(anyString())).thenAnswer(call -> Optional.ofNullable(store.get(call
                .getArgument(0, String.class))));
        when(departments.save(any(Department.class))).thenAnswer(call -> {
            Department department = call.getArgument(0, Department.class);
            store.put(department.code(), department);
            return department;
        });
        return departments;
    }

    static Department kafka(String code) {
        return new Department(code, code.toLowerCase(), null, null, new Department.Subscription(
                Department.Channel.KAFKA, null, null));
    }

    static Department webhook(String code) {
        return new Department(code, code.toLowerCase(), null, null, new Department.Subscription(
                Department.Channel.WEBHOOK, "http://127.0.0.1:9/hook", "0123456789abcdef"));
    }

    static Department.Channel channel(Departments departments, String code) {
        return departments.find(code).orElseThrow().subscription().channel();
    }

    @Test
    void whenDepartmentsAreLookedUpForEveryCaseThenTheStoreIsReadOncePerTtl() {
        for (int i = 0; i < 100; i++) {
            here.find("FACILITIES");
            here.exists("FACILITIES");
        }

        verify(repository, times(1)).findAll();
        verify(repository, times(0)).findById(anyString());
    }

    @Test
    void whenADepartmentIsChangedThroughThisInstanceThenItsNextLookUpSeesIt() {
        assertThat(channel(here, "FACILITIES")).isEqualTo(Department.Channel.KAFKA);

        assertThat(here.save(webhook("FACILITIES"))).isEmpty();

        assertThat(channel(here, "FACILITIES")).isEqualTo(Department.Channel.WEBHOOK);
    }

    @Test
    void whenADepartmentIsChangedThroughAnotherInstanceThenItIsSeenHereWithinTheTtl() {
        assertThat(channel(here, "FACILITIES")).isEqualTo(Department.Channel.KAFKA);

        there.save(webhook("FACILITIES"));
        assertThat(channel(here, "FACILITIES")).isEqualTo(Department.Channel.KAFKA);
        clock.move(TTL);

        assertThat(channel(here, "FACILITIES")).isEqualTo(Department.Channel.WEBHOOK);
    }

    @Test
    void whenAnotherInstanceRegistersADepartmentThenItIsKnownHereAtOnce() {
        assertThat(here.exists("ROADS")).isFalse();

        there.save(kafka("ROADS"));

        assertThat(here.exists("ROADS")).isTrue();
    }
}
