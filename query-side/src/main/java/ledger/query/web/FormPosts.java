package ledger.query.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import ledger.query.web.signin.SignedInPerson;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A posted form's round trip, as the meeting and task force pages use it: keep only the page's fields of what
 * was typed, forward the command as the signed-in person unless the page already found something wrong, and
 * on a refusal put the command side's Chinese sentence into the form and its status on the response.
 */
@Component
public class FormPosts {

    private final CommandSide commandSide;
    private final MessageSource messages;

    FormPosts(CommandSide commandSide, MessageSource messages) {
        this.commandSide = commandSide;
        this.messages = messages;
    }

    public Form typed(Map<String, String> typed, String... fields) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : fields) {
            values.put(field, typed.getOrDefault(field, ""));
        }
        return new Form(values, messages);
    }

    public Form empty(String... fields) {
        return Form.empty(messages, fields);
    }

    /** The accepted command, or null when the form now says what is wrong (the response has the status). */
    public CommandSide.Outcome send(SignedInPerson me, Form form, String path, Object body,
                                    HttpServletResponse response) {
        if (form.hasErrors()) {
            response.setStatus(400);
            return null;
        }
        CommandSide.Outcome outcome = commandSide.send(me, path, body, null);
        if (outcome.accepted()) {
            return outcome;
        }
        if (outcome.signInLapsed()) {
            throw new SignInLapsedException();
        }
        form.refused(outcome);
        response.setStatus(outcome.status());
        return null;
    }
}
