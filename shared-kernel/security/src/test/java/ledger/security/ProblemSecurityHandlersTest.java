package ledger.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.MongoTimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;

class ProblemSecurityHandlersTest {

    private final ProblemSecurityHandlers handlers = new ProblemSecurityHandlers(new ObjectMapper(), "Basic realm=\"ledger\"");

    @Test
    void a_sign_in_the_store_could_not_check_answers_503_with_retry_after_not_401() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MongoTimeoutException down = new MongoTimeoutException("Timed out while waiting for 10.0.0.7:27017");

        handlers.commence(new MockHttpServletRequest("POST", "/api/tasks"), response,
                new InternalAuthenticationServiceException(down.getMessage(), down));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("1");
        assertThat(response.getContentAsString()).contains("\"code\":\"STORE_UNAVAILABLE\"").doesNotContain("10.0.0.7");
    }

    @Test
    void wrong_credentials_still_answer_401() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        handlers.commence(new MockHttpServletRequest("POST", "/api/tasks"), response,
                new BadCredentialsException("Bad credentials"));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getContentAsString()).contains("AUTHENTICATION_REQUIRED");
    }
}
