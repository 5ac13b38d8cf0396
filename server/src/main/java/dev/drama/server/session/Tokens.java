package dev.drama.server.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** Random secrets: resume tokens, join codes and ids. Only hashes of tokens are ever stored. */
public final class Tokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** No 0/O, 1/I/L: join codes are read aloud and typed by people. */
    private static final char[] CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();

    private Tokens() {
    }

    /** 256 random bits, URL-safe. */
    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** Characters of a join code; with the alphabet's 31 that is 31^10, about 8.2e14 codes. */
    static final int JOIN_CODE_LENGTH = 10;

    /**
     * A join code, grouped for reading aloud: {@code K7QF-2MAX-9P}. At the server-wide limit
     * on wrong codes (50 a second by default), finding one of 200 live sessions takes
     * 8.2e14 / 200 / 50 s, about 2,600 years; from one address (30 a minute), about 260,000.
     */
    public static String newJoinCode() {
        String code = random(CODE_ALPHABET, JOIN_CODE_LENGTH);
        return code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8);
    }

    /**
     * The form a typed join code is compared in: people may type it with or without its
     * dashes, with spaces, in lower case. Older seven-character codes compare the same way.
     */
    public static String canonicalJoinCode(String typed) {
        StringBuilder out = new StringBuilder(typed.length());
        typed.codePoints().filter(Character::isLetterOrDigit)
                .forEach(c -> out.appendCodePoint(Character.toUpperCase(c)));
        return out.toString();
    }

    public static String newSessionId() {
        return random("0123456789abcdef".toCharArray(), 12);
    }

    private static String random(char[] alphabet, int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = alphabet[RANDOM.nextInt(alphabet.length)];
        }
        return new String(out);
    }
}
