package org.hotline.bench;

import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * A realistic mix of new cases: about 60 % general cases, 20 % complaints, 12 % consultations answered on the
 * spot, 5 % complex cases and 3 % emergencies, from several channels and categories.
 */
final class CaseMix {

    /** What kind of case a request is, for the measurements that apply to it. */
    enum Kind {
        GENERAL, COMPLAINT, ON_THE_SPOT, COMPLEX, EMERGENCY
    }

    record NewCase(Kind kind, String json) {
    }

    private static final List<String[]> CATEGORIES = List.of(new String[] { "PUBLIC_HEALTH", "SANITATION" },
            new String[] { "PUBLIC_HEALTH", "DISEASE_VECTORS" }, new String[] { "LIVING", "HOUSING" },
            new String[] { "LIVING", "UTILITIES" }, new String[] { "LIVING", "TRANSPORT" },
            new String[] { "LIVING", "MEDICAL" }, new String[] { "WORK", "SAFETY" },
            new String[] { "INTERPERSONAL", null }, new String[] { "POLICY", null });
    private static final String[] CHANNELS = { "PHONE", "PHONE", "PHONE", "PHONE", "WALK_IN", "WEB", "APP",
            "WECHAT" };

    private final Random random;

    CaseMix(long seed) {
        this.random = new Random(seed);
    }

    synchronized NewCase next(int number) {
        int roll = random.nextInt(100);
        Kind kind = roll < 60 ? Kind.GENERAL : roll < 80 ? Kind.COMPLAINT : roll < 92 ? Kind.ON_THE_SPOT
                : roll < 97 ? Kind.COMPLEX : Kind.EMERGENCY;
        String[] category = kind == Kind.EMERGENCY ? new String[] { "OTHER", "EMERGENCY" }
                : CATEGORIES.get(random.nextInt(CATEGORIES.size()));
        String channel = CHANNELS[random.nextInt(CHANNELS.length)];
        String caseKind = switch (kind) {
            case COMPLAINT -> "COMPLAINT";
            case ON_THE_SPOT -> "CONSULTATION";
            case EMERGENCY, COMPLEX -> "HELP_REQUEST";
            case GENERAL -> random.nextBoolean() ? "HELP_REQUEST" : "SUGGESTION";
        };
        String urgency = kind == Kind.EMERGENCY ? "EMERGENCY" : kind == Kind.COMPLEX ? "COMPLEX" : "NORMAL";
        Instant now = Instant.now();
        String timing = channel.equals("PHONE")
                ? ",\"ringStartedAt\":\"" + now.minusSeconds(8) + "\",\"answeredAt\":\"" + now.minusSeconds(3) + "\""
                : channel.equals("WALK_IN")
                        ? ",\"arrivedAt\":\"" + now.minusSeconds(60) + "\",\"receivedAt\":\"" + now + "\"" : "";
        String answer = kind == Kind.ON_THE_SPOT ? ",\"answer\":\"Opening hours are 9:00 to 17:00 on weekdays\"" : "";
        String json = "{\"channel\":\"" + channel + "\",\"kind\":\"" + caseKind + "\",\"category\":\"" + category[0]
                + "\"" + (category[1] == null ? "" : ",\"subCategory\":\"" + category[1] + "\"")
                + ",\"urgency\":\"" + urgency + "\",\"description\":\"Load benchmark case " + number
                + ": a realistic description of the caller's problem, about one or two sentences long.\""
                + ",\"caller\":{\"name\":\"Bench Caller " + number + "\",\"phone\":\"139" + String.format("%08d",
                        number % 100_000_000) + "\",\"preferredFeedbackChannel\":\"SMS\"}"
                + ",\"location\":{\"address\":\"" + (1 + random.nextInt(300)) + " Renmin Road\",\"latitude\":31.23,"
                + "\"longitude\":121.47},\"operatorId\":\"op-" + (100 + random.nextInt(40)) + "\"" + timing + answer
                + "}";
        return new NewCase(kind, json);
    }
}
