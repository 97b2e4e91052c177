package cc.chitty.connect.hub.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The operator login for the admin API, Hawtio and Jolokia, from {@code hub.operator.*}. When no password is
 * configured one is generated for this run; only then is it shown, once, in the ready banner.
 */
@Component
public class OperatorCredentials {

    private final String username;
    private final String password;
    private final boolean generated;

    OperatorCredentials(@Value("${hub.operator.username}") String username,
            @Value("${hub.operator.password:}") String password) {
        this.username = username;
        this.generated = password == null || password.isBlank();
        this.password = generated ? randomPassword() : password;
    }

    public String username() {
        return username;
    }

    String password() {
        return password;
    }

    /** The generated password, for the one-time banner; empty when the password came from configuration. */
    public Optional<String> generatedPassword() {
        return generated ? Optional.of(password) : Optional.empty();
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
