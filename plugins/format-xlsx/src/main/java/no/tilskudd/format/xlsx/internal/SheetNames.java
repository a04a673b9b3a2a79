package no.tilskudd.format.xlsx.internal;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Hands out sheet names that Excel accepts: at most 31 characters, none of {@code [ ] : * ? / \}, not starting or
 * ending with an apostrophe, not "History" (reserved by Excel), and unique without regard to case.
 */
final class SheetNames {

    static final int MAX = 31;

    private final Set<String> used = new HashSet<>();

    /**
     * A unique, valid name as close to the wanted one as possible.
     *
     * @param wanted   the wanted name (any text)
     * @param fallback used when nothing of the wanted name is left after cleaning
     * @return the name, now taken
     */
    String unique(String wanted, String fallback) {
        String base = clean(wanted);
        if (base.isEmpty()) {
            base = clean(fallback);
        }
        if (base.isEmpty()) {
            base = "Ark";
        }
        String name = base;
        for (int i = 2; !free(name); i++) {
            String suffix = " (" + i + ")";
            name = cut(base, MAX - suffix.length()) + suffix;
        }
        used.add(name.toLowerCase(Locale.ROOT));
        return name;
    }

    /**
     * Marks a name as taken.
     *
     * @param name the name
     */
    void reserve(String name) {
        used.add(name.toLowerCase(Locale.ROOT));
    }

    private boolean free(String name) {
        return !used.contains(name.toLowerCase(Locale.ROOT)) && !name.equalsIgnoreCase("History");
    }

    static String clean(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ("[]:*?/\\".indexOf(c) >= 0 || Character.isISOControl(c)) {
                b.append(' ');
            } else {
                b.append(c);
            }
        }
        String t = b.toString().replaceAll("\\s+", " ").trim();
        t = trimApostrophes(t);
        return trimApostrophes(cut(t, MAX));
    }

    private static String trimApostrophes(String t) {
        while (t.startsWith("'")) {
            t = t.substring(1).trim();
        }
        while (t.endsWith("'")) {
            t = t.substring(0, t.length() - 1).trim();
        }
        return t;
    }

    /**
     * Cuts at the last word boundary within the limit, so that a name never ends in half a word ("Måloppnåelse i
     * bruk av tilskudd", not "… tilsk"), and drops a dangling separator; only a single word longer than the limit is
     * cut inside it.
     */
    static String cut(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int space = s.lastIndexOf(' ', max);
        String head = space > 0 ? s.substring(0, space) : s.substring(0, max);
        head = head.trim();
        while (!head.isEmpty() && ",;:-–—(".indexOf(head.charAt(head.length() - 1)) >= 0) {
            head = head.substring(0, head.length() - 1).trim();
        }
        return head.isEmpty() ? s.substring(0, max).trim() : head;
    }
}
