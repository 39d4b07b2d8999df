package org.hotline.intake.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hotline.events.CaseKind;
import org.hotline.events.Channel;
import org.hotline.events.FeedbackChannel;
import org.hotline.events.Urgency;
import org.hotline.intake.caseintake.NewCaseRequest;
import org.junit.jupiter.api.Test;

class ReportFormTests {

    private final Open311Service sanitation = new Open311Service("PUBLIC_HEALTH.SANITATION", "PUBLIC_HEALTH",
            "SANITATION", "Public health: sanitation", "", "", List.of(ServiceAttributes.URGENCY));

    /** The spec's example request, its WHIS… attributes left out. */
    private static Map<String, List<String>> specExample() {
        Map<String, List<String>> form = new HashMap<>();
        form.put("api_key", List.of("xyz"));
        form.put("jurisdiction_id", List.of("city.gov"));
        form.put("service_code", List.of("001"));
        form.put("lat", List.of("37.76524078"));
        form.put("long", List.of("-122.4212043"));
        form.put("address_string", List.of("1234 5th street"));
        form.put("email", List.of("smit333@sfgov.edu"));
        form.put("device_id", List.of("tt222111"));
        form.put("account_id", List.of("123456"));
        form.put("first_name", List.of("john"));
        form.put("last_name", List.of("smith"));
        form.put("phone", List.of("111111111"));
        form.put("description", List.of("A large sinkhole is destroying the street"));
        form.put("media_url", List.of("http://farm3.static.flickr.com/2002/2212426634_5ed477a060.jpg"));
        return form;
    }

    @Test
    void whenTheSpecsExampleIsPostedThenItBecomesANormalComplaintFromAReachableCaller() {
        NewCaseRequest request = ReportForm.toCase(specExample(), sanitation, Channel.WEB);

        assertThat(request.channel()).isEqualTo(Channel.WEB);
        assertThat(request.kind()).isEqualTo(CaseKind.COMPLAINT);
        assertThat(request.urgency()).isEqualTo(Urgency.NORMAL);
        assertThat(request.category()).isEqualTo("PUBLIC_HEALTH");
        assertThat(request.subCategory()).isEqualTo("SANITATION");
        assertThat(request.description()).isEqualTo("A large sinkhole is destroying the street");
        assertThat(request.caller().name()).isEqualTo("john smith");
        assertThat(request.caller().phone()).isEqualTo("111111111");
        assertThat(request.caller().email()).isEqualTo("smit333@sfgov.edu");
        assertThat(request.caller().anonymous()).isFalse();
        assertThat(request.caller().preferredFeedbackChannel()).isEqualTo(FeedbackChannel.EMAIL);
        assertThat(request.location().latitude()).isEqualTo(37.76524078);
        assertThat(request.location().longitude()).isEqualTo(-122.4212043);
        assertThat(request.location().address()).isEqualTo("1234 5th street");
        assertThat(request.attachments()).containsExactly(
                "http://farm3.static.flickr.com/2002/2212426634_5ed477a060.jpg");
    }

    @Test
    void whenAnAttributeGivesTheUrgencyThenTheCaseHasIt() {
        Map<String, List<String>> form = specExample();
        form.put("attribute[urgency]", List.of("EMERGENCY"));
        assertThat(ReportForm.toCase(form, sanitation, Channel.APP).urgency()).isEqualTo(Urgency.EMERGENCY);
    }

    @Test
    void whenNoPhoneOrEmailIsGivenThenTheCallerIsAnonymous() {
        Map<String, List<String>> form = new HashMap<>(Map.of("service_code", List.of("x"), "address_id",
                List.of("545483"), "phone", List.of(""), "first_name", List.of("john")));

        NewCaseRequest request = ReportForm.toCase(form, sanitation, Channel.WEB);

        assertThat(request.caller().anonymous()).isTrue();
        assertThat(request.caller().preferredFeedbackChannel()).isNull();
        assertThat(request.location()).isNull();
        assertThat(request.description()).isEqualTo("Public health: sanitation");
    }

    @Test
    void whenNoLocationIsGivenThenItIsABadRequest() {
        assertThatThrownBy(() -> ReportForm.toCase(Map.of("description", List.of("x")), sanitation, Channel.WEB))
                .isInstanceOf(Open311Exception.class).hasMessageContaining("address_string");
    }

    @Test
    void whenLatComesWithoutLongThenItIsABadRequest() {
        assertThatThrownBy(() -> ReportForm.location(Map.of("lat", List.of("37.7"))))
                .isInstanceOf(Open311Exception.class).hasMessageContaining("together");
    }

    @Test
    void whenACoordinateIsNotANumberOrOutOfRangeThenItIsABadRequest() {
        assertThatThrownBy(() -> ReportForm.location(Map.of("lat", List.of("north"), "long", List.of("1"))))
                .isInstanceOf(Open311Exception.class).hasMessageContaining("lat");
        assertThatThrownBy(() -> ReportForm.location(Map.of("lat", List.of("1"), "long", List.of("181"))))
                .isInstanceOf(Open311Exception.class).hasMessageContaining("long");
    }

    @Test
    void whenTheMediaUrlIsNotAWebAddressThenItIsABadRequest() {
        Map<String, List<String>> form = specExample();
        form.put("media_url", List.of("javascript:alert(1)"));
        assertThatThrownBy(() -> ReportForm.toCase(form, sanitation, Channel.WEB))
                .isInstanceOf(Open311Exception.class).hasMessageContaining("media_url");
    }
}
