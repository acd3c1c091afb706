package ledger.query.web;

import java.security.SecureRandom;

/** The first password of a new account, shown once to whoever opened it to hand over (the owner changes it). */
public final class FirstPasswords {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Letters and digits that cannot be mistaken for one another when read off the screen. */
    private static final String LETTERS = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private FirstPasswords() {
    }

    public static String make() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            password.append(LETTERS.charAt(RANDOM.nextInt(LETTERS.length())));
        }
        return password.toString();
    }
}
