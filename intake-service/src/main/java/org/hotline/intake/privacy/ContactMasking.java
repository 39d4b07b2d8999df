package org.hotline.intake.privacy;

import java.util.regex.Pattern;

/**
 * Masks contact details for display to people who need to recognise a caller but not reach them:
 * {@code 13900139000} → {@code 139****9000}, {@code 李四} → {@code 李*}, {@code zhang.san@example.org} →
 * {@code z***@example.org}.
 */
public final class ContactMasking {

    private static final Pattern SPACES = Pattern.compile("\\s+");

    private ContactMasking() {
    }

    public static String phone(String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        StringBuilder kept = new StringBuilder(phone.length());
        phone.chars().filter(c -> c >= '0' && c <= '9').forEach(c -> kept.append((char) c));
        String digits = kept.toString();
        if (digits.length() >= 8) {
            return digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
        }
        if (digits.length() <= 2) {
            return "*".repeat(digits.length());
        }
        return "*".repeat(digits.length() - 2) + digits.substring(digits.length() - 2);
    }

    /** Keeps the first character of each word of the name. */
    public static String name(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        StringBuilder masked = new StringBuilder();
        for (String word : SPACES.split(name.trim())) {
            if (!masked.isEmpty()) {
                masked.append(' ');
            }
            int first = word.offsetByCodePoints(0, 1);
            masked.append(word, 0, first).append("*".repeat(Math.max(1, word.codePointCount(first, word.length()))));
        }
        return masked.toString();
    }

    public static String email(String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        int at = email.indexOf('@');
        if (at <= 0) {
            return "***";
        }
        return email.charAt(0) + "***" + email.substring(at);
    }
}
