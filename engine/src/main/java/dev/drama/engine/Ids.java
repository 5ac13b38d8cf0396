package dev.drama.engine;

/** Ids of characters and options: a letter followed by letters, digits or '_' (drama-theory.md section 3). */
public final class Ids {
    private Ids() {
    }

    public static boolean isValid(String id) {
        if (id == null || id.isEmpty() || !isLetter(id.charAt(0))) {
            return false;
        }
        for (int i = 1; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!isLetter(c) && !(c >= '0' && c <= '9') && c != '_') {
                return false;
            }
        }
        return true;
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
