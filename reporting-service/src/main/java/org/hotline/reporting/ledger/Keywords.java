package org.hotline.reporting.ledger;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The keywords of a problem description, for the common-problems report (常見問題). Only these are kept, never the
 * description. Latin-script words of three or more letters (lower-cased, common English stop words left out) and,
 * for Chinese, every two-character pair of a run of Han characters (there is no word segmenter here: pairs are the
 * usual stand-in). Anything with a digit is left out (phone numbers, house numbers, dates). Plain Java.
 */
final class Keywords {

    /** At most this many keywords per case, the first ones in the text. */
    static final int MAX_PER_CASE = 12;

    private static final Pattern LATIN = Pattern.compile("\\p{IsLatin}{3,}");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}{2,}");
    private static final Set<String> STOP_WORDS = Set.of("the", "and", "for", "are", "was", "were", "has", "have",
            "had", "not", "but", "with", "from", "this", "that", "there", "their", "they", "them", "our", "your",
            "you", "she", "him", "her", "his", "its", "all", "any", "can", "could", "would", "should", "will", "been",
            "into", "about", "again", "very", "too", "also", "than", "then", "when", "what", "which", "who", "why",
            "how", "out", "off", "over", "under", "outside", "inside", "since", "still", "just", "only", "some",
            "every", "each", "more", "most", "days", "day", "week", "weeks", "please", "number");
    private static final Set<String> HAN_STOP_PAIRS = Set.of("我們", "你們", "他們", "一個", "沒有", "這個", "那個",
            "已經", "還是", "但是", "因為", "所以", "我们", "你们", "他们", "没有", "这个", "已经", "还是", "因为");

    private Keywords() {
    }

    static List<String> of(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String normal = Normalizer.normalize(text, Normalizer.Form.NFKC);
        Set<String> found = new LinkedHashSet<>();
        Matcher latin = LATIN.matcher(normal);
        while (latin.find() && found.size() < MAX_PER_CASE) {
            String word = latin.group().toLowerCase(Locale.ROOT);
            if (!STOP_WORDS.contains(word)) {
                found.add(word);
            }
        }
        Matcher han = HAN.matcher(normal);
        while (han.find() && found.size() < MAX_PER_CASE) {
            String run = han.group();
            for (int i = 0; i + 2 <= run.length() && found.size() < MAX_PER_CASE; i++) {
                String pair = run.substring(i, i + 2);
                if (!HAN_STOP_PAIRS.contains(pair)) {
                    found.add(pair);
                }
            }
        }
        return List.copyOf(found);
    }
}
