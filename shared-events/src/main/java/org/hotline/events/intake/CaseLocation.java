package org.hotline.events.intake;

/** Where the problem is. Coordinates are optional; {@code area} is the administrative area code if known. */
public record CaseLocation(String address, Double latitude, Double longitude, String area) {
}
