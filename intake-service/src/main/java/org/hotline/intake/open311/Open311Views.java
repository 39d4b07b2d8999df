package org.hotline.intake.open311;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The documents the Open311 API answers with, field for field as GeoReport v2 names them. The same records give the
 * JSON and, by the spec's Spark convention, the XML.
 */
final class Open311Views {

    private Open311Views() {
    }

    record Discovery(String changeset, String contact, @JsonProperty("key_service") String keyService,
            List<Endpoint> endpoints) {
    }

    record Endpoint(String specification, String url, String changeset, String type, List<String> formats) {
    }

    record Service(@JsonProperty("service_code") String serviceCode,
            @JsonProperty("service_name") String serviceName, String description, boolean metadata, String type,
            String keywords, String group) {

        static Service of(Open311Service service) {
            return new Service(service.code(), service.name(), service.description(), service.metadata(), "realtime",
                    service.keywords(), service.category());
        }
    }

    record ServiceDefinition(@JsonProperty("service_code") String serviceCode, List<Attribute> attributes) {

        static ServiceDefinition of(Open311Service service) {
            return new ServiceDefinition(service.code(), service.attributes().stream().map(Attribute::of).toList());
        }
    }

    record Attribute(boolean variable, String code, String datatype, boolean required,
            @JsonProperty("datatype_description") String datatypeDescription, int order, String description,
            List<Value> values) {

        static Attribute of(ServiceAttribute attribute) {
            return new Attribute(true, attribute.code(), attribute.datatype(), attribute.required(), null,
                    attribute.order(), attribute.description(),
                    attribute.values().stream().map(choice -> new Value(choice.key(), choice.name())).toList());
        }
    }

    record Value(String key, String name) {
    }

    /** The answer to POST requests: the request's id at once (Hotline is realtime), never a token. */
    record Created(@JsonProperty("service_request_id") String serviceRequestId,
            @JsonProperty("service_notice") String serviceNotice, @JsonProperty("account_id") String accountId) {
    }

    record Token(@JsonProperty("service_request_id") String serviceRequestId, String token) {
    }

    /** A service request as the public sees it: never who reported it. */
    record Request(@JsonProperty("service_request_id") String serviceRequestId, String status,
            @JsonProperty("status_notes") String statusNotes, @JsonProperty("service_name") String serviceName,
            @JsonProperty("service_code") String serviceCode, String description,
            @JsonProperty("agency_responsible") String agencyResponsible,
            @JsonProperty("service_notice") String serviceNotice,
            @JsonProperty("requested_datetime") String requestedDatetime,
            @JsonProperty("updated_datetime") String updatedDatetime,
            @JsonProperty("expected_datetime") String expectedDatetime, String address,
            @JsonProperty("address_id") String addressId, String zipcode, Double lat,
            @JsonProperty("long") Double longitude, @JsonProperty("media_url") String mediaUrl) {
    }

    record Error(int code, String description) {
    }
}
