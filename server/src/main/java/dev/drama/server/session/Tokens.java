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

    /** A join code: 31^7 (about 2.7e10) possibilities, tried at most a few per second per connection. */
    public static String newJoinCode() {
        return random(CODE_ALPHABET, 7);
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
