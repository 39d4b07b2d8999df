package org.hotline.intake.open311;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;

import org.hotline.events.CaseKind;
import org.hotline.events.Channel;
import org.hotline.events.FeedbackChannel;
import org.hotline.events.Urgency;
import org.hotline.intake.caseintake.NewCaseRequest;

/**
 * A POST requests form read into a case: the service gives the classification, attributes the kind (COMPLAINT
 * unless said otherwise) and urgency (NORMAL unless said otherwise), the name, phone and e-mail the caller, who is
 * anonymous without phone or e-mail; media_url becomes an attachment.
 */
final class ReportForm {

    private ReportForm() {
    }

    /** A form field's value; empty counts as not given. */
    static String field(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        if (values == null) {
            return null;
        }
        return values.stream().filter(v -> v != null && !v.isBlank()).map(String::trim).findFirst().orElse(null);
    }

    static NewCaseRequest toCase(Map<String, List<String>> form, Open311Service service, Channel channel) {
        AttributeAnswers answers = AttributeAnswers.read(form, service);
        CaseKind kind = answers.single(ServiceAttributes.KIND_CODE).map(CaseKind::valueOf).orElse(CaseKind.COMPLAINT);
        Urgency urgency = answers.single(ServiceAttributes.URGENCY_CODE).map(Urgency::valueOf)
                .orElse(Urgency.NORMAL);

        String description = field(form, "description");
        if (description == null) {
            description = service.name();
        }
        String mediaUrl = field(form, "media_url");
        if (mediaUrl != null) {
            checkUrl(mediaUrl);
        }
        return new NewCaseRequest(channel, kind, service.category(), service.subCategory(), urgency, description,
                caller(form), location(form), mediaUrl == null ? List.of() : List.of(mediaUrl), null, null, null,
                null, null, null, null, false);
    }

    private static NewCaseRequest.Caller caller(Map<String, List<String>> form) {
        String first = field(form, "first_name");
        String last = field(form, "last_name");
        String name = first == null ? last : last == null ? first : first + " " + last;
        String phone = field(form, "phone");
        String email = field(form, "email");
        FeedbackChannel preferred = email != null ? FeedbackChannel.EMAIL : phone != null ? FeedbackChannel.SMS : null;
        return new NewCaseRequest.Caller(name, phone, email, null, phone == null && email == null, preferred);
    }

    /** One location is required: lat and long together, or address_string, or address_id. */
    static NewCaseRequest.Location location(Map<String, List<String>> form) {
        String lat = field(form, "lat");
        String lon = field(form, "long");
        String address = field(form, "address_string");
        String addressId = field(form, "address_id");
        if ((lat == null) != (lon == null)) {
            throw Open311Exception.badRequest("lat and long must be sent together");
        }
        if (lat == null && address == null && addressId == null) {
            throw Open311Exception.badRequest("A location is required: lat and long, or address_string, or "
                    + "address_id");
        }
        Double latitude = lat == null ? null : coordinate(lat, "lat", 90);
        Double longitude = lon == null ? null : coordinate(lon, "long", 180);
        if (latitude == null && address == null) {
            return null;
        }
        return new NewCaseRequest.Location(address, latitude, longitude, null);
    }

    private static Double coordinate(String value, String name, double limit) {
        try {
            double number = Double.parseDouble(value);
            if (Double.isFinite(number) && Math.abs(number) <= limit) {
                return number;
            }
        }
        catch (NumberFormatException ex) {
            // answered below
        }
        throw Open311Exception.badRequest(name + " must be a WGS84 number between -" + (int) limit + " and "
                + (int) limit);
    }

    private static void checkUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            if (("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) && uri.getHost() != null) {
                return;
            }
        }
        catch (URISyntaxException ex) {
            // answered below
        }
        throw Open311Exception.badRequest("media_url must be an http or https URL");
    }
}
