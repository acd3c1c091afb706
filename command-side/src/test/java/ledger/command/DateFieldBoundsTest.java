package ledger.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ledger.kernel.security.Role;
import ledger.security.TestAccounts;
import ledger.security.UserAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every date a command's body carries, found from the endpoints themselves (so a new command's
 * date is covered without touching this test), refuses days outside the ledger's range with a 400
 * naming that field: the typing errors that once froze views.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ledger.store.embedded-persistent=false", "ledger.security.bcrypt-strength=4"})
class DateFieldBoundsTest {

    private static final List<String> DAYS = List.of("+999999999-12-31", "0000-01-01", "-0001-01-01", "1949-12-31",
            "2101-01-01");
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}:]+)[^}]*}");

    /** A date field of one endpoint's body: where it sits in the JSON, and its type. */
    record DateField(String method, String path, String field, Class<?> type) {
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    UserAccounts accounts;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void every_date_in_every_command_body_refuses_days_outside_the_ledger() {
        TestAccounts.ensure(accounts, passwords);
        List<DateField> fields = dateFields();
        assertThat(fields).as("the endpoints' date fields were found")
                .extracting(DateField::field).contains("dueDate", "milestones[0].dueDate", "ledgerMonth");

        List<String> wrong = new ArrayList<>();
        for (DateField field : fields) {
            for (String day : DAYS) {
                String value = field.type() == YearMonth.class ? day.substring(0, day.lastIndexOf('-'))
                        : field.type() == Instant.class ? day + "T00:00:00Z" : day;
                ResponseEntity<Map> answer = postAsAnyoneAllowed(field, value);
                Object errors = answer.getBody() == null ? null : answer.getBody().get("errors");
                boolean named = errors instanceof List<?> list && list.stream()
                        .anyMatch(e -> e instanceof Map<?, ?> m && field.field().equals(m.get("field")));
                if (answer.getStatusCode().value() != 400 || !named) {
                    wrong.add(field + " = " + value + " -> " + answer.getStatusCode().value() + " " + answer.getBody());
                }
            }
        }
        assertThat(wrong).as("date fields that took a day outside 1950-01-01 … 2100-12-31").isEmpty();
    }

    /** Posts only the date (the rest of the body is never read that far), as a role the endpoint admits. */
    private ResponseEntity<Map> postAsAnyoneAllowed(DateField field, String value) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        HttpEntity<String> body = new HttpEntity<>(json(field.field(), value), headers);
        ResponseEntity<Map> last = null;
        for (Role role : Role.values()) {
            if (role == Role.SYSTEM) {
                continue;
            }
            last = http.withBasicAuth(TestAccounts.username(role), TestAccounts.PASSWORD)
                    .exchange(field.path(), HttpMethod.valueOf(field.method()), body, Map.class);
            if (last.getStatusCode().value() != 401 && last.getStatusCode().value() != 403) {
                return last;
            }
        }
        return last;
    }

    /** {@code milestones[0].dueDate} as {@code {"milestones":[{"dueDate":"…"}]}}. */
    private static String json(String field, String value) {
        String inner = "\"" + value + "\"";
        String[] steps = field.split("\\.");
        for (int i = steps.length - 1; i >= 0; i--) {
            String step = steps[i];
            inner = step.endsWith("[0]")
                    ? "{\"" + step.substring(0, step.length() - 3) + "\":[" + inner + "]}"
                    : "{\"" + step + "\":" + inner + "}";
        }
        return inner;
    }

    private List<DateField> dateFields() {
        List<DateField> fields = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
            for (MethodParameter parameter : mapping.getValue().getMethodParameters()) {
                if (!parameter.hasParameterAnnotation(RequestBody.class)) {
                    continue;
                }
                List<Map.Entry<String, Class<?>>> found = new ArrayList<>();
                collect(parameter.getGenericParameterType(), "", found);
                for (String path : mapping.getKey().getPatternValues()) {
                    for (var method : mapping.getKey().getMethodsCondition().getMethods()) {
                        for (Map.Entry<String, Class<?>> date : found) {
                            fields.add(new DateField(method.name(), concrete(path), date.getKey(), date.getValue()));
                        }
                    }
                }
            }
        }
        return fields;
    }

    private static void collect(Type type, String prefix, List<Map.Entry<String, Class<?>>> found) {
        if (type instanceof ParameterizedType generic && generic.getRawType() instanceof Class<?> raw
                && (Collection.class.isAssignableFrom(raw) || raw == Optional.class)) {
            String element = Collection.class.isAssignableFrom(raw) ? prefix + "[0]" : prefix;
            collect(generic.getActualTypeArguments()[0], element, found);
            return;
        }
        if (!(type instanceof Class<?> raw)) {
            return;
        }
        if (raw == LocalDate.class || raw == YearMonth.class || raw == Instant.class) {
            found.add(Map.entry(prefix, raw));
        } else if (raw.isRecord()) {
            for (RecordComponent component : raw.getRecordComponents()) {
                String name = prefix.isEmpty() ? component.getName() : prefix + "." + component.getName();
                collect(component.getGenericType(), name, found);
            }
        }
    }

    /** A path with its variables filled in: the refusal comes before anything is looked up. */
    private static String concrete(String pattern) {
        Matcher variable = PATH_VARIABLE.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (variable.find()) {
            variable.appendReplacement(path, variable.group(1).toLowerCase().contains("month") ? "2026-03" : "x-1");
        }
        return variable.appendTail(path).toString();
    }
}
