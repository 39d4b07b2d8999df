package org.hotline.intake.open311;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The schemas accept the spec's own examples and reject what breaks them, so a passing check means something. */
class Open311SchemasTests {

    @Test
    void whenTheSpecsServiceListExampleIsCheckedThenItIsValid() {
        // the spec's example, with its service codes quoted (the spec prints them as bare 001, which is not JSON)
        Open311Schemas.assertValid("services", """
                [{"service_code":"001","service_name":"Cans left out 24x7",
                  "description":"Garbage or recycling cans that have been left out for more than 24 hours after \
                collection. Violators will be cited.",
                  "metadata":true,"type":"realtime","keywords":"lorem, ipsum, dolor","group":"sanitation"}]""");
    }

    @Test
    void whenTheSpecsRequestExampleIsCheckedThenItIsValid() {
        Open311Schemas.assertValid("requests", """
                [{"service_request_id":"638344","status":"closed","status_notes":"Duplicate request.",
                  "service_name":"Sidewalk and Curb Issues","service_code":"006","description":null,
                  "agency_responsible":null,"service_notice":null,"requested_datetime":"2010-04-14T06:37:38-08:00",
                  "updated_datetime":"2010-04-14T06:37:38-08:00","expected_datetime":"2010-04-15T06:37:38-08:00",
                  "address":"8TH AVE and JUDAH ST","address_id":"545483","zipcode":"94122","lat":37.762221815,
                  "long":-122.4651145,"media_url":"http://city.gov.s3.amazonaws.com/requests/media/638344.jpg"}]""");
    }

    @Test
    void whenAStatusIsNotOpenOrClosedThenTheSchemaRejectsIt() {
        assertThatThrownBy(() -> Open311Schemas.assertValid("requests", """
                [{"service_request_id":"1","status":"pending","service_code":"006",
                  "requested_datetime":"2010-04-14T06:37:38-08:00"}]""")).isInstanceOf(AssertionError.class);
    }

    @Test
    void whenADateTimeIsMalformedThenTheSchemaRejectsIt() {
        assertThatThrownBy(() -> Open311Schemas.assertValid("request", """
                {"service_request_id":"1","status":"open","service_code":"006","requested_datetime":"yesterday"}"""))
                .isInstanceOf(AssertionError.class);
    }
}
