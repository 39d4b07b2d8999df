package org.hotline.routing.ruletable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
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
import java.util.concurrent.ConcurrentSkipListMap;

import org.hotline.routing.MovableClock;
import org.hotline.routing.config.RoutingProperties;
import org.hotline.routing.departments.Departments;
import org.hotline.routing.rules.RoutingRule;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;

/** Two instances of routing on one store: each routes on a snapshot of the rule table, never older than the TTL. */
class RuleTablesTests {

    static final Duration TTL = Duration.ofSeconds(5);

    final MovableClock clock = new MovableClock(Instant.parse("2026-11-24T02:00:00Z"));
    final Map<Integer, StoredRuleTable> store = new ConcurrentSkipListMap<>();
    final StoredRuleTableRepository repository = repository();
    final RuleTables here = instance();
    final RuleTables there = instance();

    StoredRuleTableRepository repository() {
        StoredRuleTableRepository tables = mock(StoredRuleTableRepository.class);
        when(tables.findTopByOrderByVersionDesc()).thenAnswer(call -> store.values().stream()
                .reduce((first, second) -> second));
        when(tables.findById(anyInt())).thenAnswer(call -> Optional.ofNullable(store.get(call.getArgument(0,
                Integer.class))));
        when(tables.insert(any(StoredRuleTable.class))).thenAnswer(call -> {
            StoredRuleTable table = call.getArgument(0, StoredRuleTable.class);
            if (store.putIfAbsent(table.version(), table) != null) {
                throw new DuplicateKeyException("version " + table.version() + " exists");
            }
            return table;
        });
        return tables;
    }

    RuleTables instance() {
        Departments departments = mock(Departments.class);
        when(departments.exists(anyString())).thenReturn(true);
        return new RuleTables(repository, departments, clock, new RoutingProperties(3, null, null, null, TTL));
    }

    static List<RoutingRule> rules(String lead) {
        return List.of(new RoutingRule("r-all", null, null, null, null, null, lead, null));
    }

    @Test
    void whenTheTableIsReadForEveryCaseThenTheStoreIsSortedOnceAndLaterCheckedByIdOnce() {
        for (int i = 0; i < 100; i++) {
            here.current();
        }
        clock.move(TTL);
        for (int i = 0; i < 100; i++) {
            here.current();
        }

        verify(repository, times(1)).findTopByOrderByVersionDesc();
        verify(repository, times(1)).findById(2);
    }

    @Test
    void whenATableIsPublishedThroughThisInstanceThenTheNextCaseIsRoutedOnIt() {
        assertThat(here.current().version()).isEqualTo(1);

        assertThat(here.publish(rules("FACILITIES"), "admin")).isEmpty();

        assertThat(here.current().version()).isEqualTo(2);
        assertThat(here.current().rules().get(0).leadDepartment()).isEqualTo("FACILITIES");
    }

    @Test
    void whenATableIsPublishedThroughAnotherInstanceThenItIsUsedHereWithinTheTtl() {
        assertThat(here.current().version()).isEqualTo(1);

        there.publish(rules("FACILITIES"), "admin");
        assertThat(here.current().version()).isEqualTo(1);
        clock.move(TTL);

        assertThat(here.current().version()).isEqualTo(2);
    }

    @Test
    void whenThisInstanceHoldsAnOlderTableThenItStillPublishesTheNextVersion() {
        here.current();
        there.publish(rules("FACILITIES"), "admin");

        assertThat(here.publish(rules("HUMAN_RESOURCES"), "admin")).isEmpty();

        assertThat(store.keySet()).containsExactly(1, 2, 3);
        assertThat(here.current().rules().get(0).leadDepartment()).isEqualTo("HUMAN_RESOURCES");
    }
}
