package cc.chitty.connect.hub.security;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start, before any server or bean, when no operator password is configured and
 * {@code hub.operator.generate-password} is off (the {@code prod} profile): a generated password is printed in the
 * ready banner, and a container's log is kept, shipped and read by more people than the operator.
 */
class OperatorPasswordRequirement implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        String password = env.getProperty("hub.operator.password");
        if ((password == null || password.isBlank())
                && !env.getProperty("hub.operator.generate-password", Boolean.class, true)) {
            throw new IllegalStateException("No operator password is configured (HUB_OPERATOR_PASSWORD) and the "
                    + "prod profile does not generate one: set it from a secret");
        }
    }
}
