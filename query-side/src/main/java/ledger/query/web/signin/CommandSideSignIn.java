package ledger.query.web.signin;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import ledger.kernel.security.Role;
import ledger.query.web.CommandSide;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Signs a person in to the web application by asking the command side, which checks the password (one
 * home for it) and answers with the token their writes are forwarded with. The password goes no further.
 */
public class CommandSideSignIn implements AuthenticationProvider {

    private final CommandSide commandSide;

    public CommandSideSignIn(CommandSide commandSide) {
        this.commandSide = commandSide;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String username = attempt.getName() == null ? "" : attempt.getName().trim();
        String password = attempt.getCredentials() == null ? "" : attempt.getCredentials().toString();
        if (username.isEmpty() || password.isEmpty()) {
            throw new BadCredentialsException("empty");
        }
        CommandSide.SignInAnswer answer = commandSide.signIn(username, password);
        switch (answer.outcome()) {
            case REFUSED -> throw new BadCredentialsException("refused");
            case UNAVAILABLE -> throw new AuthenticationServiceException("the command side did not answer");
            default -> { }
        }
        Map<String, Object> body = answer.body();
        SignedInPerson person = new SignedInPerson((String) body.get("username"), (String) body.get("displayName"),
                (String) body.get("personId"), Role.valueOf((String) body.get("role")), (String) body.get("unitId"),
                (String) body.get("token"), Instant.parse((String) body.get("expiresAt")));
        return UsernamePasswordAuthenticationToken.authenticated(person, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + person.role().name())));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
