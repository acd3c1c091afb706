package ledger.query;

import ledger.web.MalformedRequests;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Errors outside any controller, even requests Tomcat refuses before Spring sees them, are problem documents. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ledger.store.embedded-persistent=false", "ledger.security.bcrypt-strength=4"})
class MalformedRequestTest {

    @LocalServerPort
    int port;

    @Test
    void requests_the_container_refuses_are_problem_documents() throws Exception {
        MalformedRequests.assertAnsweredWithProblems(port);
    }

    @Test
    void the_error_page_is_a_problem_document_for_anybody() throws Exception {
        MalformedRequests.assertErrorPageIsAProblem(port);
    }
}
