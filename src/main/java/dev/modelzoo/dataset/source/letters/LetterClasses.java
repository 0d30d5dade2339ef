package dev.modelzoo.dataset.source.letters;

import java.util.List;

/**
 * The 37 classes of the letters corpus, merged as in EMNIST "balanced" without its digits: the 26 capitals and the
 * 11 lowercase letters whose shape differs from their capital (a b d e f g h n q r t). For the 15 letters whose two
 * cases look alike (c i j k l m o p s u v w x y z), a sample of the capital's class draws either case.
 */
public final class LetterClasses {

    /** Lowercase letters that are classes of their own. */
    static final String OWN_LOWERCASE = "abdefghnqrt";

    /** Class names in label order: "A".."Z", then "a", "b", "d", ... */
    public static final List<String> NAMES = names();

    private LetterClasses() {
    }

    /** The characters a sample of class {@code label} may be drawn as (one or two). */
    static String characters(int label) {
        String name = NAMES.get(label);
        char letter = name.charAt(0);
        if (Character.isLowerCase(letter)) {
            return name;
        }
        char lower = Character.toLowerCase(letter);
        return OWN_LOWERCASE.indexOf(lower) >= 0 ? name : name + lower;
    }

    /** Every character some class may be drawn as: a font must render all of them. */
    static String allCharacters() {
        StringBuilder all = new StringBuilder();
        for (int label = 0; label < NAMES.size(); label++) {
            for (char c : characters(label).toCharArray()) {
                if (all.indexOf(String.valueOf(c)) < 0) {
                    all.append(c);
                }
            }
        }
        return all.toString();
    }

    private static List<String> names() {
        StringBuilder names = new StringBuilder();
        for (char c = 'A'; c <= 'Z'; c++) {
            names.append(c);
        }
        names.append(OWN_LOWERCASE);
        return names.chars().mapToObj(c -> String.valueOf((char) c)).toList();
    }
}
