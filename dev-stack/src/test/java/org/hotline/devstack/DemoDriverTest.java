package org.hotline.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class DemoDriverTest {

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void whenACaseHasAssistingDepartmentsThenTheDemoActsForItsLatestLead() {
        var assignments = json.readTree("""
                [{"assignmentId":"c-A1","role":"LEAD"},{"assignmentId":"c-A1-S1","role":"ASSIST"},
                 {"assignmentId":"c-A2","role":"LEAD"},{"assignmentId":"c-A2-S1","role":"ASSIST"}]""");

        assertThat(DemoDriver.latestLead(assignments)).map(a -> a.path("assignmentId").asString()).hasValue("c-A2");
        assertThat(DemoDriver.latestLead(json.readTree("[]"))).isEmpty();
    }
}
